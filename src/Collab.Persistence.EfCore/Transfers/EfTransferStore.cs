using Collab.Registry;
using Collab.Transfers;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>Transfer requests, their follow-up checklists and environment access (XFER).</summary>
internal sealed class EfTransferStore<TContext>(TContext context) : EfStore<TContext>(context), ITransferStore
    where TContext : DbContext
{
    public Task<TransferRequest?> FindRequestAsync(TransferRequestId id, CancellationToken cancellationToken) =>
        _context.Set<TransferRequest>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<TransferRequest>> ListOpenRequestsAsync(ClientId client, CancellationToken cancellationToken) =>
        await _context.Set<TransferRequest>()
            .Where(r => r.ClientId == client && (r.State == TransferState.AwaitingConsents || r.State == TransferState.Approved))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<TransferRequest>> FindDueForExpiryAsync(Instant now, int max, CancellationToken cancellationToken) =>
        await _context.Set<TransferRequest>()
            .Where(r => r.State == TransferState.AwaitingConsents && r.ExpiresAt <= now)
            .OrderBy(r => r.ExpiresAt)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public Task<EnvironmentAccess?> FindAccessAsync(EnvironmentId environment, UserId user, CancellationToken cancellationToken) =>
        _context.Set<EnvironmentAccess>().FirstOrDefaultAsync(a => a.EnvironmentId == environment && a.UserId == user, cancellationToken);

    public async Task<IReadOnlyList<FollowUpItem>> ListFollowUpAsync(TransferRequestId transfer, CancellationToken cancellationToken) =>
        await _context.Set<FollowUpItem>().Where(i => i.TransferId == transfer).OrderBy(i => i.Position).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<TransferRequest>> ListForOfficeAsync(OfficeId office, CancellationToken cancellationToken) =>
        await _context.Set<TransferRequest>().AsNoTracking()
            .Where(r => _context.Set<CollabEnvironment>().Any(e => e.OfficeId == office && (e.Id == r.FromEnvironment || e.Id == r.ToEnvironment)))
            .OrderByDescending(r => r.RequestedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
