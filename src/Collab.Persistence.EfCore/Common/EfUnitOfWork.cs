using System.Data.Common;
using NodaTime;
using Microsoft.EntityFrameworkCore;

namespace Collab.Persistence.EfCore;

/// <summary>
/// Saves what the stores tracked on the vendor's DbContext in one <c>SaveChanges</c>, together with an audit row for
/// every audited event (AUD-1) and the queued notifications as outbox rows. Scoped: one per request.
/// </summary>
internal sealed partial class EfUnitOfWork<TContext> : EfStore<TContext>, ICollabUnitOfWork
    where TContext : DbContext
{
    private readonly IClock _clock;
    private readonly DomainEventDispatcher _events;
    private readonly List<Notification> _pendingNotifications = [];
    private readonly bool _chained;

    public EfUnitOfWork(TContext context, IClock clock, DomainEventDispatcher events, UnchainedAuditForBenchmarks? unchained = null)
        : base(context)
    {
        _clock = clock;
        _events = events;
        _chained = unchained is null;
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
        var changed = await DispatchDomainEventsAsync(cancellationToken).ConfigureAwait(false);
        var audit = TrackAuditRecords(changed);
        var now = _clock.GetCurrentInstant();
        var outbox = _pendingNotifications.ConvertAll(n => OutboxMessage.From(n, now));
        _pendingNotifications.Clear(); // saved with this change, or dropped with it
        _context.Set<OutboxMessage>().AddRange(outbox);
        var chained = audit.Count > 0 && _chained;
        var transaction = chained ? await AuditChainWriter.BeginAsync(_context, cancellationToken).ConfigureAwait(false) : null;
        var savepoints = _context.Database.AutoSavepointsEnabled;
        var chains = new AuditChainWriter(_context);
        try
        {
            if (chained) // AUD-2: linked to the chains' heads, which move in this transaction
            {
                await chains.ClaimAsync(audit, cancellationToken).ConfigureAwait(false);
                _context.Database.AutoSavepointsEnabled = transaction is null && savepoints; // our own transaction needs no savepoint
            }
            else if (audit.Count > 0)
            {
                UnchainedAuditForBenchmarks.Place(audit);
            }

            await _context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
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
        finally
        {
            _context.Database.AutoSavepointsEnabled = savepoints;
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (chained)
        {
            chains.Remember();
        }

        foreach (var aggregate in changed)
        {
            aggregate.ClearDomainEvents();
        }
    }

    // Handlers keep other capabilities' data in step (a shared report's portal entry); what they add or change is
    // saved in this same SaveChanges. Their own changes may raise events again, so dispatch until nothing is new.
    // Returns the aggregates to save: the change tracker is scanned once per round, not again for the audit rows.
    private async Task<List<AggregateRoot>> DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        var changed = ChangedAggregates();
        for (var round = 0; round < 4; round++)
        {
            var outcome = await _events.DispatchAsync(changed, cancellationToken).ConfigureAwait(false);
            if (outcome.Added.Count == 0 && outcome.Changed.Count == 0)
            {
                break;
            }

            foreach (var aggregate in outcome.Added)
            {
                _context.Add(aggregate);
            }

            changed = ChangedAggregates();
        }

        return changed;
    }

    private List<AggregateRoot> ChangedAggregates() =>
        _context.ChangeTracker.Entries<AggregateRoot>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity)
            .ToList();

    /// <summary>Adds an audit row for every audited event of every changed aggregate, so both commit together (AUD-1).</summary>
    private List<AuditEntry> TrackAuditRecords(List<AggregateRoot> changed)
    {
        var audit = new List<AuditEntry>();
        foreach (var aggregate in changed)
        {
            foreach (var domainEvent in aggregate.DomainEvents)
            {
                if (domainEvent is IAuditedEvent audited)
                {
                    audit.Add(AuditEntry.From(audited, Evidence.AuditChains.For(aggregate)));
                }
            }
        }

        _context.Set<AuditEntry>().AddRange(audit);
        return audit;
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
    internal static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is DbException db
        && (db.SqlState == "23505"
            || db.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));
}

/// <summary>
/// Registered only by the benchmarks, to measure the same save without the audit chain (AUD-2's cost): each row gets a
/// chain of its own at position 1 and no hash. The product never registers it; every save it makes is chained.
/// </summary>
internal sealed class UnchainedAuditForBenchmarks
{
    public static void Place(List<AuditEntry> rows)
    {
        foreach (var row in rows)
        {
            row.Chain = "unchained:" + row.Id.ToString("N");
            row.ChainPosition = 1;
            row.Hash = Evidence.AuditChain.Genesis;
        }
    }
}
