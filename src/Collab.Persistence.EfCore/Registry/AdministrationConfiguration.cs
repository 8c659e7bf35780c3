using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class AdministrationConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Administration>(options, "administrations")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Administration> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();

        // A number belongs to at most one live (or restoring) administration; a released or deleted one keeps its
        // number for the record, and a restore brings the number back (LIC-6, LIC-7). Quoted the ANSI way, which
        // SQLite, PostgreSQL and SQL Server all accept.
        builder.HasIndex(x => x.Number).IsUnique().HasFilter("\"State\" IN ('Live', 'Restoring')");
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Licence).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.ClientLicenceFile).HasMaxLength(CollabLimits.MaxStoredLicenceFileChars);
        builder.Property(x => x.LegalHold).HasMaxLength(CollabLimits.MaxNameLength);
        builder.Ignore(x => x.IsLive);
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.HasIndex(x => x.EnvironmentId);
        builder.HasOne<CollabEnvironment>().WithMany().HasForeignKey(x => x.EnvironmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ClientId, x.CompanyId });
        builder.HasIndex(x => x.HolderOfficeId);
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.HolderOfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
