using Collab.Tiers;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>
/// A deliverable as one reader may see it at one moment (SEC-6): never the aggregate itself. Reads that serve offices
/// and clients alike (<see cref="DeliverableQueries.FindAsync"/>, <see cref="DeliverableQueries.ListForCompanyAsync"/>)
/// choose the view by the reader: a <see cref="DeliverableOfficeView"/> for a user of the office that made it, a
/// <see cref="DeliverableClientView"/> for a client user. Immutable.
/// </summary>
/// <param name="Id">The deliverable's id.</param>
/// <param name="OfficeId">The office that made it.</param>
/// <param name="CompanyId">The company of the client it concerns.</param>
/// <param name="Title">Its title, such as "Jaarrekening 2025".</param>
/// <param name="Kind">An annual report or one of the tax returns (SHARE-13).</param>
/// <param name="Period">The financial year, quarter or month it is about.</param>
/// <param name="State">Where it stands for this reader (SHARE-3).</param>
/// <param name="Revision">The revision this view shows (1, 2, …).</param>
/// <param name="Deadline">The last local day to approve (office's zone) of an approval task; null otherwise.</param>
public abstract record DeliverableView(
    DeliverableId Id, OfficeId OfficeId, CompanyId CompanyId, string Title, DeliverableKind Kind, ReportingPeriod Period,
    DeliverableState State, int Revision, LocalDate? Deadline)
{
    /// <summary>The service line of <see cref="Kind"/>; the client's one tier governs both lines (TIER-3).</summary>
    public ServiceLine Line => Kind.Line();
}

/// <summary>
/// A deliverable as the office that made it sees it: all of it — its own work product, every revision's documents,
/// figures, approvals and the task's timing (SHARE-14, SHARE-17, AUD-1). Immutable, a copy taken at the read.
/// </summary>
/// <param name="Id">The deliverable's id.</param>
/// <param name="OfficeId">The office that made it.</param>
/// <param name="ClientId">The client it is for.</param>
/// <param name="CompanyId">The company of the client it concerns.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Period">Its period.</param>
/// <param name="State">Where the current revision stands.</param>
/// <param name="Revision">The current revision.</param>
/// <param name="Mode">How the current revision was shared; null while a draft.</param>
/// <param name="Deadline">The approval task's last local day.</param>
/// <param name="DeadlinePassesAt">When the approval task expires.</param>
/// <param name="ReminderDueAt">When the deadline reminder is due (SHARE-4).</param>
/// <param name="ReminderSentAt">When the reminder was queued.</param>
/// <param name="ViewedAt">When the client first viewed the current revision.</param>
/// <param name="DecidedAt">When the client approved or rejected the current revision.</param>
/// <param name="RejectionReason">Why the client rejected it.</param>
/// <param name="KeptInHistory">Whether the current revision's approval is kept in the client's permanent history (SHARE-5).</param>
/// <param name="ApprovedDocumentHashes">The SHA-256 of every document of the current revision the client approved, in file-name order, comma-separated; null until approved.</param>
/// <param name="Figures">The current key figures (SHARE-15); null when none were given.</param>
/// <param name="Documents">The current revision's documents, in the order added.</param>
/// <param name="AllDocuments">The documents of every revision.</param>
/// <param name="Approvals">Every approved revision, oldest first (SHARE-5, AUD-1).</param>
public sealed record DeliverableOfficeView(
    DeliverableId Id, OfficeId OfficeId, ClientId ClientId, CompanyId CompanyId, string Title, DeliverableKind Kind, ReportingPeriod Period,
    DeliverableState State, int Revision, ShareMode? Mode, LocalDate? Deadline, Instant? DeadlinePassesAt, Instant? ReminderDueAt, Instant? ReminderSentAt,
    Instant? ViewedAt, Instant? DecidedAt, string? RejectionReason, bool KeptInHistory, string? ApprovedDocumentHashes, FinancialFigures? Figures,
    IReadOnlyList<OfficeDocumentView> Documents, IReadOnlyList<OfficeDocumentView> AllDocuments, IReadOnlyList<DeliverableApprovalView> Approvals)
    : DeliverableView(Id, OfficeId, CompanyId, Title, Kind, Period, State, Revision, Deadline)
{
    // The office overview maps a page of these (SHARE-17): empty collections share one empty array.
    internal static DeliverableOfficeView Of(Deliverable d)
    {
        OfficeDocumentView[] all = d.AllDocuments.Count == 0 ? [] : [.. d.AllDocuments.Select(OfficeDocumentView.Of)];
        DeliverableApprovalView[] approvals = d.Approvals.Count == 0 ? []
            : [.. d.Approvals.Select(a => new DeliverableApprovalView(a.Revision, a.ApprovedAt, a.KeptInHistory, a.DocumentHashes, a.Figures))];
        return new(d.Id, d.OfficeId, d.ClientId, d.CompanyId, d.Title, d.Kind, d.Period, d.State, d.Revision, d.Mode, d.Deadline, d.DeadlinePassesAt,
            d.ReminderDueAt, d.ReminderSentAt, d.ViewedAt, d.DecidedAt, d.RejectionReason, d.KeptInHistory, d.ApprovedDocumentHashes, d.Figures,
            all.Length == 0 ? all : Array.FindAll(all, x => x.Revision == d.Revision), all, approvals);
    }
}

