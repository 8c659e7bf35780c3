using Collab.Notifications;
using Collab.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>
/// Claims outbox messages with a conditional update (pending, and no live lease) so that concurrent dispatchers —
/// threads or app instances on one PostgreSQL — never hold the same message; works the same on SQLite.
/// </summary>
internal sealed class OutboxDispatcher<TContext> : IOutboxDispatcher
    where TContext : DbContext
{
    private static readonly Duration Lease = Duration.FromMinutes(2);
    private readonly TContext _context;
    private readonly IClock _clock;
    private readonly INotificationSender? _sender;
    private readonly CollabTelemetry _telemetry;
    private readonly int _maxAttempts;

    public OutboxDispatcher(TContext context, IClock clock, IEnumerable<INotificationSender> senders, CollabTelemetry telemetry, IOptions<CollabOptions> options)
    {
        _context = context;
        _clock = clock;
        _sender = senders.LastOrDefault();
        _telemetry = telemetry;
        _maxAttempts = options.Value.NotificationMaxAttempts;
    }

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        var messages = await _context.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.DeadLetteredAt != null)
            .OrderByDescending(m => m.DeadLetteredAt)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return messages.ConvertAll(m => new DeadLetter(m.ToNotification(), m.Attempts, m.LastError, m.DeadLetteredAt!.Value));
    }

    public async Task<OutboxStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var messages = _context.Set<OutboxMessage>().AsNoTracking();
        var pending = messages.Where(m => m.DispatchedAt == null && m.DeadLetteredAt == null);
        var count = await pending.CountAsync(cancellationToken).ConfigureAwait(false);
        var oldest = count == 0 ? null : await pending.OrderBy(m => m.CreatedAt).Select(m => (Instant?)m.CreatedAt).FirstAsync(cancellationToken).ConfigureAwait(false);
        var dead = await messages.CountAsync(m => m.DeadLetteredAt != null, cancellationToken).ConfigureAwait(false);
        return new OutboxStatus(count, oldest, dead);
    }

    public async Task<int> DispatchAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        var sender = _sender ?? throw new InvalidOperationException(
            "No INotificationSender is registered: register your e-mail/SMS/in-app sender with services.AddScoped<INotificationSender, YourSender>().");
        var messages = _context.Set<OutboxMessage>();
        var now = _clock.GetCurrentInstant();
        var candidates = await messages.AsNoTracking()
            .Where(m => m.DispatchedAt == null && m.DeadLetteredAt == null && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var owner = Guid.NewGuid();
        var sent = 0;
        foreach (var id in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            now = _clock.GetCurrentInstant();
            Instant? leaseUntil = now + Lease;
            var claimed = await messages
                .Where(m => m.Id == id && m.DispatchedAt == null && m.DeadLetteredAt == null && (m.LeaseUntil == null || m.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil).SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken)
                .ConfigureAwait(false);
            if (claimed == 0)
            {
                continue; // another dispatcher holds it, or sent it already
            }

            var message = await messages.AsNoTracking().FirstAsync(m => m.Id == id, CancellationToken.None).ConfigureAwait(false); // claimed: read it whatever happens
            try
            {
                await sender.SendAsync(message.ToNotification(), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped mid-send (host shutdown): give the claim back now instead of holding it until the lease ends.
                // The attempt is not counted: the sender did not fail. It may have sent already: at-least-once.
                await messages.Where(m => m.Id == id && m.LeaseOwner == owner && m.DispatchedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, (Instant?)null).SetProperty(m => m.LeaseOwner, (Guid?)null).SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None)
                    .ConfigureAwait(false);
                throw;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Retry later, backing off with the number of attempts; give up after the limit. The error is kept for the operator;
                // a given-up message's one-time token is erased like a delivered one's: nobody will send it, and an operator
                // reading dead letters must not hold a live link or invitation (the office can reissue it).
                var failedAt = _clock.GetCurrentInstant();
                Instant? retryAt = failedAt + Duration.FromSeconds(Math.Min(3600, 30 * message.Attempts * message.Attempts));
                Instant? deadAt = message.Attempts >= _maxAttempts ? failedAt : null;
                var error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
                await messages.Where(m => m.Id == id && m.LeaseOwner == owner)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, retryAt).SetProperty(m => m.LastError, error).SetProperty(m => m.DeadLetteredAt, deadAt)
                        .SetProperty(m => m.Reference, m => deadAt == null ? m.Reference : null), cancellationToken)
                    .ConfigureAwait(false);
                _telemetry.Notification(deadAt is null ? "failed" : "dead_letter");
                continue;
            }

            Instant? dispatchedAt = _clock.GetCurrentInstant();
            await messages.Where(m => m.Id == id && m.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, dispatchedAt).SetProperty(m => m.Reference, (string?)null), cancellationToken)
                .ConfigureAwait(false);
            _telemetry.Notification("sent");
            sent++;
        }

        return sent;
    }
}
