using Collab.Workflow;
using NodaTime;

namespace Collab.Reports;

/// <summary>Where a report stands, as the office sees it (SHARE-3).</summary>
public enum ReportState
{
    /// <summary>Being prepared; the client sees nothing.</summary>
    Draft = 0,

    /// <summary>Shared with the client.</summary>
    Shared = 1,

    /// <summary>The client viewed it.</summary>
    Viewed = 2,

    /// <summary>The client approved it. Final.</summary>
    Approved = 3,

    /// <summary>The client rejected it. Final.</summary>
    Rejected = 4,

    /// <summary>The approval deadline passed. Final.</summary>
    Expired = 5,
}

/// <summary>What can happen to a report.</summary>
public enum ReportTrigger
{
    /// <summary>The office shares it.</summary>
    Share = 0,

    /// <summary>The client views it.</summary>
    View = 1,

    /// <summary>The client approves it.</summary>
    Approve = 2,

    /// <summary>The client rejects it.</summary>
    Reject = 3,

    /// <summary>The deadline passed unanswered.</summary>
    Expire = 4,
}

/// <summary>How a report reaches the client, decided by its tier when it is shared.</summary>
public enum ShareMode
{
    /// <summary><c>Standard</c>: a notification with a one-time link (SHARE-1).</summary>
    TemporaryLink = 1,

    /// <summary><c>Collaborate</c> and up: an approval task with a deadline (SHARE-3).</summary>
    Approval = 2,
}

/// <summary>What the report machine's guards look at.</summary>
/// <param name="Report">The report.</param>
/// <param name="Now">The instant of the action.</param>
internal readonly record struct ReportContext(AnnualReport Report, Instant Now);

/// <summary>
/// An annual report an office shares with a client: by one-time link for <c>Standard</c> clients (SHARE-1), as an
/// approval task with a deadline for <c>Collaborate</c> and up (SHARE-3).
/// </summary>
public sealed class AnnualReport : AggregateRoot
{
    internal static StateMachine<ReportState, ReportTrigger, ReportContext> Machine { get; } = BuildMachine();

    /// <summary>The lifecycle as a Mermaid <c>stateDiagram-v2</c>, each guarded transition labelled with its condition (for docs and admin pages).</summary>
    public static string Diagram => Machine.ToMermaid();

    private AnnualReport() => Title = string.Empty;

    /// <summary>The report's id.</summary>
    public ReportId Id { get; private set; }

    /// <summary>The office that prepared it.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The client it is for.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The company of the client it concerns; client users who may reach it see the report (SEC-1).</summary>
    public CompanyId CompanyId { get; private set; }

    /// <summary>A title such as "Jaarrekening 2025".</summary>
    public string Title { get; private set; }

    /// <summary>Where it stands.</summary>
    public ReportState State { get; private set; }

    /// <summary>How it was shared; null while a draft.</summary>
    public ShareMode? Mode { get; private set; }

    /// <summary>The last local day (office's time zone) to approve, for approval tasks.</summary>
    public LocalDate? Deadline { get; private set; }

    /// <summary>When the approval task expires: the start of the day after <see cref="Deadline"/> in the office's zone.</summary>
    public Instant? DeadlinePassesAt { get; private set; }

    /// <summary>When the deadline reminder is due (SHARE-4).</summary>
    public Instant? ReminderDueAt { get; private set; }

    /// <summary>When the reminder was queued; set once (SHARE-4: at most once per task).</summary>
    public Instant? ReminderSentAt { get; private set; }

    /// <summary>When the client first viewed it.</summary>
    public Instant? ViewedAt { get; private set; }

    /// <summary>When the client approved or rejected it.</summary>
    public Instant? DecidedAt { get; private set; }

    /// <summary>Why the client rejected it.</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>Whether the client keeps the report in its permanent history after approval (SHARE-5: <c>CollaborateExtended</c>).</summary>
    public bool KeptInHistory { get; private set; }

    internal static AnnualReport Draft(OfficeId office, ClientId client, CompanyId company, string title, Actor actor, Instant now)
    {
        var report = new AnnualReport { Id = ReportId.New(), OfficeId = office, ClientId = client, CompanyId = company, Title = Guard.Name(title, "report title") };
        report.Raise(new ReportChanged(now, actor, AuditAction.ReportDrafted, report.Id, $"office={office};client={client}"));
        return report;
    }

    internal void ShareByLink(Actor actor, Instant now)
    {
        State = Machine.Fire(State, ReportTrigger.Share, new ReportContext(this, now));
        Mode = ShareMode.TemporaryLink;
        Raise(new ReportChanged(now, actor, AuditAction.ReportShared, Id, "mode=TemporaryLink"));
    }