/// <summary>
/// A deliverable as a client user may see it at the moment of the read (SEC-6, SHARE-5, SHARE-14, SHARE-15): what it is,
/// where it stands and whether the client may answer it now; document <em>metadata</em> only of the revision and through
/// the channel the client may read now (an open approval task, its permanent history, or the view that spends its
/// one-time link); the key figures only when the client's tier includes the dashboard now; and, for
/// <c>CollaborateExtended</c>, every revision it approved with the documents approved. Nothing of revisions in the works or
/// not shared with it, and no hashes of revisions it did not approve. Immutable.
/// </summary>
/// <param name="Id">The deliverable's id.</param>
/// <param name="OfficeId">The office that shares it with the client.</param>
/// <param name="CompanyId">The company it concerns.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Period">Its period.</param>
/// <param name="State">
/// Where the revision this view shows stands: shared, viewed, approved, rejected or expired. While the office works on a
/// next revision the client sees the last revision kept in its history, approved; never a draft.
/// </param>
/// <param name="Revision">The revision this view shows.</param>
/// <param name="Deadline">The last local day to approve, for an approval task; null otherwise.</param>
/// <param name="MayDecide">Whether the client may approve or reject it now: an open approval task before its deadline, and its tier shares and approves reports now (SHARE-3, SHARE-11).</param>
/// <param name="Documents">The documents of the shown revision the client may read now (metadata; the content through its channel); empty when it may read none.</param>
/// <param name="Figures">The shown revision's key figures, when the client may read it now and its tier includes the dashboard now (SHARE-15); otherwise null.</param>
/// <param name="ApprovedRevisions">The revisions it approved that its permanent history keeps (<c>CollaborateExtended</c>, SHARE-5), oldest first; empty when its tier has no permanent portal now.</param>
public sealed record DeliverableClientView(
    DeliverableId Id, OfficeId OfficeId, CompanyId CompanyId, string Title, DeliverableKind Kind, ReportingPeriod Period,
    DeliverableState State, int Revision, LocalDate? Deadline, bool MayDecide, IReadOnlyList<DeliverableDocumentInfo> Documents,
    FinancialFigures? Figures, IReadOnlyList<ApprovedRevisionView> ApprovedRevisions)
    : DeliverableView(Id, OfficeId, CompanyId, Title, Kind, Period, State, Revision, Deadline)
{
    /// <summary>The view a client gets through its portal channel (SHARE-5, SHARE-14); null when nothing of the deliverable exists for it now.</summary>
    internal static DeliverableClientView? ThroughPortal(Deliverable d, ClientReading reading, bool dashboard)
    {
        var shown = Shown(d, reading);
        if (shown is null)
        {
            return null;
        }

        var (state, revision, readable, figures) = shown.Value;
        var history = reading.History.Select(a => new ApprovedRevisionView(a.Revision, a.ApprovedAt, a.DocumentHashes,
            DeliverableDocumentInfo.All(d.DocumentsOf(a.Revision)), dashboard ? a.Figures : null)).ToList();
        return new(d.Id, d.OfficeId, d.CompanyId, d.Title, d.Kind, d.Period, state, revision, state == d.State && d.Mode == ShareMode.Approval ? d.Deadline : null,
            reading.OpenTask, readable is null ? [] : DeliverableDocumentInfo.All(readable), dashboard && readable is not null ? figures : null, history);
    }

    /// <summary>The view during the confirmed view that spends a one-time link (SHARE-1, SHARE-14): the shared revision's documents, figures only with the dashboard in the tier now.</summary>
    internal static DeliverableClientView ThroughLink(Deliverable d, bool dashboard) =>
        new(d.Id, d.OfficeId, d.CompanyId, d.Title, d.Kind, d.Period, d.State, d.Revision, null, false, DeliverableDocumentInfo.All(d.Documents),
            dashboard ? d.Figures : null, []);

    /// <summary>
    /// Which revision the client sees now, and — when its channel lets it read that revision — its documents and figures
    /// (null documents: the revision is shown, its content is not readable). Null when nothing exists for the client.
    /// </summary>
    internal static (DeliverableState State, int Revision, IReadOnlyList<DeliverableDocument>? Readable, FinancialFigures? Figures)? Shown(Deliverable d, ClientReading reading)
    {
        if (d.State != DeliverableState.Draft)
        {
            if (reading.OpenTask)
            {
                return (d.State, d.Revision, d.Documents, d.Figures);
            }

            var approved = reading.History.FirstOrDefault(a => a.Revision == d.Revision);
            return approved is null ? (d.State, d.Revision, null, null) : (d.State, d.Revision, d.DocumentsOf(d.Revision), approved.Figures);
        }

        // The office is working on a next revision: the client sees the last one its history keeps, or nothing.
        if (reading.History.Count == 0)
        {
            return null;
        }

        var last = reading.History[^1];
        return (DeliverableState.Approved, last.Revision, d.DocumentsOf(last.Revision), last.Figures);
    }
}

