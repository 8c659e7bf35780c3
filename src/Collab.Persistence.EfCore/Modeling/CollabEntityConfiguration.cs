using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

// The base of every Collab entity configuration: the table name with the vendor's prefix and schema, and for
// aggregates the Version concurrency token. Each entity has its own sealed configuration in its capability's folder.
internal abstract class CollabEntityConfiguration<T>(CollabModelOptions options, string table) : IEntityTypeConfiguration<T>
    where T : class
{
    public void Configure(EntityTypeBuilder<T> builder)
    {
        builder.ToTable(options.TablePrefix + table, options.Schema);
        if (typeof(AggregateRoot).IsAssignableFrom(typeof(T)))
        {
            builder.Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
            builder.Ignore(nameof(AggregateRoot.DomainEvents));
        }

        ConfigureEntity(builder);
    }

    protected abstract void ConfigureEntity(EntityTypeBuilder<T> builder);

    /// <summary>Another table of this entity (an owned collection's), with the vendor's prefix.</summary>
    protected string TableName(string name) => options.TablePrefix + name;

    /// <summary>The vendor's schema, if any.</summary>
    protected string? Schema => options.Schema;
}
