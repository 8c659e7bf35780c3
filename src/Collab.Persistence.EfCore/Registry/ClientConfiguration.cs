using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class ClientConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Client>(options, "clients")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Client> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
    }
}
