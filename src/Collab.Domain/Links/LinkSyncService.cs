using Collab.Authorization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Links;

/// <summary>What a push from the app did.</summary>
public enum PushOutcome
{
    /// <summary>The change reached the bookkeeping.</summary>
    Applied = 1,

    /// <summary>This version (or a newer one) was applied before: nothing was done again.</summary>
    AlreadyApplied = 2,
}

/// <summary>An operation the bookkeeping's API cannot do, said explicitly instead of silently dropped (LINK-7).</summary>
/// <param name="Supported">Always false for the operations that return it.</param>
/// <param name="Reason">What cannot be done, and what to do instead.</param>
public sealed record LinkOperationResult(bool Supported, string Reason);

/// <summary>What one polling pass did.</summary>
/// <param name="Links">Links polled.</param>
/// <param name="Sent">Changes sent to apps.</param>
/// <param name="Failed">Links whose poll failed; they are tried again when their claim runs out.</param>
public sealed record PollResult(int Links, int Sent, int Failed);

/// <summary>
/// Synchronisation of set-up links (LINK-4, LINK-6, LINK-7): changes made in the app reach the bookkeeping at once
/// (<see cref="PushFromAppAsync"/>, called by the vendor's webhook); changes in the bookkeeping reach the app within a
/// polling interval (<see cref="LinkPollService.PollDueAsync"/>, from a scheduler). The cursor moves only together with the records it
/// covers, so nothing is missed, and each record remembers the versions applied each way, so nothing is applied twice.
/// </summary>
public sealed class LinkSyncService
{
    private readonly CollabAuthorization _access;
    private readonly ILinkStore _links;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly IExternalApp? _app;
    private readonly IBookkeepingRecords? _books;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="links">Reads links.</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="app">The external app's API.</param>
    /// <param name="books">The bookkeeping's records.</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    public LinkSyncService(ILinkStore links, ICollabUnitOfWork unitOfWork, IClock clock, CollabAuthorization access, IExternalApp? app = null, IBookkeepingRecords? books = null)
    {
        _access = access;
        _links = links;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _app = app;
        _books = books;
    }

    /// <summary>Applies a change made in the app to the bookkeeping at once (LINK-6).</summary>
    /// <param name="link">The link.</param>
    /// <param name="record">The app's record, with its version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Applied, or already applied before.</returns>
    /// <exception cref="CollabRefusalException">
    /// Unknown link or not synchronising; the record's match is undecided (LINK-5); or another push of the same record
    /// is being applied at this moment (a concurrency conflict: send it again).
    /// </exception>
    public async Task<PushOutcome> PushFromAppAsync(LinkId link, SyncRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var found = await FindSynchronisingAsync(link, cancellationToken).ConfigureAwait(false);
        var row = await _links.FindByExternalAsync(link, record.Kind, record.Id, cancellationToken).ConfigureAwait(false);
        if (row is not null && row.AppliedVersion >= record.Version && row.BookkeepingId is not null)
        {
            return PushOutcome.AlreadyApplied;
        }

        if (row is { Match: MatchOutcome.Ambiguous or MatchOutcome.Conflicting, BookkeepingId: null })
        {
            throw CollabRefusals.LinkUnresolvedMatch(record.Kind, record.Id, row.Candidates);
        }

        var now = _clock.GetCurrentInstant();
        if (row is null)
        {
            row = LinkedRecord.Reserve(link, record.Kind, record.Id);
            _unitOfWork.Add(row);
        }
        else
        {
            row.ClaimApply(now);
        }

        // The reservation (or claim) is saved before the bookkeeping is touched: of two concurrent pushes of one
        // record, one fails here, so the bookkeeping never gets the same record created twice.
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var id = await LinkService.Require(_books).UpsertAsync(found.Context.Administration, record, row.BookkeepingId,
            LinkService.IdempotencyKey(link, record.Kind, record.Id, record.Version), cancellationToken).ConfigureAwait(false);
        row.Applied(id, record.Version, now);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return PushOutcome.Applied;
    }


