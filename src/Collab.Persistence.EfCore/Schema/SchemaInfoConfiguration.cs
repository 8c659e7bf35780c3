using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class SchemaInfoConfiguration(CollabModelOptions options) : CollabEntityConfiguration<CollabSchemaInfo>(options, "schema")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CollabSchemaInfo> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasData(new CollabSchemaInfo { Id = 1, Version = CollabDatabase.SchemaVersion });
    }
}
