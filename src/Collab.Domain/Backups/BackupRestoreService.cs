using Collab.Authorization;
using Collab.Licences;
using Collab.Registry;
using Collab.Storage;
using NodaTime;

namespace Collab.Backups;

/// <summary>
/// Restores a backup, or copies a live administration to a new number (ONB-5): whoever reaches the backup's
/// administration, the client's users, or the office that made it; the number is reserved before any books load.
/// </summary>
public sealed class BackupRestoreService
{
    private readonly CollabAuthorization _access;
    private readonly IAdministrationStore _administrations;
    private readonly IBackupStore _backups;
    private readonly RestoreChecks _checks;
    private readonly LicenceVerifier _verifier;
    private readonly BooksLoader _loader;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="backups">Reads backups.</param>
    /// <param name="checks">Who may restore, where to, and whether the number is free.</param>
    /// <param name="verifier">Checks a carried licence file (LIC-3).</param>
    /// <param name="loader">Loads the books into a reserved administration and brings it live.</param>
    public BackupRestoreService(CollabAuthorization access, IAdministrationStore administrations, IBackupStore backups, RestoreChecks checks, LicenceVerifier verifier, BooksLoader loader)
    {
        _access = access;
        _administrations = administrations;
        _backups = backups;
        _checks = checks;
        _verifier = verifier;
        _loader = loader;
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
        if (found is null || !await _checks.MayRestoreAsync(acting, found, cancellationToken).ConfigureAwait(false))
        {
            throw CollabAuthorization.Refused(new AuditSubject("backup", backup.ToString()));
        }

        var actor = acting.Actor;
        await _checks.CheckTargetAsync(acting, target, cancellationToken).ConfigureAwait(false);
        await _checks.EnsureNumberFreeAsync(found.AdministrationNumber, "restore this backup", cancellationToken).ConfigureAwait(false);
        var manifest = await BackupArtefact.VerifyAsync(_loader.Blobs, found, cancellationToken).ConfigureAwait(false);
        if (manifest.LicenceFile is { } licence)
        {
            _verifier.Verify(System.Text.Encoding.ASCII.GetBytes(licence)); // a carried licence is believed only with its signature (LIC-3)
        }

        var restored = Administration.Create(found.ClientId, found.CompanyId, found.AdministrationNumber, manifest.Name, target.HolderOffice, target.Environment,
            manifest.Licence, AdministrationState.Restoring, actor, _loader.Now(), manifest.LicenceFile);
        return AdministrationView.Of(await _loader.LoadThenGoLiveAsync(restored, actor, $"backup={found.Id};from={found.AdministrationId}",
            load => BackupArtefact.LoadBooksAsync(_loader.Blobs, found, manifest, s => load(s), cancellationToken), cancellationToken).ConfigureAwait(false), acting.IsClientUser);
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
        var (actor, original) = await BackupService.FindLiveAsync(_access, _administrations, party, CollabAction.RestoreBackup, source, "be copied", cancellationToken).ConfigureAwait(false);
        await _checks.EnsureNumberFreeAsync(newNumber, "copy to it", cancellationToken).ConfigureAwait(false);
        var copy = Administration.Create(original.ClientId, original.CompanyId, newNumber, name, original.HolderOfficeId, original.EnvironmentId,
            original.Licence, AdministrationState.Restoring, actor, _loader.Now(), original.ClientLicenceFile);
        return AdministrationView.Of(await _loader.LoadThenGoLiveAsync(copy, actor, $"copied-from={original.Id};number={original.Number}",
            load => BackupArtefact.PipeAsync(output => _loader.Books.ExportAsync(original.Number, output, cancellationToken), load), cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>Who may restore a backup, where to (SEC-3), and whether the administration number is free.</summary>
/// <param name="access">Checks reach.</param>
/// <param name="administrations">Reads administrations.</param>
/// <param name="offices">Reads offices.</param>
/// <param name="environments">Reads environments.</param>
/// <param name="users">Reads the backup's maker.</param>
public sealed class RestoreChecks(CollabAuthorization access, IAdministrationStore administrations, IOfficeStore offices, IEnvironmentStore environments, IUserStore users)
{
    private readonly CollabAuthorization _access = access;
    private readonly IAdministrationStore _administrations = administrations;
    private readonly IOfficeStore _offices = offices;
    private readonly IEnvironmentStore _environments = environments;
    private readonly IUserStore _users = users;

    internal async Task EnsureNumberFreeAsync(AdministrationNumber number, string action, CancellationToken cancellationToken)
    {
        if (await _administrations.FindLiveAdministrationByNumberAsync(number, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            throw CollabRefusals.BackupNumberInUse(number, existing.Name, action);
        }
    }
    // An office user restores into its own office's list and environments; a client user only at the client (SEC-3).
    internal async Task CheckTargetAsync(Acting acting, RestoreTarget target, CancellationToken cancellationToken)
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
    internal async Task<bool> MayRestoreAsync(Acting acting, Backup backup, CancellationToken cancellationToken)
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

/// <summary>The books behind backups: the blob store for artefacts, the vendor's books, and loading them into a reserved administration.</summary>
/// <param name="unitOfWork">Saves the administration's states.</param>
/// <param name="clock">The clock.</param>
/// <param name="blobs">Where artefacts are kept.</param>
/// <param name="books">The vendor's books.</param>
public sealed class BooksLoader(ICollabUnitOfWork unitOfWork, IClock clock, IBlobStore? blobs = null, IBookkeepingData? books = null)
{
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;

    internal IBlobStore Blobs => blobs ?? throw new InvalidOperationException(
        "Backups need somewhere to keep their artefacts: register an IBlobStore, for example builder.AddFileSystemBlobStore(path) from Collab.Persistence.EfCore.");

    internal IBookkeepingData Books => books ?? throw new InvalidOperationException(
        "Backups need the books: register your implementation of Collab.Storage.IBookkeepingData.");

    internal Instant Now() => _clock.GetCurrentInstant();

    // The number is taken (state Restoring) before any books load, so two restores of one number cannot both
    // load; if loading fails, the administration is marked failed and the number is free again.
    internal async Task<Administration> LoadThenGoLiveAsync(Administration administration, Actor actor, string details, Func<Func<Stream, Task>, Task> loadBooks, CancellationToken cancellationToken)
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
}

/// <summary>Writes a backup (LIC-5): checks its prerequisites, writes the verified artefact and its record, and for a stop erases the online books (ONB-5).</summary>
/// <param name="users">Reads the client's own users.</param>
/// <param name="unitOfWork">Saves the record.</param>
/// <param name="loader">The blob store, the books and the clock.</param>
public sealed class BackupWriter(IUserStore users, ICollabUnitOfWork unitOfWork, BooksLoader loader)
{
    private readonly IUserStore _users = users;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;

    private IBlobStore Blobs => loader.Blobs;

    private IBookkeepingData Books => loader.Books;

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
        var madeAt = loader.Now();
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
}
