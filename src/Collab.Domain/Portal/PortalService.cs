using Collab.Authorization;
using Collab.Backups;
using Collab.Registry;
using Collab.Storage;
using Collab.Tiers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Portal;

/// <summary>
/// The client portal (SHARE-6, SHARE-7, SHARE-10, TIER-8): one history across every company the user may reach,
/// documents both ways with verified content, and the office's house style. Every action checks the client's tier at
/// that moment (SHARE-11); nothing of a company the user may not reach is ever returned (SEC-1).
/// </summary>
public sealed class PortalService
{
    private readonly Texts.CollabTexts _texts;
    private readonly CollabAuthorization _access;
    private readonly IPortalItemStore _items;
    private readonly IPortalDocumentStore _documents;
    private readonly IHouseStyleStore _styles;
    private readonly ICompanyStore _companies;
    private readonly IUserStore _users;
    private readonly ITierStore _tiers;
    private readonly TierCatalogue _catalogue;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly CollabOptions _options;
    private readonly IBlobStore? _blobs;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="items">Reads portal entries.</param>
    /// <param name="documents">Reads documents.</param>
    /// <param name="styles">Reads house styles.</param>
    /// <param name="companies">Reads companies.</param>
    /// <param name="users">Reads users.</param>
    /// <param name="tiers">Reads tiers.</param>
    /// <param name="catalogue">The tier catalogue.</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Collab's options.</param>
    /// <param name="blobs">Where document content is kept.</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="texts">The text catalogue: notifications in each recipient's language (TXT-1).</param>
    public PortalService(IPortalItemStore items, IPortalDocumentStore documents, IHouseStyleStore styles, ICompanyStore companies, IUserStore users, ITierStore tiers, TierCatalogue catalogue, ICollabUnitOfWork unitOfWork,
        IClock clock, IOptions<CollabOptions> options, CollabAuthorization access, Texts.CollabTexts texts, IBlobStore? blobs = null)
    {
        _texts = texts;
        _access = access;
        _items = items;
        _documents = documents;
        _styles = styles;
        _companies = companies;
        _users = users;
        _tiers = tiers;
        _catalogue = catalogue;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _options = options.Value;
        _blobs = blobs;
        _portalTiers = Enum.GetValues<ClientTier>().Where(t => catalogue.Allows(t, Feature.PermanentPortal)).ToArray();
    }

    // Which tiers include the portal is catalogue data, fixed for the catalogue's life.
    private readonly ClientTier[] _portalTiers;

    private IBlobStore Blobs => DocumentStorage.Required(_blobs);

    /// <summary>
    /// A page of the client user's permanent history (SHARE-6): annual reports, documents, question batches and
    /// questionnaires of every company the user may reach (TIER-8), from offices whose tier for the client includes
    /// the permanent portal, newest first.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The client user.</param>
    /// <param name="after">The previous page's <see cref="PortalPage.Next"/>; null for the first page.</param>
    /// <param name="pageSize">1 to 200 entries.</param>
    /// <param name="openOnly">Only what waits for the client (its open actions).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="CollabRefusalException">Unknown, inactive or not a client user; page size out of range.</exception>
    public async Task<PortalPage> HistoryAsync(ActingParty party, PortalCursor? after = null, int pageSize = 50, bool openOnly = false, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > 200)
        {
            throw CollabRefusals.PortalPageSize(pageSize);
        }

        var acting = await _access.AuthorizeAsync(party, CollabAction.ReadPortal, new AuditSubject("portal", "own"), cancellationToken).ConfigureAwait(false);
        var user = acting.IsClientUser ? acting.User : throw CollabAuthorization.Refused(new AuditSubject("portal", "own")); // the portal is the client users'
        if (_portalTiers.Length == 0 || user.Companies.Count == 0
            || (user.HomeOfficeId is { } home && !await _access.ReachesAsync(acting, CollabAction.ReadPortal, new Tiers.WorkFor(home, user.ClientId!.Value), cancellationToken).ConfigureAwait(false))) // SEC-5
        {
            return new PortalPage([], null);
        }

