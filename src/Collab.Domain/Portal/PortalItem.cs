using NodaTime;

namespace Collab.Portal;

/// <summary>What a portal history item is.</summary>
public enum PortalItemKind
{
    /// <summary>An annual report shared for approval (SHARE-3, SHARE-5).</summary>
    Deliverable = 1,

    /// <summary>A document exchanged either way (SHARE-7).</summary>
    Document = 2,

    /// <summary>A batch of questions (SHARE-8).</summary>
    QuestionBatch = 3,

    /// <summary>A prepare-by-client questionnaire (SHARE-9).</summary>
    Questionnaire = 4,
}

/// <summary>
/// One entry of a client's permanent portal history (SHARE-6): an annual report, document, question batch or
/// questionnaire shared with one company of the client, with whether the client still has to act on it. Each
/// capability keeps its entries current in the same transaction as its own change, so the history is one indexed
/// query, however many kinds of things it shows.
/// </summary>
public sealed class PortalItem : AggregateRoot
{
    private PortalItem()
    {
        Title = string.Empty;
        Status = string.Empty;
    }

    /// <summary>The id of the thing itself (report, document, batch or questionnaire).</summary>
    public Guid Id { get; private set; }

    /// <summary>What it is.</summary>
    public PortalItemKind Kind { get; private set; }

    /// <summary>The office that shared it, or that it was sent to.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The client.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The company it belongs to; only users who may reach it see it (SEC-1, TIER-8).</summary>
    public CompanyId CompanyId { get; private set; }

    /// <summary>Its title as shown.</summary>
    public string Title { get; private set; }

    /// <summary>When it was shared; the history is ordered by it, newest first.</summary>
    public Instant SharedAt { get; private set; }

    /// <summary>Whether the client still has to act (approve, answer, complete).</summary>
    public bool OpenAction { get; private set; }

    /// <summary>The deadline of the open action, if any.</summary>
    public LocalDate? Deadline { get; private set; }

    /// <summary>A short status word, such as <c>Shared</c>, <c>Approved</c>, <c>3/5 answered</c>.</summary>
    public string Status { get; private set; }

    /// <summary>Hidden from the history, such as an approved report of a client without the permanent portal (SHARE-5).</summary>
    public bool Hidden { get; private set; }

    internal static PortalItem Share(PortalItemKind kind, Guid id, OfficeId office, ClientId client, CompanyId company, string title, Instant sharedAt, bool openAction, LocalDate? deadline, string status) =>
        new()
        {
            Id = id,
            Kind = kind,
            OfficeId = office,
            ClientId = client,
            CompanyId = company,
            Title = title,
            SharedAt = sharedAt,
            OpenAction = openAction,
            Deadline = deadline,
            Status = status,
        };

    /// <summary>The same thing shared again (a new revision of a deliverable): back on top of the history, open again.</summary>
    internal void Reshare(string title, Instant sharedAt, LocalDate? deadline)
    {
        (Title, SharedAt, Deadline) = (title, sharedAt, deadline);
        Update(true, "Shared", false, sharedAt);
    }

    internal void Update(bool openAction, string status, bool hidden, Instant now)
    {
        OpenAction = openAction;
        Status = status;
        Hidden = hidden;
        Raise(new PortalItemChanged(now));
    }
}

/// <summary>A portal entry changed (the audited event is the capability's own).</summary>
/// <param name="OccurredAt">When.</param>
public sealed record PortalItemChanged(Instant OccurredAt) : IDomainEvent;

/// <summary>Where a history page ends, to ask for the next one (keyset paging: stable while new items arrive).</summary>
/// <param name="SharedAt">The last item's instant.</param>
/// <param name="Id">The last item's id.</param>
public readonly record struct PortalCursor(Instant SharedAt, Guid Id);

/// <summary>One page of a client user's portal history.</summary>
/// <param name="Items">The items, newest first.</param>
/// <param name="Next">The cursor for the next page; null on the last page.</param>
public sealed record PortalPage(IReadOnlyList<PortalItemView> Items, PortalCursor? Next);
