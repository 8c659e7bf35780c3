using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class LinkedRecordConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Links.LinkedRecord>(options, "link_records")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Links.LinkedRecord> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.ExternalId).HasMaxLength(200).IsRequired();
        builder.Property(x => x.BookkeepingId).HasMaxLength(200);
        builder.Property(x => x.Match).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Candidates).HasMaxLength(2000);
        builder.HasIndex(x => new { x.LinkId, x.Kind, x.ExternalId }).IsUnique(); // a record is reserved once, however often a step is retried
        builder.HasIndex(x => new { x.LinkId, x.Kind, x.BookkeepingId });
        builder.HasOne<Links.IntegrationLink>().WithMany().HasForeignKey(x => x.LinkId).OnDelete(DeleteBehavior.Restrict);
    }
}
