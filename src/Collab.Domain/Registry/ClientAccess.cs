using Collab.Authorization;
using Collab.Tiers;

namespace Collab.Registry;

/// <summary>A client, and the office a request names when it acts for one (null when none is named).</summary>
internal readonly record struct ClientTarget(ClientId Client, OfficeId? Office);

/// <summary>
/// Acting on a client (SEC-3): an office user whose office still works for it (and is the office named, when one is), one of the
/// client's own users — an office's invitee only for reads, and only towards its own office (SEC-5) — or the platform.
/// </summary>
internal sealed class ClientAccess(IClientStore registry, ClientWork work) : IReachRule<ClientTarget>
{
    public async ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, ClientTarget target, CancellationToken cancellationToken) => acting switch
    {
        { IsPlatform: true } => await registry.FindClientAsync(target.Client, cancellationToken).ConfigureAwait(false) is not null,
        { Office: { } office } => (target.Office is null || target.Office == office) && await work.OfficeWorksForAsync(office, target.Client, cancellationToken).ConfigureAwait(false),
        { User: { } user } => user.ClientId == target.Client
            && (target.Office is not { } named ? user.IsHomedAtClient || action is CollabAction.ReadClient or CollabAction.ReadCompanies
                : user.SeesWorkOf(named) && await work.CollaborationExistsAsync(named, target.Client, cancellationToken).ConfigureAwait(false)),
        _ => false,
    };
}
