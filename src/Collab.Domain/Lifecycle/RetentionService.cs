using Collab.Authorization;
using Collab.Registry;
using Collab.Storage;
using NodaTime;

namespace Collab.Lifecycle;

/// <summary>
/// Carries out scheduled deletions (ONB-6, RET-2): warns client and office on the planned days, and on the
/// deletion day deletes only when no legal hold stands and the vendor's <see cref="IRetentionPolicy"/> agrees,
/// recording what was deleted, when and under which policy. Safe to run from several instances at once and to
/// run twice: each step is claimed with the schedule's version, and erasing the books is idempotent.
/// </summary>
public sealed class RetentionService
{
    private static readonly Actor Job = Actor.System("retention-pass");
    private readonly CollabAuthorization _access;
    private readonly IOfficeStore _offices;
    private readonly IAdministrationStore _administrations;
    private readonly ILifecycleStore _lifecycle;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly IRetentionPolicy _policy;
    private readonly LifecycleNotifier _collaboration;
    private readonly IBookkeepingData? _books;
    private readonly OfficeCalendar _calendar;
    private readonly Evidence.IAuditChainStore _chains;
    private readonly CollabOptions _options;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="offices">Reads offices.</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="lifecycle">Reads schedules.</param>
    /// <param name="unitOfWork">Saves changes and notifications.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="policy">The vendor's retention policy.</param>
    /// <param name="collaboration">Sends lifecycle notifications.</param>
    /// <param name="books">The vendor's books, erased on deletion.</param>
    /// <param name="calendar">The office calendar: local dates in the office's zone (RET-1).</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="chains">The audit chains, whose oldest rows the pass deletes under a signed checkpoint (AUD-2).</param>
    /// <param name="options">Collab's options: the audit retention and the receipt key that signs checkpoints.</param>
    public RetentionService(IOfficeStore offices, IAdministrationStore administrations, ILifecycleStore lifecycle, ICollabUnitOfWork unitOfWork, IClock clock, IRetentionPolicy policy, LifecycleNotifier collaboration, OfficeCalendar calendar, CollabAuthorization access, Evidence.IAuditChainStore chains, Microsoft.Extensions.Options.IOptions<CollabOptions> options, IBookkeepingData? books = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _chains = chains;
        _options = options.Value;
        _access = access;
        _calendar = calendar;
        _offices = offices;
        _administrations = administrations;
        _lifecycle = lifecycle;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _policy = policy;
        _collaboration = collaboration;
        _books = books;
    }

    private IBookkeepingData Books => _books ?? throw new InvalidOperationException(
        "Deleting administrations needs the books: register your implementation of Collab.Storage.IBookkeepingData.");