    internal void ShareForApproval(LocalDate deadline, Instant deadlinePassesAt, Instant reminderDueAt, Actor actor, Instant now)
    {
        if (deadlinePassesAt <= now)
        {
            throw Refuse.InvalidInput("report.deadline-passed", $"Deadline {deadline:yyyy-MM-dd} has already passed: give a later date.", "SHARE-3");
        }

        State = Machine.Fire(State, ReportTrigger.Share, new ReportContext(this, now));
        (Mode, Deadline, DeadlinePassesAt, ReminderDueAt) = (ShareMode.Approval, deadline, deadlinePassesAt, reminderDueAt);
        Raise(new ReportChanged(now, actor, AuditAction.ReportShared, Id, $"mode=Approval;deadline={deadline:yyyy-MM-dd};reminder={reminderDueAt}"));
    }

    internal void View(Actor actor, Instant now)
    {
        var first = State == ReportState.Shared;
        State = Machine.Fire(State, ReportTrigger.View, new ReportContext(this, now));
        ViewedAt ??= now;
        if (first && Mode == ShareMode.Approval)
        {
            Raise(new ReportChanged(now, actor, AuditAction.ReportViewed, Id, string.Empty));
        }
    }

    internal void Approve(UserId user, bool keepInHistory, Instant now)
    {
        State = Machine.Fire(State, ReportTrigger.Approve, new ReportContext(this, now));
        (DecidedAt, KeptInHistory) = (now, keepInHistory);
        Raise(new ReportChanged(now, Actor.ClientUser(user), AuditAction.ReportApproved, Id, $"keptInHistory={keepInHistory}"));
    }

    internal void Reject(UserId user, string reason, Instant now)
    {
        State = Machine.Fire(State, ReportTrigger.Reject, new ReportContext(this, now));
        (DecidedAt, RejectionReason) = (now, reason);
        Raise(new ReportChanged(now, Actor.ClientUser(user), AuditAction.ReportRejected, Id, $"reason={reason}"));
    }

    internal void Expire(Instant now)
    {
        State = Machine.Fire(State, ReportTrigger.Expire, new ReportContext(this, now));
        Raise(new ReportChanged(now, Actor.System("report-expiry"), AuditAction.ReportExpired, Id, $"deadline={Deadline:yyyy-MM-dd}"));
    }

    internal void MarkReminderSent(Instant now)
    {
        if (ReminderSentAt is not null)
        {
            throw Refuse.Rule("report.reminder-already-sent", $"The reminder for report {Id} was already sent at {ReminderSentAt}: a task gets it once.", "SHARE-4");
        }

        ReminderSentAt = now;
        Raise(new ReportChanged(now, Actor.System("reminder-scan"), AuditAction.ReminderSent, Id, $"deadline={Deadline:yyyy-MM-dd}"));
    }

    private static StateMachine<ReportState, ReportTrigger, ReportContext> BuildMachine()
    {
        var beforeDeadline = new Guard<ReportContext>(static (in ReportContext c) => c.Report.DeadlinePassesAt is not { } end || c.Now < end, "the approval deadline has passed");
        var approvalTask = new Guard<ReportContext>(static (in ReportContext c) => c.Report.Mode == ShareMode.Approval, "the report was shared by link, not for approval");
        var deadlinePassed = new Guard<ReportContext>(static (in ReportContext c) => c.Report.DeadlinePassesAt is { } end && c.Now >= end, "the approval deadline has not passed");

        var builder = new StateMachineBuilder<ReportState, ReportTrigger, ReportContext>("report", "SHARE-3")
            .Permit(ReportState.Draft, ReportTrigger.Share, ReportState.Shared);
        foreach (var open in new[] { ReportState.Shared, ReportState.Viewed })
        {
            builder
                .PermitIf(open, ReportTrigger.View, ReportState.Viewed, beforeDeadline)
                .PermitIf(open, ReportTrigger.Approve, ReportState.Approved, approvalTask, beforeDeadline)
                .PermitIf(open, ReportTrigger.Reject, ReportState.Rejected, approvalTask, beforeDeadline)
                .PermitIf(open, ReportTrigger.Expire, ReportState.Expired, approvalTask, deadlinePassed);
        }

        return builder.Build();
    }
}

/// <summary>Something happened to a report (AUD-1).</summary>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="Report">The report.</param>
/// <param name="Details">Facts worth proving.</param>
public sealed record ReportChanged(Instant OccurredAt, Actor Actor, AuditAction Action, ReportId Report, string Details) : IAuditedEvent
{
    /// <inheritdoc />
    public AuditSubject Subject => AuditSubject.Report(Report);
}