    /// <summary>
    /// Enters an outgoing document from the app into the bookkeeping (LINK-4): a draft sales invoice in the web
    /// edition, a sales order in the desktop edition. Sending the same document again returns the same id.
    /// </summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="link">The link.</param>
    /// <param name="kind">What the caller expects it to become; must match the link's edition.</param>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bookkeeping's id of the document.</returns>
    /// <exception cref="CollabRefusalException">Unknown link or not synchronising; the kind does not fit the edition; the customer is not linked.</exception>
    public async Task<string> SendDocumentAsync(ActingParty party, LinkId link, OutgoingDocumentKind kind, OutgoingDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var candidate = link == default ? null : await _links.FindLinkAsync(link, cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(party, CollabAction.ManageLink, candidate, AuditSubject.Link(link), cancellationToken).ConfigureAwait(false);
        var found = await FindSynchronisingAsync(link, cancellationToken).ConfigureAwait(false);
        if (found.DocumentKind != kind)
        {
            throw CollabRefusals.LinkWrongDocumentKind(found.AdministrationNumber, found.Edition, found.DocumentKind, kind);
        }

        if ((await _links.FindByExternalAsync(link, SyncEntityKind.Customer, document.CustomerExternalId, cancellationToken).ConfigureAwait(false))?.BookkeepingId is null)
        {
            throw CollabRefusals.LinkCustomerNotLinked(document.CustomerExternalId);
        }

        return await LinkService.Require(_books).CreateDocumentAsync(found.Context.Administration, kind, document,
            LinkService.IdempotencyKey(link, SyncEntityKind.Customer, "doc:" + document.ExternalId, 0), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Attaching a PDF specification to a document cannot be done through the bookkeeping's API (LINK-7); this says so
    /// explicitly, so an app can tell its user instead of losing the file silently.
    /// </summary>
    /// <param name="link">The link.</param>
    /// <param name="documentExternalId">The app's document.</param>
    /// <param name="pdf">The specification.</param>
    /// <returns>Not supported, with what to do instead.</returns>
    public LinkOperationResult AttachPdfSpecification(LinkId link, string documentExternalId, ReadOnlyMemory<byte> pdf) =>
        new(false, $"A PDF specification cannot be sent along through the API (document '{documentExternalId}', {pdf.Length} bytes, link {link}): attach it to the document in the bookkeeping itself.");

    private async Task<IntegrationLink> FindSynchronisingAsync(LinkId link, CancellationToken cancellationToken)
    {
        Guard.Id(link.Value, "link");
        var found = await _links.FindLinkAsync(link, cancellationToken).OrNotFound("link", link.Value).ConfigureAwait(false);
        return found.Step is LinkStep.Synchronising or LinkStep.Finished
            ? found
            : throw CollabRefusals.LinkNotSynchronising(found.Step);
    }
}

/// <summary>
/// The platform's background pass for links (LINK-7): changes in the bookkeeping reach the app within a polling interval.
/// The cursor moves only together with the records it covers, so nothing is missed, and each record remembers the
/// versions applied, so nothing is applied twice. Several instances may run it at once: each link is claimed with a lease.
/// </summary>
/// <param name="links">Reads links.</param>
/// <param name="unitOfWork">Saves changes.</param>
/// <param name="clock">The clock.</param>
/// <param name="options">Collab's options: the polling interval.</param>
/// <param name="app">The external app's API.</param>
/// <param name="books">The bookkeeping's records.</param>
public sealed class LinkPollService(ILinkStore links, ICollabUnitOfWork unitOfWork, IClock clock, IOptions<CollabOptions> options, IExternalApp? app = null, IBookkeepingRecords? books = null)
{
    private static readonly Actor Job = Actor.System("link-poll");
    private static readonly Duration PollLease = Duration.FromMinutes(5);
    private readonly ILinkStore _links = links;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;
    private readonly CollabOptions _options = options.Value;
    private readonly IExternalApp? _app = app;
    private readonly IBookkeepingRecords? _books = books;

    /// <summary>
    /// Polls the bookkeeping's changes of every link whose interval has passed and sends them to the app (LINK-6).
    /// Several instances may run it at once: each link's poll is claimed first.
    /// </summary>
    /// <param name="max">At most this many links per call.</param>
    /// <param name="cancellationToken">Cancels between links.</param>
    /// <returns>What the pass did.</returns>
    public async Task<PollResult> PollDueAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        int polled = 0, sent = 0, failed = 0;
        foreach (var link in await _links.FindDuePollsAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false))
        {
            link.ClaimPoll(_clock.GetCurrentInstant(), PollLease);
            if (!await _unitOfWork.TrySaveChangesAsync(cancellationToken).ConfigureAwait(false))
            {
                continue; // another instance polls this link
            }

            try
            {
                sent += await PollOneAsync(link, cancellationToken).ConfigureAwait(false);
                polled++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The claim runs out and the link is polled again; records sent before the failure keep their
                // versions, so they are not sent twice.
                failed++;
            }
        }

        return new PollResult(polled, sent, failed);
    }

    private async Task<int> PollOneAsync(IntegrationLink link, CancellationToken cancellationToken)
    {
        var context = link.Context;
        var page = await LinkService.Require(_books).ChangesSinceAsync(context.Administration, link.Cursor, 500, cancellationToken).ConfigureAwait(false);
        var sent = 0;
        foreach (var change in page.Changes)
        {
            var row = await _links.FindByBookkeepingAsync(link.Id, change.Kind, change.Id, cancellationToken).ConfigureAwait(false);
            if (row is not null && (row.SentVersion >= change.Version))
            {
                continue;
            }

            var externalId = await LinkService.Require(_app).ApplyAsync(context, change, row?.ExternalId, LinkService.IdempotencyKey(link.Id, change.Kind, "b" + change.Id, change.Version), cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = await _links.FindByExternalAsync(link.Id, change.Kind, externalId, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    row = LinkedRecord.Reserve(link.Id, change.Kind, externalId);
                    _unitOfWork.Add(row);
                }
            }

            row.Sent(change.Id, change.Version, _clock.GetCurrentInstant());
            sent++;
        }

        var now = _clock.GetCurrentInstant();
        link.CompletePoll(page.Cursor, sent, now, now + Duration.FromMinutes(_options.LinkPollIntervalMinutes), Job);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false); // records and cursor together
        return sent;
    }
}
