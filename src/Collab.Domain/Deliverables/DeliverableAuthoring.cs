using Collab.Authorization;
using Collab.Portal;
using Collab.Tiers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>
/// The office authors a deliverable (SHARE-13, SHARE-14, SHARE-15): drafts it — an annual report or a tax return — and
/// keeps its documents and key figures. A change after the client's answer opens the next revision (AUD-1). Every call
/// checks the acting office user (SEC-3) and the client's tier at that moment (SHARE-11).
/// </summary>
/// <param name="reader">Loads the deliverable for a checked party.</param>
/// <param name="gate">Reads the client's tier now.</param>
/// <param name="documents">Keeps the documents' content.</param>
/// <param name="unitOfWork">Saves the changes.</param>
/// <param name="clock">The clock.</param>
/// <param name="options">Collab's options (the document size limit).</param>
public sealed class DeliverableAuthoring(DeliverableReader reader, FeatureGate gate, DeliverableDocuments documents, ICollabUnitOfWork unitOfWork, IClock clock, IOptions<CollabOptions> options)
{
    private readonly DeliverableReader _reader = reader;
    private readonly FeatureGate _gate = gate;
    private readonly DeliverableDocuments _documents = documents;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;
    private readonly CollabOptions _options = options.Value;

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
        var (acting, owner) = await _reader.LoadCompanyAsync(party, CollabAction.DraftDeliverable, company, office, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        await _gate.RequireAsync(office, owner.ClientId, Feature.ManageDeliverables, cancellationToken).ConfigureAwait(false);
        var deliverable = Deliverable.Draft(office, owner.ClientId, company, kind, period, title, actor, _clock.GetCurrentInstant());
        _unitOfWork.Add(deliverable);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return DeliverableOfficeView.Of(deliverable);
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
            throw CollabRefusals.DocumentContentType("SHARE-14", contentType, DocumentChecks.Pdf);
        }

        var (acting, found) = await _reader.LoadAsync(party, CollabAction.ShareDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var max = _options.Portal.MaxDocumentBytes;
        await using var checkedContent = await DocumentChecks.SpoolAsync(content, max, () => CollabRefusals.DocumentTooLarge("SHARE-14", max), cancellationToken).ConfigureAwait(false);
        DocumentChecks.Check(type, checkedContent, name, "SHARE-14"); // a PDF that parses, with a page: before anything changes or is stored
        var now = _clock.GetCurrentInstant();
        await ReviseAsync(found, acting.Actor, now, cancellationToken).ConfigureAwait(false);

        var id = DocumentId.New();
        var key = $"deliverables/{found.ClientId.Value:N}/{found.Id.Value:N}/{id.Value:N}";
        string sha;
        long size;
        using (var hashing = new Backups.HashingStream(checkedContent, leaveOpen: true))
        {
            await _documents.Blobs.WriteAsync(key, hashing, cancellationToken).ConfigureAwait(false); // all-or-nothing by the port's contract
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
            await _documents.Blobs.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false); // no content without its record
            throw;
        }

        await _documents.ForgetUnreferencedAsync(found, replaced).ConfigureAwait(false);
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
        var (acting, found) = await _reader.LoadAsync(party, CollabAction.ShareDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var named = found.Documents.FirstOrDefault(d => d.Id == document)
            ?? throw CollabRefusals.DeliverableDocumentUnknown(found.Title, document);
        var now = _clock.GetCurrentInstant();
        await ReviseAsync(found, acting.Actor, now, cancellationToken).ConfigureAwait(false);
        found.RemoveDocument(found.Documents.First(d => d.BlobKey == named.BlobKey).Id, acting.Actor, now); // the same content, carried into a new revision
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await _documents.ForgetUnreferencedAsync(found, named).ConfigureAwait(false);
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
        var (acting, found) = await _reader.LoadAsync(party, CollabAction.ShareDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var linkShare = found.Mode == ShareMode.TemporaryLink;
        found.SetFigures(figures, acting.Actor, now); // the aggregate checks them, and opens the next revision of a decided deliverable
        await ReplaceLinksIfRevisedAsync(found, linkShare, acting.Actor, now, cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return DeliverableOfficeView.Of(found);
    }

    // A change after the client's answer opens the next revision; a link share's current links stop with it.
    private async Task ReviseAsync(Deliverable found, Actor actor, Instant now, CancellationToken cancellationToken)
    {
        var linkShare = found.Mode == ShareMode.TemporaryLink;
        found.ReviseIfDecided(actor, now);
        await ReplaceLinksIfRevisedAsync(found, linkShare, actor, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReplaceLinksIfRevisedAsync(Deliverable found, bool wasLinkShare, Actor actor, Instant now, CancellationToken cancellationToken)
    {
        if (wasLinkShare && found.State == DeliverableState.Draft)
        {
            foreach (var old in await _reader.Store.CurrentLinksAsync(found.Id, cancellationToken).ConfigureAwait(false))
            {
                old.Replace(actor, Guid.Empty, now);
            }
        }
    }
}
