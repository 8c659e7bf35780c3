using Collab.Authorization;
using Collab.Rights;
using Collab.Licences;
using Collab.Registry;
using Collab.Storage;
using NodaTime;

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
/// same number (LIC-7). Numbers never change (LIC-6): copying to a new number is the way to get another.
/// </summary>
/// <remarks>
/// Needs an <see cref="IBlobStore"/> and the vendor's <see cref="IBookkeepingData"/> registered; without them
/// every call throws <see cref="InvalidOperationException"/> naming what to register.
/// </remarks>
public sealed class BackupService
{
    private readonly CollabAuthorization _access;
    private readonly IOfficeStore _offices;
    private readonly IAdministrationStore _administrations;
    private readonly IEnvironmentStore _environments;
    private readonly IUserStore _users;
    private readonly IRightsStore _rights;
    private readonly IBackupStore _backups;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly LicenceVerifier _verifier;
    private readonly IBlobStore? _blobs;
    private readonly IBookkeepingData? _books;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="offices">Reads offices.</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="environments">Reads environments.</param>
    /// <param name="users">Reads users.</param>
    /// <param name="rights">Answers whether an office may access an administration.</param>
    /// <param name="backups">Reads backups.</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="verifier">Re-verifies a carried client licence on restore.</param>
    /// <param name="blobs">Where artefacts are stored.</param>
    /// <param name="books">The vendor's books.</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    public BackupService(
        IOfficeStore offices, IAdministrationStore administrations, IEnvironmentStore environments, IUserStore users, IRightsStore rights, IBackupStore backups, ICollabUnitOfWork unitOfWork, IClock clock, LicenceVerifier verifier,
        CollabAuthorization access, IBlobStore? blobs = null, IBookkeepingData? books = null)
    {
        _access = access;
        _offices = offices;
        _administrations = administrations;
        _environments = environments;
        _users = users;
        _rights = rights;
        _backups = backups;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _verifier = verifier;
        _blobs = blobs;
        _books = books;
    }

    private IBlobStore Blobs => _blobs ?? throw new InvalidOperationException(
        "Backups need somewhere to keep their artefacts: register an IBlobStore, for example builder.AddFileSystemBlobStore(path) from Collab.Persistence.EfCore.");

    private IBookkeepingData Books => _books ?? throw new InvalidOperationException(
        "Backups need the books: register your implementation of Collab.Storage.IBookkeepingData.");

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
        var (actor, target) = await FindLiveAsync(party, CollabAction.MakeBackup, administration, "be backed up", cancellationToken).ConfigureAwait(false);
        return BackupView.Of(await BackUpAsync(actor, target, BackupPurpose.Backup, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Stops collaboration on an administration (ONB-5): the office keeps the data in a backup, and making it
    /// releases the online administration. Restore it later with <see cref="RestoreAsync"/>, locally or online
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
        var (actor, target) = await FindLiveAsync(party, CollabAction.MakeBackup, administration, "be released", cancellationToken).ConfigureAwait(false);
        if (!checkedOffice.IsOfficeUser || !await _rights.OfficeMayAccessAsync(office, administration, cancellationToken).ConfigureAwait(false))
        {
            throw CollabRefusals.BackupOfficeHasNoAccess(office, target.Number);
        }

        return BackupView.Of(await BackUpAsync(actor, target, BackupPurpose.StopCollaboration, cancellationToken).ConfigureAwait(false));
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

    /// <summary>
    /// Restores a backup as an administration with the same number (LIC-7), after checking the artefact against its
    /// recorded checksum and the carried licence against its signature. If loading the books fails, the
    /// administration is marked <see cref="AdministrationState.RestoreFailed"/> and the number is free again.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who restores.</param>
    /// <param name="backup">The backup.</param>
    /// <param name="target">At the client (LIC-7) or into an office's list (ONB-5).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The restored administration.</returns>
    /// <exception cref="CollabRefusalException">
    /// Unknown backup, office or environment; the artefact is missing or corrupt; the number is in use here (LIC-7).
    /// </exception>
    public async Task<AdministrationView> RestoreAsync(ActingParty party, BackupId backup, RestoreTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var found = backup == default ? null : await _backups.FindBackupAsync(backup, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.RestoreBackup, new AuditSubject("backup", backup.ToString()), cancellationToken).ConfigureAwait(false);
        if (found is null || !await MayRestoreAsync(acting, found, cancellationToken).ConfigureAwait(false))
        {
            throw CollabAuthorization.Refused(new AuditSubject("backup", backup.ToString()));
        }

        var actor = acting.Actor;
        await CheckTargetAsync(acting, target, cancellationToken).ConfigureAwait(false);
        await EnsureNumberFreeAsync(found.AdministrationNumber, "restore this backup", cancellationToken).ConfigureAwait(false);
        var manifest = await BackupArtefact.VerifyAsync(Blobs, found, cancellationToken).ConfigureAwait(false);
        if (manifest.LicenceFile is { } licence)
        {
            _verifier.Verify(System.Text.Encoding.ASCII.GetBytes(licence)); // a carried licence is believed only with its signature (LIC-3)
        }

        var restored = Administration.Create(found.ClientId, found.CompanyId, found.AdministrationNumber, manifest.Name, target.HolderOffice, target.Environment,
            manifest.Licence, AdministrationState.Restoring, actor, _clock.GetCurrentInstant(), manifest.LicenceFile);
        return AdministrationView.Of(await LoadThenGoLiveAsync(restored, actor, $"backup={found.Id};from={found.AdministrationId}",
            load => BackupArtefact.LoadBooksAsync(Blobs, found, manifest, s => load(s), cancellationToken), cancellationToken).ConfigureAwait(false), acting.IsClientUser);
    }

    /// <summary>
    /// Copies an administration to a new number (LIC-6): the only way to give a client another number, since a
    /// number never changes. The copy keeps the client, company, holder and licence; back it up afterwards.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who copies.</param>
    /// <param name="source">The administration to copy.</param>
    /// <param name="newNumber">A number not in use.</param>
    /// <param name="name">The copy's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="CollabRefusalException">Unknown or not live source, the number is in use, or the name is invalid.</exception>
    public async Task<AdministrationView> CopyToNewNumberAsync(ActingParty party, AdministrationId source, AdministrationNumber newNumber, string name, CancellationToken cancellationToken = default)
    {
        var (actor, original) = await FindLiveAsync(party, CollabAction.RestoreBackup, source, "be copied", cancellationToken).ConfigureAwait(false);
        await EnsureNumberFreeAsync(newNumber, "copy to it", cancellationToken).ConfigureAwait(false);
        var copy = Administration.Create(original.ClientId, original.CompanyId, newNumber, name, original.HolderOfficeId, original.EnvironmentId,
            original.Licence, AdministrationState.Restoring, actor, _clock.GetCurrentInstant(), original.ClientLicenceFile);
        return AdministrationView.Of(await LoadThenGoLiveAsync(copy, actor, $"copied-from={original.Id};number={original.Number}",
            load => BackupArtefact.PipeAsync(output => Books.ExportAsync(original.Number, output, cancellationToken), load), cancellationToken).ConfigureAwait(false));
    }

    // The number is taken (state Restoring) before any books load, so two restores of one number cannot both
    // load; if loading fails, the administration is marked failed and the number is free again.
    private async Task<Administration> LoadThenGoLiveAsync(Administration administration, Actor actor, string details, Func<Func<Stream, Task>, Task> loadBooks, CancellationToken cancellationToken)
    {
        _unitOfWork.Add(administration);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await loadBooks(s => Books.ImportAsync(administration.Number, s, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The number was reserved for this load, so whatever part of the books arrived is ours to remove.
            await Books.EraseAsync(administration.Number, CancellationToken.None).ConfigureAwait(false);
            administration.FinishRestore(false, $"{details};failed={e.GetType().Name}", actor, _clock.GetCurrentInstant());
            await _unitOfWork.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        administration.FinishRestore(true, details, actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        return administration;
    }

    internal async Task<Backup> BackUpAsync(Actor actor, Administration administration, BackupPurpose purpose, CancellationToken cancellationToken)
    {
        // LIC-5: name every missing prerequisite at once, so the office fixes them in one go.
        var licenceMissing = administration.Licence is not (LicenceSource.ClientFile or LicenceSource.ClientSubscription);
        var userMissing = (await _users.ClientUsersReachingAsync(administration.ClientId, administration.CompanyId, cancellationToken).ConfigureAwait(false)).OfTheClientsOwn().Count == 0; // the client's own login (LIC-5, SEC-5)
        if (licenceMissing || userMissing)
        {
            var missing = new List<Texts.TextRef>(2);
            if (licenceMissing)
            {
                missing.Add(new(administration.Licence == LicenceSource.Office ? "backup.missing.licence-office" : "backup.missing.licence-none"));
            }

            if (userMissing)
            {
                missing.Add(new("backup.missing.client-user"));
            }

            throw new CollabRefusalException(Refuse.Keyed(RefusalKind.RuleViolation, licenceMissing ? "backup.client-licence-missing" : "backup.client-user-missing",
                "backup.prerequisites-missing", "LIC-5", administration.Number, missing));
        }

        var id = BackupId.New();
        var key = $"backups/{administration.Number.Value}/{id.Value:N}.zip";
        var madeAt = _clock.GetCurrentInstant();
        var (sha, size) = await BackupArtefact.WriteAsync(Blobs, key,
            (stream, ct) => Books.ExportAsync(administration.Number, stream, ct),
            (booksSha, booksBytes) => new BackupManifest(1, id.Value, administration.Number.Value, administration.Name, administration.ClientId.Value,
                administration.CompanyId.Value, madeAt.ToUnixTimeTicks(), administration.Licence, administration.ClientLicenceFile, booksSha, booksBytes),
            cancellationToken).ConfigureAwait(false);

        var backup = Backup.Record(id, administration, purpose, key, sha, size, actor, madeAt);
        _unitOfWork.Add(backup);
        if (purpose == BackupPurpose.StopCollaboration)
        {
            administration.Release(id, actor, madeAt);
        }

        try
        {
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await Blobs.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false); // no artefact without its record
            throw;
        }

        if (purpose == BackupPurpose.StopCollaboration)
        {
            // Released means the online copy is gone; the books live on in the verified backup (ONB-5).
            await Books.EraseAsync(administration.Number, CancellationToken.None).ConfigureAwait(false);
        }

        return backup;
    }

    private async Task<(Actor Actor, Administration Administration)> FindLiveAsync(
        ActingParty party, CollabAction action, AdministrationId administration, string verb, CancellationToken cancellationToken)
    {
        var found = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, action, found, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        found.EnsureLive(verb);
        return (acting.Actor, found);
    }

    private async Task EnsureNumberFreeAsync(AdministrationNumber number, string action, CancellationToken cancellationToken)
    {
        if (await _administrations.FindLiveAdministrationByNumberAsync(number, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            throw CollabRefusals.BackupNumberInUse(number, existing.Name, action);
        }
    }

    // An office user restores into its own office's list and environments; a client user only at the client (SEC-3).
    private async Task CheckTargetAsync(Acting acting, RestoreTarget target, CancellationToken cancellationToken)
    {
        if (target.HolderOffice is { } office
            && (!acting.IsOfficeUser || office != acting.User.OfficeId || await _offices.FindOfficeAsync(office, cancellationToken).ConfigureAwait(false) is null))
        {
            throw CollabAuthorization.Refused(AuditSubject.Office(office));
        }

        if (target.Environment is { } environment
            && (!acting.IsOfficeUser || await _environments.FindEnvironmentAsync(environment, cancellationToken).ConfigureAwait(false) is not { } found || found.OfficeId != acting.User.OfficeId))
        {
            throw CollabAuthorization.Refused(AuditSubject.Environment(environment));
        }
    }

    // Who may restore: whoever reaches the administration it was made of, the client's users given its company, and the office
    // whose user made it — the office keeps the data by making the backup even after the administration was released (ONB-5).
    private async Task<bool> MayRestoreAsync(Acting acting, Backup backup, CancellationToken cancellationToken)
    {
        if (acting.IsClientUser)
        {
            return acting.User.ClientId == backup.ClientId && acting.User.MayReach(backup.CompanyId);
        }

        if (await _administrations.FindAdministrationAsync(backup.AdministrationId, cancellationToken).ConfigureAwait(false) is { } source
            && await _access.ReachesAsync(acting, CollabAction.RestoreBackup, source, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return Guid.TryParse(backup.MadeBy.AsSpan(backup.MadeBy.IndexOf(':') + 1), out var maker)
            && await _users.FindUserAsync(new UserId(maker), cancellationToken).ConfigureAwait(false) is { } madeBy
            && madeBy.OfficeId is not null && madeBy.OfficeId == acting.Office;
    }
}
