using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class EnvironmentAccessConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Transfers.EnvironmentAccess>(options, "environment_access")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Transfers.EnvironmentAccess> builder)
    {
        builder.HasKey(x => new { x.EnvironmentId, x.UserId });
        builder.PrimitiveCollection(x => x.Administrations).HasColumnName("AdministrationIds").HasIdElements();
        builder.Property(x => x.BilledTo).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<CollabEnvironment>().WithMany().HasForeignKey(x => x.EnvironmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CollabUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
