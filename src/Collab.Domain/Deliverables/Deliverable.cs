using Collab.Tiers;
using Collab.Workflow;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>Where a deliverable stands, as the office sees it (SHARE-3).</summary>
public enum DeliverableState
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

// Approved, Rejected and Expired are final for the version they concern: changing a document or the figures after
// that opens a new version, back in Draft, that the client must see again (SHARE-14, AUD-1).

/// <summary>What can happen to a report.</summary>
public enum DeliverableTrigger
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

    /// <summary>The office changed a decided deliverable: a new version, back to draft.</summary>
    Revise = 5,
}

/// <summary>How a report reaches the client, decided by its tier when it is shared.</summary>
public enum ShareMode
{
    /// <summary><c>Standard</c>: a notification with a one-time link (SHARE-1).</summary>
    TemporaryLink = 1,

    /// <summary><c>Collaborate</c> and up: an approval task with a deadline (SHARE-3).</summary>
    Approval = 2,
}

/// <summary>What a client may read of a deliverable at one moment (SHARE-5, SHARE-14): the current revision as an open task, and the approved revisions of its permanent history.</summary>
/// <param name="OpenTask">The current revision is an open approval task the client may read and answer now.</param>
/// <param name="History">The approved revisions kept in the client's permanent history, readable now, oldest first.</param>
internal readonly record struct ClientReading(bool OpenTask, IReadOnlyList<DeliverableApproval> History);

/// <summary>What the report machine's guards look at.</summary>
/// <param name="Deliverable">The report.</param>
/// <param name="Now">The instant of the action.</param>
internal readonly record struct DeliverableContext(Deliverable Deliverable, Instant Now);

/// <summary>
/// What an office shares with a client (SHARE-13): an annual report or a tax return for one company and period, with
/// its documents (SHARE-14) and, for an annual report, its key figures (SHARE-15). The client's one tier chooses the
/// channel for every kind alike: a one-time link for <c>Standard</c> clients (SHARE-1), an approval task with a
/// deadline for <c>Collaborate</c> and up (SHARE-3). Invariants: documents and figures change only in
/// <see cref="DeliverableState.Draft"/>; changing a decided deliverable starts the next <see cref="Revision"/>.
/// </summary>
public sealed class Deliverable : AggregateRoot, IDeadlineTask
{
    /// <summary>The most documents one version carries.</summary>
    public const int MaxDocuments = 20;

    private readonly List<DeliverableDocument> _allDocuments = [];
    private readonly List<DeliverableApproval> _approvals = [];

    internal static StateMachine<DeliverableState, DeliverableTrigger, DeliverableContext> Machine { get; } = BuildMachine();

    /// <summary>The lifecycle as a Mermaid <c>stateDiagram-v2</c>, each guarded transition labelled with its condition (for docs and admin pages).</summary>
    public static string Diagram => Machine.ToMermaid();

    private Deliverable() => Title = string.Empty;

    /// <summary>The report's id.</summary>
    public DeliverableId Id { get; private set; }

    /// <summary>The office that prepared it.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The client it is for.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The company of the client it concerns; client users who may reach it see the report (SEC-1).</summary>
    public CompanyId CompanyId { get; private set; }

    /// <summary>A title such as "Jaarrekening 2025".</summary>
    public string Title { get; private set; }

    /// <summary>An annual report or one of the tax returns.</summary>
    public DeliverableKind Kind { get; private set; }

    /// <summary>The service line of <see cref="Kind"/>; the client's one tier governs both lines (TIER-3).</summary>
    public ServiceLine Line => Kind.Line();

    /// <summary>The financial year, quarter or month it is about.</summary>
    public ReportingPeriod Period { get; private set; }

    /// <summary>The revision: 1 when drafted, one more each time a decided deliverable is changed (a new version for the client).</summary>
    public int Revision { get; private set; } = 1;

    /// <summary>The documents of the current version, in the order added.</summary>
    public IReadOnlyList<DeliverableDocument> Documents => _allDocuments.FindAll(d => d.Revision == Revision);

    /// <summary>The documents of every version, so the office can show what was approved before (AUD-1).</summary>
    public IReadOnlyList<DeliverableDocument> AllDocuments => _allDocuments;

    /// <summary>Every revision the client approved, oldest first, with the documents' hashes and figures approved; kept across revisions (SHARE-5, AUD-1).</summary>
    public IReadOnlyList<DeliverableApproval> Approvals => _approvals;

