using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class ShareLinkConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Deliverables.ShareLink>(options, "deliverable_links")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Deliverables.ShareLink> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.SecretHash).HasMaxLength(32).IsRequired(); // SHA-256 of the token's secret; never the token
        builder.Property(x => x.ViewSecretHash).HasMaxLength(32); // SHA-256 of the view token's secret (SHARE-14)
        builder.Property<string>("_handedOut").HasColumnName("HandedOut").HasMaxLength(Deliverables.Deliverable.MaxDocuments * 37).IsRequired();
        builder.Ignore(x => x.HandedOut);
        builder.HasIndex(x => x.DeliverableId);
        builder.HasOne<Deliverables.Deliverable>().WithMany().HasForeignKey(x => x.DeliverableId).OnDelete(DeleteBehavior.Restrict);
    }
}
