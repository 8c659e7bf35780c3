using Collab.Authorization;
using Collab.Registry;

namespace Collab.Transfers;

/// <summary>
/// Acting on a transfer (SEC-1, SEC-5, XFER-3): users of the offices whose environments it moves between, and users of its client's
/// own who may reach every administration it moves (a client user given one company never acts on another company's move; an
/// office's invitee never on a move at all).
/// </summary>
internal sealed class TransferAccess(IAdministrationStore administrations, IEnvironmentStore environments) : IReachRule<TransferRequest>
{
    public async ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, TransferRequest target, CancellationToken cancellationToken)
    {
        if (acting.Office is { } office)
        {
            var sides = await environments.ListEnvironmentsAsync([target.FromEnvironment, target.ToEnvironment], cancellationToken).ConfigureAwait(false);
            return sides.Any(e => e.OfficeId == office);
        }

        if (!acting.IsClientUser || acting.User.ClientId != target.ClientId || !acting.User.IsHomedAtClient)
        {
            return false; // consenting to a move binds the client as a whole: an office's invitee never does (SEC-5)
        }

        foreach (var administration in target.Administrations)
        {
            var moved = await administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
            if (moved is null || !acting.User.MayReach(moved.CompanyId))
            {
                return false;
            }
        }

        return true;
    }
}
