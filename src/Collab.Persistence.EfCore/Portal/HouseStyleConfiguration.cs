using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class HouseStyleConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.HouseStyle>(options, "house_styles")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.HouseStyle> builder)
    {
        builder.HasKey(x => x.OfficeId);
        builder.Property(x => x.OfficeId).ValueGeneratedNever();
        builder.Property(x => x.Slug).HasMaxLength(63).IsRequired();
        builder.HasIndex(x => x.Slug).IsUnique(); // one portal address per office, across the vendor (SHARE-10)
        builder.Property(x => x.LogoReference).HasMaxLength(500);
        builder.Property(x => x.PrimaryColour).HasMaxLength(7).IsRequired();
        builder.Property(x => x.TextColour).HasMaxLength(7).IsRequired();
        builder.Property(x => x.BackgroundColour).HasMaxLength(7).IsRequired();
        builder.Property(x => x.WelcomeText).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.ReminderText).HasMaxLength(1000);
        builder.Property(x => x.EnglishWelcomeText).HasMaxLength(2000);
        builder.Property(x => x.EnglishReminderText).HasMaxLength(1000);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
