using Collab.Links;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>Integration links and their linked records (LINK).</summary>
internal sealed class EfLinkStore<TContext>(TContext context) : EfStore<TContext>(context), ILinkStore
    where TContext : DbContext
{
    public Task<IntegrationLink?> FindLinkAsync(LinkId id, CancellationToken cancellationToken) =>
        _context.Set<IntegrationLink>().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public Task<IntegrationLink?> FindLinkOfExternalAsync(string app, string externalAdministration, CancellationToken cancellationToken) =>
        _context.Set<IntegrationLink>().FirstOrDefaultAsync(l => l.App == app && l.ExternalAdministration == externalAdministration && l.Step != LinkStep.Removed, cancellationToken);

    public Task<IntegrationLink?> FindLinkOfAdministrationAsync(string app, AdministrationId administration, CancellationToken cancellationToken) =>
        _context.Set<IntegrationLink>().AsNoTracking().FirstOrDefaultAsync(l => l.App == app && l.AdministrationId == administration && l.Step != LinkStep.Removed, cancellationToken);

    public async Task<IReadOnlyDictionary<string, LinkedRecord>> LinkedRecordsAsync(LinkId link, SyncEntityKind kind, CancellationToken cancellationToken) =>
        await _context.Set<LinkedRecord>().Where(r => r.LinkId == link && r.Kind == kind)
            .ToDictionaryAsync(r => r.ExternalId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

    public Task<LinkedRecord?> FindByExternalAsync(LinkId link, SyncEntityKind kind, string externalId, CancellationToken cancellationToken) =>
        _context.Set<LinkedRecord>().FirstOrDefaultAsync(r => r.LinkId == link && r.Kind == kind && r.ExternalId == externalId, cancellationToken);

    public Task<LinkedRecord?> FindByBookkeepingAsync(LinkId link, SyncEntityKind kind, string bookkeepingId, CancellationToken cancellationToken) =>
        _context.Set<LinkedRecord>().FirstOrDefaultAsync(r => r.LinkId == link && r.Kind == kind && r.BookkeepingId == bookkeepingId, cancellationToken);

    public async Task<IReadOnlyList<IntegrationLink>> FindDuePollsAsync(Instant now, int max, CancellationToken cancellationToken) =>
        await _context.Set<IntegrationLink>()
            .Where(l => (l.Step == LinkStep.Synchronising || l.Step == LinkStep.Finished) && l.NextPollAt <= now)
            .OrderBy(l => l.NextPollAt)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
