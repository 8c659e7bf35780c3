using Collab.Authorization;
using Collab.Tiers;

namespace Collab.Registry;

/// <summary>
/// Acting on a user (SEC-5, SEC-7): itself (reads), the platform, an office on its own users and — to read — on the client users it
/// works with; to make, widen, deactivate or re-invite, only on the client users homed at it (and re-inviting the client's own users
/// it registered while they have not accepted); a client user reads its client's users it shares a home with, and a client
/// administrator manages its client's own (client-homed) users.
/// </summary>
internal sealed class UserAccess(IUserStore registry, ClientWork work) : IReachRule<CollabUser>
{
    public async ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, CollabUser target, CancellationToken cancellationToken)
    {
        var reads = action is CollabAction.ReadUsers or CollabAction.ReadAudit;
        return acting switch
        {
            { IsPlatform: true } => true,
            { User: { } self } when self.Id == target.Id => reads,
            { Office: { } office } => target.OfficeId is { } colleagues
                ? colleagues == office
                : target.ClientId is { } client
                    && (reads ? target.SeesWorkOf(office)
                        : target.HomeOfficeId == office
                            || (action == CollabAction.ReissueInvitation && await InvitedByOfficeAsync(target, office, cancellationToken).ConfigureAwait(false)))
                    && await work.OfficeWorksForAsync(office, client, cancellationToken).ConfigureAwait(false),
            { User: { } user } => target.ClientId is not null && target.ClientId == user.ClientId
                && (action == CollabAction.ReadUsers ? user.IsHomedAtClient || target.HomeOfficeId == user.HomeOfficeId
                    : !reads && user.IsClientAdministrator && target.IsHomedAtClient),
            _ => false,
        };
    }

    // The client's own users an office registered (ONB-1, LIC-2): that office re-invites them while they have not accepted (SEC-7).
    private async Task<bool> InvitedByOfficeAsync(CollabUser user, OfficeId office, CancellationToken cancellationToken) =>
        user.Acceptance == UserAcceptance.Pending && user.InvitedBy is { } inviter
        && (await registry.FindUserAsync(inviter, cancellationToken).ConfigureAwait(false))?.OfficeId == office;
}
