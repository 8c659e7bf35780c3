using Collab.Portal;
using Collab.Registry;
using Collab.Texts;
using Collab.Tiers;
using NodaTime;

namespace Collab.Notifications;

/// <summary>
/// Queues notifications with the unit of work: it knows the recipients (a client's users who reach a company and see an
/// office's work, or an office's users who may act), the texts in each recipient's language (TXT-1), and the office's own
/// reminder words when the client's tier includes its house style (SHARE-10).
/// </summary>
/// <param name="unitOfWork">Queues the notifications with the changes.</param>
/// <param name="texts">The text catalogue.</param>
/// <param name="users">Reads the recipients.</param>
/// <param name="clients">Reads the client's name for the office's reminder.</param>
/// <param name="styles">Holds the office's house style and reminder text.</param>
/// <param name="gate">Reads the client's tier now (SHARE-11).</param>
public sealed class CollabNotifier(ICollabUnitOfWork unitOfWork, CollabTexts texts, IUserStore users, IClientStore clients, IHouseStyleStore styles, FeatureGate gate)
{
    /// <summary>Tells the client's users who reach <paramref name="company"/> and see <paramref name="office"/>'s work.</summary>
    internal async Task ClientUsersAsync(OfficeId office, ClientId client, CompanyId company, NotificationKind kind, AuditSubject subject, TextRef body, string? reference, CancellationToken cancellationToken) =>
        unitOfWork.Notify(texts, (await users.ClientUsersReachingAsync(client, company, cancellationToken).ConfigureAwait(false)).SeeingWorkOf(office), kind, subject, body, reference);

    /// <summary>Tells the office's users who may act.</summary>
    internal async Task OfficeUsersAsync(OfficeId office, NotificationKind kind, AuditSubject subject, TextRef body, CancellationToken cancellationToken) =>
        unitOfWork.Notify(texts, (await users.OfficeUsersAsync(office, cancellationToken).ConfigureAwait(false)).ThatMayAct(), kind, subject, body);

    /// <summary>Tells the given users.</summary>
    internal void Users(IEnumerable<CollabUser> users, NotificationKind kind, AuditSubject subject, TextRef body, string? reference = null) =>
        unitOfWork.Notify(texts, users, kind, subject, body, reference);

    /// <summary>
    /// A deadline reminder's text: the office's own words (SHARE-10) when the client's tier includes the house style now and
    /// the office wrote a reminder, in the recipient's language when the office wrote that one too (TXT-1); else <paramref name="fallback"/>.
    /// </summary>
    internal async Task<TextRef> ReminderTextAsync(OfficeId office, ClientId client, string title, LocalDate deadline, TextRef fallback, CancellationToken cancellationToken)
    {
        if (await gate.AllowsAsync(office, client, Feature.HouseStyle, cancellationToken).ConfigureAwait(false)
            && await styles.FindHouseStyleAsync(office, cancellationToken).ConfigureAwait(false) is { ReminderText: not null } style
            && await clients.FindClientAsync(client, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return new TextRef("notification.office-text", new PerLanguage(c => style.RenderReminder(found.Name, title, deadline, c)!));
        }

        return fallback;
    }
}
