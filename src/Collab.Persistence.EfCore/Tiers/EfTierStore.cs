using Collab.Registry;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>Collaborations, their tiers and what billing needs (TIER).</summary>
internal sealed partial class EfTierStore<TContext>(TContext context) : EfStore<TContext>(context), ITierStore
    where TContext : DbContext
{
    public Task<ClientCollaboration?> FindCollaborationAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        _context.Set<ClientCollaboration>().FirstOrDefaultAsync(c => c.OfficeId == office && c.ClientId == client, cancellationToken);

    public Task<ClientTier?> FindTierAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        _context.Set<ClientCollaboration>().AsNoTracking()
            .Where(c => c.OfficeId == office && c.ClientId == client)
            .Select(c => (ClientTier?)c.Tier)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<(ClientCollaboration Collaboration, int ActiveClientUsers)>> ReadForBulkChangeAsync(
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
        return rows.ConvertAll(r => (r.Collaboration, r.Users));
    }

    public async Task<IReadOnlyList<(ClientId Client, ClientTier Tier)>> OtherRunningTiersAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, LocalDate today, CancellationToken cancellationToken)
    {
        var ids = clients.ToArray();
        var rows = await _context.Set<ClientCollaboration>().AsNoTracking()
            .Where(c => ids.Contains(c.ClientId) && c.OfficeId != office && (c.EndsOn == null || c.EndsOn >= today))
            .Select(c => new { c.ClientId, c.Tier })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => (r.ClientId, r.Tier));
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

    public IAsyncEnumerable<StatementRow> StreamStatementRowsAsync(OfficeId office, int year, CancellationToken cancellationToken)
    {
        var first = new LocalDate(year, 1, 1);
        var last = new LocalDate(year, 12, 31);
        return (from collaboration in _context.Set<ClientCollaboration>().AsNoTracking()
                where collaboration.OfficeId == office && collaboration.StartsOn <= last && (collaboration.EndsOn == null || collaboration.EndsOn >= first)
                join client in _context.Set<Client>() on collaboration.ClientId equals client.Id
                select new StatementRow(
                    collaboration.ClientId,
                    client.Name,
                    collaboration.Tier,
                    _context.Set<CollabUser>().Count(u => u.ClientId == collaboration.ClientId && u.IsActive && u.Kind == UserKind.ClientUser)))
            .AsAsyncEnumerable();
    }

    public async Task<IReadOnlyList<ClientCollaboration>> ListCollaborationsAsync(OfficeId office, CancellationToken cancellationToken) =>
        await _context.Set<ClientCollaboration>().AsNoTracking().Where(c => c.OfficeId == office).OrderBy(c => c.ClientId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ClientCollaboration>> ListClientCollaborationsAsync(ClientId client, CancellationToken cancellationToken) =>
        await _context.Set<ClientCollaboration>().Where(c => c.ClientId == client).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Deliverables.OverviewClient>> OverviewClientsAsync(Ardalis.Specification.ISpecification<ClientCollaboration> specification, CancellationToken cancellationToken)
    {
        var collaborations = Ardalis.Specification.WhereEvaluator.Instance.GetQuery(_context.Set<ClientCollaboration>().AsNoTracking(), specification);
        collaborations = Ardalis.Specification.PaginationEvaluator.Instance.GetQuery(Ardalis.Specification.OrderEvaluator.Instance.GetQuery(collaborations, specification), specification);
        var rows = await collaborations
            .Join(_context.Set<Client>(), c => c.ClientId, k => k.Id, (c, k) => new { c.ClientId, k.Name, c.Tier })
            .OrderBy(r => r.ClientId) // the join keeps the page, not its order
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => new Deliverables.OverviewClient(r.ClientId, r.Name, r.Tier));
    }
}
