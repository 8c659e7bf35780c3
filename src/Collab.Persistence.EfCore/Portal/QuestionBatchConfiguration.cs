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
        builder.OwnsMany(x => x.Questions, questions => // one JSON column, at most 200 questions and answers
        {
            questions.ToJson("Questions");
            questions.Property(q => q.Service).HasMaxLength(CollabLimits.MaxNameLength);
            questions.Property(q => q.Text).HasMaxLength(4000);
            questions.Property(q => q.Answer).HasMaxLength(4000);
        });
        builder.Ignore(x => x.AnsweredCount);
        builder.Ignore(x => x.Status);
        builder.HasIndex(x => new { x.ClientId, x.CompanyId });
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}
