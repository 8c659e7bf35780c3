using System.Text.Json;
using Collab.Deliverables;
using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Collab.Persistence.EfCore;

internal sealed class DeliverableConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Deliverable>(options, "deliverables")
{
    private static readonly ValueConverter<FinancialFigures?, string?> FiguresConverter = new(
        f => f == null ? null : JsonSerializer.Serialize(f, JsonSerializerOptions.Default),
        json => json == null ? null : JsonSerializer.Deserialize<FinancialFigures>(json, JsonSerializerOptions.Default));

    private static readonly ValueComparer<FinancialFigures?> FiguresComparer = new((a, b) => Equals(a, b), f => f == null ? 0 : f.GetHashCode(), f => f);

    protected override void ConfigureEntity(EntityTypeBuilder<Deliverable> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        builder.ComplexProperty(x => x.Period, period =>
        {
            period.Property(p => p.Length).HasConversion<string>().HasMaxLength(8).HasColumnName("PeriodLength");
            period.Property(p => p.Year).HasColumnName("PeriodYear");
            period.Property(p => p.Number).HasColumnName("PeriodNumber");
        });
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.RejectionReason).HasMaxLength(CollabLimits.MaxNameLength);
        builder.Property(x => x.ApprovedDocumentHashes).HasMaxLength(Deliverable.MaxDocuments * 65);

        // Key figures as one JSON text: decimals keep every digit, and they are read and written with the report only.
        builder.Property(x => x.Figures).HasConversion(FiguresConverter, FiguresComparer);

        builder.OwnsMany(x => x.AllDocuments, documents =>
        {
            documents.ToTable(TableName("deliverable_documents"), Schema);
            documents.WithOwner().HasForeignKey("DeliverableId");
            documents.HasKey(d => d.Id);
            documents.Property(d => d.Id).ValueGeneratedNever();
            documents.Property(d => d.FileName).HasMaxLength(200).IsRequired();
            documents.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
            documents.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
            documents.Property(d => d.BlobKey).HasMaxLength(400).IsRequired();
        });
        builder.Navigation(x => x.AllDocuments).UsePropertyAccessMode(PropertyAccessMode.Field);

        // SHARE-5, AUD-1: every approved revision, kept across revisions, as one JSON column read and written with the
        // deliverable only: no join on the reads that list many deliverables (the office overview, SHARE-17).
        builder.OwnsMany(x => x.Approvals, approvals =>
        {
            approvals.ToJson("Approvals");
            approvals.Property(a => a.DocumentHashes).HasMaxLength(Deliverable.MaxDocuments * 65).IsRequired();
            approvals.Property(a => a.Figures).HasConversion(FiguresConverter, FiguresComparer);
        });
        builder.Navigation(x => x.Approvals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(x => x.Documents);
        builder.Ignore(x => x.Line);

        builder.HasIndex(x => new { x.State, x.ReminderSentAt, x.ReminderDueAt }); // the reminder scan (SHARE-4)
        builder.HasIndex(x => new { x.State, x.DeadlinePassesAt }); // the expiry scan
        builder.HasIndex(x => new { x.ClientId, x.CompanyId });
        builder.HasIndex(x => new { x.OfficeId, x.Id }); // the office overview's pages, newest first (SHARE-17)
        builder.HasIndex(x => new { x.OfficeId, x.State, x.Id }); // ... by state, and its counts per state
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
