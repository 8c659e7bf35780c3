namespace Collab.Portal;

/// <summary>The store of the <see cref="PortalDocument"/> aggregate (SHARE-8). Reads only; the unit of work saves.</summary>
public interface IPortalDocumentStore
{
    /// <summary>Finds a document, untracked.</summary>
    /// <param name="id">The document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document, or null when none has the id.</returns>
    Task<PortalDocument?> FindDocumentAsync(DocumentId id, CancellationToken cancellationToken = default);
}
