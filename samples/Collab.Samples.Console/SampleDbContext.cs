using Collab.Persistence.EfCore;
using Microsoft.EntityFrameworkCore;

namespace Collab.Samples.Console;

/// <summary>The vendor's own DbContext: Collab's tables join it through one call, no base class.</summary>
public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyCollabModel();
        var books = modelBuilder.Entity<LedgerBooks>().ToTable("vendor_books");
        books.HasKey(x => x.Number);
        books.Property(x => x.Number).ValueGeneratedNever();
        books.Property(x => x.LastYearEnd).HasConversion(CollabConverters.LocalDate);
    }
}

/// <summary>The vendor's own bookkeeping data: one row of journal text per administration number.</summary>
public sealed class LedgerBooks
{
    public int Number { get; set; }

    public byte[] Journal { get; set; } = [];

    public NodaTime.LocalDate? LastYearEnd { get; set; }
}
