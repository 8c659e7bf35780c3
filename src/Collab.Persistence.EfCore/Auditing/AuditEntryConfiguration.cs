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
        builder.Property(x => x.Action).HasConversion(a => AuditActionNames.Stored(a), s => AuditActionNames.Parse(s)).HasMaxLength(64); // AUD-2: renamed members keep their stored name
        builder.Property(x => x.SubjectType).HasMaxLength(50).IsRequired();
        builder.Property(x => x.SubjectId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Details).HasMaxLength(2000).IsRequired();
        builder.HasIndex(x => new { x.SubjectType, x.SubjectId, x.Sequence });
        builder.Property(x => x.Chain).HasMaxLength(64).IsRequired();
        builder.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(x => x.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(x => new { x.Chain, x.ChainPosition }).IsUnique(); // AUD-2: one row per place, so a chain never forks
    }
}

internal sealed class AuditChainHeadConfiguration(CollabModelOptions options) : CollabEntityConfiguration<AuditChainHeadEntry>(options, "audit_chain")
{
    protected override void ConfigureEntity(EntityTypeBuilder<AuditChainHeadEntry> builder)
    {
        builder.HasKey(x => x.Chain);
        builder.Property(x => x.Chain).HasMaxLength(64);
        builder.Property(x => x.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
    }
}

internal sealed class AuditCheckpointConfiguration(CollabModelOptions options) : CollabEntityConfiguration<AuditCheckpointEntry>(options, "audit_checkpoint")
{
    protected override void ConfigureEntity(EntityTypeBuilder<AuditCheckpointEntry> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Chain).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(x => x.KeyId).HasMaxLength(32).IsRequired();
        builder.Property(x => x.Signature).HasMaxLength(128).IsRequired();
        builder.HasIndex(x => new { x.Chain, x.Position }).IsUnique();
    }
}
