using Collab.Deliverables;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>Collaborations, their tiers and what billing needs (TIER), and the office overview's read store (SHARE-17).</summary>
internal sealed partial class EfTierStore<TContext>(TContext context) : EfStore<TContext>(context), ITierStore, IOfficeOverviewStore
    where TContext : DbContext
{
    public Task<ClientCollaboration?> FindCollaborationAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        _context.Set<ClientCollaboration>().FirstOrDefaultAsync(c => c.OfficeId == office && c.ClientId == client, cancellationToken);

    public Task<ClientTier?> FindTierAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        _context.Set<ClientCollaboration>().AsNoTracking()
            .Where(c => c.OfficeId == office && c.ClientId == client)
            .Select(c => (ClientTier?)c.Tier)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<BulkChangeCandidate>> ReadForBulkChangeAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        var ids = clients.ToArray();
        var rows = await _context.Set<ClientCollaboration>().AsNoTracking()
            .Where(c => c.OfficeId == office && EF.Parameter(ids).Contains(c.ClientId))
            .Select(c => new
            {
                Collaboration = c,
                Users = _context.Set<CollabUser>().Count(u => u.ClientId == c.ClientId && u.IsActive && u.Kind == UserKind.ClientUser),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => new BulkChangeCandidate(r.Collaboration, r.Users));
    }

    public async Task<IReadOnlyList<ClientTierAt>> OtherRunningTiersAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, LocalDate today, CancellationToken cancellationToken)
    {
        var ids = clients.ToArray();
        var rows = await _context.Set<ClientCollaboration>().AsNoTracking()
            .Where(c => ids.Contains(c.ClientId) && c.OfficeId != office && (c.EndsOn == null || c.EndsOn >= today))
            .Select(c => new { c.ClientId, c.Tier })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => new ClientTierAt(r.ClientId, r.Tier));
    }

    public async Task<IReadOnlyDictionary<ClientId, int>> CountActiveClientUsersAsync(IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        var ids = clients.Select(c => (ClientId?)c).ToArray();
        var rows = await _context.Set<CollabUser>().AsNoTracking()
            .Where(u => u.Kind == UserKind.ClientUser && u.IsActive && ids.Contains(u.ClientId))
            .GroupBy(u => u.ClientId)
            .Select(g => new { Client = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Client!.Value, r => r.Count);
    }

    // TIER-7 from the history, one statement: the collaborations that ran at some moment of [monthStart, nextMonthStart), each with the
    // tier in effect at `monthStart`, the highest tier taking effect inside the month (before the end, and not replaced at the
    // same instant) and the client users active at some moment of it. Instants compare as instants on both engines.
    public async IAsyncEnumerable<StatementRow> StreamStatementRowsAsync(OfficeId office, Instant monthStart, Instant nextMonthStart, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var history = _context.Set<TierHistoryEntry>();
        var users = _context.Set<ClientUserHistoryEntry>();
        var rows = from collaboration in _context.Set<ClientCollaboration>().AsNoTracking()
                   where collaboration.OfficeId == office && collaboration.StartsAt < nextMonthStart
                         && (collaboration.EndsAt == null || (collaboration.EndsAt > monthStart && collaboration.EndsAt > collaboration.StartsAt))
                   join client in _context.Set<Client>() on collaboration.ClientId equals client.Id
                   select new
                   {
                       collaboration.ClientId,
                       client.Name,
                       AtStart = history
                           .Where(h => h.OfficeId == collaboration.OfficeId && h.ClientId == collaboration.ClientId && h.From <= monthStart)
                           .OrderByDescending(h => h.From).ThenByDescending(h => h.Sequence)
                           .Select(h => (int?)h.Tier).FirstOrDefault(),
                       During = history
                           .Where(h => h.OfficeId == collaboration.OfficeId && h.ClientId == collaboration.ClientId && h.From > monthStart && h.From < nextMonthStart
                                       && (collaboration.EndsAt == null || h.From < collaboration.EndsAt)
                                       && !history.Any(n => n.OfficeId == h.OfficeId && n.ClientId == h.ClientId && n.From == h.From && n.Sequence > h.Sequence))
                           .Max(h => (int?)h.Tier),
                       Users = users.Count(a => a.ClientId == collaboration.ClientId && a.Active && a.At < nextMonthStart
                                                && !users.Any(d => d.UserId == a.UserId && !d.Active && (d.At <= monthStart || d.At <= a.At))),
                   };
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var tier = Math.Max(row.AtStart ?? 0, row.During ?? 0);
            if (tier > 0)
            {
                yield return new StatementRow(row.ClientId, row.Name, (ClientTier)tier, row.Users);
            }
        }
    }

    public Task<IssuedStatement?> FindIssuedStatementAsync(OfficeId office, YearMonth month, CancellationToken cancellationToken) =>
        _context.Set<IssuedStatement>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.OfficeId == office && s.Year == month.Year && s.Month == month.Month, cancellationToken);

    public async Task<IReadOnlyList<ClientCollaboration>> ListCollaborationsAsync(OfficeId office, CancellationToken cancellationToken) =>
        await _context.Set<ClientCollaboration>().AsNoTracking().Where(c => c.OfficeId == office).OrderBy(c => c.ClientId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ClientCollaboration>> ListClientCollaborationsAsync(ClientId client, CancellationToken cancellationToken) =>
        await _context.Set<ClientCollaboration>().Where(c => c.ClientId == client).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<OverviewClient>> OverviewClientsAsync(Ardalis.Specification.ISpecification<ClientCollaboration> specification, CancellationToken cancellationToken)
    {
        var collaborations = Ardalis.Specification.WhereEvaluator.Instance.GetQuery(_context.Set<ClientCollaboration>().AsNoTracking(), specification);
        collaborations = Ardalis.Specification.PaginationEvaluator.Instance.GetQuery(Ardalis.Specification.OrderEvaluator.Instance.GetQuery(collaborations, specification), specification);
        var rows = await collaborations
            .Join(_context.Set<Client>(), c => c.ClientId, k => k.Id, (c, k) => new { c.ClientId, k.Name, c.Tier })
            .OrderBy(r => r.ClientId) // the join keeps the page, not its order
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => new OverviewClient(r.ClientId, r.Name, r.Tier));
    }
}
