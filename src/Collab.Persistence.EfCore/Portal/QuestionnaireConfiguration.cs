using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class QuestionnaireConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.Questionnaire>(options, "questionnaires")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.Questionnaire> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property<string>("_sections").HasColumnName("Sections").HasMaxLength(2_000_000).IsRequired(); // frozen at the version sent
        builder.Property<string>("_answers").HasColumnName("Answers").HasMaxLength(2_000_000).IsRequired();
        builder.Ignore(x => x.Sections);
        builder.Ignore(x => x.Answers);
        builder.HasIndex(x => x.TemplateId);
        builder.HasIndex(x => new { x.State, x.ReminderSentAt, x.ReminderDueAt }); // the reminder scan (SHARE-4's rule)
        builder.HasOne<Portal.QuestionnaireTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
