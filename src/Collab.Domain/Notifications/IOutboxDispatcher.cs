namespace Collab.Notifications;

/// <summary>
/// Delivers the notifications waiting in Collab's outbox through the vendor's <see cref="INotificationSender"/>.
/// Call it from a background job; it is safe to run in several instances at once: each message is claimed with a
/// lease by one dispatcher, so it is not sent twice while that dispatcher lives. A message whose sender throws
/// is retried by a later call with growing back-off, and after <see cref="CollabOptions.NotificationMaxAttempts"/>
/// attempts it is dead-lettered: kept, never sent, listed by <see cref="ListDeadLettersAsync"/>. One whose
/// dispatcher died is claimed again when its lease ends (at-least-once: pass <see cref="Notification.Id"/> to the
/// channel to drop a duplicate). A dispatcher stopped while sending (host shutdown) releases its claim at once.
/// </summary>
public interface IOutboxDispatcher
{
    /// <summary>Sends up to <paramref name="max"/> pending notifications, oldest first.</summary>
    /// <param name="max">At most this many per call.</param>
    /// <param name="cancellationToken">Cancels between messages.</param>
    /// <returns>How many this call delivered.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="INotificationSender"/> is registered.</exception>
    Task<int> DispatchAsync(int max = 100, CancellationToken cancellationToken = default);

    /// <summary>Notifications that could not be delivered within the attempt limit, newest first.</summary>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dead letters.</returns>
    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max = 100, CancellationToken cancellationToken = default);

    /// <summary>How the outbox stands, for the health check: pending messages, the oldest one's age, dead letters. Counted in the database.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts.</returns>
    Task<OutboxStatus> StatusAsync(CancellationToken cancellationToken = default);
}

/// <summary>The outbox's counts.</summary>
/// <param name="Pending">Messages not yet delivered nor given up.</param>
/// <param name="OldestPendingSince">When the oldest of them was queued; null when none.</param>
/// <param name="DeadLetters">Messages given up after the attempt limit.</param>
public sealed record OutboxStatus(int Pending, NodaTime.Instant? OldestPendingSince, int DeadLetters);

/// <summary>A notification the outbox gave up on.</summary>
/// <param name="Notification">The message.</param>
/// <param name="Attempts">How often delivery was tried.</param>
/// <param name="LastError">The sender's last error message.</param>
/// <param name="DeadLetteredAt">When the outbox gave up.</param>
public sealed record DeadLetter(Notification Notification, int Attempts, string? LastError, NodaTime.Instant DeadLetteredAt);
