using Ardalis.Specification;
using Collab.Authorization;
using Collab.Tiers;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>Collab's own criteria for the office's deliverables (SHARE-17); every one left null matches everything.</summary>
/// <param name="States">Only these states.</param>
/// <param name="Line">Only this service line.</param>
/// <param name="Year">Only periods of this (financial) year.</param>
/// <param name="DeadlineFrom">Only approval deadlines on or after this day.</param>
/// <param name="DeadlineTo">Only approval deadlines on or before this day.</param>
/// <param name="Client">Only this client.</param>
public sealed record DeliverableFilter(
    IReadOnlyCollection<DeliverableState>? States = null, ServiceLine? Line = null, int? Year = null,
    LocalDate? DeadlineFrom = null, LocalDate? DeadlineTo = null, ClientId? Client = null);

/// <summary>A page of the office's deliverables, newest first, with the cursor for the next page (null on the last).</summary>
/// <param name="Items">The deliverables, as the office sees them (SEC-6).</param>
/// <param name="Next">Pass to get the next page; null when there is none.</param>
public sealed record DeliverablePage(IReadOnlyList<DeliverableOfficeView> Items, DeliverableId? Next);

/// <summary>A client in the office overview: its name and its one tier (TIER-3).</summary>
/// <param name="Client">The client.</param>
/// <param name="Name">Its name.</param>
/// <param name="Tier">Its tier at this office.</param>
public sealed record OverviewClient(ClientId Client, string Name, ClientTier Tier);

/// <summary>A page of the office's clients by id, with the cursor for the next page (null on the last).</summary>
/// <param name="Items">The clients.</param>
/// <param name="Next">Pass to get the next page; null when there is none.</param>
public sealed record ClientPage(IReadOnlyList<OverviewClient> Items, ClientId? Next);

/// <summary>
/// What the office overview runs against the store: Collab's office scope, the filter, the vendor's own criteria and
/// the keyset page, as one Ardalis specification. The vendor's specification contributes its <c>Where</c> criteria
/// only; ordering and paging are Collab's, so pages stay stable.
/// </summary>
internal sealed class OverviewSpecification : Specification<Deliverable>
{
    public OverviewSpecification(OfficeId office, DeliverableFilter filter, ISpecification<Deliverable>? vendor, DeliverableId? after, int? take, bool ignoreStates = false)
    {
        Query.Where(d => d.OfficeId == office); // SEC-3: the office scope is always Collab's own
        if (!ignoreStates && filter.States is { Count: > 0 } states)
        {
            var wanted = states.Distinct().ToArray();
            Query.Where(d => wanted.Contains(d.State));
        }

        if (filter.Line is { } line)
        {
            var kinds = DeliverableKinds.Of(line).ToArray();
            Query.Where(d => kinds.Contains(d.Kind));
        }

        if (filter.Year is { } year)
        {
            Query.Where(d => d.Period.Year == year);
        }

        if (filter.DeadlineFrom is { } from)
        {
            Query.Where(d => d.Deadline >= from);
        }

        if (filter.DeadlineTo is { } to)
        {
            Query.Where(d => d.Deadline <= to);
        }

        if (filter.Client is { } client)
        {
            Query.Where(d => d.ClientId == client);
        }

        foreach (var criterion in vendor?.WhereExpressions ?? [])
        {
            Query.Where(criterion.Filter);
        }

        if (after is { } cursor)
        {
            Query.Where(d => d.Id < cursor); // keyset: strictly older than the last one shown
        }

        if (take is { } n)
        {
            Query.OrderByDescending(d => d.Id).Take(n);
        }
    }
}

/// <summary>What the clients overview runs: the office scope, an optional tier, the vendor's criteria and the keyset page.</summary>
internal sealed class ClientOverviewSpecification : Specification<ClientCollaboration>
{
    public ClientOverviewSpecification(OfficeId office, IReadOnlyCollection<ClientTier>? tiers, ISpecification<ClientCollaboration>? vendor, ClientId? after, int take)
    {
        Query.Where(c => c.OfficeId == office);
        if (tiers is { Count: > 0 })
        {
            var wanted = tiers.Distinct().ToArray();
            Query.Where(c => wanted.Contains(c.Tier));
        }

        foreach (var criterion in vendor?.WhereExpressions ?? [])
        {
            Query.Where(criterion.Filter);
        }

        if (after is { } cursor)
        {
            Query.Where(c => c.ClientId > cursor);
        }

        Query.OrderBy(c => c.ClientId).Take(take);
    }
}

