using Collab.Authorization;
using Collab.Tiers;

namespace Collab.Registry;

/// <summary>
/// Acting for an office: its own users; for actions that allow it, the platform; and — to read the office and its portal — the
/// users of a client it collaborates with, an office's invitee only its own office (SEC-5).
/// </summary>
internal sealed class OfficeAccess(IOfficeStore registry, ClientWork work) : IReachRule<OfficeId>
{
    public async ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, OfficeId office, CancellationToken cancellationToken) => acting switch
    {
        { IsPlatform: true } => await registry.FindOfficeAsync(office, cancellationToken).ConfigureAwait(false) is not null,
        { Office: { } own } => own == office,
        { User: { ClientId: { } client } user } => action is CollabAction.ReadOffice or CollabAction.ReadPortal // a client user sees its offices, nothing more
            && user.SeesWorkOf(office) && await work.CollaborationExistsAsync(office, client, cancellationToken).ConfigureAwait(false),
        _ => false,
    };
}