    /// <summary>The key figures, for an annual report (SHARE-15); null when none were given.</summary>
    public FinancialFigures? Figures { get; private set; }

    /// <summary>The SHA-256 of every document the client approved, in file-name order, comma-separated; null until approved (AUD-1).</summary>
    public string? ApprovedDocumentHashes { get; private set; }

    /// <summary>Where it stands.</summary>
    public DeliverableState State { get; private set; }

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

    internal static Deliverable Draft(OfficeId office, ClientId client, CompanyId company, DeliverableKind kind, ReportingPeriod period, string? title, Actor actor, Instant now)
    {
        DeliverableKinds.Check(kind, period);
        var name = Guard.Name(title ?? DeliverableKinds.DefaultTitle(kind, period), "title");
        var deliverable = new Deliverable { Id = DeliverableId.New(), OfficeId = office, ClientId = client, CompanyId = company, Title = name, Kind = kind, Period = period };
        deliverable.Raise(new DeliverableChanged(now, actor, AuditAction.DeliverableDrafted, deliverable.Id, $"office={office};client={client};kind={kind};period={period}"));
        return deliverable;
    }

    /// <summary>Adds a document to the draft; one with the same file name is replaced.</summary>
    internal void AddDocument(DeliverableDocument document, Actor actor, Instant now)
    {
        RequireDraft("add a document");
        var replaced = _allDocuments.FindIndex(d => d.Revision == Revision && string.Equals(d.FileName, document.FileName, StringComparison.OrdinalIgnoreCase));
        if (replaced < 0 && Documents.Count >= MaxDocuments)
        {
            throw CollabRefusals.DeliverableTooManyDocuments(Title, MaxDocuments);
        }

        if (replaced >= 0)
        {
            _allDocuments.RemoveAt(replaced);
        }

        _allDocuments.Add(document);
        Raise(new DeliverableChanged(now, actor, AuditAction.DeliverableDocumentAdded, Id,
            $"revision={Revision};document={document.Id};file={document.FileName};bytes={document.SizeBytes};sha256={document.Sha256};replaced={replaced >= 0}"));
    }

    internal void RemoveDocument(DocumentId document, Actor actor, Instant now)
    {
        RequireDraft("remove a document");
        var index = _allDocuments.FindIndex(d => d.Revision == Revision && d.Id == document);
        if (index < 0)
        {
            throw CollabRefusals.DeliverableDocumentUnknown(Title, document);
        }

        var removed = _allDocuments[index];
        _allDocuments.RemoveAt(index);
        Raise(new DeliverableChanged(now, actor, AuditAction.DeliverableDocumentRemoved, Id, $"revision={Revision};document={document};file={removed.FileName}"));
    }

    internal void SetFigures(FinancialFigures figures, Actor actor, Instant now)
    {
        var checkedFigures = figures.Check(); // every check before anything changes
        if (Kind != DeliverableKind.AnnualReport)
        {
            throw CollabRefusals.FiguresNotAnAnnualReport(Title, Kind);
        }

        if (figures.Year != Period.Year)
        {
            throw CollabRefusals.FiguresWrongYear(figures.Year, Period.Year);
        }

        ReviseIfDecided(actor, now); // on a decided deliverable the figures open the next revision (AUD-1)
        RequireDraft("set the figures");
        Figures = checkedFigures;
        Raise(new DeliverableChanged(now, actor, AuditAction.FiguresSet, Id, $"revision={Revision};year={figures.Year}"));
    }

    /// <summary>
    /// Opens the next revision when the deliverable left the draft (decided, or shared by link), so a change after the
    /// client saw it is shown to the client again; a draft stays as it is. Refused while an approval task is open.
    /// </summary>
    internal void ReviseIfDecided(Actor actor, Instant now)
    {
        if (State is DeliverableState.Draft)
        {
            return;
        }

        if (State is DeliverableState.Shared or DeliverableState.Viewed && Mode == ShareMode.Approval)
        {
            RequireDraft("change it");
        }

        var current = Documents;
        var approved = ApprovedDocumentHashes;
        State = Machine.Fire(State, DeliverableTrigger.Revise, new DeliverableContext(this, now));
        Revision++;
        _allDocuments.AddRange(current.Select(d => d.CarryTo(Revision, now)));
        (Mode, Deadline, DeadlinePassesAt, ReminderDueAt, ReminderSentAt, ViewedAt, DecidedAt, RejectionReason, KeptInHistory, ApprovedDocumentHashes) =
            (null, null, null, null, null, null, null, null, false, null);
        Raise(new DeliverableChanged(now, actor, AuditAction.DeliverableRevised, Id, $"revision={Revision};previousApproved={approved ?? "-"}"));
    }

