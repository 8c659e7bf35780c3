using Collab.Authorization;
using Collab.Portal;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>What sharing a report produced.</summary>
/// <param name="Deliverable">The shared report, as the office sees it (SEC-6).</param>
/// <param name="Mode">By link (Standard) or for approval (Collaborate and up).</param>
/// <param name="LinkToken">The one-time link token, for link sharing; it is also in the DeliverableReady notification.</param>
public sealed record ShareResult(DeliverableOfficeView Deliverable, ShareMode Mode, string? LinkToken);

/// <summary>
/// What the client's confirmed view of a link hands out (SHARE-14): the deliverable as its client may see it (SEC-6), the list of its documents, and a
/// view token with which each document can be fetched once, until <paramref name="ViewEndsAt"/>, through
/// <see cref="DeliverableService.ReadThroughLinkAsync"/>. The view token exists only in this result.
/// </summary>
/// <param name="Deliverable">The deliverable as the client sees it during this view: figures only when its tier includes the dashboard now (SHARE-15).</param>
/// <param name="Documents">Its documents as shared (metadata).</param>
/// <param name="ViewToken">Fetches each document once; keep it in the page that shows the view, never in a URL that is mailed.</param>
/// <param name="ViewEndsAt">When the view closes.</param>
public sealed record ConfirmedView(DeliverableClientView Deliverable, IReadOnlyList<DeliverableDocumentInfo> Documents, string ViewToken, Instant ViewEndsAt);

/// <summary>A document's content, checked against its SHA-256 before it is handed out and again while it is read. Dispose it.</summary>
/// <param name="Document">The document's metadata.</param>
/// <param name="Content">The content.</param>
public sealed record DocumentContent(DeliverableDocumentInfo Document, Stream Content) : IDisposable
{
    /// <summary>Disposes <see cref="Content"/>.</summary>
    public void Dispose() => Content.Dispose();
}

/// <summary>What a client sees on opening a valid link, before confirming the view.</summary>
/// <param name="Deliverable">The report.</param>
/// <param name="Title">Its title.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record LinkLanding(DeliverableId Deliverable, string Title, Instant ExpiresAt);

