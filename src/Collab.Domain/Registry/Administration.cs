using NodaTime;

namespace Collab.Registry;

/// <summary>
/// An administration (administratie): one set of books of one company of a client. Its
/// <see cref="Number"/> never changes (LIC-6): there is deliberately no method that changes it.
/// </summary>
public sealed class Administration : AggregateRoot
{
    private Administration() => Name = string.Empty;

    /// <summary>The administration's storage id.</summary>
    public AdministrationId Id { get; private set; }

    /// <summary>The administration number people know it by; fixed for life (LIC-6).</summary>
    public AdministrationNumber Number { get; private set; }

    /// <summary>A readable name, such as the company name and year.</summary>
    public string Name { get; private set; }

    /// <summary>The client whose books these are.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The company of that client the books belong to.</summary>
    public CompanyId CompanyId { get; private set; }

    /// <summary>
    /// The office that holds the administration itself (it set it up under its own licence), if any.
    /// That office may access it without a grant (SEC-1).
    /// </summary>
    public OfficeId? HolderOfficeId { get; private set; }

    /// <summary>The environment that holds the administration, if it was placed in one. It changes only by a consented transfer (XFER).</summary>
    public EnvironmentId? EnvironmentId { get; private set; }

    /// <summary>Whether the administration is live, released, being restored, or deleted (ONB-5, ONB-6).</summary>
    public AdministrationState State { get; private set; }

    /// <summary>Whose licence the administration runs under (LIC-1, LIC-4).</summary>
    public LicenceSource Licence { get; private set; }

    /// <summary>The client's imported licence file (LIC-2), exactly as signed; null until one is imported.</summary>
    public string? ClientLicenceFile { get; private set; }

    /// <summary>Why deletion is on hold, when a legal hold stands (RET-2); null otherwise.</summary>
    public string? LegalHold { get; private set; }

    /// <summary>When a retention pass started deleting it; from then on no legal hold can be placed (RET-2).</summary>
    public Instant? DeletionStartedAt { get; private set; }

    /// <summary>Whether people can work in it: only live administrations are accessible (SEC-1).</summary>
    public bool IsLive => State == AdministrationState.Live;

    /// <summary>Refuses any action on an administration that is not live.</summary>
    internal void EnsureLive(string action)
    {
        if (!IsLive)
        {
            throw CollabRefusals.AdministrationNotLive(Number, State.ToString().ToLowerInvariant(), action);
        }
    }

    internal void ImportClientLicence(string file, string summary, Actor actor, Instant now)
    {
        EnsureLive("take a licence");
        Licence = LicenceSource.ClientFile;
        ClientLicenceFile = file;
        Raise(new RegistryChanged(now, actor, AuditAction.LicenceImported, AuditSubject.Administration(Id), summary));
    }

    /// <summary>ONB-1: an existing administration of the office moves to the client's own account.</summary>
    internal void TransferToClient(Actor actor, Instant now)
    {
        EnsureLive("move to the client's account");
        var from = HolderOfficeId;
        HolderOfficeId = null;
        Licence = LicenceSource.ClientSubscription;
        Raise(new RegistryChanged(now, actor, AuditAction.AdministrationTransferredToClient, AuditSubject.Administration(Id), $"from-office={from?.ToString() ?? "-"}"));
    }

    internal void Release(BackupId backup, Actor actor, Instant now)
    {
        EnsureLive("be released");
        State = AdministrationState.Released;
        Raise(new RegistryChanged(now, actor, AuditAction.AdministrationReleased, AuditSubject.Administration(Id), $"backup={backup}"));
    }

    internal void FinishRestore(bool succeeded, string details, Actor actor, Instant now)
    {
        State = succeeded ? AdministrationState.Live : AdministrationState.RestoreFailed;
        Raise(new RegistryChanged(now, actor, AuditAction.BackupRestored, AuditSubject.Administration(Id), details));
    }

    internal void NoteDeletionStarting(Instant now)
    {
        DeletionStartedAt ??= now;
        Raise(new Lifecycle.DeletionStarted(now));
    }

    // The deletion's one audit row is the schedule's (AUD-1: each happening exactly once); this only moves the version.
    internal void MarkDeleted(Instant now)
    {
        State = AdministrationState.Deleted;
        Raise(new AdministrationDeletedState(now));
    }

