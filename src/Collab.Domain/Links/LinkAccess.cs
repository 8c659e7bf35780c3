using Collab.Authorization;
using Collab.Registry;
using Collab.Rights;

namespace Collab.Links;

/// <summary>
/// Acting on an integration link: before an administration is chosen it belongs to whoever made it — the office of the office user
/// who started it, or the client user itself (SEC-6); from then on only a party that reaches that administration (LINK-3, SEC-1).
/// </summary>
internal sealed class LinkAccess(IAdministrationStore registry, AdministrationReach administrations) : IReachRule<IntegrationLink>
{
    public async ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, IntegrationLink target, CancellationToken cancellationToken) => target switch
    {
        { AdministrationId: null } => target.MadeByOffice is { } office
            ? acting.Office == office
            : target.MadeBy is { } maker && acting.User?.Id == maker,
        _ => await registry.FindAdministrationAsync(target.AdministrationId.Value, cancellationToken).ConfigureAwait(false) is { } bound
            && await administrations.ReachesAsync(acting, action, bound, cancellationToken).ConfigureAwait(false),
    };
}