/// <summary>
/// The office overview (SHARE-17, "jaarrekeningen beheren"): the office's clients with their tier, and its deliverables
/// by status, service line, year and deadline, with counts per status, keyset-paged in the database. The filters are
/// Ardalis specifications, so a vendor adds criteria of its own ("clients of partner X") to Collab's; Collab always adds
/// the office scope itself. The clients selected here are what a bulk tier change takes (TIER-5).
/// </summary>
public sealed class OfficeOverviewService
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The most clients one selection returns.</summary>
    public const int MaxSelection = 10_000;

    private readonly CollabAuthorization _access;
    private readonly IDeliverableStore _deliverables;
    private readonly IOfficeOverviewStore _overview;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="deliverables">Reads deliverables.</param>
    /// <param name="overview">Reads the overview's clients.</param>
    public OfficeOverviewService(CollabAuthorization access, IDeliverableStore deliverables, IOfficeOverviewStore overview)
    {
        _access = access;
        _deliverables = deliverables;
        _overview = overview;
    }

    /// <summary>A page of the office's deliverables, newest first.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An office user of the office.</param>
    /// <param name="office">The office.</param>
    /// <param name="filter">Collab's criteria; null for all.</param>
    /// <param name="vendorCriteria">The vendor's own criteria (its <c>Where</c> clauses are used); null for none.</param>
    /// <param name="after">The cursor from the previous page; null for the first.</param>
    /// <param name="pageSize">1 … <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="CollabRefusalException">Not an office user of the office, or a page size out of range.</exception>
    public async Task<DeliverablePage> DeliverablesAsync(ActingParty party, OfficeId office, DeliverableFilter? filter = null, ISpecification<Deliverable>? vendorCriteria = null,
        DeliverableId? after = null, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        await _access.AuthorizeAsync(party, CollabAction.ReadOverview, office, cancellationToken).ConfigureAwait(false);
        var rows = await _deliverables.OverviewAsync(new OverviewSpecification(office, filter ?? new DeliverableFilter(), vendorCriteria, after, pageSize + 1), cancellationToken).ConfigureAwait(false);
        var items = rows.Take(pageSize).Select(DeliverableOfficeView.Of).ToList();
        return new DeliverablePage(items, rows.Count > pageSize ? rows[pageSize - 1].Id : null);
    }

    /// <summary>How many of the office's deliverables are in each state, under the same criteria except the states themselves.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An office user of the office.</param>
    /// <param name="office">The office.</param>
    /// <param name="filter">Collab's criteria (its states are ignored); null for all.</param>
    /// <param name="vendorCriteria">The vendor's own criteria; null for none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A count for every state, zero included.</returns>
    public async Task<IReadOnlyDictionary<DeliverableState, int>> CountsByStateAsync(ActingParty party, OfficeId office, DeliverableFilter? filter = null,
        ISpecification<Deliverable>? vendorCriteria = null, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadOverview, office, cancellationToken).ConfigureAwait(false);
        var counts = await _deliverables.CountByStateAsync(new OverviewSpecification(office, filter ?? new DeliverableFilter(), vendorCriteria, null, null, ignoreStates: true), cancellationToken).ConfigureAwait(false);
        return Enum.GetValues<DeliverableState>().ToDictionary(s => s, s => counts.TryGetValue(s, out var n) ? n : 0);
    }

    /// <summary>A page of the office's clients with their tier, by client id.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An office user of the office.</param>
    /// <param name="office">The office.</param>
    /// <param name="tiers">Only clients on these tiers; null for all.</param>
    /// <param name="vendorCriteria">The vendor's own criteria on the collaboration; null for none.</param>
    /// <param name="after">The cursor from the previous page; null for the first.</param>
    /// <param name="pageSize">1 … <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    public async Task<ClientPage> ClientsAsync(ActingParty party, OfficeId office, IReadOnlyCollection<ClientTier>? tiers = null, ISpecification<ClientCollaboration>? vendorCriteria = null,
        ClientId? after = null, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        await _access.AuthorizeAsync(party, CollabAction.ReadOverview, office, cancellationToken).ConfigureAwait(false);
        var rows = await _overview.OverviewClientsAsync(new ClientOverviewSpecification(office, tiers, vendorCriteria, after, pageSize + 1), cancellationToken).ConfigureAwait(false);
        return rows.Count > pageSize ? new ClientPage(rows.Take(pageSize).ToList(), rows[pageSize - 1].Client) : new ClientPage(rows, null);
    }

    /// <summary>
    /// Selects the office's clients that match, for a bulk tier change (TIER-5): pass the result to
    /// <see cref="TierService.ChangeTiersAsync"/>.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An office user of the office.</param>
    /// <param name="office">The office.</param>
    /// <param name="tiers">Only clients on these tiers; null for all.</param>
    /// <param name="vendorCriteria">The vendor's own criteria; null for none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The clients, at most <see cref="MaxSelection"/>.</returns>
    /// <exception cref="CollabRefusalException">More than <see cref="MaxSelection"/> clients match: narrow the selection.</exception>
    public async Task<IReadOnlyList<ClientId>> SelectClientsAsync(ActingParty party, OfficeId office, IReadOnlyCollection<ClientTier>? tiers = null,
        ISpecification<ClientCollaboration>? vendorCriteria = null, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadOverview, office, cancellationToken).ConfigureAwait(false);
        var rows = await _overview.OverviewClientsAsync(new ClientOverviewSpecification(office, tiers, vendorCriteria, null, MaxSelection + 1), cancellationToken).ConfigureAwait(false);
        return rows.Count > MaxSelection
            ? throw CollabRefusals.OverviewSelectionTooLarge(MaxSelection)
            : rows.Select(r => r.Client).ToList();
    }

    private static void CheckPageSize(int pageSize)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw CollabRefusals.OverviewPageSize(pageSize, MaxPageSize);
        }
    }
}
