using Ardalis.Specification;
using Collab.Deliverables;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>Reports and their one-time links (SHARE-1 … SHARE-5).</summary>
internal sealed class EfDeliverableStore<TContext>(TContext context) : EfStore<TContext>(context), IDeliverableStore
    where TContext : DbContext
{
    public Task<ShareLink?> FindLinkAsync(Guid id, CancellationToken cancellationToken) =>
        _context.Set<ShareLink>().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public Task<Deliverable?> FindDeliverableAsync(DeliverableId id, CancellationToken cancellationToken) =>
        _context.Set<Deliverable>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ShareLink>> CurrentLinksAsync(DeliverableId deliverable, CancellationToken cancellationToken) =>
        await _context.Set<ShareLink>().Where(l => l.DeliverableId == deliverable && l.ReplacedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Deliverable>> FindDueRemindersAsync(Instant now, int max, CancellationToken cancellationToken) =>
        await _context.Set<Deliverable>()
            .Where(r => (r.State == DeliverableState.Shared || r.State == DeliverableState.Viewed) && r.ReminderSentAt == null && r.ReminderDueAt <= now)
            .OrderBy(r => r.ReminderDueAt)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<(ClientId Client, string Title, LocalDate? Deadline)>> OpenApprovalsAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        var ids = clients.ToArray();
        var rows = await _context.Set<Deliverable>().AsNoTracking()
            .Where(r => r.OfficeId == office && EF.Parameter(ids).Contains(r.ClientId) && r.Mode == ShareMode.Approval
                        && (r.State == DeliverableState.Shared || r.State == DeliverableState.Viewed))
            .Select(r => new { r.ClientId, r.Title, r.Deadline })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => (r.ClientId, r.Title, r.Deadline));
    }

    public async Task<IReadOnlyList<Deliverable>> FindOverdueAsync(Instant now, int max, CancellationToken cancellationToken) =>
        await _context.Set<Deliverable>()
            .Where(r => r.Mode == ShareMode.Approval && (r.State == DeliverableState.Shared || r.State == DeliverableState.Viewed) && r.DeadlinePassesAt <= now)
            .OrderBy(r => r.DeadlinePassesAt)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    // Report ids are version-7 GUIDs: ordering by id is ordering by creation.
    public async Task<IReadOnlyList<Deliverable>> ListForOfficeAsync(OfficeId office, int max, CancellationToken cancellationToken) =>
        await _context.Set<Deliverable>().AsNoTracking().Where(r => r.OfficeId == office).OrderByDescending(r => r.Id).Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Deliverable>> ListForCompanyAsync(CompanyId company, CancellationToken cancellationToken) =>
        await _context.Set<Deliverable>().AsNoTracking().Where(r => r.CompanyId == company).OrderByDescending(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    // SHARE-17: the specification's criteria, order and take, by the Ardalis core evaluators, into one SQL statement.
    public async Task<IReadOnlyList<Deliverable>> OverviewAsync(ISpecification<Deliverable> specification, CancellationToken cancellationToken)
    {
        var query = WhereEvaluator.Instance.GetQuery(_context.Set<Deliverable>().AsNoTracking(), specification);
        query = PaginationEvaluator.Instance.GetQuery(OrderEvaluator.Instance.GetQuery(query, specification), specification);
        return await query.ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<DeliverableState, int>> CountByStateAsync(ISpecification<Deliverable> specification, CancellationToken cancellationToken)
    {
        var rows = await WhereEvaluator.Instance.GetQuery(_context.Set<Deliverable>(), specification)
            .GroupBy(d => d.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.State, r => r.Count);
    }
}