    /// <summary>Places a legal hold: no deletion happens while it stands (RET-2).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who places it.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="reason">Why, for the record and the blocked-deletion notice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="CollabRefusalException">Unknown or deleted administration, or an empty reason.</exception>
    public async Task PlaceLegalHoldAsync(ActingParty party, AdministrationId administration, string reason, CancellationToken cancellationToken = default)
    {
        var (actor, found) = await FindAsync(party, administration, cancellationToken).ConfigureAwait(false);
        found.PlaceLegalHold(reason, actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lifts a legal hold; a due deletion then proceeds on the next pass if the policy agrees.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who lifts it.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="CollabRefusalException">Unknown administration, or no hold to lift.</exception>
    public async Task LiftLegalHoldAsync(ActingParty party, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        var (actor, found) = await FindAsync(party, administration, cancellationToken).ConfigureAwait(false);
        found.LiftLegalHold(actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The deletion schedules of an administration, newest first: for a deleted one, the record of what was deleted, when and why it was allowed.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedules.</returns>
    public async Task<IReadOnlyList<DeletionView>> ListDeletionsAsync(ActingParty party, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        var found = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.ReadDeletions, found, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        return (await _lifecycle.ListDeletionsAsync(administration, cancellationToken).ConfigureAwait(false)).Select(d => DeletionView.Of(d, acting.IsClientUser)).ToList();
    }

    /// <summary>
    /// One pass of the daily deletion job: sends due warnings, and carries out, or records why it blocks, each due
    /// deletion; then deletes the audit rows past their retention (<see cref="LifecycleOptions.AuditRetentionYears"/>) from
    /// the start of their chains, each chain under a checkpoint signed with the receipt key in the same transaction, so
    /// the rest still verifies (AUD-2). An administration under a legal hold keeps its rows; without a receipt key no
    /// audit row is deleted. Run it from a scheduler (daily or more often); several instances may run it at once.
    /// </summary>
    /// <param name="max">At most this many schedules per call.</param>
    /// <param name="cancellationToken">Cancels between schedules.</param>
    /// <returns>What this call did.</returns>
    public async Task<RetentionPassResult> RunPassAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        int warned = 0, blocked = 0, deleted = 0;
        foreach (var schedule in await _lifecycle.FindDueDeletionWorkAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false))
        {
            var now = _clock.GetCurrentInstant();
            var office = await _offices.FindOfficeAsync(schedule.OfficeId, cancellationToken).ConfigureAwait(false);
            var zone = _calendar.ZoneOf(office!);
            var subject = AuditSubject.Administration(schedule.AdministrationId);
            if (now < schedule.DueAt)
            {
                if (schedule.TakeDueWarning(now, zone, Job) is { } days)
                {
                    await _collaboration.NotifyAsync(schedule.ClientId, schedule.OfficeId, NotificationKind.DeletionWarning, subject,
                        new("notification.deletion-warning", schedule.AdministrationNumber, schedule.AdministrationName, days, schedule.DeleteOn),
                        cancellationToken).ConfigureAwait(false);
                    warned += await _unitOfWork.TrySaveChangesAsync(cancellationToken).ConfigureAwait(false) ? 1 : 0;
                }

                continue;
            }

            var administration = await _administrations.FindAdministrationAsync(schedule.AdministrationId, cancellationToken).ConfigureAwait(false);
            var outcome = await DecideAsync(schedule, administration!, zone, now, cancellationToken).ConfigureAwait(false);
            if (!outcome.MayDelete)
            {
                var retryAt = OfficeCalendar.StartOfDay(now.InZone(zone).Date.PlusDays(1), zone);
                if (schedule.Block(outcome.Reason, retryAt, Job, now))
                {
                    await _collaboration.NotifyAsync(schedule.ClientId, schedule.OfficeId, NotificationKind.DeletionBlocked, subject,
                        new("notification.deletion-blocked", schedule.AdministrationNumber, schedule.DeleteOn, outcome.Reason), cancellationToken).ConfigureAwait(false);
                }

                blocked += await _unitOfWork.TrySaveChangesAsync(cancellationToken).ConfigureAwait(false) ? 1 : 0;
                continue;
            }

            // Claim first: the claim bumps the schedule's and the administration's versions, so a reactivation or
            // a legal hold saved concurrently makes either the claim or that change fail; never both succeed.
            schedule.BeginDeletion(now);
            administration!.NoteDeletionStarting(now);
            if (!await _unitOfWork.TrySaveChangesAsync(cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await Books.EraseAsync(schedule.AdministrationNumber, cancellationToken).ConfigureAwait(false);
            schedule.Complete(outcome.Reason, administration.LegalHold is not null, Job, now);
            administration.MarkDeleted(now);
            await _collaboration.NotifyAsync(schedule.ClientId, schedule.OfficeId, NotificationKind.AdministrationDeleted, subject,
                new("notification.administration-deleted", schedule.AdministrationNumber, schedule.AdministrationName), cancellationToken).ConfigureAwait(false);
            deleted += await _unitOfWork.TrySaveChangesAsync(cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        var cut = await CutAuditChainsAsync(max, cancellationToken).ConfigureAwait(false);
        return new RetentionPassResult(warned, blocked, deleted, cut);
    }

    // AUD-2, RET-2: a row is kept through the end of the AuditRetentionYears-th calendar year after the one it was
    // written in (local years of the default office zone, RET-1); older rows go from the start of their chain, never
    // without a signed checkpoint, never while their administration is held.
    private async Task<long> CutAuditChainsAsync(int max, CancellationToken cancellationToken)
    {
        if (!_options.Receipts.IsConfigured)
        {
            return 0;
        }

        var now = _clock.GetCurrentInstant();
        var zone = _calendar.DefaultZone;
        var before = OfficeCalendar.StartOfDay(new LocalDate(now.InZone(zone).Year - _options.Lifecycle.AuditRetentionYears, 1, 1), zone);
        long rows = 0;
        Evidence.ReceiptSigner? signer = null;
        foreach (var cut in await _chains.FindExpiredAsync(before, max, cancellationToken).ConfigureAwait(false))
        {
            if (await IsHeldAsync(cut.Chain, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            signer ??= _options.Receipts.CreateSigner();
            rows += Math.Max(0, await _chains.CutAsync(signer.SignCheckpoint(cut.Chain, cut.Position, cut.Hash, now), cancellationToken).ConfigureAwait(false));
        }

        return rows;
    }

    private async Task<bool> IsHeldAsync(string chain, CancellationToken cancellationToken)
    {
        const string prefix = "administration:";
        return chain.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(chain.AsSpan(prefix.Length), out var id)
            && await _administrations.FindAdministrationAsync(new AdministrationId(id), cancellationToken).ConfigureAwait(false) is { LegalHold: not null };
    }

    private async Task<RetentionDecision> DecideAsync(DeletionSchedule schedule, Administration administration, DateTimeZone zone, Instant now, CancellationToken cancellationToken)
    {
        if (administration.LegalHold is { } hold)
        {
            return new RetentionDecision(false, $"legal hold: {hold}");
        }

        var books = await Books.DescribeAsync(schedule.AdministrationNumber, cancellationToken).ConfigureAwait(false);
        var backup = await _lifecycle.LatestBackupSinceAsync(schedule.AdministrationId, schedule.CancelledAt, cancellationToken).ConfigureAwait(false);
        return await _policy.DecideAsync(new RetentionQuestion(administration, books, now.InZone(zone).Date, backup), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(Actor Actor, Administration Administration)> FindAsync(ActingParty party, AdministrationId administration, CancellationToken cancellationToken)
    {
        var found = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.PlaceLegalHold, found, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        return (acting.Actor, found);
    }
}

/// <summary>What one retention pass did.</summary>
/// <param name="Warned">Warnings sent.</param>
/// <param name="Blocked">Due deletions kept because of a legal hold or the retention policy.</param>
/// <param name="Deleted">Administrations deleted.</param>
/// <param name="AuditRowsDeleted">Audit rows deleted past their retention, under signed checkpoints (AUD-2).</param>
public sealed record RetentionPassResult(int Warned, int Blocked, int Deleted, long AuditRowsDeleted = 0);
