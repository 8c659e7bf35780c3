using Collab.Storage;
using Microsoft.EntityFrameworkCore;

namespace Collab.Samples.Console;

/// <summary>
/// How a vendor plugs its books into Collab's backups, restores and deletions: four methods over its own tables.
/// Registered scoped, so it shares the request's DbContext.
/// </summary>
public sealed class SampleBookkeeping(SampleDbContext db) : IBookkeepingData
{
    public async Task ExportAsync(AdministrationNumber number, Stream destination, CancellationToken cancellationToken)
    {
        var books = await db.Set<LedgerBooks>().AsNoTracking().SingleAsync(b => b.Number == number.Value, cancellationToken);
        await destination.WriteAsync(books.Journal, cancellationToken);
    }

    public async Task ImportAsync(AdministrationNumber number, Stream source, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await source.CopyToAsync(buffer, cancellationToken);
        await db.Set<LedgerBooks>().Where(b => b.Number == number.Value).ExecuteDeleteAsync(cancellationToken);
        db.Add(new LedgerBooks { Number = number.Value, Journal = buffer.ToArray() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task EraseAsync(AdministrationNumber number, CancellationToken cancellationToken) =>
        db.Set<LedgerBooks>().Where(b => b.Number == number.Value).ExecuteDeleteAsync(cancellationToken);

    public async Task<BooksSummary> DescribeAsync(AdministrationNumber number, CancellationToken cancellationToken)
    {
        var yearEnd = await db.Set<LedgerBooks>().Where(b => b.Number == number.Value).Select(b => b.LastYearEnd).FirstOrDefaultAsync(cancellationToken);
        return new BooksSummary(yearEnd, HoldsImmovablePropertyData: false);
    }
}
