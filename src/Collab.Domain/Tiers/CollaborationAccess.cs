using Collab.Authorization;
using Collab.Registry;
using Collab.Rights;

namespace Collab.Tiers;

/// <summary>A collaboration about to start: the office and the client (ONB-3).</summary>
internal readonly record struct NewCollaboration(OfficeId Office, ClientId Client);

/// <summary>
/// Starting a collaboration: the platform, or a user of the office when the client already came to that office — the office
/// holds one of the client's administrations or the client granted it rights to one (ONB-3). No office starts working for a
/// client on its own say-so.
/// </summary>
internal sealed class CollaborationAccess(IOfficeStore offices, IClientStore clients, IRightsStore rights) : IReachRule<NewCollaboration>
{
    public async ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, NewCollaboration target, CancellationToken cancellationToken) => acting switch
    {
        { IsPlatform: true } => await clients.FindClientAsync(target.Client, cancellationToken).ConfigureAwait(false) is not null
            && await offices.FindOfficeAsync(target.Office, cancellationToken).ConfigureAwait(false) is not null,
        { Office: { } office } => office == target.Office && await rights.OfficeReachesClientAsync(office, target.Client, cancellationToken).ConfigureAwait(false),
        _ => false,
    };
}
