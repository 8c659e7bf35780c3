using Collab.Registry;

namespace Collab;

/// <summary>The one way a capability tells people something: one outbox notification per recipient, saved with the change.</summary>
internal static class NotifyExtensions
{
    /// <summary>Queues one notification per user (by e-mail address) about <paramref name="subject"/>.</summary>
    internal static void Notify(this ICollabUnitOfWork unitOfWork, IEnumerable<CollabUser> users, NotificationKind kind, AuditSubject subject, string text, string? reference = null) =>
        unitOfWork.Notify(users.Select(u => u.Email), kind, subject, text, reference);

    /// <summary>Queues one notification per e-mail address about <paramref name="subject"/>.</summary>
    internal static void Notify(this ICollabUnitOfWork unitOfWork, IEnumerable<string> recipients, NotificationKind kind, AuditSubject subject, string text, string? reference = null)
    {
        foreach (var recipient in recipients)
        {
            unitOfWork.Enqueue(new Notification(Guid.CreateVersion7(), kind, recipient, subject, text, reference));
        }
    }
}
