using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class QuestionBatchConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.QuestionBatch>(options, "question_batches")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.QuestionBatch> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Title).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property<string>("_questions").HasColumnName("Questions").HasMaxLength(1_000_000).IsRequired(); // JSON, at most 200 questions and answers
        builder.Ignore(x => x.Questions);
        builder.Ignore(x => x.AnsweredCount);
        builder.Ignore(x => x.Status);
        builder.HasIndex(x => new { x.ClientId, x.CompanyId });
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
