using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class TransferRequestConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Transfers.TransferRequest>(options, "transfers")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Transfers.TransferRequest> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.PrimitiveCollection(x => x.Administrations).HasColumnName("AdministrationIds").HasIdElements();
        builder.Property(x => x.ClientEmail).HasMaxLength(CollabLimits.MaxEmailLength).IsRequired();
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.RefusalReason).HasMaxLength(CollabLimits.MaxNameLength);
        builder.Property(x => x.BilledTo).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(x => x.ConsentCount);
        builder.OwnsMany(x => x.BankLinks, links =>
        {
            links.ToJson("BankLinks");
            links.Property(l => l.Bank).HasMaxLength(CollabLimits.MaxNameLength);
            links.Property(l => l.ManagedBy).HasConversion<string>().HasMaxLength(16);
        });
        builder.HasIndex(x => new { x.State, x.ExpiresAt }); // the expiry pass
        builder.HasIndex(x => new { x.ClientId, x.State });
        builder.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