    private void RequireDraft(string what)
    {
        if (State != DeliverableState.Draft)
        {
            throw CollabRefusals.DeliverableWithClient(Title, State, what);
        }
    }

    internal void ShareByLink(Actor actor, Instant now)
    {
        State = Machine.Fire(State, DeliverableTrigger.Share, new DeliverableContext(this, now));
        Mode = ShareMode.TemporaryLink;
        Raise(new DeliverableChanged(now, actor, AuditAction.DeliverableShared, Id, "mode=TemporaryLink"));
    }

    internal void ShareForApproval(LocalDate deadline, Instant deadlinePassesAt, Instant reminderDueAt, Actor actor, Instant now)
    {
        if (deadlinePassesAt <= now)
        {
            throw CollabRefusals.DeliverableDeadlinePassed(deadline);
        }

        State = Machine.Fire(State, DeliverableTrigger.Share, new DeliverableContext(this, now));
        (Mode, Deadline, DeadlinePassesAt, ReminderDueAt) = (ShareMode.Approval, deadline, deadlinePassesAt, reminderDueAt);
        Raise(new DeliverableChanged(now, actor, AuditAction.DeliverableShared, Id, $"mode=Approval;deadline={deadline:yyyy-MM-dd};reminder={reminderDueAt}"));
    }

    internal void View(Actor actor, Instant now)
    {
        var first = State == DeliverableState.Shared;
        State = Machine.Fire(State, DeliverableTrigger.View, new DeliverableContext(this, now));
        ViewedAt ??= now;
        if (first && Mode == ShareMode.Approval)
        {
            Raise(new DeliverableChanged(now, actor, AuditAction.DeliverableViewed, Id, string.Empty));
        }
    }

    internal void Approve(UserId user, bool keepInHistory, Instant now)
    {
        State = Machine.Fire(State, DeliverableTrigger.Approve, new DeliverableContext(this, now));
        var hashes = string.Join(',', Documents.OrderBy(d => d.FileName, StringComparer.Ordinal).Select(d => d.Sha256));
        (DecidedAt, KeptInHistory, ApprovedDocumentHashes) = (now, keepInHistory, hashes);
        _approvals.Add(DeliverableApproval.Record(Revision, now, keepInHistory, hashes, Figures)); // SHARE-5: stays when the office revises again
        Raise(new DeliverableChanged(now, Actor.ClientUser(user), AuditAction.DeliverableApproved, Id, $"keptInHistory={keepInHistory};revision={Revision};documents={hashes}"));
    }

    internal void Reject(UserId user, string reason, Instant now)
    {
        State = Machine.Fire(State, DeliverableTrigger.Reject, new DeliverableContext(this, now));
        (DecidedAt, RejectionReason) = (now, reason);
        Raise(new DeliverableChanged(now, Actor.ClientUser(user), AuditAction.DeliverableRejected, Id, $"reason={reason}"));
    }

    internal void Expire(Instant now)
    {
        State = Machine.Fire(State, DeliverableTrigger.Expire, new DeliverableContext(this, now));
        Raise(new DeliverableChanged(now, Actor.System("report-expiry"), AuditAction.DeliverableExpired, Id, $"deadline={Deadline:yyyy-MM-dd}"));
    }

    internal void MarkReminderSent(Instant now)
    {
        if (ReminderSentAt is not null)
        {
            throw CollabRefusals.DeliverableReminderAlreadySent(Id, ReminderSentAt);
        }

        ReminderSentAt = now;
        Raise(new DeliverableChanged(now, Actor.System("reminder-scan"), AuditAction.ReminderSent, Id, $"deadline={Deadline:yyyy-MM-dd}"));
    }

    /// <summary>The documents of one revision, in the order added.</summary>
    internal IReadOnlyList<DeliverableDocument> DocumentsOf(int revision) => _allDocuments.FindAll(d => d.Revision == revision);

    /// <summary>Whether the current revision is an approval task the client can still answer at <paramref name="now"/> (SHARE-3).</summary>
    internal bool IsOpenTask(Instant now) =>
        Mode == ShareMode.Approval && State is DeliverableState.Shared or DeliverableState.Viewed && (DeadlinePassesAt is not { } end || now < end);

