using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;

namespace Collab.Deliverables;

/// <summary>
/// Something an office made for a company of a client — a deliverable, a question batch, a questionnaire, a document, or (for no
/// client) a template — and whether the client may see it yet (a shared deliverable, a sent batch).
/// </summary>
/// <param name="Office">The office that made it.</param>
/// <param name="Client">The client it is for; default for an office's template.</param>
/// <param name="Company">The company it is for; default for an office's template.</param>
/// <param name="ClientMaySee">Whether the client's users may see it now.</param>
internal sealed record OfficeWork(OfficeId Office, ClientId Client, CompanyId Company, bool ClientMaySee);

/// <summary>
/// The reach rule of an office's work for a client (SEC-1, SEC-5): the office's own users while it still works for the client;
/// the client's users given that company once the client may see it — an office's invitee only its own office's work, and only
/// while that office works for the client.
/// </summary>
internal sealed class DeliverableAccess(ClientWork work) : IReachRule<OfficeWork>, IReachRule<Deliverable>
{
    /// <summary>A deliverable: the client's users see it once it exists for the client — shared, or kept in its history (SHARE-5).</summary>
    public ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, Deliverable target, CancellationToken cancellationToken) =>
        ReachesAsync(acting, action, new OfficeWork(target.OfficeId, target.ClientId, target.CompanyId, target.ExistsForClient), cancellationToken);

    public async ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, OfficeWork target, CancellationToken cancellationToken) => acting switch
    {
        // The office's own work, while it still works for the client: its reach ends with the collaboration (SEC-5).
        { Office: { } office } => office == target.Office
            && (target.Client == default || await work.OfficeWorksForAsync(target.Office, target.Client, cancellationToken).ConfigureAwait(false)), // a template is the office's, for no client
        { IsClientUser: true, User: { } user } => ClientUserSees(user, target)
            && (user.HomeOfficeId is not { } home || await work.OfficeWorksForAsync(home, target.Client, cancellationToken).ConfigureAwait(false)), // an invitee's reach ends with its office's
        _ => false,
    };

    /// <summary>Whether a client user may see an office's work (SEC-1, SEC-5): given the company, and homed at the client or at that office.</summary>
    internal static bool ClientUserSees(CollabUser user, OfficeWork work) =>
        work.ClientMaySee && user.ClientId == work.Client && user.MayReach(work.Company) && user.SeesWorkOf(work.Office);
}