    internal void PlaceLegalHold(string reason, Actor actor, Instant now)
    {
        if (State == AdministrationState.Deleted || DeletionStartedAt is not null)
        {
            throw CollabRefusals.RetentionAlreadyDeleted(Number);
        }

        LegalHold = Guard.Name(reason, "legal hold reason");
        Raise(new RegistryChanged(now, actor, AuditAction.LegalHoldPlaced, AuditSubject.Administration(Id), $"reason={LegalHold}"));
    }

    internal void LiftLegalHold(Actor actor, Instant now)
    {
        if (LegalHold is null)
        {
            throw CollabRefusals.RetentionNoLegalHold(Number);
        }

        LegalHold = null;
        Raise(new RegistryChanged(now, actor, AuditAction.LegalHoldLifted, AuditSubject.Administration(Id), string.Empty));
    }

    /// <summary>Moves the administration into another environment as part of an executed transfer (XFER-4). Its number stays (LIC-6).</summary>
    internal void MoveTo(EnvironmentId environment, TransferRequestId transfer, Actor actor, Instant now)
    {
        var from = EnvironmentId;
        EnvironmentId = environment;
        Raise(new RegistryChanged(now, actor, AuditAction.AdministrationMoved, AuditSubject.Administration(Id),
            $"from={from?.ToString() ?? "-"};to={environment};transfer={transfer}"));
    }

    internal static Administration Create(Company company, AdministrationNumber number, string name, OfficeId? holder, EnvironmentId? environment, Actor actor, Instant now) =>
        Create(company.ClientId, company.Id, number, name, holder, environment, holder is null ? LicenceSource.Unknown : LicenceSource.Office, AdministrationState.Live, actor, now);

    internal static Administration Create(
        ClientId client, CompanyId company, AdministrationNumber number, string name, OfficeId? holder, EnvironmentId? environment,
        LicenceSource licence, AdministrationState state, Actor actor, Instant now, string? clientLicenceFile = null)
    {
        if (number.Value == 0)
        {
            throw CollabRefusals.AdministrationNumberRequired();
        }

        var administration = new Administration
        {
            Id = AdministrationId.New(),
            Number = number,
            Name = Guard.Name(name, "administration name"),
            ClientId = client,
            CompanyId = company,
            HolderOfficeId = holder,
            EnvironmentId = environment,
            Licence = licence,
            State = state,
            ClientLicenceFile = clientLicenceFile,
        };
        administration.Raise(new RegistryChanged(now, actor, AuditAction.AdministrationCreated, AuditSubject.Administration(administration.Id),
            $"number={number};company={company};holder={holder?.ToString() ?? "-"};environment={environment?.ToString() ?? "-"};licence={licence}"));
        return administration;
    }
}

/// <summary>Where an administration is in its life (ONB-5, ONB-6, LIC-7).</summary>
public enum AdministrationState
{
    /// <summary>In use; the only state in which anyone can access it.</summary>
    Live = 0,

    /// <summary>The office backed it up to stop collaborating, which released the online administration (ONB-5). Its number is free for a restore.</summary>
    Released = 1,

    /// <summary>Deleted after cancellation (ONB-6, RET-2); the deletion record says when and under which policy.</summary>
    Deleted = 2,

    /// <summary>Being restored from a backup: the number is taken while the books load (LIC-7).</summary>
    Restoring = 3,

    /// <summary>A restore that failed while loading the books; the number is free again.</summary>
    RestoreFailed = 4,
}

/// <summary>Whose licence an administration runs under (LIC-1, LIC-4).</summary>
public enum LicenceSource
{
    /// <summary>Not recorded: created without an office licence or a client account.</summary>
    Unknown = 0,

    /// <summary>The office's own licence (LIC-1); a backup needs the client's licence first (LIC-5).</summary>
    Office = 1,

    /// <summary>The client's licence file, imported and verified (LIC-2, LIC-3).</summary>
    ClientFile = 2,

    /// <summary>The client's own online subscription (ONB-1).</summary>
    ClientSubscription = 3,
}

/// <summary>The administration's state became Deleted; the deletion itself is audited once, by its schedule (AUD-1).</summary>
/// <param name="OccurredAt">When.</param>
internal sealed record AdministrationDeletedState(Instant OccurredAt) : IDomainEvent;
