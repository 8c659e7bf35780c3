namespace Collab.Backups;

/// <summary>Reads backups (ONB-5, LIC-4).</summary>
public interface IBackupStore
{
    /// <summary>Finds a backup.</summary>
    /// <param name="id">The backup.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The backup, or null.</returns>
    Task<Backup?> FindBackupAsync(BackupId id, CancellationToken cancellationToken = default);

    /// <summary>The backups of an administration, newest first.</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The backups.</returns>
    Task<IReadOnlyList<Backup>> ListBackupsAsync(AdministrationId administration, CancellationToken cancellationToken = default);
}
