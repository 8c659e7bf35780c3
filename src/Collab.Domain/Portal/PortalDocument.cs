using NodaTime;

namespace Collab.Portal;

/// <summary>Which way a document went (SHARE-7).</summary>
public enum DocumentDirection
{
    /// <summary>The office shared it with the client.</summary>
    ToClient = 1,

    /// <summary>The client sent it to the office.</summary>
    ToOffice = 2,
}

/// <summary>
/// A document exchanged through the portal (SHARE-7). Collab keeps the metadata and the SHA-256 of the content;
/// the content lives in the vendor's <see cref="Storage.IBlobStore"/> and is verified against the checksum when read.
/// </summary>
public sealed class PortalDocument : AggregateRoot
{
    private PortalDocument()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        BlobKey = string.Empty;
    }

    /// <summary>The document's id.</summary>
    public DocumentId Id { get; private set; }

    /// <summary>The office it was exchanged with.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The client.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The company it concerns.</summary>
    public CompanyId CompanyId { get; private set; }

    /// <summary>Which way it went.</summary>
    public DocumentDirection Direction { get; private set; }

    /// <summary>The file name as uploaded.</summary>
    public string FileName { get; private set; }

    /// <summary>Its content type.</summary>
    public string ContentType { get; private set; }

    /// <summary>Its size in bytes.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hex; checked on every read.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Where the content is in the blob store.</summary>
    public string BlobKey { get; private set; }

    /// <summary>When it was uploaded.</summary>
    public Instant UploadedAt { get; private set; }

    /// <summary>Who uploaded it.</summary>
    public UserId UploadedBy { get; private set; }

    internal static PortalDocument Record(DocumentId id, OfficeId office, ClientId client, CompanyId company, DocumentDirection direction, string fileName, string contentType,
        long size, string sha256, string blobKey, UserId uploader, Instant now)
    {
        var document = new PortalDocument
        {
            Id = id,
            OfficeId = office,
            ClientId = client,
            CompanyId = company,
            Direction = direction,
            FileName = fileName,
            ContentType = contentType,
            SizeBytes = size,
            Sha256 = sha256,
            BlobKey = blobKey,
            UploadedAt = now,
            UploadedBy = uploader,
        };
        var actor = direction == DocumentDirection.ToClient ? Actor.OfficeUser(uploader) : Actor.ClientUser(uploader);
        document.Raise(new Registry.RegistryChanged(now, actor, AuditAction.DocumentUploaded, AuditSubject.Client(client),
            $"document={id};office={office};company={company};direction={direction};file={fileName};bytes={size};sha256={sha256}"));
        return document;
    }

    /// <summary>
    /// Checks a file name (SHARE-14, SEC-2): 1 to 200 characters of printable text (<see cref="Guard.VisibleOnly"/>), without
    /// separators or path-like characters — '/', '\' and their look-alikes (／ ∕ ⁄ ＼ ⧵ ⧸ ﹨), ':' and '：', and the
    /// characters Windows refuses in a file name (&lt; &gt; " | ? *) — and not starting or ending with a dot ("..", ".htaccess", "rapport.").
    /// </summary>
    internal static string CheckFileName(string? fileName)
    {
        var name = fileName?.Trim();
        if (name is { Length: > 0 and <= 200 })
        {
            Guard.VisibleOnly(name, "file name", "document.file-name"); // SEC-2: names the hidden character
        }

        if (string.IsNullOrEmpty(name) || name.Length > 200 || name.AsSpan().IndexOfAny(PathLike) >= 0 || name[0] == '.' || name[^1] == '.')
        {
            throw CollabRefusals.DocumentFileNameInvalid(fileName);
        }

        return name;
    }

    /// <summary>Characters no file name may contain: separators, their look-alikes, drive and stream colons, Windows' reserved ones.</summary>
    internal static readonly System.Buffers.SearchValues<char> PathLike =
        System.Buffers.SearchValues.Create("/\\\uFF0F\u2215\u2044\uFF3C\u29F5\u29F8\uFE68:\uFF1A<>\"|?*");
}
