using System.Linq.Expressions;
using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;

namespace Collab.Deliverables;

/// <summary>
/// Which client user sees an office's work for its client (SEC-1, SEC-5), written once: work of its own client, for a company it was
/// given, from any office when it is homed at the client and only from its home office when it is an office's invitee.
/// <see cref="Rule"/> is the rule as an expression tree, for a query through <see cref="ReachRules.Expand{TDelegate}"/> (Collab's EF
/// portal history query keeps a written-out form of it, measured faster, and a property proves the two agree); <see cref="ClientUserSees(OfficeId, ClientId, CompanyId, ClientId, IEnumerable{CompanyId}, OfficeId?)"/> evaluates it in memory, for a store of your own.
/// </summary>
public static class DeliverableAccess
{
    /// <summary>
    /// The rule over the work's office, client and company and the reader's client, companies and home (null: homed at the client).
    /// </summary>
    public static Expression<Func<OfficeId, ClientId, CompanyId, ClientId, IEnumerable<CompanyId>, OfficeId?, bool>> Rule { get; } =
        (office, client, company, readerClient, readerCompanies, readerHome) =>
            client == readerClient && readerCompanies.Contains(company) && (readerHome ?? office) == office; // homed at the client (null): any office

    private static readonly Func<OfficeId, ClientId, CompanyId, ClientId, IEnumerable<CompanyId>, OfficeId?, bool> Compiled = Rule.Compile();

    /// <summary>Whether a client user sees an office's work (SEC-1, SEC-5), evaluated in memory; inside an expanded query, <see cref="Rule"/> itself.</summary>
    /// <param name="office">The office whose work it is.</param>
    /// <param name="client">The client it is for.</param>
    /// <param name="company">The company it is for.</param>
    /// <param name="readerClient">The reader's client.</param>
    /// <param name="readerCompanies">The companies the reader was given.</param>
    /// <param name="readerHome">The office the reader is homed at, or null when it is one of the client's own users.</param>
    /// <returns>True when the reader sees the work.</returns>
    [ReachRule(typeof(DeliverableAccess), nameof(Rule))]
    public static bool ClientUserSees(OfficeId office, ClientId client, CompanyId company, ClientId readerClient, IEnumerable<CompanyId> readerCompanies, OfficeId? readerHome)
    {
        ArgumentNullException.ThrowIfNull(readerCompanies);
        return Compiled(office, client, company, readerClient, readerCompanies, readerHome);
    }

    /// <summary>Whether an active client user sees an office's work that the client may see now (the rule, for a registry user).</summary>
    internal static bool ClientUserSees(CollabUser user, OfficeWork work) =>
        work.ClientMaySee && user is { Kind: UserKind.ClientUser, IsActive: true, ClientId: { } client }
        && ClientUserSees(work.Office, work.Client, work.Company, client, user.Companies, user.HomeOfficeId);
}

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
internal sealed class DeliverableReach(ClientWork work) : IReachRule<OfficeWork>, IReachRule<Deliverable>
{
    /// <summary>A deliverable: the client's users see it once it exists for the client — shared, or kept in its history (SHARE-5).</summary>
    public ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, Deliverable target, CancellationToken cancellationToken) =>
        ReachesAsync(acting, action, new OfficeWork(target.OfficeId, target.ClientId, target.CompanyId, target.ExistsForClient), cancellationToken);

    public async ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, OfficeWork target, CancellationToken cancellationToken) => acting switch
    {
        // The office's own work, while it still works for the client: its reach ends with the collaboration (SEC-5).
        { Office: { } office } => office == target.Office
            && (target.Client == default || await work.OfficeWorksForAsync(target.Office, target.Client, cancellationToken).ConfigureAwait(false)), // a template is the office's, for no client
        { IsClientUser: true, User: { } user } => DeliverableAccess.ClientUserSees(user, target)
            && (user.HomeOfficeId is not { } home || await work.OfficeWorksForAsync(home, target.Client, cancellationToken).ConfigureAwait(false)), // an invitee's reach ends with its office's
        _ => false,
    };
}
