using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class UserConfiguration(CollabModelOptions options) : CollabEntityConfiguration<CollabUser>(options, "users")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CollabUser> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Language).HasMaxLength(10);
        builder.Property(x => x.Email).HasMaxLength(CollabLimits.MaxEmailLength).IsRequired();
        builder.HasIndex(x => x.Email).IsUnique();
        builder.HasIndex(x => new { x.ClientId, x.IsActive });
        builder.PrimitiveCollection(x => x.Companies).HasColumnName("CompanyIds").HasIdElements();
        builder.Property(x => x.Acceptance).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.InvitationHash).HasMaxLength(32);
        builder.Ignore(x => x.IsHomedAtClient);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.HomeOfficeId).OnDelete(DeleteBehavior.Restrict); // SEC-5: the office that invited a client user
        builder.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