/// <summary>An approved revision in a client's permanent history (SHARE-5): what it approved, when, and the documents approved.</summary>
/// <param name="Revision">The revision.</param>
/// <param name="ApprovedAt">When the client approved it.</param>
/// <param name="DocumentHashes">The SHA-256 of every document it approved, in file-name order, comma-separated.</param>
/// <param name="Documents">The documents approved (metadata; open them with <see cref="DeliverableQueries.OpenDocumentAsync"/>).</param>
/// <param name="Figures">The figures approved, when the client's tier includes the dashboard now (SHARE-15); otherwise null.</param>
public sealed record ApprovedRevisionView(int Revision, Instant ApprovedAt, string DocumentHashes, IReadOnlyList<DeliverableDocumentInfo> Documents, FinancialFigures? Figures);

/// <summary>An approved revision as the office sees it (SHARE-5, AUD-1).</summary>
/// <param name="Revision">The revision.</param>
/// <param name="ApprovedAt">When the client approved it.</param>
/// <param name="KeptInHistory">Whether it stays in the client's permanent history.</param>
/// <param name="DocumentHashes">The SHA-256 of every document approved, in file-name order, comma-separated.</param>
/// <param name="Figures">The figures approved; null when there were none.</param>
public sealed record DeliverableApprovalView(int Revision, Instant ApprovedAt, bool KeptInHistory, string DocumentHashes, FinancialFigures? Figures);

/// <summary>A document as a client sees it (SHARE-14): metadata only; the content comes through the client's channel.</summary>
/// <param name="Id">The document's id.</param>
/// <param name="FileName">Its file name.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="SizeBytes">Its size in bytes.</param>
public sealed record DeliverableDocumentInfo(DocumentId Id, string FileName, string ContentType, long SizeBytes)
{
    internal static DeliverableDocumentInfo Of(DeliverableDocument d) => new(d.Id, d.FileName, d.ContentType, d.SizeBytes);

    internal static IReadOnlyList<DeliverableDocumentInfo> All(IEnumerable<DeliverableDocument> documents) => documents.Select(Of).ToList();
}

/// <summary>A document of its deliverable as the office that made it sees it (SHARE-14, AUD-1): its metadata and fingerprint, not where its content lies in the vendor's blob store (SEC-6).</summary>
/// <param name="Id">The document's id.</param>
/// <param name="Revision">The revision it belongs to.</param>
/// <param name="FileName">Its file name.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="SizeBytes">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of its content, lower-case hex.</param>
/// <param name="AddedAt">When it was added.</param>
/// <param name="AddedBy">The office user who added it.</param>
public sealed record OfficeDocumentView(DocumentId Id, int Revision, string FileName, string ContentType, long SizeBytes, string Sha256, Instant AddedAt, UserId AddedBy)
{
    internal static OfficeDocumentView Of(DeliverableDocument d) => new(d.Id, d.Revision, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.AddedAt, d.AddedBy);
}
