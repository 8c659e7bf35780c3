using Collab.Storage;

namespace Collab.Samples.Web;

/// <summary>
/// The vendor's books behind <see cref="IBookkeepingData"/>, for backups, restores, copies and deletions: one file per
/// administration in the data folder. A real vendor exports and imports its own tables (see the console sample).
/// </summary>
internal sealed class DemoBooks(string folder) : IBookkeepingData
{
    private string PathOf(AdministrationNumber number) => Path.Combine(folder, $"{number.Value}.journal");

    public void Write(AdministrationNumber number, string journal)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(PathOf(number), journal);
    }

    public async Task ExportAsync(AdministrationNumber number, Stream destination, CancellationToken cancellationToken)
    {
        await using var source = File.Exists(PathOf(number)) ? File.OpenRead(PathOf(number)) : Stream.Null;
        await source.CopyToAsync(destination, cancellationToken);
    }

    public async Task ImportAsync(AdministrationNumber number, Stream source, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await using var target = File.Create(PathOf(number));
        await source.CopyToAsync(target, cancellationToken);
    }

    public Task EraseAsync(AdministrationNumber number, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(number));
        return Task.CompletedTask;
    }

    public Task<BooksSummary> DescribeAsync(AdministrationNumber number, CancellationToken cancellationToken) =>
        Task.FromResult(new BooksSummary(null, HoldsImmovablePropertyData: false)); // the demo's books hold no closed financial year
}
