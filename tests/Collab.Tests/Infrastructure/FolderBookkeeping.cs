using Collab.Storage;

namespace Collab.Tests.Infrastructure;

/// <summary>
/// A small real bookkeeping behind Collab's <see cref="IBookkeepingData"/> port: each administration's books are a
/// file in a folder, and the retention facts a second file. Tests write books, back them up, restore and erase
/// them through Collab, and read the folder to see what really happened.
/// </summary>
public sealed class FolderBookkeeping : IBookkeepingData, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("collab-books-").FullName;

    /// <summary>When set, an import writes this many bytes and then fails, as a crashed import would.</summary>
    public int? FailImportAfterBytes { get; set; }

    public string BooksPath(AdministrationNumber number) => Path.Combine(_root, $"{number.Value}.books");

    public void WriteBooks(AdministrationNumber number, byte[] content, BooksSummary? summary = null)
    {
        File.WriteAllBytes(BooksPath(number), content);
        File.WriteAllText(BooksPath(number) + ".summary",
            summary is null ? "-" : $"{summary.LastFinancialYearEnd?.ToString("yyyy-MM-dd", null) ?? "-"}|{summary.HoldsImmovablePropertyData}");
    }

    public byte[]? ReadBooks(AdministrationNumber number) => File.Exists(BooksPath(number)) ? File.ReadAllBytes(BooksPath(number)) : null;

    public async Task ExportAsync(AdministrationNumber number, Stream destination, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(BooksPath(number));
        await file.CopyToAsync(destination, cancellationToken);
    }

    public async Task ImportAsync(AdministrationNumber number, Stream source, CancellationToken cancellationToken)
    {
        await using var file = File.Create(BooksPath(number));
        if (FailImportAfterBytes is { } limit)
        {
            var buffer = new byte[limit];
            var read = await source.ReadAtLeastAsync(buffer, limit, throwOnEndOfStream: false, cancellationToken);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            throw new IOException("The bookkeeping database went away during the import.");
        }

        await source.CopyToAsync(file, cancellationToken);
    }

    public Task EraseAsync(AdministrationNumber number, CancellationToken cancellationToken)
    {
        File.Delete(BooksPath(number));
        File.Delete(BooksPath(number) + ".summary");
        return Task.CompletedTask;
    }

    public Task<BooksSummary> DescribeAsync(AdministrationNumber number, CancellationToken cancellationToken)
    {
        var path = BooksPath(number) + ".summary";
        var text = File.Exists(path) ? File.ReadAllText(path) : "-";
        if (text == "-")
        {
            return Task.FromResult(new BooksSummary(null, false));
        }

        var parts = text.Split('|');
        return Task.FromResult(new BooksSummary(
            parts[0] == "-" ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(parts[0]).Value, bool.Parse(parts[1])));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
