using NodaTime;

namespace Collab.Deliverables;

/// <summary>
/// One revision of a deliverable that the client approved (SHARE-5, AUD-1): which revision, when, the SHA-256 of every
/// document approved and the key figures as they were. Kept with the deliverable for good, also after the office revises
/// it again, so a <c>CollaborateExtended</c> client keeps every approved revision in its permanent history and the
/// office can show what was agreed to. For store authors: part of <see cref="Deliverable"/>; not to be modified.
/// </summary>
public sealed class DeliverableApproval
{
    private DeliverableApproval() => DocumentHashes = string.Empty;

    /// <summary>The revision approved; one approval per revision.</summary>
    public int Revision { get; private set; }

    /// <summary>When the client approved it.</summary>
    public Instant ApprovedAt { get; private set; }

    /// <summary>Whether the client's tier kept it in its permanent history at that moment (SHARE-5: <c>CollaborateExtended</c>).</summary>
    public bool KeptInHistory { get; private set; }

    /// <summary>The SHA-256 of every document approved, in file-name order, comma-separated (empty when there were none).</summary>
    public string DocumentHashes { get; private set; }

    /// <summary>The key figures of the approved revision (SHARE-15); null when it had none.</summary>
    public FinancialFigures? Figures { get; private set; }

    internal static DeliverableApproval Record(int revision, Instant approvedAt, bool keptInHistory, string documentHashes, FinancialFigures? figures) =>
        new() { Revision = revision, ApprovedAt = approvedAt, KeptInHistory = keptInHistory, DocumentHashes = documentHashes, Figures = figures };
}
