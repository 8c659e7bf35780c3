using Collab.Notifications;
using Collab.Tiers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>
/// The one-time link's flows (SHARE-1, SHARE-2, SHARE-12, SHARE-14), for whoever holds the token — no party: open the
/// landing page, confirm the view (which spends the link exactly once), and fetch each document of the view once.
/// </summary>
/// <param name="reader">Reads deliverables and links, and the client's tier now.</param>
/// <param name="documents">Hands out the documents' content, checked.</param>
/// <param name="notifier">Tells the office that its client viewed.</param>
/// <param name="unitOfWork">Saves the link's steps.</param>
/// <param name="clock">The clock.</param>
/// <param name="options">Collab's options (how long a confirmed view lasts).</param>
public sealed class DeliverableLinks(DeliverableReader reader, DeliverableDocuments documents, CollabNotifier notifier, ICollabUnitOfWork unitOfWork, IClock clock, IOptions<CollabOptions> options)
{
    private readonly DeliverableReader _reader = reader;
    private readonly DeliverableDocuments _documents = documents;
    private readonly CollabNotifier _notifier = notifier;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;
    private readonly CollabOptions _options = options.Value;

    /// <summary>
    /// Opens a link: what the landing page shows. Opening is not spending (SHARE-12): mail scanners and previews
    /// open links too. Spent, replaced, expired and malformed tokens each get their own refusal; an unknown link and a
    /// wrong secret get the same one (<c>link.unknown</c>) after the same constant-time comparison; none reveals anything about the report.
    /// </summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The landing page's facts.</returns>
    /// <exception cref="CollabRefusalException">The token cannot be used; the reason says what the client can do.</exception>
    public async Task<LinkLanding> OpenLinkAsync(string token, CancellationToken cancellationToken = default)
    {
        var (link, deliverable) = await UsableLinkAsync(token, cancellationToken).ConfigureAwait(false);
        link.Open(_clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new LinkLanding(deliverable.Id, deliverable.Title, link.ExpiresAt);
    }

    /// <summary>
    /// The client's deliberate second step: confirms the view and spends the link, exactly once even when many
    /// requests race (SHARE-2). The report becomes Viewed and the office is notified (SHARE-12).
    /// </summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report as its client may now be shown it (SEC-6): the shared revision's documents, figures only when the tier includes the dashboard now.</returns>
    /// <exception cref="CollabRefusalException">The token cannot be used (for all but one of racing requests: already used).</exception>
    public async Task<ConfirmedView> ConfirmViewAsync(string token, CancellationToken cancellationToken = default)
    {
        var (link, deliverable) = await UsableLinkAsync(token, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        link.Open(now);
        var viewEndsAt = now + Duration.FromMinutes(_options.LinkViewMinutes);
        var viewToken = link.Spend(now, viewEndsAt);
        if (deliverable.State is DeliverableState.Shared)
        {
            deliverable.View(Actor.System("link"), now);
        }

        await _notifier.OfficeUsersAsync(deliverable.OfficeId, NotificationKind.LinkViewed, AuditSubject.Deliverable(deliverable.Id), new("notification.link-viewed", deliverable.Title), cancellationToken).ConfigureAwait(false);

        try
        {
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CollabRefusalException e) when (e.Kind == RefusalKind.ConcurrencyConflict)
        {
            // Another request spent the link first: exactly one view wins (SHARE-2).
            throw CollabRefusals.LinkSpent();
        }

        var dashboard = await _reader.Gate.AllowsAsync(deliverable.OfficeId, deliverable.ClientId, Feature.ShareDeliverableDashboard, cancellationToken).ConfigureAwait(false);
        var view = DeliverableClientView.ThroughLink(deliverable, dashboard);
        return new ConfirmedView(view, view.Documents, viewToken, viewEndsAt);
    }

    /// <summary>
    /// Hands out one document through a confirmed view (SHARE-14): with the view token from
    /// <see cref="ConfirmViewAsync"/>, before the view ends, each document once — even when requests race. The content
    /// is checked against its SHA-256 before the one fetch is used up, so corrupt content never spends it.
    /// </summary>
    /// <param name="viewToken">The view token.</param>
    /// <param name="document">One of the view's documents.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The content; dispose it.</returns>
    /// <exception cref="CollabRefusalException">Unknown or ended view, a document already fetched or not in the view, or corrupt content (<c>document.corrupt</c>).</exception>
    public async Task<DocumentContent> ReadThroughLinkAsync(string viewToken, DocumentId document, CancellationToken cancellationToken = default)
    {
        var id = ShareLink.ParseId(viewToken, out var secret)
            ?? throw CollabRefusals.LinkViewUnknown();
        var link = await _reader.Store.FindLinkAsync(id, cancellationToken).ConfigureAwait(false);
        if (!ShareLink.SecretMatches(secret, link?.ViewSecretHash) || link is null)
        {
            throw CollabRefusals.LinkViewUnknown(); // SHARE-1: an unknown id and a wrong secret, the same comparison and the same words
        }

        var deliverable = await _reader.Store.FindDeliverableAsync(link.DeliverableId, cancellationToken).ConfigureAwait(false);
        var found = deliverable is { State: not DeliverableState.Draft } ? deliverable.Documents.FirstOrDefault(d => d.Id == document) : null; // a revision in the works is not what was shared
        link.HandOut(document, found?.Sha256 ?? "-", _clock.GetCurrentInstant()); // the view's own checks first: a wrong token learns nothing
        if (found is null)
        {
            throw CollabRefusals.LinkDocumentUnknown();
        }

        var content = await _documents.OpenVerifiedAsync(found, cancellationToken).ConfigureAwait(false);
        try
        {
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CollabRefusalException e) when (e.Kind == RefusalKind.ConcurrencyConflict)
        {
            content.Dispose();
            throw CollabRefusals.LinkDocumentTaken();
        }
        catch
        {
            content.Dispose();
            throw;
        }

        return content;
    }

    private async Task<(ShareLink Link, Deliverable Deliverable)> UsableLinkAsync(string token, CancellationToken cancellationToken)
    {
        var id = ShareLink.ParseId(token, out var secret)
            ?? throw CollabRefusals.LinkMalformed();
        var link = await _reader.Store.FindLinkAsync(id, cancellationToken).ConfigureAwait(false);
        if (!ShareLink.SecretMatches(secret, link?.SecretHash) || link is null)
        {
            throw CollabRefusals.LinkUnknown(); // SHARE-1: an unknown id and a wrong secret, the same comparison and the same words
        }

        if (link.Unusable(_clock.GetCurrentInstant()) is { } refusal)
        {
            throw refusal;
        }

        var deliverable = await _reader.Store.FindDeliverableAsync(link.DeliverableId, cancellationToken).ConfigureAwait(false);
        if (deliverable is null || deliverable.State == DeliverableState.Draft)
        {
            throw CollabRefusals.LinkReplaced();
        }

        return (link, deliverable);
    }
}
