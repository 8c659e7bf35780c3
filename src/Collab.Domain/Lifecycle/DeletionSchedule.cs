using NodaTime;

namespace Collab.Lifecycle;

/// <summary>The calendar of a deletion after cancellation (ONB-6, RET-1, RET-2), on local dates in the office's zone.</summary>
/// <param name="DeleteOn">The local day of deletion: cancellation day plus the delay in calendar days.</param>
/// <param name="DueAt">When that day starts in the office's zone; nothing is deleted before it.</param>
/// <param name="Warnings">Each warning's days-before, local day and start instant, earliest first.</param>
public sealed record DeletionPlan(LocalDate DeleteOn, Instant DueAt, IReadOnlyList<(int DaysBefore, LocalDate Day, Instant At)> Warnings)
{
    /// <summary>Plans a deletion.</summary>
    /// <param name="cancelledAt">When the client cancelled.</param>
    /// <param name="zone">The office's time zone.</param>
    /// <param name="delayDays">Calendar days from the cancellation day to the deletion day (default 90).</param>
    /// <param name="warningDays">Days before the deletion day on which to warn (default 30 and 7); warnings that would fall on or before the cancellation day are dropped.</param>
    /// <returns>The plan.</returns>
    public static DeletionPlan For(Instant cancelledAt, DateTimeZone zone, int delayDays, IEnumerable<int> warningDays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(warningDays);
        var cancelDay = cancelledAt.InZone(zone).Date;
        var deleteOn = cancelDay.PlusDays(delayDays);
        var warnings = warningDays.Distinct().OrderDescending()
            .Select(d => (DaysBefore: d, Day: deleteOn.PlusDays(-d)))
            .Where(w => w.Day > cancelDay && w.DaysBefore > 0)
            .Select(w => (w.DaysBefore, w.Day, OfficeCalendar.StartOfDay(w.Day, zone)))
            .ToList();
        return new DeletionPlan(deleteOn, OfficeCalendar.StartOfDay(deleteOn, zone), warnings);
    }
}

/// <summary>Where a scheduled deletion stands.</summary>
public enum DeletionState
{
    /// <summary>Waiting for its day (and possibly blocked on it: see <see cref="DeletionSchedule.BlockedReason"/>).</summary>
    Scheduled = 1,

    /// <summary>Called off: the client reactivated before the day (RET-2).</summary>
    CalledOff = 2,

    /// <summary>Carried out; the schedule is now the record of what was deleted, when, and under which policy.</summary>
    Deleted = 3,
}

/// <summary>
/// The scheduled deletion of one online administration after its client cancelled (ONB-6, RET-2). It never
/// deletes before <see cref="DueAt"/> or while a legal hold stands: <see cref="Complete"/> refuses both.
/// </summary>
public sealed class DeletionSchedule : AggregateRoot
{
    private DeletionSchedule()
    {
        WarningDays = string.Empty;
        AdministrationName = string.Empty;
    }

    /// <summary>The schedule's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The administration to delete.</summary>
    public AdministrationId AdministrationId { get; private set; }

    /// <summary>Its number, kept for the record after deletion.</summary>
    public AdministrationNumber AdministrationNumber { get; private set; }

    /// <summary>Its name, kept for the record after deletion.</summary>
    public string AdministrationName { get; private set; }

    /// <summary>The client that cancelled.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The office whose time zone governs the dates, and which is warned too.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>When the client cancelled.</summary>
    public Instant CancelledAt { get; private set; }

    /// <summary>The local day of deletion.</summary>
    public LocalDate DeleteOn { get; private set; }

    /// <summary>When that day starts in the office's zone.</summary>
    public Instant DueAt { get; private set; }

    /// <summary>The warning days-before, comma-separated, largest first, as planned.</summary>
    public string WarningDays { get; private set; }

    /// <summary>How many of the planned warnings are behind us (sent, or skipped because a later one was due).</summary>
    public int WarningsPassed { get; private set; }

    /// <summary>When the deletion pass next has something to do: a warning, the deletion, or a retry of a blocked deletion.</summary>
    public Instant NextActionAt { get; private set; }

    /// <summary>Scheduled, called off or deleted.</summary>
    public DeletionState State { get; private set; }

    /// <summary>Why the due deletion did not happen yet (a legal hold or the retention policy); null when not blocked.</summary>
    public string? BlockedReason { get; private set; }

    /// <summary>When it was deleted.</summary>
    public Instant? DeletedAt { get; private set; }

    /// <summary>The retention policy's decision that allowed the deletion.</summary>
    public string? Policy { get; private set; }

    internal static DeletionSchedule Plan(Registry.Administration administration, OfficeId office, DeletionPlan plan, Actor actor, Instant now)
    {
        var schedule = new DeletionSchedule
        {
            Id = Guid.CreateVersion7(),
            AdministrationId = administration.Id,
            AdministrationNumber = administration.Number,
            AdministrationName = administration.Name,
            ClientId = administration.ClientId,
            OfficeId = office,
            CancelledAt = now,
            DeleteOn = plan.DeleteOn,
            DueAt = plan.DueAt,
            WarningDays = string.Join(',', plan.Warnings.Select(w => w.DaysBefore)),
            State = DeletionState.Scheduled,
        };
        schedule.NextActionAt = schedule.NextWarningAt(plan) ?? plan.DueAt;
        schedule.Raise(new Registry.RegistryChanged(now, actor, AuditAction.SubscriptionCancelled, AuditSubject.Administration(administration.Id),
            $"deletion-date={plan.DeleteOn:yyyy-MM-dd};warnings={schedule.WarningDays}"));
        return schedule;
    }

