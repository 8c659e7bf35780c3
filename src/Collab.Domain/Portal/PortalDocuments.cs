using Collab.Authorization;
using Collab.Backups;
using Collab.Notifications;
using Collab.Registry;
using Collab.Storage;
using Collab.Tiers;
using NodaTime;

namespace Collab.Portal;

/// <summary>
/// Documents both ways in the client portal (SHARE-7): an office user shares one with the client, a client user sends one to
/// the office; content checked against its type (SHARE-14) and kept with its SHA-256, opened only for a reader allowed to see
/// it, with the client's tier checked at that moment (SHARE-11). Resolved from dependency injection.
/// </summary>
/// <param name="reader">Loads portal aggregates and companies for a checked party (SEC-3).</param>
/// <param name="gate">Reads the client's tier now (SHARE-11).</param>
/// <param name="notifier">Tells the client's or the office's users, in their language (TXT-1).</param>
/// <param name="content">Accepts and keeps document content (SHARE-7, SHARE-14).</param>
/// <param name="unitOfWork">Saves changes.</param>
/// <param name="clock">The clock.</param>
public sealed class PortalDocuments(PortalReader reader, FeatureGate gate, CollabNotifier notifier, PortalDocumentContent content, ICollabUnitOfWork unitOfWork, IClock clock)
{
    private readonly PortalReader _reader = reader;
    private readonly FeatureGate _gate = gate;
    private readonly CollabNotifier _notifier = notifier;
    private readonly PortalDocumentContent _content = content;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;

    private IBlobStore Blobs => _content.Blobs;

    /// <summary>
    /// Uploads a document (SHARE-7): an office user shares it with the client, a client user sends it to the office.
    /// Size and content type are checked against <see cref="PortalOptions"/>, and the content against its type (SHARE-14:
    /// <see cref="PortalOptions.CheckedContentTypes"/> says how); the content is stored with its SHA-256 first, and the record only after; an upload that fails half-way leaves no record and no content behind.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An office user of the office, or a client user who may reach the company.</param>
    /// <param name="office">The office.</param>
    /// <param name="company">The client's company.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="contentType">The content type, such as application/pdf.</param>
    /// <param name="content">The content, read to the end.</param>
    /// <param name="cancellationToken">Cancels the upload; nothing remains then.</param>
    /// <returns>The document.</returns>
    /// <exception cref="CollabRefusalException">
    /// Unknown user, office or company; the user may not act here (SEC-1); the tier lacks document exchange (SHARE-11);
    /// the file name, content type or size is not accepted; the content is not what its type says (<c>document.type-mismatch</c>,
    /// <c>document.pdf-unreadable</c>, <c>document.pdf-password</c>).
    /// </exception>
    public async Task<PortalDocumentView> UploadDocumentAsync(ActingParty party, OfficeId office, CompanyId company, string fileName, string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = PortalDocument.CheckFileName(fileName);
        var type = contentType?.Trim().ToLowerInvariant() ?? string.Empty;
        var portal = _content.Options;
        if (!portal.AllowedContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            throw CollabRefusals.DocumentContentType("SHARE-7", contentType, string.Join(", ", portal.AllowedContentTypes));
        }

        var (acting, owner) = await _reader.CompanyAsync(party, CollabAction.UploadDocument, company, office, cancellationToken).ConfigureAwait(false);
        var user = acting.Person;
        var uploader = user.Id;
        await _gate.RequireAsync(office, owner.ClientId, Feature.DocumentExchange, cancellationToken).ConfigureAwait(false);
        var direction = user.Kind == UserKind.OfficeUser ? DocumentDirection.ToClient : DocumentDirection.ToOffice;

        await using var checkedContent = await DocumentChecks.SpoolAsync(content, portal.MaxDocumentBytes, () => CollabRefusals.DocumentTooLarge("SHARE-7", portal.MaxDocumentBytes), cancellationToken).ConfigureAwait(false);
        DocumentChecks.Check(type, checkedContent, name, "SHARE-14"); // the content is what its type says, before anything is stored
        var id = DocumentId.New();
        var key = $"documents/{owner.ClientId.Value:N}/{id.Value:N}";
        string sha;
        long size;
        using (var hashing = new HashingStream(checkedContent, leaveOpen: true))
        {
            await Blobs.WriteAsync(key, hashing, cancellationToken).ConfigureAwait(false); // all-or-nothing by the port's contract
            (sha, size) = (hashing.HashHex(), hashing.BytesSeen);
        }

        var now = _clock.GetCurrentInstant();
        var document = PortalDocument.Record(id, office, owner.ClientId, owner.Id, direction, name, type, size, sha, key, uploader, now);
        _unitOfWork.Add(document);
        _unitOfWork.Add(PortalItem.Share(PortalItemKind.Document, id.Value, office, owner.ClientId, owner.Id, name, now, false, null, direction.ToString()));
        await NotifyAsync(direction, office, owner, AuditSubject.Client(owner.ClientId), NotificationKind.DocumentShared,
            new(direction == DocumentDirection.ToClient ? "notification.document-to-client" : "notification.document-to-office", name), cancellationToken).ConfigureAwait(false);
        try
        {
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await Blobs.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false); // no content without its record
            throw;
        }

        return PortalDocumentView.Of(document);
    }

    /// <summary>
    /// Opens a document's content for a user allowed to see it. The stream checks the content against the stored
    /// SHA-256 as it is read and fails at the end if they differ, so altered content is never taken for the original.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An office user of the document's office, or a client user who may reach its company.</param>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The document and a stream of its content (dispose it).</returns>
    /// <exception cref="CollabRefusalException">Unknown document; the user may not see it (SEC-1); the tier lacks document exchange (SHARE-11); the content is gone.</exception>
    public async Task<(PortalDocumentView Document, Stream Content)> OpenDocumentAsync(ActingParty party, DocumentId document, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await _reader.DocumentAsync(party, CollabAction.OpenDocument, document, cancellationToken).ConfigureAwait(false);
        var reader = acting.Person;
        if (reader.Kind == UserKind.ClientUser)
        {
            await _gate.RequireAsync(found.OfficeId, found.ClientId, Feature.DocumentExchange, cancellationToken).ConfigureAwait(false);
        }

        var stream = await Blobs.OpenReadAsync(found.BlobKey, cancellationToken).ConfigureAwait(false)
            ?? throw CollabRefusals.DocumentContentMissing("SHARE-7", found.FileName);
        return (PortalDocumentView.Of(found), new VerifyingStream(stream, found.Sha256, found.SizeBytes, found.FileName));
    }

    private async Task NotifyAsync(DocumentDirection direction, OfficeId office, Company company, AuditSubject subject, NotificationKind kind, Texts.TextRef text, CancellationToken cancellationToken)
    {
        if (direction == DocumentDirection.ToClient)
        {
            await _notifier.ClientUsersAsync(office, company.ClientId, company.Id, kind, subject, text, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _notifier.OfficeUsersAsync(office, kind, subject, text, cancellationToken).ConfigureAwait(false);
        }
    }
}
