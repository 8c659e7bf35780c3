using System.Collections.Concurrent;

namespace Collab.Samples.Console;

/// <summary>The sample's notification channel: it keeps one line per message instead of sending e-mail.</summary>
public sealed class ConsoleNotificationSender : INotificationSender
{
    public ConcurrentQueue<string> Delivered { get; } = [];

    public Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        Delivered.Enqueue($"to {notification.Recipient}: {notification.Text}");
        return Task.CompletedTask;
    }
}
