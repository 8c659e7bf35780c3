using Collab.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Portal;

/// <summary>
/// Where and how portal documents' content is accepted and kept (SHARE-7, SHARE-14): the portal's limits and content types
/// from <see cref="CollabOptions.Portal"/>, and the host's blob store (required once a document is uploaded or opened);
/// resolved from dependency injection.
/// </summary>
/// <param name="options">Collab's options: the portal's limits.</param>
/// <param name="blobs">Where document content is kept.</param>
public sealed class PortalDocumentContent(IOptions<CollabOptions> options, IBlobStore? blobs = null)
{
    /// <summary>The portal's options.</summary>
    internal PortalOptions Options { get; } = options.Value.Portal;

    /// <summary>The blob store; a typed refusal when the host registered none.</summary>
    internal IBlobStore Blobs => DocumentStorage.Required(blobs);
}
