using Collab.Authorization;
using Collab.Rights;
using Collab.Registry;
using Collab.Storage;

namespace Collab.Backups;

/// <summary>Where a restored administration goes.</summary>
/// <param name="HolderOffice">The office whose list it joins, holding it itself (ONB-5); null to restore it as the client's own (LIC-7).</param>
/// <param name="Environment">The environment it goes online in; null to restore it locally.</param>
public sealed record RestoreTarget(OfficeId? HolderOffice = null, EnvironmentId? Environment = null)
{
    /// <summary>Restore at the client, as its own administration (LIC-7).</summary>
    public static RestoreTarget AtClient { get; } = new();

    /// <summary>Restore into an office's list, held by that office (ONB-5).</summary>
    /// <param name="office">The office.</param>
    /// <param name="environment">Its environment, to restore online; null for locally.</param>
    /// <returns>The target.</returns>
    public static RestoreTarget IntoOfficeList(OfficeId office, EnvironmentId? environment = null) => new(office, environment);
}

/// <summary>
/// Backups, restores and copies of administrations (ONB-5, LIC-4 … LIC-7). A backup always carries the client's
/// licence, so the first one is refused until the client's licence and an active client user exist (LIC-5).
/// A restore proves the artefact is byte-for-byte what was written, and recreates the administration with the
/// same number (LIC-7). Numbers never change (LIC-6): copying to a new number is the way to get another. Restores
/// and copies are <see cref="BackupRestoreService"/>.
/// </summary>
/// <remarks>
/// Needs an <see cref="IBlobStore"/> and the vendor's <see cref="IBookkeepingData"/> registered; without them
/// every call throws <see cref="InvalidOperationException"/> naming what to register.
/// </remarks>
public sealed class BackupService
{
    private readonly CollabAuthorization _access;
    private readonly IAdministrationStore _administrations;
    private readonly IRightsStore _rights;
    private readonly IBackupStore _backups;
    private readonly BackupWriter _writer;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="rights">Checks the office's access to the administration.</param>
    /// <param name="backups">Reads backups.</param>
    /// <param name="writer">Writes the backup's artefact and record (LIC-5).</param>
    public BackupService(CollabAuthorization access, IAdministrationStore administrations, IRightsStore rights, IBackupStore backups, BackupWriter writer)
    {
        _access = access;
        _administrations = administrations;
        _rights = rights;
        _backups = backups;
        _writer = writer;
    }

    /// <summary>Makes a backup carrying the client's licence (LIC-4).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who makes it.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is recorded then.</param>
    /// <returns>The backup.</returns>
    /// <exception cref="CollabRefusalException">
    /// Unknown or not live administration; the client's licence or an active client user is missing (LIC-5).
    /// </exception>
    public async Task<BackupView> MakeBackupAsync(ActingParty party, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        var (actor, target) = await FindLiveAsync(_access, _administrations, party, CollabAction.MakeBackup, administration, "be backed up", cancellationToken).ConfigureAwait(false);
        return BackupView.Of(await _writer.BackUpAsync(actor, target, BackupPurpose.Backup, cancellationToken).ConfigureAwait(false));
    }
    /// <summary>
    /// Stops collaboration on an administration (ONB-5): the office keeps the data in a backup, and making it
    /// releases the online administration. Restore it later with <see cref="BackupRestoreService.RestoreAsync"/>, locally or online
    /// into the office's list.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user who stops.</param>
    /// <param name="office">The office.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The backup.</returns>
    /// <exception cref="CollabRefusalException">
    /// Unknown or not live administration; the office has no access to it (SEC-1); a backup is not possible yet (LIC-5).
    /// </exception>
    public async Task<BackupView> StopCollaborationAsync(ActingParty party, OfficeId office, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        var checkedOffice = await _access.AuthorizeAsync(party, CollabAction.MakeBackup, office, cancellationToken).ConfigureAwait(false);
        var (actor, target) = await FindLiveAsync(_access, _administrations, party, CollabAction.MakeBackup, administration, "be released", cancellationToken).ConfigureAwait(false);
        if (!checkedOffice.IsOfficeUser || !await _rights.OfficeMayAccessAsync(office, administration, cancellationToken).ConfigureAwait(false))
        {
            throw CollabRefusals.BackupOfficeHasNoAccess(office, target.Number);
        }

        return BackupView.Of(await _writer.BackUpAsync(actor, target, BackupPurpose.StopCollaboration, cancellationToken).ConfigureAwait(false));
    }
    /// <summary>The backups of an administration, newest first.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The backups.</returns>
    public async Task<IReadOnlyList<BackupView>> ListAsync(ActingParty party, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        var found = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(party, CollabAction.ReadBackups, found, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        return (await _backups.ListBackupsAsync(administration, cancellationToken).ConfigureAwait(false)).Select(BackupView.Of).ToList();
    }
    internal static async Task<(Actor Actor, Administration Administration)> FindLiveAsync(
        CollabAuthorization access, IAdministrationStore administrations, ActingParty party, CollabAction action, AdministrationId administration, string verb, CancellationToken cancellationToken)
    {
        var found = administration == default ? null : await administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        var acting = await access.AuthorizeAsync(party, action, found, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        found.EnsureLive(verb);
        return (acting.Actor, found);
    }
}
