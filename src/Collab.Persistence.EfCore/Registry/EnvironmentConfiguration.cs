using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class EnvironmentConfiguration(CollabModelOptions options) : CollabEntityConfiguration<CollabEnvironment>(options, "environments")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CollabEnvironment> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.PrimitiveCollection(x => x.Administrators).HasColumnName("AdministratorIds").HasIdElements();
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
