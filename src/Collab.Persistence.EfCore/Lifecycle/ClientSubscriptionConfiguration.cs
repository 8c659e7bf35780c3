using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class ClientSubscriptionConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Lifecycle.ClientSubscription>(options, "subscriptions")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Lifecycle.ClientSubscription> builder)
    {
        builder.HasKey(x => x.ClientId); // one subscription per client: a second registration cannot be inserted (ONB-2)
        builder.Property(x => x.ClientId).ValueGeneratedNever();
        builder.Property(x => x.Plan).HasMaxLength(64).IsRequired();
        builder.Property(x => x.BillingParty).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(x => x.FirstBilledDay);
        builder.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