        var items = await _items.PortalHistoryAsync(user.ClientId!.Value, user.Companies, _portalTiers, after, pageSize + 1, openOnly, user.HomeOfficeId, cancellationToken).ConfigureAwait(false);
        return items.Count > pageSize
            ? new PortalPage(items.Take(pageSize).Select(PortalItemView.Of).ToList(), new PortalCursor(items[pageSize - 1].SharedAt, items[pageSize - 1].Id))
            : new PortalPage(items.Select(PortalItemView.Of).ToList(), null);
    }

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
        var portal = _options.Portal;
        if (!portal.AllowedContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            throw CollabRefusals.DocumentContentType("SHARE-7", contentType, string.Join(", ", portal.AllowedContentTypes));
        }

        var owner = company == default ? null : await _companies.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.UploadDocument, owner, company, office, cancellationToken).ConfigureAwait(false);
        var user = acting.Person;
        var uploader = user.Id;
        await TierGate.RequireAsync(_tiers, _catalogue, office, owner.ClientId, Feature.DocumentExchange, cancellationToken).ConfigureAwait(false);
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
        var found = document == default ? null : await _documents.FindDocumentAsync(document, cancellationToken).ConfigureAwait(false);
        var reader = (await _access.AuthorizeAsync(party, CollabAction.OpenDocument, found, new AuditSubject("document", document.ToString()), cancellationToken).ConfigureAwait(false)).Person;
        if (reader.Kind == UserKind.ClientUser)
        {
            await TierGate.RequireAsync(_tiers, _catalogue, found.OfficeId, found.ClientId, Feature.DocumentExchange, cancellationToken).ConfigureAwait(false);
        }

        var stream = await Blobs.OpenReadAsync(found.BlobKey, cancellationToken).ConfigureAwait(false)
            ?? throw CollabRefusals.DocumentContentMissing("SHARE-7", found.FileName);
        return (PortalDocumentView.Of(found), new VerifyingStream(stream, found.Sha256, found.SizeBytes, found.FileName));
    }

    /// <summary>Sets the office's house style (SHARE-10). Each field is validated; the slug must be free.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who sets it.</param>
    /// <param name="office">The office.</param>
    /// <param name="request">The style.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The style.</returns>
    /// <exception cref="CollabRefusalException">Unknown office; an invalid field; the slug is taken by another office.</exception>
    public async Task<HouseStyleView> SetHouseStyleAsync(ActingParty party, OfficeId office, HouseStyleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = (await _access.AuthorizeAsync(party, CollabAction.SetHouseStyle, office, cancellationToken).ConfigureAwait(false)).Actor;
        var style = await _styles.FindHouseStyleAsync(office, cancellationToken).ConfigureAwait(false);
        var slug = HouseStyle.CheckSlug(request.Slug, _options.Portal.ReservedSlugs);
        if (await _styles.FindHouseStyleBySlugAsync(slug, cancellationToken).ConfigureAwait(false) is { } owner && owner.OfficeId != office)
        {
            throw CollabRefusals.HouseStyleSlugTaken(slug);
        }

        if (style is null)
        {
            style = HouseStyle.Create(office);
            style.Apply(request, _options.Portal.ReservedSlugs, actor, _clock.GetCurrentInstant());
            _unitOfWork.Add(style);
        }
        else
        {
            style.Apply(request, _options.Portal.ReservedSlugs, actor, _clock.GetCurrentInstant());
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false); // the unique index settles a race for one slug
        return HouseStyleView.Of(style);
    }

    /// <summary>The office's own house style, for its editor, whatever its clients' tiers (SHARE-10).</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3). A user of the office.</param>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The style, or null when the office has none yet.</returns>
    public async Task<HouseStyleView?> HouseStyleForOfficeAsync(ActingParty party, OfficeId office, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadHouseStyle, office, cancellationToken).ConfigureAwait(false);
        return await _styles.FindHouseStyleAsync(office, cancellationToken).ConfigureAwait(false) is { } style ? HouseStyleView.Of(style) : null;
    }

    /// <summary>The house style a client sees from an office: the office's own when the client's tier includes it (TIER-2), otherwise none.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The office's branding as a client sees it (no reminder templates), or null for the vendor's default look.</returns>
    public async Task<PortalBranding?> HouseStyleForClientAsync(ActingParty party, OfficeId office, ClientId client, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadPortal, new ClientTarget(client, office), cancellationToken).ConfigureAwait(false);
        var tier = await _tiers.FindTierAsync(office, client, cancellationToken).ConfigureAwait(false);
        return tier is { } t && _catalogue.Allows(t, Feature.HouseStyle) && await _styles.FindHouseStyleAsync(office, cancellationToken).ConfigureAwait(false) is { } style
            ? PortalBranding.Of(style)
            : null;
    }

    /// <summary>Finds an office's house style by its portal address.</summary>
    /// <param name="slug">The slug.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The office's public branding for its sign-in page (no reminder templates), or null.</returns>
    public async Task<PortalBranding?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        await _styles.FindHouseStyleBySlugAsync(slug, cancellationToken).ConfigureAwait(false) is { } style ? PortalBranding.Of(style) : null;

    private async Task NotifyAsync(DocumentDirection direction, OfficeId office, Company company, AuditSubject subject, NotificationKind kind, Texts.TextRef text, CancellationToken cancellationToken)
    {
        var recipients = direction == DocumentDirection.ToClient
            ? (await _users.ClientUsersReachingAsync(company.ClientId, company.Id, cancellationToken).ConfigureAwait(false)).SeeingWorkOf(office)
            : (await _users.OfficeUsersAsync(office, cancellationToken).ConfigureAwait(false)).ThatMayAct();
        _unitOfWork.Notify(_texts, recipients, kind, subject, text);
    }
}
