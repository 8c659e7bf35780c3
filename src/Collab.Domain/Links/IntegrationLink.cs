using Collab.Workflow;
using NodaTime;

namespace Collab.Links;

/// <summary>Where a link's setup stands (LINK-3): each step in order, then synchronising; or removed.</summary>
public enum LinkStep
{
    /// <summary>Signed in to the app's administration.</summary>
    Connected = 1,

    /// <summary>The bookkeeping administration is chosen.</summary>
    AdministrationChosen = 2,

    /// <summary>The choice is confirmed.</summary>
    Confirmed = 3,

    /// <summary>All data was read from the app and customers matched (LINK-5).</summary>
    DataRead = 4,

    /// <summary>Synchronisation started: app changes are pushed, bookkeeping changes polled.</summary>
    Synchronising = 5,

    /// <summary>Setup finished; the link is in use.</summary>
    Finished = 6,

    /// <summary>The link was removed; both administrations are free to link again.</summary>
    Removed = 7,
}

/// <summary>What moves a link's setup on.</summary>
public enum LinkTrigger
{
    /// <summary>Choose (or choose again) the bookkeeping administration.</summary>
    Choose = 1,

    /// <summary>Confirm the choice.</summary>
    Confirm = 2,

    /// <summary>Read all data.</summary>
    ReadAll = 3,

    /// <summary>Start synchronisation.</summary>
    StartSync = 4,

    /// <summary>Finish.</summary>
    Finish = 5,

    /// <summary>Remove the link.</summary>
    Remove = 6,
}

/// <summary>What the setup machine's guards look at.</summary>
/// <param name="Link">The link.</param>
internal readonly record struct LinkContextForSetup(IntegrationLink Link);

/// <summary>
/// A link between one external app administration and one bookkeeping administration (LINK-1), set up step by step
/// (LINK-3) and then synchronised (LINK-6). Unique on both sides among links that are not removed, in the domain and
/// by unique indexes in the database.
/// </summary>
public sealed class IntegrationLink : AggregateRoot
{
    private IntegrationLink()
    {
        App = string.Empty;
        ExternalAdministration = string.Empty;
    }

    internal static StateMachine<LinkStep, LinkTrigger, LinkContextForSetup> Machine { get; } = BuildMachine();

    /// <summary>The lifecycle as a Mermaid <c>stateDiagram-v2</c>, each guarded transition labelled with its condition (for docs and admin pages).</summary>
    public static string Diagram => Machine.ToMermaid();

    /// <summary>The link's id.</summary>
    public LinkId Id { get; private set; }

    /// <summary>The external app's name, such as a web shop or a time-tracking app.</summary>
    public string App { get; private set; }

    /// <summary>The app's administration.</summary>
    public string ExternalAdministration { get; private set; }

    /// <summary>The bookkeeping administration, once chosen.</summary>
    public AdministrationId? AdministrationId { get; private set; }

    /// <summary>Who started the link's setup. Until an administration is chosen the link belongs to its maker (SEC-6).</summary>
    public UserId? MadeBy { get; private set; }

    /// <summary>The office of the office user who started the setup; null when a client user started it. Until an administration is chosen the link belongs to this office (SEC-6).</summary>
    public OfficeId? MadeByOffice { get; private set; }

    /// <summary>Its number, once chosen.</summary>
    public AdministrationNumber? AdministrationNumber { get; private set; }

    /// <summary>The bookkeeping's edition, once chosen: it decides what outgoing documents become (LINK-4).</summary>
    public BookkeepingEdition? Edition { get; private set; }

    /// <summary>Where the setup stands.</summary>
    public LinkStep Step { get; private set; }

    /// <summary>Where the next read of bookkeeping changes continues (LINK-6); null before the first.</summary>
    public string? Cursor { get; private set; }

    /// <summary>When bookkeeping changes are next polled; null until synchronisation starts.</summary>
    public Instant? NextPollAt { get; private set; }

    /// <summary>When the last poll completed.</summary>
    public Instant? LastPolledAt { get; private set; }

    /// <summary>What outgoing documents become in this link's bookkeeping edition (LINK-4).</summary>
    public OutgoingDocumentKind? DocumentKind => DocumentKindOf(Edition);

