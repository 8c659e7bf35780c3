using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class OutboxMessageConfiguration(CollabModelOptions options) : CollabEntityConfiguration<OutboxMessage>(options, "outbox")
{
    protected override void ConfigureEntity(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasConversion(k => NotificationKindNames.Stored(k), s => NotificationKindNames.Parse(s)).HasMaxLength(64); // rows queued before 0.6.0 read their old names
        builder.Property(x => x.Recipient).HasMaxLength(CollabLimits.MaxEmailLength).IsRequired();
        builder.Property(x => x.SubjectType).HasMaxLength(50).IsRequired();
        builder.Property(x => x.SubjectId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Text).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.Reference).HasMaxLength(200);
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Html).HasMaxLength(4000);
        builder.Property(x => x.Language).HasMaxLength(10);
        builder.Property(x => x.LastError).HasMaxLength(2000);
        builder.HasIndex(x => new { x.DispatchedAt, x.DeadLetteredAt, x.CreatedAt }); // pending first, oldest first
    }
}
