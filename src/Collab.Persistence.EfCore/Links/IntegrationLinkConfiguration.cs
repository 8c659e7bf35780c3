using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class IntegrationLinkConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Links.IntegrationLink>(options, "links")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Links.IntegrationLink> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.App).HasMaxLength(64).IsRequired();
        builder.Property(x => x.ExternalAdministration).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Edition).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Step).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.Cursor).HasMaxLength(200);
        builder.Ignore(x => x.DocumentKind);

        // LINK-1, enforced by the database too: among links that are not removed, an app administration has one
        // link, and a bookkeeping administration one link per app.
        builder.HasIndex(x => new { x.App, x.ExternalAdministration }).IsUnique().HasFilter("\"Step\" <> 'Removed'");
        builder.HasIndex(x => new { x.App, x.AdministrationId }).IsUnique().HasFilter("\"Step\" <> 'Removed' AND \"AdministrationId\" IS NOT NULL");
        builder.HasIndex(x => new { x.Step, x.NextPollAt }); // the polling scan (LINK-6)
        builder.HasOne<Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.MadeByOffice).OnDelete(DeleteBehavior.Restrict); // SEC-6: an unbound link is its office's
    }
}