    internal static OutgoingDocumentKind? DocumentKindOf(BookkeepingEdition? edition) => edition switch
    {
        BookkeepingEdition.Web => OutgoingDocumentKind.DraftSalesInvoice,
        BookkeepingEdition.Desktop => OutgoingDocumentKind.SalesOrder,
        _ => null,
    };

    internal LinkContext Context => new(Id, App, ExternalAdministration, AdministrationNumber!.Value, Edition!.Value);

    internal static IntegrationLink Connect(string app, string externalAdministration, Registry.CollabUser? maker, Actor actor, Instant now)
    {
        var link = new IntegrationLink
        {
            Id = LinkId.New(),
            App = Text(app, "app", 64),
            ExternalAdministration = Text(externalAdministration, "external administration", 200),
            Step = LinkStep.Connected,
            MadeBy = maker?.Id,
            MadeByOffice = maker?.OfficeId,
        };
        link.Raise(new LinkChanged(now, actor, AuditAction.LinkStepCompleted, link.Id, $"step=Connected;app={link.App};external={link.ExternalAdministration}"));
        return link;
    }

    internal void Choose(Registry.Administration administration, BookkeepingEdition edition, Actor actor, Instant now)
    {
        if (!Enum.IsDefined(edition))
        {
            throw CollabRefusals.LinkUnknownEdition((int)edition);
        }

        Step = Machine.Fire(Step, LinkTrigger.Choose, new LinkContextForSetup(this));
        AdministrationId = administration.Id;
        AdministrationNumber = administration.Number;
        Edition = edition;
        Raise(new LinkChanged(now, actor, AuditAction.LinkStepCompleted, Id, $"step=AdministrationChosen;administration={administration.Number};edition={edition}"));
    }

    internal void Advance(LinkTrigger trigger, Actor actor, Instant now, string details = "")
    {
        Step = Machine.Fire(Step, trigger, new LinkContextForSetup(this));
        Raise(new LinkChanged(now, actor, trigger == LinkTrigger.Remove ? AuditAction.LinkRemoved : AuditAction.LinkStepCompleted, Id,
            $"step={Step}{(details.Length == 0 ? string.Empty : ";" + details)}"));
    }

    internal void SetCursor(string cursor) => Cursor = cursor;

    internal void StartPolling(Instant firstPollAt)
    {
        NextPollAt = firstPollAt;
    }

    /// <summary>Claims a poll: saving the claim fails if another instance claimed it first.</summary>
    internal void ClaimPoll(Instant now, Duration lease)
    {
        NextPollAt = now + lease;
        Raise(new LinkPollClaimed(now));
    }

    internal void CompletePoll(string cursor, int sent, Instant now, Instant next, Actor actor)
    {
        Cursor = cursor;
        LastPolledAt = now;
        NextPollAt = next;
        Raise(new LinkChanged(now, actor, AuditAction.SyncRunCompleted, Id, $"sent={sent};cursor={cursor}"));
    }

    internal void RecordMatching(string summary, Actor actor, Instant now) =>
        Raise(new LinkChanged(now, actor, AuditAction.CustomersMatched, Id, summary));

    private static string Text(string? value, string field, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > max)
        {
            throw new CollabRefusalException(Refuse.Keyed(RefusalKind.InvalidInput, $"link.{field.Replace(' ', '-')}-invalid", "common.text-length", "LINK-1", Refuse.Field(field), max));
        }

