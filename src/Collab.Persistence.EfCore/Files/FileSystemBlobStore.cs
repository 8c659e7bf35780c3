using Collab.Storage;

namespace Collab.Persistence.EfCore;

/// <summary>
/// An <see cref="IBlobStore"/> on a local folder, for the embedded (SQLite) setup, samples and tests. A write
/// goes to a temporary file that is moved into place only when complete, so a failed or cancelled write leaves
/// nothing under the key. For several app instances, use a shared store of your own (a blob container).
/// </summary>
/// <remarks>Thread-safe. Keys must be canonical (<see cref="BlobKey"/>): any other spelling is refused with <c>blob-key.invalid</c>.</remarks>
public sealed class FileSystemBlobStore : IBlobStore
{
    private readonly string _root;

    /// <summary>Creates the store on a folder; the folder is created if missing.</summary>
    /// <param name="rootDirectory">The folder.</param>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public FileSystemBlobStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        if (File.Exists(path))
        {
            throw new IOException($"A blob '{key}' already exists; Collab never overwrites one.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary); // no-op once moved
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous)
            : null);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    // Keys come from Collab, but a store must never let a key escape its folder: only canonical keys (one spelling per
    // blob), and no symbolic link on the way, so a link planted inside the root cannot point a key elsewhere.
    private string PathOf(string key)
    {
        BlobKey.Check(key);
        var path = Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
        for (var at = path; at.Length > _root.Length; at = Path.GetDirectoryName(at)!)
        {
            FileSystemInfo info = Directory.Exists(at) ? new DirectoryInfo(at) : new FileInfo(at);
            if (info.LinkTarget is not null)
            {
                throw new IOException($"Blob '{key}' leads through a symbolic link inside the blob folder; Collab does not follow links. Remove the link.");
            }
        }

        return path;
    }
}
