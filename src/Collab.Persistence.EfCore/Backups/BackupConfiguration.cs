using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class BackupConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Backups.Backup>(options, "backups")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Backups.Backup> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.AdministrationName).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.Licence).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.MadeBy).HasMaxLength(150).IsRequired();
        builder.Property(x => x.BlobKey).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(x => new { x.AdministrationId, x.MadeAt });
        builder.HasOne<Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}
