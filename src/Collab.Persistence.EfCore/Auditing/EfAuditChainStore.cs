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

    public async Task<AuditCheckpoint?> FindCheckpointAsync(string chain, CancellationToken cancellationToken)
    {
        var checkpoint = await _context.Set<AuditCheckpointEntry>().AsNoTracking().Where(c => c.Chain == chain)
            .OrderByDescending(c => c.Position).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return checkpoint is null ? null : new AuditCheckpoint(checkpoint.Chain, checkpoint.Position, checkpoint.Hash, checkpoint.DeletedAt, checkpoint.KeyId, checkpoint.Signature);
    }
}
