using Collab.Backups;
using Collab.Lifecycle;
using Collab.Registry;
using Collab.Stores;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Collab.Persistence.EfCore;

// Backups, subscriptions and scheduled deletions (ONB, LIC, RET).
internal sealed partial class EfCollabStore<TContext> : IBackupStore, ILifecycleStore
{
    public Task<Backup?> FindBackupAsync(BackupId id, CancellationToken cancellationToken) =>
        _context.Set<Backup>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Backup>> ListBackupsAsync(AdministrationId administration, CancellationToken cancellationToken) =>
        await _context.Set<Backup>().AsNoTracking()
            .Where(b => b.AdministrationId == administration)
            .OrderByDescending(b => b.MadeAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public Task<Administration?> FindLiveByNumberAsync(AdministrationNumber number, CancellationToken cancellationToken) =>
        _context.Set<Administration>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Number == number && (a.State == AdministrationState.Live || a.State == AdministrationState.Restoring), cancellationToken);

    public Task<ClientSubscription?> FindSubscriptionAsync(ClientId client, CancellationToken cancellationToken) =>
        _context.Set<ClientSubscription>().FirstOrDefaultAsync(s => s.ClientId == client, cancellationToken);

    public async Task<IReadOnlyList<Administration>> ListLiveAdministrationsAsync(ClientId client, CancellationToken cancellationToken) =>
        await _context.Set<Administration>()
            .Where(a => a.ClientId == client && a.State == AdministrationState.Live)
            .OrderBy(a => a.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<CollabUser>> ListClientUsersAsync(ClientId client, CancellationToken cancellationToken) =>
        await _context.Set<CollabUser>().AsNoTracking()
            .Where(u => u.ClientId == client && u.IsActive && u.Kind == UserKind.ClientUser)
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
