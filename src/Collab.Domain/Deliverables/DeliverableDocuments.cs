namespace Collab.Deliverables;

/// <summary>
/// A deliverable's documents' content (SHARE-14): stored in the host's blob store, checked against its SHA-256 before it
/// is handed out and again while it is read; content no revision names any more is deleted. Shared by the roles that
/// write and read documents; resolved from dependency injection.
/// </summary>
/// <param name="blobs">Keeps the content; needed only once documents are added or read.</param>
public sealed class DeliverableDocuments(Storage.IBlobStore? blobs = null)
{
    /// <summary>The blob store, or a refusal that says the host must register one.</summary>
    internal Storage.IBlobStore Blobs => DocumentStorage.Required(blobs);

    // Checks the stored content against its hash before anything is handed out, then hands it out through a stream that checks again.
    internal async Task<DocumentContent> OpenVerifiedAsync(DeliverableDocument document, CancellationToken cancellationToken)
    {
        Stream Missing() => throw CollabRefusals.DocumentContentMissing("SHARE-14", document.FileName);
        await using (var first = await Blobs.OpenReadAsync(document.BlobKey, cancellationToken).ConfigureAwait(false) ?? Missing())
        {
            await using var verify = new Portal.VerifyingStream(first, document.Sha256, document.SizeBytes, document.FileName, "SHARE-14");
            await verify.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var stream = await Blobs.OpenReadAsync(document.BlobKey, cancellationToken).ConfigureAwait(false) ?? Missing();
        return new DocumentContent(DeliverableDocumentInfo.Of(document), new Portal.VerifyingStream(stream, document.Sha256, document.SizeBytes, document.FileName, "SHARE-14"));
    }

    // A draft's replaced or removed document leaves no content behind; one an earlier revision still names stays (AUD-1).
    internal async Task ForgetUnreferencedAsync(Deliverable deliverable, DeliverableDocument? gone)
    {
        if (gone is not null && deliverable.AllDocuments.All(d => d.BlobKey != gone.BlobKey))
        {
            await Blobs.DeleteAsync(gone.BlobKey, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
