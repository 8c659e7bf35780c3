using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class ShareLinkConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Reports.ShareLink>(options, "report_links")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Reports.ShareLink> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.SecretHash).HasMaxLength(32).IsRequired(); // SHA-256 of the token's secret; never the token
        builder.HasIndex(x => x.ReportId);
        builder.HasOne<Reports.AnnualReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
