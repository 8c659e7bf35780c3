using Collab.Backups;
using Microsoft.EntityFrameworkCore;

namespace Collab.Persistence.EfCore;

/// <summary>Backups (ONB-5, LIC-4).</summary>
internal sealed class EfBackupStore<TContext>(TContext context) : EfStore<TContext>(context), IBackupStore
    where TContext : DbContext
{
    public Task<Backup?> FindBackupAsync(BackupId id, CancellationToken cancellationToken) =>
        _context.Set<Backup>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Backup>> ListBackupsAsync(AdministrationId administration, CancellationToken cancellationToken) =>
        await _context.Set<Backup>().AsNoTracking()
            .Where(b => b.AdministrationId == administration)
            .OrderByDescending(b => b.MadeAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