    /// <summary>The plan this schedule follows, with warning instants in the office's zone.</summary>
    internal DeletionPlan PlanIn(DateTimeZone zone) => new(DeleteOn, DueAt,
        WarningDays.Length == 0
            ? []
            : WarningDays.Split(',').Select(int.Parse).Select(d => (d, DeleteOn.PlusDays(-d), OfficeCalendar.StartOfDay(DeleteOn.PlusDays(-d), zone))).ToList());

    private Instant? NextWarningAt(DeletionPlan plan) => WarningsPassed < plan.Warnings.Count ? plan.Warnings[WarningsPassed].At : null;

    /// <summary>
    /// The warning due at <paramref name="now"/>, if any: the latest one whose day has started. Earlier ones
    /// that a late pass missed are skipped, so the client never gets a stale "30 days" after the "7 days".
    /// </summary>
    internal int? TakeDueWarning(Instant now, DateTimeZone zone, Actor actor)
    {
        var plan = PlanIn(zone);
        if (State != DeletionState.Scheduled || now >= DueAt)
        {
            return null;
        }

        var due = -1;
        for (var i = WarningsPassed; i < plan.Warnings.Count && plan.Warnings[i].At <= now; i++)
        {
            due = i;
        }

        if (due < 0)
        {
            return null;
        }

        WarningsPassed = due + 1;
        NextActionAt = NextWarningAt(plan) ?? DueAt;
        var days = plan.Warnings[due].DaysBefore;
        Raise(new Registry.RegistryChanged(now, actor, AuditAction.DeletionWarningSent, AuditSubject.Administration(AdministrationId),
            $"days-before={days};deletion-date={DeleteOn:yyyy-MM-dd}"));
        return days;
    }

    /// <summary>Records that the due deletion is blocked, to be tried again at <paramref name="retryAt"/>. Audited when the reason changes.</summary>
    /// <returns>True when the reason is new (worth telling people).</returns>
    internal bool Block(string reason, Instant retryAt, Actor actor, Instant now)
    {
        EnsureScheduled();
        NextActionAt = retryAt;
        if (reason == BlockedReason)
        {
            return false;
        }

        BlockedReason = reason;
        Raise(new Registry.RegistryChanged(now, actor, AuditAction.DeletionBlocked, AuditSubject.Administration(AdministrationId), $"reason={reason}"));
        return true;
    }

    /// <summary>When a pass claimed the deletion; from then on it can no longer be called off.</summary>
    public Instant? DeletionStartedAt { get; private set; }

    /// <summary>Claims the deletion for one pass: saving the claim fails if anyone changed the schedule meanwhile.</summary>
    internal void BeginDeletion(Instant now)
    {
        EnsureScheduled();
        DeletionStartedAt ??= now;
        Raise(new DeletionStarted(now));
    }

    /// <summary>Records the deletion. Refuses to run early or under a legal hold, whatever the caller decided.</summary>
    internal void Complete(string policy, bool legalHold, Actor actor, Instant now)
    {
        EnsureScheduled();
        if (now < DueAt)
        {
            throw new InvalidOperationException($"Deletion of administration {AdministrationNumber} is due at {DueAt}, not before (RET-2).");
        }

        if (legalHold)
        {
            throw new InvalidOperationException($"Administration {AdministrationNumber} is under a legal hold and cannot be deleted (RET-2).");
        }

        State = DeletionState.Deleted;
        DeletedAt = now;
        Policy = policy;
        BlockedReason = null;
        Raise(new Registry.RegistryChanged(now, actor, AuditAction.AdministrationDeleted, AuditSubject.Administration(AdministrationId),
            $"number={AdministrationNumber};name={AdministrationName};policy={policy}"));
    }

    internal void CallOff(Actor actor, Instant now)
    {
        EnsureScheduled();
        if (DeletionStartedAt is { } started)
        {
            throw CollabRefusals.RetentionDeletionUnderWay(AdministrationNumber, started);
        }

        State = DeletionState.CalledOff;
        Raise(new Registry.RegistryChanged(now, actor, AuditAction.SubscriptionReactivated, AuditSubject.Administration(AdministrationId),
            $"called-off-deletion={DeleteOn:yyyy-MM-dd}"));
    }

    private void EnsureScheduled()
    {
        if (State != DeletionState.Scheduled)
        {
            throw CollabRefusals.RetentionNotScheduled(AdministrationNumber, State.ToString().ToLowerInvariant());
        }
    }
}

/// <summary>A retention pass claimed a deletion (not audited by itself: the deletion record follows).</summary>
/// <param name="OccurredAt">When.</param>
public sealed record DeletionStarted(Instant OccurredAt) : IDomainEvent;
