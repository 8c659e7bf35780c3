using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class FollowUpItemConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Transfers.FollowUpItem>(options, "transfer_followups")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Transfers.FollowUpItem> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(x => new { x.TransferId, x.Position }).IsUnique();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Description).HasMaxLength(500).IsRequired();
        builder.Property(x => x.ManagedBy).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Bank).HasMaxLength(CollabLimits.MaxNameLength);
        builder.Property(x => x.AdministrationNumber).HasMaxLength(40);
        builder.HasOne<Transfers.TransferRequest>().WithMany().HasForeignKey(x => x.TransferId).OnDelete(DeleteBehavior.Restrict);
    }
}
