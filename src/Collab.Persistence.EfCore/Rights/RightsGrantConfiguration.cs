using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class RightsGrantConfiguration(CollabModelOptions options) : CollabEntityConfiguration<RightsGrant>(options, "rights_grants")
{
    protected override void ConfigureEntity(EntityTypeBuilder<RightsGrant> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);

        // One grant row per pair: two concurrent first grants cannot both be inserted.
        builder.HasIndex(x => new { x.OfficeId, x.AdministrationId }).IsUnique();
        builder.HasIndex(x => new { x.AdministrationId, x.IsActive });
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}
