using Collab.Authorization;
using Collab.Registry;
using Collab.Storage;
using NodaTime;

namespace Collab.Lifecycle;

/// <summary>
/// Carries out scheduled deletions (ONB-6, RET-2), the platform's background pass: warns client and office on the
/// planned days, and on the deletion day deletes only when no legal hold stands and the vendor's
/// <see cref="IRetentionPolicy"/> agrees, recording what was deleted, when and under which policy; then cuts the audit
/// rows past their retention (AUD-2). Safe to run from several instances at once and to run twice: each step is claimed
/// with the schedule's version, and erasing the books is idempotent.
/// </summary>
/// <param name="lifecycle">Reads the due schedules.</param>
/// <param name="unitOfWork">Saves changes and notifications.</param>
/// <param name="dates">The clock and the office's zone (RET-1).</param>
/// <param name="notifier">Tells the client's and the office's users.</param>
/// <param name="decider">Decides a due deletion (legal hold, retention policy) and erases the books.</param>
/// <param name="auditCut">Deletes the audit rows past their retention under signed checkpoints (AUD-2).</param>
public sealed class RetentionPassService(ILifecycleStore lifecycle, ICollabUnitOfWork unitOfWork, LifecycleCalendar dates, LifecycleNotifier notifier, DeletionDecider decider, AuditRetentionCut auditCut)
{
    private static readonly Actor Job = Actor.System("retention-pass");
    private readonly ILifecycleStore _lifecycle = lifecycle;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly LifecycleCalendar _dates = dates;
    private readonly LifecycleNotifier _collaboration = notifier;
    private readonly DeletionDecider _decider = decider;
    private readonly AuditRetentionCut _auditCut = auditCut;

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
        foreach (var schedule in await _lifecycle.FindDueDeletionWorkAsync(_dates.Now(), max, cancellationToken).ConfigureAwait(false))
        {
            var now = _dates.Now();
            var zone = await _dates.ZoneOfAsync(schedule.OfficeId, cancellationToken).ConfigureAwait(false);
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

            var (administration, outcome) = await _decider.DecideAsync(schedule, zone, now, cancellationToken).ConfigureAwait(false);
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

            await _decider.EraseAsync(schedule.AdministrationNumber, cancellationToken).ConfigureAwait(false);
            schedule.Complete(outcome.Reason, administration.LegalHold is not null, Job, now);
            administration.MarkDeleted(now);
            await _collaboration.NotifyAsync(schedule.ClientId, schedule.OfficeId, NotificationKind.AdministrationDeleted, subject,
                new("notification.administration-deleted", schedule.AdministrationNumber, schedule.AdministrationName), cancellationToken).ConfigureAwait(false);
            deleted += await _unitOfWork.TrySaveChangesAsync(cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        var cut = await _auditCut.CutAsync(max, cancellationToken).ConfigureAwait(false);
        return new RetentionPassResult(warned, blocked, deleted, cut);
    }
}

/// <summary>Decides a due deletion (RET-2): a legal hold keeps it, else the vendor's retention policy decides; erases the books once it goes ahead.</summary>
/// <param name="administrations">Reads administrations.</param>
/// <param name="lifecycle">Reads the latest backup.</param>
/// <param name="policy">The vendor's retention policy.</param>
/// <param name="books">The vendor's books, erased on deletion.</param>
public sealed class DeletionDecider(IAdministrationStore administrations, ILifecycleStore lifecycle, IRetentionPolicy policy, IBookkeepingData? books = null)
{
    private readonly ILifecycleStore _lifecycle = lifecycle;
    private readonly IRetentionPolicy _policy = policy;

    private IBookkeepingData Books => books ?? throw new InvalidOperationException(
        "Deleting administrations needs the books: register your implementation of Collab.Storage.IBookkeepingData.");

    /// <summary>The schedule's administration and whether it may be deleted now.</summary>
    internal async Task<(Administration? Administration, RetentionDecision Decision)> DecideAsync(DeletionSchedule schedule, DateTimeZone zone, Instant now, CancellationToken cancellationToken)
    {
        var administration = await administrations.FindAdministrationAsync(schedule.AdministrationId, cancellationToken).ConfigureAwait(false);
        return (administration, await DecideAsync(schedule, administration!, zone, now, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Erases the administration's books (idempotent).</summary>
    internal Task EraseAsync(AdministrationNumber number, CancellationToken cancellationToken) => Books.EraseAsync(number, cancellationToken);

    private async Task<RetentionDecision> DecideAsync(DeletionSchedule schedule, Administration administration, DateTimeZone zone, Instant now, CancellationToken cancellationToken)
    {
        if (administration.LegalHold is { } hold)
        {
            return new RetentionDecision(false, $"legal hold: {hold}");
        }

        var described = await Books.DescribeAsync(schedule.AdministrationNumber, cancellationToken).ConfigureAwait(false);
        var backup = await _lifecycle.LatestBackupSinceAsync(schedule.AdministrationId, schedule.CancelledAt, cancellationToken).ConfigureAwait(false);
        return await _policy.DecideAsync(new RetentionQuestion(administration, described, now.InZone(zone).Date, backup), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Deletes the audit rows past their retention from the start of their chains, under signed checkpoints (AUD-2, RET-2).</summary>
/// <param name="chains">The audit chains.</param>
/// <param name="administrations">Reads legal holds.</param>
/// <param name="clock">The clock.</param>
/// <param name="calendar">The office calendar: the default zone's years (RET-1).</param>
/// <param name="options">Collab's options: the audit retention and the receipt key that signs checkpoints.</param>
public sealed class AuditRetentionCut(Evidence.IAuditChainStore chains, IAdministrationStore administrations, IClock clock, OfficeCalendar calendar, Microsoft.Extensions.Options.IOptions<CollabOptions> options)
{
    private readonly Evidence.IAuditChainStore _chains = chains;
    private readonly IAdministrationStore _administrations = administrations;
    private readonly IClock _clock = clock;
    private readonly OfficeCalendar _calendar = calendar;
    private readonly CollabOptions _options = options.Value;

    // AUD-2, RET-2: a row is kept through the end of the AuditRetentionYears-th calendar year after the one it was
    // written in (local years of the default office zone, RET-1); older rows go from the start of their chain, never
    // without a signed checkpoint, never while their administration is held.
    internal async Task<long> CutAsync(int max, CancellationToken cancellationToken)
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
}
