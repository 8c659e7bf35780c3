using Collab.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Collab.Persistence.EfCore;

/// <summary>Reads audit chains for verification (AUD-2).</summary>
internal sealed class EfAuditChainStore<TContext>(TContext context) : EfStore<TContext>(context), IAuditChainStore
    where TContext : DbContext
{
    // One query, read row by row: a snapshot of the chain on PostgreSQL, and constant memory however long the chain is.
    public IAsyncEnumerable<AuditChainRow> StreamChainAsync(string chain, CancellationToken cancellationToken) =>
        _context.Set<AuditEntry>().AsNoTracking().Where(e => e.Chain == chain).OrderBy(e => e.ChainPosition)
            .Select(e => new AuditChainRow(e.Chain, e.ChainPosition, e.Id, e.At, e.ActorKind, e.ActorId, e.Action, e.SubjectType, e.SubjectId, e.Details, e.PreviousHash, e.Hash))
            .AsAsyncEnumerable();

    public async Task<AuditChainHead?> FindHeadAsync(string chain, CancellationToken cancellationToken)
    {
        var head = await _context.Set<AuditChainHeadEntry>().AsNoTracking().Where(h => h.Chain == chain)
            .Select(h => new { h.Position, h.Hash }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return head is null ? null : new AuditChainHead(head.Position, head.Hash);
    }

    public async Task<IReadOnlyList<AuditChainCut>> FindExpiredAsync(NodaTime.Instant before, int max, CancellationToken cancellationToken)
    {
        var audit = _context.Set<AuditEntry>().AsNoTracking();
        var chains = await audit.Where(e => e.At < before).Select(e => e.Chain).Distinct().OrderBy(c => c).Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var cuts = new List<AuditChainCut>();
        foreach (var chain in chains)
        {
            // From the start of the chain up to the row before the first one still kept (rows are in time order, give or take a save).
            var firstKept = await audit.Where(e => e.Chain == chain && e.At >= before).MinAsync(e => (long?)e.ChainPosition, cancellationToken).ConfigureAwait(false);
            var last = await audit.Where(e => e.Chain == chain && (firstKept == null || e.ChainPosition < firstKept))
                .OrderByDescending(e => e.ChainPosition).Select(e => new { e.ChainPosition, e.Hash }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (last is not null)
            {
                cuts.Add(new AuditChainCut(chain, last.ChainPosition, last.Hash));
            }
        }

        return cuts;
    }

    public async Task<long> CutAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var transaction = await AuditChainWriter.BeginAsync(_context, cancellationToken).ConfigureAwait(false);
        var entry = new AuditCheckpointEntry
        {
            Id = Guid.CreateVersion7(), Chain = checkpoint.Chain, Position = checkpoint.Position, Hash = checkpoint.Hash,
            DeletedAt = checkpoint.DeletedAt, KeyId = checkpoint.KeyId, Signature = checkpoint.Signature,
        };
        try
        {
            _context.Set<AuditCheckpointEntry>().Add(entry);
            await _context.SaveChangesAsync(cancellationToken).ConfigureAwait(false); // first: a second pass cutting here stops at its unique index
            var deleted = await _context.Set<AuditEntry>().Where(e => e.Chain == checkpoint.Chain && e.ChainPosition <= checkpoint.Position)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return deleted;
        }
        catch (DbUpdateException exception) when (transaction is not null && EfUnitOfWork<TContext>.IsUniqueViolation(exception))
        {
            return -1; // another pass left this checkpoint first; its transaction deleted the rows
        }
        finally
        {
            _context.Entry(entry).State = EntityState.Detached;
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async Task<AuditCheckpoint?> FindCheckpointAsync(string chain, CancellationToken cancellationToken)
    {
        var checkpoint = await _context.Set<AuditCheckpointEntry>().AsNoTracking().Where(c => c.Chain == chain)
            .OrderByDescending(c => c.Position).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return checkpoint is null ? null : new AuditCheckpoint(checkpoint.Chain, checkpoint.Position, checkpoint.Hash, checkpoint.DeletedAt, checkpoint.KeyId, checkpoint.Signature);
    }
}
