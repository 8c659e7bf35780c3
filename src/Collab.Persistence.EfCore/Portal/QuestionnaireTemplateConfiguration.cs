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
        builder.Property<string>("_sections").HasColumnName("Sections").HasMaxLength(2_000_000).IsRequired();
        builder.Ignore(x => x.Sections);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
