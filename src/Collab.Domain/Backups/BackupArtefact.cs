using System.IO.Compression;
using System.IO.Pipelines;
using System.Text.Json;
using Collab.Storage;

namespace Collab.Backups;

/// <summary>The manifest inside every backup artefact (format 1).</summary>
internal sealed record BackupManifest(
    int Format,
    Guid Backup,
    int Number,
    string Name,
    Guid Client,
    Guid Company,
    long MadeAtUnixTicks,
    Registry.LicenceSource Licence,
    string? LicenceFile,
    string BooksSha256,
    long BooksBytes);

/// <summary>
/// Writes and reads backup artefacts: a zip with <c>books.bin</c> (the vendor's export) and <c>manifest.json</c>.
/// Writing streams from the vendor's export through a pipe into the blob store, hashing on the way, so a backup
/// of any size never sits whole in memory; reading checks the whole artefact's SHA-256 before trusting anything in it.
/// </summary>
internal static class BackupArtefact
{
    private const string BooksEntry = "books.bin";
    private const string ManifestEntry = "manifest.json";

    // A manifest holds ids, a name, a licence file and checksums: a few kilobytes. 1 MiB is generous and bounded.
    private const int MaxManifestBytes = 1 << 20;

    internal static async Task<(string Sha256, long Size)> WriteAsync(
        IBlobStore store, string key, Func<Stream, CancellationToken, Task> exportBooks, Func<string, long, BackupManifest> manifest, CancellationToken cancellationToken)
    {
        string? sha = null;
        long size = 0;
        await PipeAsync(
            async output =>
            {
                using var hashing = new HashingStream(output, leaveOpen: true);
                using (var zip = new ZipArchive(hashing, ZipArchiveMode.Create, leaveOpen: true))
                {
                    string booksSha;
                    long booksBytes;
                    await using (var entry = zip.CreateEntry(BooksEntry, CompressionLevel.Fastest).Open())
                    {
                        using var books = new HashingStream(entry, leaveOpen: true);
                        await exportBooks(books, cancellationToken).ConfigureAwait(false);
                        booksSha = books.HashHex();
                        booksBytes = books.BytesSeen;
                    }

                    await using var manifestStream = zip.CreateEntry(ManifestEntry, CompressionLevel.Fastest).Open();
                    await JsonSerializer.SerializeAsync(manifestStream, manifest(booksSha, booksBytes), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                sha = hashing.HashHex();
                size = hashing.BytesSeen;
            },
            input => store.WriteAsync(key, input, cancellationToken)).ConfigureAwait(false);
        return (sha!, size);
    }

    /// <summary>Checks the stored artefact byte for byte against the recorded checksum, then reads its manifest.</summary>
    internal static async Task<BackupManifest> VerifyAsync(IBlobStore store, Backup backup, CancellationToken cancellationToken)
    {
        await using (var stream = await OpenAsync(store, backup, cancellationToken).ConfigureAwait(false))
        {
            // Never read more than was recorded: a swapped artefact of any size is refused after SizeBytes + 1 bytes.
            using var hashing = new HashingStream(new CappedStream(stream, backup.SizeBytes, () => Corrupt(backup, "its checksum does not match the one recorded when it was made")), leaveOpen: true);
            await hashing.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            if (hashing.BytesSeen != backup.SizeBytes || hashing.HashHex() != backup.Sha256)
            {
                throw Corrupt(backup, "its checksum does not match the one recorded when it was made");
            }
        }

        await using var again = await OpenAsync(store, backup, cancellationToken).ConfigureAwait(false);
        try
        {
            using var zip = new ZipArchive(again, ZipArchiveMode.Read, leaveOpen: true);
            await using var manifestEntry = (zip.GetEntry(ManifestEntry) ?? throw Corrupt(backup, "it has no manifest")).Open();
            await using var manifestStream = new CappedStream(manifestEntry, MaxManifestBytes, () => Corrupt(backup, $"its manifest is larger than {MaxManifestBytes} bytes"));
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(manifestStream, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw Corrupt(backup, "its manifest is empty");
            if (manifest.Format != 1 || manifest.Backup != backup.Id.Value || manifest.Number != backup.AdministrationNumber.Value || manifest.Client != backup.ClientId.Value)
            {
                throw Corrupt(backup, "its manifest describes another backup");
            }

            return manifest;
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            throw Corrupt(backup, "it is not a readable backup archive");
        }
    }

    /// <summary>Streams the books out of the artefact into <paramref name="load"/>, and checks their hash against the manifest.</summary>
    internal static async Task LoadBooksAsync(IBlobStore store, Backup backup, BackupManifest manifest, Func<Stream, Task> load, CancellationToken cancellationToken)
    {
        await using var stream = await OpenAsync(store, backup, cancellationToken).ConfigureAwait(false);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        await using var entry = (zip.GetEntry(BooksEntry) ?? throw Corrupt(backup, "it has no books")).Open();

        // The importer reads no more than the manifest promised: a compressed entry that inflates past it is refused.
        using var books = new HashingStream(new CappedStream(entry, manifest.BooksBytes, () => Corrupt(backup, "its books are larger than its manifest says")), leaveOpen: true);
        await load(books).ConfigureAwait(false);
        await books.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false); // whatever the importer left unread
        if (books.HashHex() != manifest.BooksSha256 || books.BytesSeen != manifest.BooksBytes)
        {
            throw Corrupt(backup, "its books changed after the artefact was checked");
        }
    }

    /// <summary>
    /// Runs a producer writing into a pipe and a consumer reading from it at the same time. A failure on either
    /// side ends the other; the first failure is the one thrown.
    /// </summary>
    internal static async Task PipeAsync(Func<Stream, Task> produce, Func<Stream, Task> consume)
    {
        var pipe = new Pipe();
        var producing = Task.Run(async () =>
        {
            try
            {
                await using (var output = pipe.Writer.AsStream(leaveOpen: true))
                {
                    await produce(output).ConfigureAwait(false);
                }

                await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e).ConfigureAwait(false);
                throw;
            }
        });

        try
        {
            await using var input = pipe.Reader.AsStream(leaveOpen: true);
            await consume(input).ConfigureAwait(false);
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception consumerFailure)
        {
            // Stop the producer too. When the producer failed first, the pipe handed its exception to the
            // consumer, so the one rethrown here is the original cause either way.
            await pipe.Reader.CompleteAsync(consumerFailure).ConfigureAwait(false);
            try
            {
                await producing.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // already reported through consumerFailure
            }

            throw;
        }

        await producing.ConfigureAwait(false);
    }

    private static async Task<Stream> OpenAsync(IBlobStore store, Backup backup, CancellationToken cancellationToken) =>
        await store.OpenReadAsync(backup.BlobKey, cancellationToken).ConfigureAwait(false)
        ?? throw CollabRefusals.BackupArtefactMissing(backup.Id, backup.BlobKey);

    private static CollabRefusalException Corrupt(Backup backup, string why) =>
        CollabRefusals.BackupCorrupt(backup.Id, why);
}
