using NodaTime;

namespace Collab.Deliverables;

/// <summary>
/// A document of a deliverable (SHARE-14): the report or return itself, usually a PDF. Collab keeps its metadata and
/// SHA-256; the content lives in the vendor's <see cref="Storage.IBlobStore"/> and is checked against the hash on
/// every read. A document belongs to one <see cref="Revision"/> of its deliverable; earlier versions stay readable
/// to the office, so what a client approved can always be shown again (AUD-1).
/// </summary>
public sealed class DeliverableDocument
{
    private DeliverableDocument()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        BlobKey = string.Empty;
    }

    /// <summary>The document's id.</summary>
    public DocumentId Id { get; private set; }

    /// <summary>The deliverable revision it belongs to (1, 2, …).</summary>
    public int Revision { get; private set; }

    /// <summary>The file name as uploaded.</summary>
    public string FileName { get; private set; }

    /// <summary>Its content type, checked against the content's own signature when uploaded.</summary>
    public string ContentType { get; private set; }

    /// <summary>Its size in bytes.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Where the content is in the blob store.</summary>
    public string BlobKey { get; private set; }

    /// <summary>When it was added.</summary>
    public Instant AddedAt { get; private set; }

    /// <summary>The office user who added it.</summary>
    public UserId AddedBy { get; private set; }

    internal static DeliverableDocument Record(DocumentId id, int revision, string fileName, string contentType, long size, string sha256, string blobKey, UserId by, Instant now) =>
        new() { Id = id, Revision = revision, FileName = fileName, ContentType = contentType, SizeBytes = size, Sha256 = sha256, BlobKey = blobKey, AddedAt = now, AddedBy = by };

    // The same stored content, carried into the next version under a new id.
    internal DeliverableDocument CarryTo(int revision, Instant now) =>
        new() { Id = DocumentId.New(), Revision = revision, FileName = FileName, ContentType = ContentType, SizeBytes = SizeBytes, Sha256 = Sha256, BlobKey = BlobKey, AddedAt = now, AddedBy = AddedBy };
}
