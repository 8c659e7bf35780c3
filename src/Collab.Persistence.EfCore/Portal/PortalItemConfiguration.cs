using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class PortalItemConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.PortalItem>(options, "portal_items")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.PortalItem> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Title).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.Status).HasMaxLength(32).IsRequired();

        // The history page (SHARE-6): one client's entries newest first, read in index order and cut at the page size.
        builder.HasIndex(x => new { x.ClientId, x.SharedAt, x.Id });
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
