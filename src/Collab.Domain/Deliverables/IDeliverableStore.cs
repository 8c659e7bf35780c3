using Ardalis.Specification;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>Reads reports, their links and who to tell about them.</summary>
public interface IDeliverableStore
{
    /// <summary>Finds a report, tracked for change.</summary>
    /// <param name="id">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report, or null.</returns>
    Task<Deliverable?> FindDeliverableAsync(DeliverableId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a link by its id, tracked for change.</summary>
    /// <param name="id">The link id from the token.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The link, or null.</returns>
    Task<ShareLink?> FindLinkAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The report's links that were not replaced, tracked for change.</summary>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The links.</returns>
    Task<IReadOnlyList<ShareLink>> CurrentLinksAsync(DeliverableId deliverable, CancellationToken cancellationToken = default);

    /// <summary>Open approval tasks whose reminder is due and not yet sent, oldest first, tracked (index on state and due instant).</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    Task<IReadOnlyList<Deliverable>> FindDueRemindersAsync(Instant now, int max, CancellationToken cancellationToken = default);

    /// <summary>Open approval tasks of the given clients at an office (work that needs approvals, TIER-4).</summary>
    /// <param name="office">The office.</param>
    /// <param name="clients">The clients.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Client and report title per open task.</returns>
    Task<IReadOnlyList<(ClientId Client, string Title, LocalDate? Deadline)>> OpenApprovalsAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken = default);

    /// <summary>Open approval tasks whose deadline has passed, tracked.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    Task<IReadOnlyList<Deliverable>> FindOverdueAsync(Instant now, int max, CancellationToken cancellationToken = default);

    /// <summary>An office's reports, newest first, at most <paramref name="max"/>; untracked.</summary>
    /// <param name="office">The office.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    Task<IReadOnlyList<Deliverable>> ListForOfficeAsync(OfficeId office, int max, CancellationToken cancellationToken = default);

    /// <summary>A company's reports, newest first; untracked.</summary>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    Task<IReadOnlyList<Deliverable>> ListForCompanyAsync(CompanyId company, CancellationToken cancellationToken = default);

    /// <summary>
    /// The office overview's page (SHARE-17): applies the specification — its criteria, order and take — to the
    /// deliverables in the database, untracked. Collab builds the specification; it always holds the office scope.
    /// </summary>
    /// <param name="specification">What to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The deliverables.</returns>
    Task<IReadOnlyList<Deliverable>> OverviewAsync(ISpecification<Deliverable> specification, CancellationToken cancellationToken = default);

    /// <summary>How many deliverables that match the specification's criteria are in each state, counted in the database.</summary>
    /// <param name="specification">The criteria.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts of the states that occur.</returns>
    Task<IReadOnlyDictionary<DeliverableState, int>> CountByStateAsync(ISpecification<Deliverable> specification, CancellationToken cancellationToken = default);
}
