using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class ClientCollaborationConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Tiers.ClientCollaboration>(options, "collaborations")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Tiers.ClientCollaboration> builder)
    {
        // The pair is the identity: an office has one collaboration, hence one tier, per client (TIER-3).
        builder.HasKey(x => new { x.OfficeId, x.ClientId });
        builder.Property(x => x.Tier).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(x => x.ClientId);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
