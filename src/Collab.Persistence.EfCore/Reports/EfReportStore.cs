using Collab.Reports;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>Reports and their one-time links (SHARE-1 … SHARE-5).</summary>
internal sealed class EfReportStore<TContext>(TContext context) : EfStore<TContext>(context), IReportStore
    where TContext : DbContext
{
    public Task<ShareLink?> FindLinkAsync(Guid id, CancellationToken cancellationToken) =>
        _context.Set<ShareLink>().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public Task<AnnualReport?> FindReportAsync(ReportId id, CancellationToken cancellationToken) =>
        _context.Set<AnnualReport>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ShareLink>> CurrentLinksAsync(ReportId report, CancellationToken cancellationToken) =>
        await _context.Set<ShareLink>().Where(l => l.ReportId == report && l.ReplacedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<AnnualReport>> FindDueRemindersAsync(Instant now, int max, CancellationToken cancellationToken) =>
        await _context.Set<AnnualReport>()
            .Where(r => (r.State == ReportState.Shared || r.State == ReportState.Viewed) && r.ReminderSentAt == null && r.ReminderDueAt <= now)
            .OrderBy(r => r.ReminderDueAt)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<(ClientId Client, string Title, LocalDate? Deadline)>> OpenApprovalsAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        var ids = clients.ToArray();
        var rows = await _context.Set<AnnualReport>().AsNoTracking()
            .Where(r => r.OfficeId == office && EF.Parameter(ids).Contains(r.ClientId) && r.Mode == ShareMode.Approval
                        && (r.State == ReportState.Shared || r.State == ReportState.Viewed))
            .Select(r => new { r.ClientId, r.Title, r.Deadline })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => (r.ClientId, r.Title, r.Deadline));
    }

    public async Task<IReadOnlyList<AnnualReport>> FindOverdueAsync(Instant now, int max, CancellationToken cancellationToken) =>
        await _context.Set<AnnualReport>()
            .Where(r => r.Mode == ShareMode.Approval && (r.State == ReportState.Shared || r.State == ReportState.Viewed) && r.DeadlinePassesAt <= now)
            .OrderBy(r => r.DeadlinePassesAt)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    // Report ids are version-7 GUIDs: ordering by id is ordering by creation.
    public async Task<IReadOnlyList<AnnualReport>> ListForOfficeAsync(OfficeId office, int max, CancellationToken cancellationToken) =>
        await _context.Set<AnnualReport>().AsNoTracking().Where(r => r.OfficeId == office).OrderByDescending(r => r.Id).Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<AnnualReport>> ListForCompanyAsync(CompanyId company, CancellationToken cancellationToken) =>
        await _context.Set<AnnualReport>().AsNoTracking().Where(r => r.CompanyId == company).OrderByDescending(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
