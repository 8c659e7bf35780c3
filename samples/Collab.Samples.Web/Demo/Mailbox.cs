using System.Collections.Concurrent;

namespace Collab.Samples.Web;

/// <summary>
/// The sample's notification channel: instead of sending e-mail it keeps the messages, and the mailbox page shows
/// them with their links, so a person (or a browser test) can follow a one-time link as a client would.
/// </summary>
public sealed class Mailbox : INotificationSender
{
    public ConcurrentQueue<Notification> Messages { get; } = [];

    public Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        Messages.Enqueue(notification);
        return Task.CompletedTask;
    }
}
