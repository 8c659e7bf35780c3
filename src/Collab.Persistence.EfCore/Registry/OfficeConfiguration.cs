using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class OfficeConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Office>(options, "offices")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Office> builder)
    {
        builder.Property(x => x.Language).HasMaxLength(10);
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Modules).HasConversion<int>();
    }
}
