using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class AnnualReportConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Reports.AnnualReport>(options, "reports")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Reports.AnnualReport> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.RejectionReason).HasMaxLength(CollabLimits.MaxNameLength);
        builder.HasIndex(x => new { x.State, x.ReminderSentAt, x.ReminderDueAt }); // the reminder scan (SHARE-4)
        builder.HasIndex(x => new { x.State, x.DeadlinePassesAt }); // the expiry scan
        builder.HasIndex(x => new { x.ClientId, x.CompanyId });
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
