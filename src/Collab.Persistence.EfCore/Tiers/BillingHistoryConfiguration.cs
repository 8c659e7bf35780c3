using Collab.Registry;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

// The tier history (TIER-7): insert-only; the statement reads it by office, then by client and instant. The tier is
// stored as its number, so "the highest tier" is MAX in SQL.
internal sealed class TierHistoryEntryConfiguration(CollabModelOptions options) : CollabEntityConfiguration<TierHistoryEntry>(options, "tier_history")
{
    protected override void ConfigureEntity(EntityTypeBuilder<TierHistoryEntry> builder)
    {
        builder.HasKey(x => x.Sequence);
        builder.Property(x => x.Sequence).ValueGeneratedOnAdd();
        builder.Property(x => x.Tier).HasConversion<int>();
        builder.HasIndex(x => new { x.OfficeId, x.ClientId, x.From, x.Sequence });
    }
}

// Client users' activations and deactivations (TIER-7): insert-only; the statement counts a client's users by it.
internal sealed class ClientUserHistoryEntryConfiguration(CollabModelOptions options) : CollabEntityConfiguration<ClientUserHistoryEntry>(options, "client_user_history")
{
    protected override void ConfigureEntity(EntityTypeBuilder<ClientUserHistoryEntry> builder)
    {
        builder.HasKey(x => x.Sequence);
        builder.Property(x => x.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(x => new { x.ClientId, x.Active, x.At });
        builder.HasIndex(x => new { x.UserId, x.Active, x.At });
    }
}

// Issued statements (TIER-7): one per office and month, the lines in a table of their own, exactly as issued (decimals
// without a precision: PostgreSQL's numeric and SQLite's text keep every digit a catalogue's price has).
// The history tables have no foreign keys: they outlive what they describe, and no deletion has to know them.
internal sealed class IssuedStatementConfiguration(CollabModelOptions options) : CollabEntityConfiguration<IssuedStatement>(options, "issued_statements")
{
    protected override void ConfigureEntity(EntityTypeBuilder<IssuedStatement> builder)
    {
        builder.HasKey(x => new { x.OfficeId, x.Year, x.Month });
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(x => x.Lines, lines =>
        {
            lines.ToTable(TableName("issued_statement_lines"), Schema);
            lines.WithOwner().HasForeignKey("OfficeId", "Year", "Month");
            lines.HasKey("OfficeId", "Year", "Month", nameof(IssuedStatementLine.Position));
            lines.Property(l => l.Position).ValueGeneratedNever();
            lines.Property(l => l.ClientName).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
            lines.Property(l => l.Tier).HasConversion<string>().HasMaxLength(32);
        });
        builder.Navigation(x => x.Lines).HasField("_lines");
    }
}