    /// <summary>
    /// Whether anything of this deliverable exists for its client's users (SEC-3): once shared, and — while the office works
    /// on a next revision — when an earlier revision is kept in the client's permanent history (SHARE-5). Never a mere draft.
    /// </summary>
    internal bool ExistsForClient => State != DeliverableState.Draft || _approvals.Exists(a => a.KeptInHistory);

    /// <summary>
    /// What the client reads of this deliverable at <paramref name="now"/> through its portal channel, given what its tier
    /// includes at that moment (SHARE-5, SHARE-14, SEC-6): the current revision while it is an open approval task and the
    /// tier shares and approves reports; every approved revision kept in its permanent history while the tier includes the
    /// permanent portal. A link share is read through its link only; a report a <c>Collaborate</c> client approved, a
    /// rejected or expired one, and a revision in the works yield nothing.
    /// </summary>
    internal ClientReading ReadForClient(bool approves, bool permanentPortal, Instant now)
    {
        var task = approves && IsOpenTask(now);
        var history = permanentPortal ? _approvals.FindAll(a => a.KeptInHistory) : [];
        return new ClientReading(task, history);
    }

    /// <summary>The client's tier has no deadline reminders at the moment the reminder falls due (SHARE-11): none is sent, and the task is no longer due for one.</summary>
    internal void SkipReminder() => ReminderDueAt = null;

    void IDeadlineTask.SkipReminder() => SkipReminder();

    void IDeadlineTask.MarkReminderSent(Instant now) => MarkReminderSent(now);

    private static StateMachine<DeliverableState, DeliverableTrigger, DeliverableContext> BuildMachine()
    {
        var beforeDeadline = new Guard<DeliverableContext>(static (in DeliverableContext c) => c.Deliverable.DeadlinePassesAt is not { } end || c.Now < end, "the approval deadline has passed");
        var approvalTask = new Guard<DeliverableContext>(static (in DeliverableContext c) => c.Deliverable.Mode == ShareMode.Approval, "the report was shared by link, not for approval");
        var deadlinePassed = new Guard<DeliverableContext>(static (in DeliverableContext c) => c.Deliverable.DeadlinePassesAt is { } end && c.Now >= end, "the approval deadline has not passed");

        var builder = new StateMachineBuilder<DeliverableState, DeliverableTrigger, DeliverableContext>("deliverable", "SHARE-3")
            .Permit(DeliverableState.Draft, DeliverableTrigger.Share, DeliverableState.Shared);
        foreach (var open in new[] { DeliverableState.Shared, DeliverableState.Viewed })
        {
            builder
                .PermitIf(open, DeliverableTrigger.View, DeliverableState.Viewed, beforeDeadline)
                .PermitIf(open, DeliverableTrigger.Approve, DeliverableState.Approved, approvalTask, beforeDeadline)
                .PermitIf(open, DeliverableTrigger.Reject, DeliverableState.Rejected, approvalTask, beforeDeadline)
                .PermitIf(open, DeliverableTrigger.Expire, DeliverableState.Expired, approvalTask, deadlinePassed);
        }

        foreach (var decided in new[] { DeliverableState.Approved, DeliverableState.Rejected, DeliverableState.Expired })
        {
            builder.Permit(decided, DeliverableTrigger.Revise, DeliverableState.Draft);
        }

        // A link share has no answer to wait for: the office may correct it at once; its links stop.
        var linkShare = new Guard<DeliverableContext>(static (in DeliverableContext c) => c.Deliverable.Mode == ShareMode.TemporaryLink, "the deliverable is with the client for approval");
        builder.PermitIf(DeliverableState.Shared, DeliverableTrigger.Revise, DeliverableState.Draft, linkShare)
            .PermitIf(DeliverableState.Viewed, DeliverableTrigger.Revise, DeliverableState.Draft, linkShare);

        return builder.Build();
    }
}

/// <summary>Something happened to a report (AUD-1).</summary>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="Deliverable">The report.</param>
/// <param name="Details">Facts worth proving.</param>
public sealed record DeliverableChanged(Instant OccurredAt, Actor Actor, AuditAction Action, DeliverableId Deliverable, string Details) : IIdentifiedAuditedEvent
{
    /// <inheritdoc />
    public Guid AuditId { get; init; } = Guid.CreateVersion7();

    /// <inheritdoc />
    public AuditSubject Subject => AuditSubject.Deliverable(Deliverable);
}
