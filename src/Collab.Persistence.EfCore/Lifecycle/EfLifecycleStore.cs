using Collab.Backups;
using Collab.Lifecycle;
using Collab.Registry;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>Subscriptions and scheduled deletions (ONB-1, ONB-6, RET-2).</summary>
internal sealed class EfLifecycleStore<TContext>(TContext context) : EfStore<TContext>(context), ILifecycleStore
    where TContext : DbContext
{
    public Task<ClientSubscription?> FindSubscriptionAsync(ClientId client, CancellationToken cancellationToken) =>
        _context.Set<ClientSubscription>().FirstOrDefaultAsync(s => s.ClientId == client, cancellationToken);

    public async Task<IReadOnlyList<Administration>> ListLiveAdministrationsAsync(ClientId client, CancellationToken cancellationToken) =>
        await _context.Set<Administration>()
            .Where(a => a.ClientId == client && a.State == AdministrationState.Live)
            .OrderBy(a => a.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<DeletionSchedule>> ListScheduledDeletionsAsync(ClientId client, CancellationToken cancellationToken) =>
        await _context.Set<DeletionSchedule>()
            .Where(d => d.ClientId == client && d.State == DeletionState.Scheduled)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<DeletionSchedule>> FindDueDeletionWorkAsync(Instant now, int max, CancellationToken cancellationToken) =>
        await _context.Set<DeletionSchedule>()
            .Where(d => d.State == DeletionState.Scheduled && d.NextActionAt <= now)
            .OrderBy(d => d.NextActionAt)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<DeletionSchedule>> ListDeletionsAsync(AdministrationId administration, CancellationToken cancellationToken) =>
        await _context.Set<DeletionSchedule>().AsNoTracking()
            .Where(d => d.AdministrationId == administration)
            .OrderByDescending(d => d.CancelledAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<Instant?> LatestBackupSinceAsync(AdministrationId administration, Instant since, CancellationToken cancellationToken) =>
        await _context.Set<Backup>().AsNoTracking()
            .Where(b => b.AdministrationId == administration && b.MadeAt >= since)
            .OrderByDescending(b => b.MadeAt)
            .Select(b => (Instant?)b.MadeAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
}
