namespace Collab.Notifications;

/// <summary>
/// Delivers the notifications waiting in Collab's outbox through the vendor's <see cref="INotificationSender"/>.
/// Call it from a background job; it is safe to run in several instances at once: each message is claimed with a
/// lease by one dispatcher, so it is not sent twice while that dispatcher lives. A message whose sender throws
/// is retried by a later call; one whose dispatcher died is claimed again when its lease ends (at-least-once:
/// pass <see cref="Notification.Id"/> to the channel to drop a duplicate).
/// </summary>
public interface IOutboxDispatcher
{
    /// <summary>Sends up to <paramref name="max"/> pending notifications, oldest first.</summary>
    /// <param name="max">At most this many per call.</param>
    /// <param name="cancellationToken">Cancels between messages.</param>
    /// <returns>How many this call delivered.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="INotificationSender"/> is registered.</exception>
    Task<int> DispatchAsync(int max = 100, CancellationToken cancellationToken = default);
}
