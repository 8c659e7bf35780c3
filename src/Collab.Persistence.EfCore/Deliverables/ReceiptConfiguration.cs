using Collab.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

internal sealed class ReceiptConfiguration(CollabModelOptions options) : CollabEntityConfiguration<DecisionReceipt>(options, "receipt")
{
    protected override void ConfigureEntity(EntityTypeBuilder<DecisionReceipt> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Json).HasMaxLength(65536).IsRequired(); // 20 documents and the texts fit many times over
        builder.HasIndex(x => new { x.DeliverableId, x.Revision });
    }
}

/// <summary>The kept receipts (SHARE-18).</summary>
internal sealed class EfReceiptStore<TContext>(TContext context) : EfStore<TContext>(context), IReceiptStore
    where TContext : DbContext
{
    public async Task<IReadOnlyList<DecisionReceipt>> ListReceiptsAsync(DeliverableId deliverable, CancellationToken cancellationToken) =>
        await _context.Set<DecisionReceipt>().AsNoTracking().Where(r => r.DeliverableId == deliverable)
            .OrderBy(r => r.DecidedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
}
