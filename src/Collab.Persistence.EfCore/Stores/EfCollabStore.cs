using System.Data.Common;
using System.Runtime.CompilerServices;
using Collab.Registry;
using Collab.Reports;
using Collab.Rights;
using Collab.Stores;
using Collab.Tiers;
using Collab.Transfers;
using NodaTime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Collab.Persistence.EfCore;

/// <summary>
/// All of Collab's store ports on the vendor's DbContext. Scoped: one per request, sharing the vendor's
/// context, so Collab's changes and their audit records commit in the same <c>SaveChanges</c>.
/// </summary>
internal sealed partial class EfCollabStore<TContext> : ICollabUnitOfWork, IRegistryStore, IRightsStore, ITierStore, ITransferStore, IReportStore, IAuditTrail
    where TContext : DbContext
{
    private readonly TContext _context;
    private readonly IClock _clock;
    private readonly List<Notification> _pendingNotifications = [];

    public EfCollabStore(TContext context, IClock clock)
    {
        _context = context;
        _clock = clock;
        if (context.Model.FindEntityType(typeof(Office)) is null)
        {
            throw new InvalidOperationException(
                $"{typeof(TContext).Name} has no Collab tables: call modelBuilder.ApplyCollabModel() in its OnModelCreating.");
        }
    }

    public void Add(AggregateRoot aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        _context.Add(aggregate);
    }

    public void Enqueue(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        _pendingNotifications.Add(notification);
    }

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var (changed, audit) = TrackAuditRecords();
        var now = _clock.GetCurrentInstant();
        var outbox = _pendingNotifications.ConvertAll(n => OutboxMessage.From(n, now));
        _pendingNotifications.Clear(); // saved with this change, or dropped with it
        _context.Set<OutboxMessage>().AddRange(outbox);
        try
        {
            await _context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || IsUniqueViolation(exception))
        {
            Forget(changed, audit, outbox);
            throw ConcurrentChange(exception);
        }
        catch
        {
            Forget(changed, audit, outbox);
            throw;
        }

        foreach (var aggregate in changed)
        {
            aggregate.ClearDomainEvents();
        }
    }

    /// <summary>Adds an audit row for every audited event of every changed aggregate, so both commit together (AUD-1).</summary>
    private (List<AggregateRoot> Changed, List<AuditEntry> Audit) TrackAuditRecords()
    {
        var changed = _context.ChangeTracker.Entries<AggregateRoot>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity)
            .ToList();
        var audit = new List<AuditEntry>();
        foreach (var aggregate in changed)
        {
            foreach (var domainEvent in aggregate.DomainEvents)
            {
                if (domainEvent is IAuditedEvent audited)
                {
                    audit.Add(AuditEntry.From(audited));
                }
            }
        }

        _context.Set<AuditEntry>().AddRange(audit);
        return (changed, audit);
    }

    private static CollabRefusalException ConcurrentChange(Exception exception) =>
        new(new Refusal(RefusalKind.ConcurrencyConflict, "store.concurrent-change",
            "Someone else changed the same data at the same moment, so nothing was saved: reload and try again."), exception);

    // A failed save leaves nothing half-done behind: the failed changes are no longer tracked, so the next
    // read of those aggregates comes fresh from the database.
    private void Forget(IEnumerable<AggregateRoot> changed, IEnumerable<AuditEntry> audit, IEnumerable<OutboxMessage> outbox)
    {
        foreach (var entity in changed.Cast<object>().Concat(audit).Concat(outbox))
        {
            _context.Entry(entity).State = EntityState.Detached;
        }
    }

    // Provider-neutral on purpose (this package references neither provider): PostgreSQL reports SQLSTATE
    // 23505; Microsoft.Data.Sqlite sets no SqlState or ErrorCode, but SQLite's message text is fixed.
    private static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is DbException db
        && (db.SqlState == "23505"
            || db.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));

    public async Task<Office?> FindOfficeAsync(OfficeId id, CancellationToken cancellationToken) =>
        await _context.Set<Office>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    public async Task<Client?> FindClientAsync(ClientId id, CancellationToken cancellationToken) =>
        await _context.Set<Client>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    public async Task<Company?> FindCompanyAsync(CompanyId id, CancellationToken cancellationToken) =>
        await _context.Set<Company>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    public async Task<Administration?> FindAdministrationAsync(AdministrationId id, CancellationToken cancellationToken) =>
        await _context.Set<Administration>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    public async Task<CollabUser?> FindUserAsync(UserId id, CancellationToken cancellationToken) =>
        await _context.Set<CollabUser>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    public async Task<CollabEnvironment?> FindEnvironmentAsync(EnvironmentId id, CancellationToken cancellationToken) =>
        await _context.Set<CollabEnvironment>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    public Task<CollabUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken) =>
        _context.Set<CollabUser>().FirstOrDefaultAsync(u => u.Email == email, cancellationToken);

    public Task<bool> AdministrationNumberExistsAsync(AdministrationNumber number, CancellationToken cancellationToken) =>
        _context.Set<Administration>().AnyAsync(a => a.Number == number && (a.State == AdministrationState.Live || a.State == AdministrationState.Restoring), cancellationToken);

    public Task<bool> UserEmailExistsAsync(string email, CancellationToken cancellationToken) =>
        _context.Set<CollabUser>().AnyAsync(u => u.Email == email, cancellationToken);

    public Task<RightsGrant?> FindGrantAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken) =>
        _context.Set<RightsGrant>().FirstOrDefaultAsync(g => g.OfficeId == office && g.AdministrationId == administration, cancellationToken);

    // The access check runs on most office requests: compiled, so EF skips its query-cache lookup and
    // expression hashing on every call. A compiled query is bound to one model, and one context type may
    // run with several (SQLite and PostgreSQL, or one per tenant), hence one compilation per model.
    private static readonly ConditionalWeakTable<IModel, Func<TContext, OfficeId, AdministrationId, CancellationToken, Task<bool>>> OfficeMayAccessQueries = new();

    public Task<bool> OfficeMayAccessAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken) =>
        OfficeMayAccessQueries.GetValue(_context.Model, static _ => EF.CompileAsyncQuery(
            (TContext context, OfficeId office, AdministrationId administration, CancellationToken _) =>
                context.Set<Administration>().Any(
                    a => a.Id == administration && a.State == AdministrationState.Live
                         && (a.HolderOfficeId == office
                             || context.Set<RightsGrant>().Any(g => g.AdministrationId == a.Id && g.OfficeId == office && g.IsActive)))))
            (_context, office, administration, cancellationToken);

    public async Task<IReadOnlyList<Administration>> ListOfficeAdministrationsAsync(OfficeId office, CancellationToken cancellationToken) =>
        await _context.Set<Administration>().AsNoTracking()
            .Where(a => a.State == AdministrationState.Live)
            .Where(a => a.HolderOfficeId == office
                        || _context.Set<RightsGrant>().Any(g => g.AdministrationId == a.Id && g.OfficeId == office && g.IsActive))
            .OrderBy(a => a.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Administration>> ListCompanyAdministrationsAsync(
        ClientId client, IReadOnlyList<CompanyId> companies, CancellationToken cancellationToken)
    {
        var ids = companies.ToArray();
        return await _context.Set<Administration>().AsNoTracking()
            .Where(a => a.ClientId == client && ids.Contains(a.CompanyId) && a.State == AdministrationState.Live)
            .OrderBy(a => a.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<ClientCollaboration?> FindCollaborationAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        _context.Set<ClientCollaboration>().FirstOrDefaultAsync(c => c.OfficeId == office && c.ClientId == client, cancellationToken);

    public Task<ClientTier?> FindTierAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        _context.Set<ClientCollaboration>().AsNoTracking()
            .Where(c => c.OfficeId == office && c.ClientId == client)
            .Select(c => (ClientTier?)c.Tier)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<(ClientCollaboration Collaboration, int ActiveClientUsers)>> ReadForBulkChangeAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        var ids = clients.ToArray();
        var rows = await _context.Set<ClientCollaboration>().AsNoTracking()
            .Where(c => c.OfficeId == office && EF.Parameter(ids).Contains(c.ClientId))
            .Select(c => new
            {
                Collaboration = c,
                Users = _context.Set<CollabUser>().Count(u => u.ClientId == c.ClientId && u.IsActive && u.Kind == UserKind.ClientUser),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => (r.Collaboration, r.Users));
    }

    public async Task<IReadOnlyList<(ClientId Client, ClientTier Tier)>> OtherRunningTiersAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, LocalDate today, CancellationToken cancellationToken)
    {
        var ids = clients.ToArray();
        var rows = await _context.Set<ClientCollaboration>().AsNoTracking()
            .Where(c => ids.Contains(c.ClientId) && c.OfficeId != office && (c.EndsOn == null || c.EndsOn >= today))
            .Select(c => new { c.ClientId, c.Tier })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => (r.ClientId, r.Tier));
    }

    public async Task<IReadOnlyDictionary<ClientId, int>> CountActiveClientUsersAsync(IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        var ids = clients.Select(c => (ClientId?)c).ToArray();
        var rows = await _context.Set<CollabUser>().AsNoTracking()
            .Where(u => u.Kind == UserKind.ClientUser && u.IsActive && ids.Contains(u.ClientId))
            .GroupBy(u => u.ClientId)
            .Select(g => new { Client = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Client!.Value, r => r.Count);
    }

    public IAsyncEnumerable<StatementRow> StreamStatementRowsAsync(OfficeId office, int year, CancellationToken cancellationToken)
    {
        var first = new LocalDate(year, 1, 1);
        var last = new LocalDate(year, 12, 31);
        return (from collaboration in _context.Set<ClientCollaboration>().AsNoTracking()
                where collaboration.OfficeId == office && collaboration.StartsOn <= last && (collaboration.EndsOn == null || collaboration.EndsOn >= first)
                join client in _context.Set<Client>() on collaboration.ClientId equals client.Id
                select new StatementRow(
                    collaboration.ClientId,
                    client.Name,
                    collaboration.Tier,
                    _context.Set<CollabUser>().Count(u => u.ClientId == collaboration.ClientId && u.IsActive && u.Kind == UserKind.ClientUser)))
            .AsAsyncEnumerable();
    }

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

    public Task<AnnualReport?> FindReportAsync(ReportId id, CancellationToken cancellationToken) =>
        _context.Set<AnnualReport>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<ShareLink?> FindLinkAsync(Guid id, CancellationToken cancellationToken) =>
        _context.Set<ShareLink>().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ShareLink>> CurrentLinksAsync(ReportId report, CancellationToken cancellationToken) =>
        await _context.Set<ShareLink>().Where(l => l.ReportId == report && l.ReplacedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<CollabUser>> ClientUsersReachingAsync(ClientId client, CompanyId company, CancellationToken cancellationToken)
    {
        var users = await _context.Set<CollabUser>().AsNoTracking()
            .Where(u => u.ClientId == client && u.IsActive && u.Kind == UserKind.ClientUser)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return users.Where(u => u.MayReach(company)).ToList();
    }

    public async Task<IReadOnlyList<CollabUser>> OfficeUsersAsync(OfficeId office, CancellationToken cancellationToken) =>
        await _context.Set<CollabUser>().AsNoTracking()
            .Where(u => u.OfficeId == office && u.IsActive && u.Kind == UserKind.OfficeUser)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

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

    public async Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(AuditSubject subject, CancellationToken cancellationToken)
    {
        var entries = await _context.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.SubjectType == subject.Type && e.SubjectId == subject.Id)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return entries.ConvertAll(e => e.ToRecord());
    }
}
