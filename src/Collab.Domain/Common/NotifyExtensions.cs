using System.Net;
using Collab.Registry;
using Collab.Texts;

namespace Collab;

/// <summary>
/// Queues notifications in each recipient's language (TXT-1): the user's own language, else Dutch. Every message has
/// a subject line for its kind, a plain-text body and the same body as HTML (encoded, no remote resources).
/// </summary>
internal static class NotifyExtensions
{
    internal static void Notify(this ICollabUnitOfWork unitOfWork, CollabTexts texts, IEnumerable<CollabUser> users, NotificationKind kind, AuditSubject subject, TextRef body, string? reference = null)
    {
        foreach (var user in users)
        {
            unitOfWork.Enqueue(Compose(texts, user.Email, user.Language, kind, subject, body, reference));
        }
    }

    internal static Notification Compose(CollabTexts texts, string recipient, string? language, NotificationKind kind, AuditSubject subject, TextRef body, string? reference = null)
    {
        var culture = CollabTexts.LanguageFor(language);
        var text = texts.Render(body.Key, culture, body.Arguments ?? []);
        var html = "<p>" + WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>";
        return new Notification(Guid.CreateVersion7(), kind, recipient, subject, text, reference, texts.Render($"notification.title.{kind}", culture), html, culture.Name);
    }
}
