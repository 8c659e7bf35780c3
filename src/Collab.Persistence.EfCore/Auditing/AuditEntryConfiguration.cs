using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class AuditEntryConfiguration(CollabModelOptions options) : CollabEntityConfiguration<AuditEntry>(options, "audit")
{
    protected override void ConfigureEntity(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(x => x.Sequence);
        builder.Property(x => x.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(x => x.Id).IsUnique();
        builder.Property(x => x.ActorKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.ActorId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Action).HasConversion<string>().HasMaxLength(64);
        builder.Property(x => x.SubjectType).HasMaxLength(50).IsRequired();
        builder.Property(x => x.SubjectId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Details).HasMaxLength(2000).IsRequired();
        builder.HasIndex(x => new { x.SubjectType, x.SubjectId, x.Sequence });
    }
}
