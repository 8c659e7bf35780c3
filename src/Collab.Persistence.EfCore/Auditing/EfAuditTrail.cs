using Microsoft.EntityFrameworkCore;

namespace Collab.Persistence.EfCore;

/// <summary>The audit trail (AUD-1).</summary>
internal sealed class EfAuditTrail<TContext>(TContext context) : EfStore<TContext>(context), IAuditTrail
    where TContext : DbContext
{
    public async Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(AuditSubject subject, CancellationToken cancellationToken)
    {
        var entries = await _context.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.SubjectType == subject.Type && e.SubjectId == subject.Id)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return entries.ConvertAll(e => e.ToRecord());
    }
}
