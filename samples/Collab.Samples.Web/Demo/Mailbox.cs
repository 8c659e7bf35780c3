using System.Collections.Concurrent;

namespace Collab.Samples.Web;

/// <summary>
/// The sample's notification channel: instead of sending e-mail it keeps the messages, and the mailbox page shows
/// them with their links, so a person (or a browser test) can follow a one-time link as a client would. With
/// <c>Sample:DeliveryLog</c> set it also appends each delivered message's id to that file, one line each, so a load
/// test can prove that every outbox row was delivered exactly once across all instances.
/// </summary>
public sealed class Mailbox(IConfiguration configuration) : INotificationSender
{
    private readonly string? _deliveryLog = configuration["Sample:DeliveryLog"];
    private readonly Lock _log = new();

    public ConcurrentQueue<Notification> Messages { get; } = [];

    public Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        Messages.Enqueue(notification);
        if (_deliveryLog is not null)
        {
            lock (_log)
            {
                File.AppendAllText(_deliveryLog, $"{notification.Id:D}\n");
            }
        }

        return Task.CompletedTask;
    }
}