        return trimmed;
    }

    private static StateMachine<LinkStep, LinkTrigger, LinkContextForSetup> BuildMachine()
    {
        var chosen = new Guard<LinkContextForSetup>(static (in LinkContextForSetup c) => c.Link.AdministrationId is not null, "no bookkeeping administration was chosen");
        var builder = new StateMachineBuilder<LinkStep, LinkTrigger, LinkContextForSetup>("integration link", "LINK-3")
            .Permit(LinkStep.Connected, LinkTrigger.Choose, LinkStep.AdministrationChosen)
            .Permit(LinkStep.AdministrationChosen, LinkTrigger.Choose, LinkStep.AdministrationChosen)
            .PermitIf(LinkStep.AdministrationChosen, LinkTrigger.Confirm, LinkStep.Confirmed, chosen)
            .Permit(LinkStep.Confirmed, LinkTrigger.ReadAll, LinkStep.DataRead)
            .Permit(LinkStep.DataRead, LinkTrigger.StartSync, LinkStep.Synchronising)
            .Permit(LinkStep.Synchronising, LinkTrigger.Finish, LinkStep.Finished);
        foreach (var step in new[] { LinkStep.Connected, LinkStep.AdministrationChosen, LinkStep.Confirmed, LinkStep.DataRead, LinkStep.Synchronising, LinkStep.Finished })
        {
            builder.Permit(step, LinkTrigger.Remove, LinkStep.Removed);
        }

        return builder.Build();
    }
}

/// <summary>Something happened to an integration link (AUD-1).</summary>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="Link">The link.</param>
/// <param name="Details">Facts worth recording.</param>
public sealed record LinkChanged(Instant OccurredAt, Actor Actor, AuditAction Action, LinkId Link, string Details) : IAuditedEvent
{
    /// <inheritdoc />
    public AuditSubject Subject => AuditSubject.Link(Link);
}

/// <summary>A poll was claimed (not audited by itself: the completed run is).</summary>
/// <param name="OccurredAt">When.</param>
public sealed record LinkPollClaimed(Instant OccurredAt) : IDomainEvent;

/// <summary>
/// One record known on both sides of a link: the app's id, the bookkeeping's id, the versions applied each way,
/// and for customers how they were matched (LINK-5). Unique per link, kind and app id, so a record is never
/// created twice however often a step is retried.
/// </summary>
public sealed class LinkedRecord : AggregateRoot
{
    private LinkedRecord() => ExternalId = string.Empty;

    /// <summary>The row's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The link.</summary>
    public LinkId LinkId { get; private set; }

    /// <summary>What it is.</summary>
    public SyncEntityKind Kind { get; private set; }

    /// <summary>The app's id; null for a bookkeeping record the app has not taken yet.</summary>
    public string ExternalId { get; private set; }

    /// <summary>The bookkeeping's id, once it exists there.</summary>
    public string? BookkeepingId { get; private set; }

    /// <summary>The newest app version applied to the bookkeeping.</summary>
    public long AppliedVersion { get; private set; }

    /// <summary>The newest bookkeeping version sent to the app.</summary>
    public long SentVersion { get; private set; }

    /// <summary>For customers read on first link: how they were matched.</summary>
    public MatchOutcome? Match { get; private set; }

    /// <summary>For ambiguous or conflicting matches: the candidates, comma-separated.</summary>
    public string? Candidates { get; private set; }

    internal static LinkedRecord Reserve(LinkId link, SyncEntityKind kind, string externalId) =>
        new() { Id = Guid.CreateVersion7(), LinkId = link, Kind = kind, ExternalId = externalId };

    internal void Matched(MatchOutcome outcome, string? bookkeepingId, IReadOnlyList<string> candidates, Instant now)
    {
        Match = outcome;
        BookkeepingId = bookkeepingId ?? BookkeepingId;
        Candidates = candidates.Count == 0 ? null : string.Join(',', candidates);
        Raise(new LinkedRecordChanged(now));
    }

    /// <summary>Claims applying a version: saving the claim fails when another push of this record saved first.</summary>
    internal void ClaimApply(Instant now) => Raise(new LinkedRecordChanged(now));

    internal void Applied(string bookkeepingId, long version, Instant now)
    {
        BookkeepingId = bookkeepingId;
        AppliedVersion = Math.Max(AppliedVersion, version);
        Raise(new LinkedRecordChanged(now));
    }

    internal void Sent(string? bookkeepingId, long version, Instant now)
    {
        BookkeepingId ??= bookkeepingId;
        SentVersion = Math.Max(SentVersion, version);
        Raise(new LinkedRecordChanged(now));
    }
}

/// <summary>A linked record changed (versions and ids; not audited one by one: the step or run is).</summary>
/// <param name="OccurredAt">When.</param>
public sealed record LinkedRecordChanged(Instant OccurredAt) : IDomainEvent;