/// <summary>
/// Sharing annual reports (SHARE-1 … SHARE-5, SHARE-11, SHARE-12): by one-time link for <c>Standard</c> clients,
/// as approval tasks with a deadline for <c>Collaborate</c> and up, deadline reminders and expiry. Every action
/// reads the client's tier at that moment (SHARE-11); every step is audited and notifies through the outbox.
/// </summary>
public sealed class DeliverableService
{
    private readonly Texts.CollabTexts _texts;
    private readonly CollabAuthorization _access;
    private readonly IDeliverableStore _deliverables;
    private readonly IRegistryStore _registry;
    private readonly ITierStore _tiers;
    private readonly TierCatalogue _catalogue;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly CollabOptions _options;
    private readonly IPortalStore _portal;
    private readonly OfficeCalendar _calendar;
    private readonly Storage.IBlobStore? _blobs;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="deliverables">Reads reports and links.</param>
    /// <param name="registry">Reads the registry.</param>
    /// <param name="tiers">Reads the client's tier.</param>
    /// <param name="catalogue">The tier catalogue.</param>
    /// <param name="unitOfWork">Saves changes and notifications.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Collab's options.</param>
    /// <param name="portal">Keeps the client portal's history current (SHARE-6) and holds the office's reminder text (SHARE-10).</param>
    /// <param name="calendar">The office calendar: local dates in the office's zone (RET-1).</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="texts">The text catalogue: notifications in each recipient's language (TXT-1).</param>
    /// <param name="blobs">Keeps the documents' content (SHARE-14); needed only once documents are added or read.</param>
    public DeliverableService(IDeliverableStore deliverables, IRegistryStore registry, ITierStore tiers, TierCatalogue catalogue, ICollabUnitOfWork unitOfWork, IClock clock, IOptions<CollabOptions> options, IPortalStore portal, OfficeCalendar calendar, CollabAuthorization access, Texts.CollabTexts texts, Storage.IBlobStore? blobs = null)
    {
        _texts = texts;
        _blobs = blobs;
        _access = access;
        _calendar = calendar;
        _portal = portal;
        _deliverables = deliverables;
        _registry = registry;
        _tiers = tiers;
        _catalogue = catalogue;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>
    /// Drafts a deliverable — an annual report or a tax return (SHARE-13) — for a company of a client the office
    /// collaborates with. Every kind is managed under the same tier feature: one tier for both service lines (TIER-3).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who drafts it.</param>
    /// <param name="office">The office.</param>
    /// <param name="company">The company it concerns.</param>
    /// <param name="kind">Annual report, income-tax, corporate-tax or VAT return.</param>
    /// <param name="period">A financial year; for VAT a month or a quarter.</param>
    /// <param name="title">Its title; null for the kind's own ("Jaarrekening 2025", "Btw-aangifte 2025-Q3").</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The draft, as the office sees it.</returns>
    /// <exception cref="CollabRefusalException">Unknown company, no collaboration, the tier lacks report management, a period that does not fit the kind, or an invalid title.</exception>
    public async Task<DeliverableOfficeView> DraftAsync(ActingParty party, OfficeId office, CompanyId company, DeliverableKind kind, ReportingPeriod period, string? title = null, CancellationToken cancellationToken = default)
    {
        DeliverableKinds.Check(kind, period);
        var owner = company == default ? null : await _registry.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.DraftDeliverable, owner, company, office, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        await RequireAsync(office, owner.ClientId, Feature.ManageDeliverables, cancellationToken).ConfigureAwait(false);
        var deliverable = Deliverable.Draft(office, owner.ClientId, company, kind, period, title, actor, _clock.GetCurrentInstant());
        _unitOfWork.Add(deliverable);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return DeliverableOfficeView.Of(deliverable);
    }

    /// <summary>
    /// Shares a draft with the client. The tier at this moment decides how (SHARE-11): <c>Standard</c> clients get a
    /// one-time link by notification (SHARE-1); clients whose tier shares and approves reports get an approval task
    /// with <paramref name="deadline"/> (SHARE-3), reminded <see cref="CollabOptions.ReminderLeadDays"/> days before (SHARE-4).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who shares it.</param>
    /// <param name="deliverable">The draft.</param>
    /// <param name="deadline">The last local day to approve (office's zone); required for approval tasks, ignored for links.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was shared, with the link token for link sharing.</returns>
    /// <exception cref="CollabRefusalException">Unknown report, not a draft, no collaboration, a missing or past deadline for an approval task.</exception>
    public async Task<ShareResult> ShareAsync(ActingParty party, DeliverableId deliverable, LocalDate? deadline = null, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.ShareDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        var dependent = await TierGate.DependentCollaborationsAsync(_tiers, found.ClientId, found.OfficeId, cancellationToken).ConfigureAwait(false); // SEC-4: before the tier
        var tier = await RequireAsync(found.OfficeId, found.ClientId, Feature.ManageDeliverables, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var recipients = (await _registry.ClientUsersReachingAsync(found.ClientId, found.CompanyId, cancellationToken).ConfigureAwait(false)).SeeingWorkOf(found.OfficeId);
        if (_catalogue.Allows(tier, Feature.ShareAndApproveDeliverables))
        {
            var day = deadline ?? throw Refuse.Input("deliverable.deadline-required", "SHARE-3", tier);
            var zone = await ZoneAsync(found.OfficeId, cancellationToken).ConfigureAwait(false);
            found.ShareForApproval(day, Reminders.DeadlinePassesAt(day, zone), Reminders.DueAt(day, _options.ReminderLeadDays, zone), actor, now);
            TierGate.NoteDependentWork(dependent, now); // SEC-4: a downgrade that did not see this approval now conflicts
            _unitOfWork.Notify(_texts, recipients, NotificationKind.ApprovalRequested, AuditSubject.Deliverable(found.Id), new("notification.approval-requested", found.Title, day));

            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new ShareResult(DeliverableOfficeView.Of(found), ShareMode.Approval, null);
        }

        found.ShareByLink(actor, now);
        var token = IssueLink(found, recipients, now, out _);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ShareResult(DeliverableOfficeView.Of(found), ShareMode.TemporaryLink, token);
    }

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

        _unitOfWork.Notify(_texts, (await _registry.OfficeUsersAsync(deliverable.OfficeId, cancellationToken).ConfigureAwait(false)).ThatMayAct(), NotificationKind.LinkViewed, AuditSubject.Deliverable(deliverable.Id), new("notification.link-viewed", deliverable.Title));

        try
        {
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CollabRefusalException e) when (e.Kind == RefusalKind.ConcurrencyConflict)
        {
            // Another request spent the link first: exactly one view wins (SHARE-2).
            throw ShareLink.LinkRefusal("link.spent");
        }

        var dashboard = await TierGate.AllowsAsync(_tiers, _catalogue, deliverable.OfficeId, deliverable.ClientId, Feature.ShareDeliverableDashboard, cancellationToken).ConfigureAwait(false);
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
            ?? throw ShareLink.LinkRefusal("link.view-unknown");
        var link = await _deliverables.FindLinkAsync(id, cancellationToken).ConfigureAwait(false);
        if (!ShareLink.SecretMatches(secret, link?.ViewSecretHash) || link is null)
        {
            throw ShareLink.LinkRefusal("link.view-unknown"); // SHARE-1: an unknown id and a wrong secret, the same comparison and the same words
        }

        var deliverable = await _deliverables.FindDeliverableAsync(link.DeliverableId, cancellationToken).ConfigureAwait(false);
        var found = deliverable is { State: not DeliverableState.Draft } ? deliverable.Documents.FirstOrDefault(d => d.Id == document) : null; // a revision in the works is not what was shared
        link.HandOut(document, found?.Sha256 ?? "-", _clock.GetCurrentInstant()); // the view's own checks first: a wrong token learns nothing
        if (found is null)
        {
            throw ShareLink.LinkRefusal("link.document-unknown");
        }

        var content = await OpenVerifiedAsync(found, cancellationToken).ConfigureAwait(false);
        try
        {
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CollabRefusalException e) when (e.Kind == RefusalKind.ConcurrencyConflict)
        {
            content.Dispose();
            throw ShareLink.LinkRefusal("link.document-taken");
        }
        catch
        {
            content.Dispose();
            throw;
        }

        return content;
    }

    /// <summary>
    /// Adds a document to a deliverable (SHARE-14), or replaces the one with the same file name. The content type must
    /// be PDF and the content must parse as a PDF with at least one page (a <c>%PDF-</c> header alone is not one); the size
    /// limit (<see cref="PortalOptions.MaxDocumentBytes"/>) is enforced while reading, and nothing is stored or changed before the checks pass. On a decided deliverable this opens
    /// the next revision, which the client must see (and approve) again (AUD-1).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An office user of the deliverable's office.</param>
    /// <param name="deliverable">The deliverable.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="contentType">The declared type, such as application/pdf.</param>
    /// <param name="content">The content, read to the end.</param>
    /// <param name="cancellationToken">Cancels the upload; nothing remains then.</param>
    /// <returns>The document, as the office sees it.</returns>
    /// <exception cref="CollabRefusalException">Unknown deliverable; with the client now; a file name, type or size that is not accepted; content that is not a readable PDF (<c>document.pdf-unreadable</c>, <c>document.pdf-password</c>).</exception>
    public async Task<OfficeDocumentView> AddDocumentAsync(ActingParty party, DeliverableId deliverable, string fileName, string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = PortalDocument.CheckFileName(fileName);
        var type = contentType?.Trim().ToLowerInvariant() ?? string.Empty;
        if (type != DocumentChecks.Pdf)
        {
            throw Refuse.Input("document.content-type", "SHARE-14", contentType, DocumentChecks.Pdf);
        }

        var (acting, found) = await LoadAsync(party, CollabAction.ShareDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var max = _options.Portal.MaxDocumentBytes;
        await using var checkedContent = await DocumentChecks.SpoolAsync(content, max, () => Refuse.Input("document.too-large", "SHARE-14", max), cancellationToken).ConfigureAwait(false);
        DocumentChecks.Check(type, checkedContent, name, "SHARE-14"); // a PDF that parses, with a page: before anything changes or is stored
        var now = _clock.GetCurrentInstant();
        await ReviseAsync(found, acting.Actor, now, cancellationToken).ConfigureAwait(false);

        var id = DocumentId.New();
        var key = $"deliverables/{found.ClientId.Value:N}/{found.Id.Value:N}/{id.Value:N}";
        string sha;
        long size;
        using (var hashing = new Backups.HashingStream(checkedContent, leaveOpen: true))
        {
            await Blobs.WriteAsync(key, hashing, cancellationToken).ConfigureAwait(false); // all-or-nothing by the port's contract
            (sha, size) = (hashing.HashHex(), hashing.BytesSeen);
        }

        var document = DeliverableDocument.Record(id, found.Revision, name, type, size, sha, key, acting.UserId, now);
        var replaced = found.Documents.FirstOrDefault(d => string.Equals(d.FileName, name, StringComparison.OrdinalIgnoreCase));
        try
        {
            found.AddDocument(document, acting.Actor, now);
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await Blobs.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false); // no content without its record
            throw;
        }

        await ForgetUnreferencedAsync(found, replaced).ConfigureAwait(false);
        return OfficeDocumentView.Of(document);
    }

    /// <summary>Removes a document from a deliverable; on a decided deliverable this opens the next revision without it (SHARE-14).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An office user of the deliverable's office.</param>
    /// <param name="deliverable">The deliverable.</param>
    /// <param name="document">A document of its current revision.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deliverable, as the office sees it.</returns>
    /// <exception cref="CollabRefusalException">Unknown deliverable or document; with the client now.</exception>
    public async Task<DeliverableOfficeView> RemoveDocumentAsync(ActingParty party, DeliverableId deliverable, DocumentId document, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.ShareDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var named = found.Documents.FirstOrDefault(d => d.Id == document)
            ?? throw Refuse.Unknown("deliverable.document-unknown", "SHARE-14", found.Title, document);
        var now = _clock.GetCurrentInstant();
        await ReviseAsync(found, acting.Actor, now, cancellationToken).ConfigureAwait(false);
        found.RemoveDocument(found.Documents.First(d => d.BlobKey == named.BlobKey).Id, acting.Actor, now); // the same content, carried into a new revision
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await ForgetUnreferencedAsync(found, named).ConfigureAwait(false);
        return DeliverableOfficeView.Of(found);
    }

    /// <summary>
    /// Sets an annual report's key figures for its year and the year before (SHARE-15); inconsistent figures are refused
    /// with the reason. On a decided report this opens the next revision (AUD-1).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An office user of the report's office.</param>
    /// <param name="deliverable">The annual report.</param>
    /// <param name="figures">The figures.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report, as the office sees it.</returns>
    /// <exception cref="CollabRefusalException">Unknown deliverable, not an annual report, another year, inconsistent figures, or with the client now.</exception>
    public async Task<DeliverableOfficeView> SetFiguresAsync(ActingParty party, DeliverableId deliverable, FinancialFigures figures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var (acting, found) = await LoadAsync(party, CollabAction.ShareDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        figures.Check();
        var now = _clock.GetCurrentInstant();
        if (found.Kind == DeliverableKind.AnnualReport && figures.Year == found.Period.Year)
        {
            await ReviseAsync(found, acting.Actor, now, cancellationToken).ConfigureAwait(false);
        }

        found.SetFigures(figures, acting.Actor, now);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return DeliverableOfficeView.Of(found);
    }

    /// <summary>
    /// Opens a document of a deliverable (SHARE-14). The office opens any document of its own deliverables, of any
    /// revision, at any time. A client user gets documents only through its channel: the current revision's in an open
    /// approval task (the tier must share and approve reports now), and those of every revision it approved that its
    /// permanent history keeps (<c>Extended</c>, SHARE-5) — also after the office revised the deliverable again. Link
    /// shares are read only through <see cref="ReadThroughLinkAsync"/>. The content is checked against its SHA-256 first.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="deliverable">The deliverable.</param>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The content; dispose it.</returns>
    /// <exception cref="CollabRefusalException">Unknown deliverable or document; not available to this user now; corrupt content (<c>document.corrupt</c>).</exception>
    public async Task<DocumentContent> OpenDocumentAsync(ActingParty party, DeliverableId deliverable, DocumentId document, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.ReadDeliverables, deliverable, cancellationToken).ConfigureAwait(false);
        var stored = acting.IsOfficeUser
            ? found.AllDocuments.FirstOrDefault(d => d.Id == document)
            : await ClientDocumentAsync(acting.Person, found, document, cancellationToken).ConfigureAwait(false);
        return await OpenVerifiedAsync(stored ?? throw Refuse.Unknown("deliverable.document-unknown", "SHARE-14", found.Title, document), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The annual-report dashboard (SHARE-15): for the office always once figures are set; for a client user only of the
    /// revision it may read through its channel now (open task or permanent history) and when its tier shares the
    /// dashboard now — the figures of that revision, never of one the office is still working on.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="deliverable">The annual report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dashboard, or null when the report has no figures.</returns>
    /// <exception cref="CollabRefusalException">Unknown deliverable; not available to this user now; the tier lacks the dashboard (names the tier that has it).</exception>
    public async Task<Dashboard?> DashboardAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.ReadDeliverables, deliverable, cancellationToken).ConfigureAwait(false);
        var figures = found.Figures;
        if (!acting.IsOfficeUser)
        {
            var reading = await ClientReadingAsync(acting.Person, found, cancellationToken).ConfigureAwait(false);
            if (DeliverableClientView.Shown(found, reading.Reading) is not { Readable: not null } shown)
            {
                await ExplainMissingChannelAsync(found, reading, cancellationToken).ConfigureAwait(false);
                throw Refuse.Violation("deliverable.not-viewable", "SHARE-5");
            }

            await RequireAsync(found.OfficeId, found.ClientId, Feature.ShareDeliverableDashboard, cancellationToken).ConfigureAwait(false);
            figures = shown.Figures;
        }

        return figures is { } checkedFigures ? Dashboard.FromChecked(checkedFigures) : null;
    }

    /// <summary>What a client user's tier lets it read now (SHARE-11), and what that is of this deliverable (SHARE-5, SHARE-14).</summary>
    private readonly record struct ClientRead(ClientReading Reading, bool Approves, bool PermanentPortal, bool Dashboard);

    // SHARE-14, SHARE-5, SHARE-11, SEC-6: what a client user reads of the deliverable through its channel now; the tier is read at this moment.
    private async Task<ClientRead> ClientReadingAsync(CollabUser user, Deliverable found, CancellationToken cancellationToken)
    {
        var tier = user.ClientId == found.ClientId && user.MayReach(found.CompanyId)
            ? await _tiers.FindTierAsync(found.OfficeId, found.ClientId, cancellationToken).ConfigureAwait(false)
            : null;
        return ReadingFor(found, tier);
    }

    private ClientRead ReadingFor(Deliverable found, ClientTier? tier)
    {
        bool Has(Feature feature) => tier is { } t && _catalogue.Allows(t, feature);
        var (approves, portal, dashboard) = (Has(Feature.ShareAndApproveDeliverables), Has(Feature.PermanentPortal), Has(Feature.ShareDeliverableDashboard));
        return new ClientRead(found.ReadForClient(approves, portal, _clock.GetCurrentInstant()), approves, portal, dashboard);
    }

    // The one document a client user may open now, or null (SHARE-5, SHARE-14).
    private async Task<DeliverableDocument?> ClientDocumentAsync(CollabUser user, Deliverable found, DocumentId document, CancellationToken cancellationToken)
    {
        var read = await ClientReadingAsync(user, found, cancellationToken).ConfigureAwait(false);
        var readable = read.Reading.OpenTask ? found.Documents.Where(d => d.Id == document) : [];
        var stored = readable.Concat(read.Reading.History.SelectMany(a => found.DocumentsOf(a.Revision)).Where(d => d.Id == document)).FirstOrDefault();
        if (stored is null)
        {
            await ExplainMissingChannelAsync(found, read, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    // SHARE-11: a channel closed only because the tier lacks its feature now is refused naming the feature and the tier that has it.
    private async Task ExplainMissingChannelAsync(Deliverable found, ClientRead read, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        if (found.IsOpenTask(now) && !read.Approves)
        {
            await RequireAsync(found.OfficeId, found.ClientId, Feature.ShareAndApproveDeliverables, cancellationToken).ConfigureAwait(false);
        }

        if (found.Approvals.Any(a => a.KeptInHistory) && !read.PermanentPortal)
        {
            await RequireAsync(found.OfficeId, found.ClientId, Feature.PermanentPortal, cancellationToken).ConfigureAwait(false);
        }
    }

    // The view a client user gets of the deliverable now, or null when nothing of it exists for the user (SEC-6).
    private async Task<DeliverableClientView?> ClientViewAsync(CollabUser user, Deliverable found, CancellationToken cancellationToken)
    {
        var read = await ClientReadingAsync(user, found, cancellationToken).ConfigureAwait(false);
        return DeliverableClientView.ThroughPortal(found, read.Reading, read.Dashboard);
    }

    private Storage.IBlobStore Blobs => DocumentStorage.Required(_blobs);

    // Checks the stored content against its hash before anything is handed out, then hands it out through a stream that checks again.
    private async Task<DocumentContent> OpenVerifiedAsync(DeliverableDocument document, CancellationToken cancellationToken)
    {
        Stream Missing() => throw Refuse.Violation("document.content-missing", "SHARE-14", document.FileName);
        await using (var first = await Blobs.OpenReadAsync(document.BlobKey, cancellationToken).ConfigureAwait(false) ?? Missing())
        {
            await using var verify = new Portal.VerifyingStream(first, document.Sha256, document.SizeBytes, document.FileName, "SHARE-14");
            await verify.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var stream = await Blobs.OpenReadAsync(document.BlobKey, cancellationToken).ConfigureAwait(false) ?? Missing();
        return new DocumentContent(DeliverableDocumentInfo.Of(document), new Portal.VerifyingStream(stream, document.Sha256, document.SizeBytes, document.FileName, "SHARE-14"));
    }

    // A draft's replaced or removed document leaves no content behind; one an earlier revision still names stays (AUD-1).
    private async Task ForgetUnreferencedAsync(Deliverable deliverable, DeliverableDocument? gone)
    {
        if (gone is not null && deliverable.AllDocuments.All(d => d.BlobKey != gone.BlobKey))
        {
            await Blobs.DeleteAsync(gone.BlobKey, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // A change after the client's answer opens the next revision; a link share's current links stop with it.
    private async Task ReviseAsync(Deliverable found, Actor actor, Instant now, CancellationToken cancellationToken)
    {
        var linkShare = found.Mode == ShareMode.TemporaryLink;
        found.ReviseIfDecided(actor, now);
        if (linkShare && found.State == DeliverableState.Draft)
        {
            foreach (var old in await _deliverables.CurrentLinksAsync(found.Id, cancellationToken).ConfigureAwait(false))
            {
                old.Replace(actor, Guid.Empty, now);
            }
        }
    }

    /// <summary>Issues a fresh link for a report shared by link, replacing the current one, without touching the report (SHARE-12).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user.</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new token (also sent to the client).</returns>
    /// <exception cref="CollabRefusalException">Unknown report, or it was not shared by link.</exception>
    public async Task<string> ReissueLinkAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.ShareDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        if (found.Mode != ShareMode.TemporaryLink)
        {
            throw Refuse.Violation("deliverable.not-shared-by-link", "SHARE-12", found.Title);
        }

        await RequireAsync(found.OfficeId, found.ClientId, Feature.ManageDeliverables, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var recipients = (await _registry.ClientUsersReachingAsync(found.ClientId, found.CompanyId, cancellationToken).ConfigureAwait(false)).SeeingWorkOf(found.OfficeId);
        var current = await _deliverables.CurrentLinksAsync(found.Id, cancellationToken).ConfigureAwait(false);
        var token = IssueLink(found, recipients, now, out var fresh);
        foreach (var old in current)
        {
            old.Replace(actor, fresh.Id, now);
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>The client approves; the task is complete (SHARE-5). <c>Collaborate</c> clients lose access, <c>CollaborateExtended</c> clients keep it in their history.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A client user who may reach the report's company.</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The approved report as the client may see it now (SEC-6): for <c>Collaborate</c> without content, for <c>CollaborateExtended</c> with its history.</returns>
    /// <exception cref="CollabRefusalException">Not the client's user, the tier lacks approvals now, not an open approval task, or past the deadline.</exception>
    public async Task<DeliverableClientView> ApproveAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var (clientUser, found, tier) = await ForClientDecisionAsync(party, deliverable, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        found.Approve(clientUser, _catalogue.Allows(tier, Feature.PermanentPortal), now);
        await NotifyOfficeAsync(found, new("notification.report-approved", found.Title), cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ClientViewAfterDecision(found, tier);
    }

    /// <summary>The client rejects, with a reason for the office.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A client user who may reach the report's company.</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rejected report as the client may see it now (SEC-6).</returns>
    /// <exception cref="CollabRefusalException">As for <see cref="ApproveAsync"/>, or an empty reason.</exception>
    public async Task<DeliverableClientView> RejectAsync(ActingParty party, DeliverableId deliverable, string reason, CancellationToken cancellationToken = default)
    {
        var (clientUser, found, tier) = await ForClientDecisionAsync(party, deliverable, cancellationToken).ConfigureAwait(false);
        var text = Guard.Name(reason, "reason");
        found.Reject(clientUser, text, _clock.GetCurrentInstant());
        await NotifyOfficeAsync(found, new("notification.report-rejected", found.Title, text), cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ClientViewAfterDecision(found, tier);
    }

    /// <summary>Whether a client user may view a report now in the portal (SEC-1, SHARE-5). Link shares are viewed through their link only.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The user.</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when allowed; false for unknown ids.</returns>
    public async Task<bool> ClientMayViewAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var acting = await _access.AuthorizeAsync(party, CollabAction.ViewDeliverable, AuditSubject.Deliverable(deliverable), cancellationToken).ConfigureAwait(false);
        var found = deliverable == default ? null : await _deliverables.FindDeliverableAsync(deliverable, cancellationToken).ConfigureAwait(false);
        return MayView(acting.Person, found) // and an office's invitee only while its office works for the client (SEC-5)
            && await _access.ReachesAsync(acting, CollabAction.ViewDeliverable, new OfficeWork(found.OfficeId, found.ClientId, found.CompanyId, ClientMaySee: true), cancellationToken).ConfigureAwait(false);
    }

    // A decided report was shown as an open task a moment ago; after the decision the client sees what its tier of that moment gives it.
    private DeliverableClientView ClientViewAfterDecision(Deliverable found, ClientTier tier)
    {
        var read = ReadingFor(found, tier);
        return DeliverableClientView.ThroughPortal(found, read.Reading, read.Dashboard)!;
    }

    // SHARE-5: an approval task (open, or approved and kept), or a deliverable with approved revisions in the client's permanent history.
    private static bool MayView(CollabUser user, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] Deliverable? found)
    {
        if (found is null || user.ClientId != found.ClientId || !user.MayReach(found.CompanyId) || !user.SeesWorkOf(found.OfficeId)) // SEC-5
        {
            return false;
        }

        if (found.Approvals.Any(a => a.KeptInHistory))
        {
            return true;
        }

        return found.Mode == ShareMode.Approval && found.State switch
        {
            DeliverableState.Shared or DeliverableState.Viewed => true,
            DeliverableState.Approved => found.KeptInHistory,
            _ => false,
        };
    }

    /// <summary>Records that a client user opened a report shared for approval; the office then sees it as Viewed (SHARE-3).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The user.</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report as the client may see it now (SEC-6).</returns>
    /// <exception cref="CollabRefusalException">The user may not view it now (SEC-1, SHARE-5), or it is unknown.</exception>
    public async Task<DeliverableClientView> RecordClientViewAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.ViewDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        if (!MayView(acting.Person, found))
        {
            throw Refuse.Denied("deliverable.not-viewable", "SEC-1");
        }

        if (found is { State: DeliverableState.Shared, Mode: ShareMode.Approval }) // a link share is viewed through its link only (SHARE-12)
        {
            found.View(acting.Actor, _clock.GetCurrentInstant());
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ClientViewAsync(acting.Person, found, cancellationToken).ConfigureAwait(false)
            ?? throw Refuse.Denied("deliverable.not-viewable", "SEC-1");
    }

    /// <summary>
    /// Queues the deadline reminder of every open approval task whose reminder is due (SHARE-4), each at most
    /// once, even when several scheduler instances run this at the same time. Run it from a scheduler. A client whose
    /// tier has no <see cref="Feature.DeadlineReminders"/> at that moment gets none (SHARE-11).
    /// </summary>
    /// <param name="max">At most this many per call.</param>
    /// <param name="cancellationToken">Cancels between tasks.</param>
    /// <returns>How many reminders this call queued.</returns>
    public async Task<int> SendDueRemindersAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        var due = await _deliverables.FindDueRemindersAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false);
        return await _unitOfWork.RunAsync(due, async deliverable =>
        {
            // SHARE-11, TIER-2: the catalogue is data, so a vendor's tier may approve without reminders; read it now.
            if (!await TierGate.AllowsAsync(_tiers, _catalogue, deliverable.OfficeId, deliverable.ClientId, Feature.DeadlineReminders, cancellationToken).ConfigureAwait(false))
            {
                deliverable.SkipReminder();
                return false;
            }

            deliverable.MarkReminderSent(_clock.GetCurrentInstant());
            var text = await ReminderTextAsync(deliverable, cancellationToken).ConfigureAwait(false);
            _unitOfWork.Notify(_texts, (await _registry.ClientUsersReachingAsync(deliverable.ClientId, deliverable.CompanyId, cancellationToken).ConfigureAwait(false)).SeeingWorkOf(deliverable.OfficeId), NotificationKind.DeadlineReminder, AuditSubject.Deliverable(deliverable.Id), text);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks approval tasks whose deadline passed as expired (SHARE-3, RET-3). Safe with several instances.</summary>
    /// <param name="max">At most this many per call.</param>
    /// <param name="cancellationToken">Cancels between tasks.</param>
    /// <returns>How many this call expired.</returns>
    public async Task<int> ExpireOverdueAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        var due = await _deliverables.FindOverdueAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false);
        return await _unitOfWork.RunAsync(due, async deliverable =>
        {
            deliverable.Expire(_clock.GetCurrentInstant());
            await NotifyOfficeAsync(deliverable, new("notification.report-expired", deliverable.Title), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private string IssueLink(Deliverable deliverable, IReadOnlyList<CollabUser> recipients, Instant now, out ShareLink link)
    {
        (link, var token) = ShareLink.Issue(deliverable.Id, now, now + Duration.FromDays(_options.LinkValidityDays));
        _unitOfWork.Add(link);
        _unitOfWork.Notify(_texts, recipients, NotificationKind.DeliverableReady, AuditSubject.Deliverable(deliverable.Id), new("notification.report-ready", deliverable.Title, link.ExpiresAt.InUtc().LocalDateTime), token);

        return token;
    }

    private async Task<(ShareLink Link, Deliverable Deliverable)> UsableLinkAsync(string token, CancellationToken cancellationToken)
    {
        var id = ShareLink.ParseId(token, out var secret)
            ?? throw ShareLink.LinkRefusal("link.malformed");
        var link = await _deliverables.FindLinkAsync(id, cancellationToken).ConfigureAwait(false);
        if (!ShareLink.SecretMatches(secret, link?.SecretHash) || link is null)
        {
            throw ShareLink.LinkRefusal("link.unknown"); // SHARE-1: an unknown id and a wrong secret, the same comparison and the same words
        }

        if (link.Unusable(_clock.GetCurrentInstant()) is { } refusal)
        {
            throw refusal;
        }

        var deliverable = await _deliverables.FindDeliverableAsync(link.DeliverableId, cancellationToken).ConfigureAwait(false);
        if (deliverable is null || deliverable.State == DeliverableState.Draft)
        {
            throw ShareLink.LinkRefusal("link.replaced");
        }

        return (link, deliverable);
    }

    private async Task<(UserId User, Deliverable Deliverable, ClientTier Tier)> ForClientDecisionAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.DecideDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var tier = await RequireAsync(found.OfficeId, found.ClientId, Feature.ShareAndApproveDeliverables, cancellationToken).ConfigureAwait(false);
        return (acting.UserId, found, tier);
    }

    private async Task NotifyOfficeAsync(Deliverable deliverable, Texts.TextRef text, CancellationToken cancellationToken)
    {
        _unitOfWork.Notify(_texts, (await _registry.OfficeUsersAsync(deliverable.OfficeId, cancellationToken).ConfigureAwait(false)).ThatMayAct(), NotificationKind.DeliverableDecided, AuditSubject.Deliverable(deliverable.Id), text);
    }

    private Task<Texts.TextRef> ReminderTextAsync(Deliverable deliverable, CancellationToken cancellationToken) =>
        Portal.ReminderTexts.ForAsync(_tiers, _catalogue, _portal, _registry, deliverable.OfficeId, deliverable.ClientId, deliverable.Title, deliverable.Deadline!.Value,
            new("notification.approval-reminder", deliverable.Title, deliverable.Deadline!.Value), cancellationToken);

    /// <summary>
    /// Finds a report, as a view made for its reader (SEC-6): a <see cref="DeliverableOfficeView"/> for a user of the office
    /// that made it, a <see cref="DeliverableClientView"/> for a client user — what it may see of it at this moment.
    /// </summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reader's view, or null for what does not exist or is out of reach, and for a client when nothing of it exists for it now.</returns>
    public async Task<DeliverableView?> FindAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var found = deliverable == default ? null : await _deliverables.FindDeliverableAsync(deliverable, cancellationToken).ConfigureAwait(false);
        var acting = await _access.TryAuthorizeAsync(party, CollabAction.ReadDeliverables, found, AuditSubject.Deliverable(deliverable), cancellationToken).ConfigureAwait(false);
        return acting is null || found is null ? null
            : acting.IsOfficeUser
                ? DeliverableOfficeView.Of(found)
                : await ClientViewAsync(acting.Person, found, cancellationToken).ConfigureAwait(false); // null: nothing of it for the client now, as if it did not exist
    }

    /// <summary>The office's reports, newest first.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports, as the office sees them.</returns>
    public async Task<IReadOnlyList<DeliverableOfficeView>> ListForOfficeAsync(ActingParty party, OfficeId office, int max = 500, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadDeliverables, office, cancellationToken).ConfigureAwait(false);
        var deliverables = await _deliverables.ListForOfficeAsync(office, Math.Clamp(max, 1, 5000), cancellationToken).ConfigureAwait(false);
        return deliverables.Select(DeliverableOfficeView.Of).ToList();
    }

    /// <summary>
    /// A company's reports, newest first, each as a view made for the reader (SEC-6): an office user gets its own office's
    /// reports as <see cref="DeliverableOfficeView"/>s; a client user what exists for it now as <see cref="DeliverableClientView"/>s —
    /// what was shared with it, never a draft (while the office revises a deliverable, its approved revisions in the
    /// client's permanent history).
    /// </summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    public async Task<IReadOnlyList<DeliverableView>> ListForCompanyAsync(ActingParty party, CompanyId company, CancellationToken cancellationToken = default)
    {
        var found = company == default ? null : await _registry.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.ReadDeliverables, found, company, null, cancellationToken).ConfigureAwait(false); // an office only while it works for the client
        var deliverables = await _deliverables.ListForCompanyAsync(company, cancellationToken).ConfigureAwait(false);

        // An office sees its own reports; a client user what exists for it now from an office whose work it may see, never a draft (SEC-5).
        if (acting.IsOfficeUser)
        {
            return deliverables.Where(r => r.OfficeId == acting.Person.OfficeId).Select(DeliverableView (r) => DeliverableOfficeView.Of(r)).ToList();
        }

        var views = new List<DeliverableView>();
        var tiers = new Dictionary<OfficeId, ClientTier?>();
        foreach (var deliverable in deliverables.Where(r => DeliverableAccess.ClientUserSees(acting.Person, new OfficeWork(r.OfficeId, r.ClientId, r.CompanyId, r.ExistsForClient))))
        {
            if (!tiers.TryGetValue(deliverable.OfficeId, out var tier))
            {
                tiers[deliverable.OfficeId] = tier = await _tiers.FindTierAsync(deliverable.OfficeId, deliverable.ClientId, cancellationToken).ConfigureAwait(false); // SHARE-11: read now, once per office
            }

            var read = ReadingFor(deliverable, tier);
            if (DeliverableClientView.ThroughPortal(deliverable, read.Reading, read.Dashboard) is { } view)
            {
                views.Add(view);
            }
        }

        return views;
    }

    // SHARE-11: the tier is read at the moment of every action, never cached on the report.
    private Task<ClientTier> RequireAsync(OfficeId office, ClientId client, Feature feature, CancellationToken cancellationToken) =>
        TierGate.RequireAsync(_tiers, _catalogue, office, client, feature, cancellationToken);

    private async Task<DateTimeZone> ZoneAsync(OfficeId office, CancellationToken cancellationToken)
    {
        var found = await _registry.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        return _calendar.ZoneOf(found);
    }

    // The report is read before the check only to learn whose it is; the caller gets it only when the check passes.
    private async Task<(Acting Acting, Deliverable Deliverable)> LoadAsync(ActingParty party, CollabAction action, DeliverableId deliverable, CancellationToken cancellationToken)
    {
        var found = deliverable == default ? null : await _deliverables.FindDeliverableAsync(deliverable, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, action, found, AuditSubject.Deliverable(deliverable), cancellationToken).ConfigureAwait(false);
        return (acting, found);
    }
}
