using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class QuestionnaireTemplateConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.QuestionnaireTemplate>(options, "questionnaire_templates")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.QuestionnaireTemplate> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.OwnsMany(x => x.Entries, entries =>
        {
            entries.ToJson("Sections");
            entries.Property(e => e.ServicePart).HasMaxLength(CollabLimits.MaxNameLength);
            entries.Property(e => e.Id).HasMaxLength(40);
            entries.Property(e => e.Text).HasMaxLength(4000);
            entries.Property(e => e.Type).HasConversion<string>().HasMaxLength(16);
        });
        builder.Ignore(x => x.Sections);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
