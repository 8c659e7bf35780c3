using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class DeletionScheduleConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Lifecycle.DeletionSchedule>(options, "deletions")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Lifecycle.DeletionSchedule> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.AdministrationName).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.WarningDays).HasMaxLength(100).IsRequired();
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.BlockedReason).HasMaxLength(1000);
        builder.Property(x => x.Policy).HasMaxLength(1000);
        builder.HasIndex(x => new { x.State, x.NextActionAt }); // the daily deletion scan (RET-2)
        builder.HasIndex(x => new { x.ClientId, x.State });
        builder.HasIndex(x => x.AdministrationId);
        builder.HasOne<Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}
