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
        builder.OwnsMany(x => x.Entries, entries => // frozen at the version sent
        {
            entries.ToJson("Sections");
            entries.Property(e => e.ServicePart).HasMaxLength(CollabLimits.MaxNameLength);
            entries.Property(e => e.Id).HasMaxLength(40);
            entries.Property(e => e.Text).HasMaxLength(4000);
            entries.Property(e => e.Type).HasConversion<string>().HasMaxLength(16);
        });
        builder.OwnsMany(x => x.GivenAnswers, answers =>
        {
            answers.ToJson("Answers");
            answers.Property(a => a.QuestionId).HasMaxLength(40);
            answers.Property(a => a.Value).HasMaxLength(4000);
        });
        builder.Ignore(x => x.Sections);
        builder.Ignore(x => x.Answers);
        builder.HasIndex(x => x.TemplateId);
        builder.HasIndex(x => new { x.State, x.ReminderSentAt, x.ReminderDueAt }); // the reminder scan (SHARE-4's rule)
        builder.HasOne<Portal.QuestionnaireTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
