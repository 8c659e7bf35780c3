using Collab.Registry;
using Collab.Rights;

namespace Collab.Tiers;

/// <summary>An office's work for a client, as a whole: reached while the office works for the client (<see cref="ClientWork"/>).</summary>
internal readonly record struct WorkFor(OfficeId Office, ClientId Client);

/// <summary>
/// Whether an office still works for a client (SEC-3, SEC-5): a collaboration that has not ended (in the office's zone, RET-1),
/// or a live administration of the client it holds or was granted (<see cref="AdministrationAccess"/>). An office's reach to its
/// deliverables, portal and questions for that client, and its invitees' reach to them, end with it. Used by the reach rules.
/// </summary>
internal sealed class ClientWork(ITierStore tiers, IRightsStore rights, IOfficeStore registry, NodaTime.IClock clock, OfficeCalendar calendar) : Authorization.IReachRule<WorkFor>
{
    /// <summary>An office's work for a client is within reach only while the office works for the client (SEC-5).</summary>
    public async ValueTask<bool> ReachesAsync(Authorization.Acting acting, Authorization.CollabAction action, WorkFor target, CancellationToken cancellationToken) =>
        await OfficeWorksForAsync(target.Office, target.Client, cancellationToken).ConfigureAwait(false);

    internal async Task<bool> OfficeWorksForAsync(OfficeId office, ClientId client, CancellationToken cancellationToken)
    {
        if (await tiers.FindCollaborationAsync(office, client, cancellationToken).ConfigureAwait(false) is { } collaboration)
        {
            if (collaboration.EndsOn is not { } ends)
            {
                return true;
            }

            var zone = await registry.FindOfficeAsync(office, cancellationToken).ConfigureAwait(false) is { } found ? calendar.ZoneOf(found) : calendar.DefaultZone;
            if (clock.GetCurrentInstant().InZone(zone).Date <= ends)
            {
                return true;
            }
        }

        return await rights.OfficeReachesClientAsync(office, client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a collaboration between the office and the client exists (ended or not).</summary>
    internal async ValueTask<bool> CollaborationExistsAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        await tiers.FindCollaborationAsync(office, client, cancellationToken).ConfigureAwait(false) is not null;
}
