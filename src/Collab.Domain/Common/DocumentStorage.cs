using Collab.Storage;

namespace Collab;

/// <summary>The one message for a host that stores documents without registering where their content goes.</summary>
internal static class DocumentStorage
{
    internal static IBlobStore Required(IBlobStore? blobs) => blobs ?? throw new InvalidOperationException(
        "Documents need somewhere to keep their content: register an IBlobStore, for example builder.AddFileSystemBlobStore(path) from Collab.Persistence.EfCore.");
}
