namespace Collab;

/// <summary>What a notification is about. Stored as its name: values may be added; a renamed value keeps reading its old name (<see cref="NotificationKindNames"/>).</summary>
public enum NotificationKind
{
    /// <summary>A party is asked to consent to a transfer (XFER-2).</summary>
    TransferConsentRequested = 1,

    /// <summary>A party consented to a transfer.</summary>
    TransferConsentGiven = 2,

    /// <summary>A party refused a transfer; it will not happen.</summary>
    TransferRefused = 3,

    /// <summary>The requester cancelled a transfer.</summary>
    TransferCancelled = 4,

    /// <summary>A transfer expired before all parties consented.</summary>
    TransferExpired = 5,

    /// <summary>A transfer was carried out; the follow-up checklist is ready.</summary>
    TransferExecuted = 6,

    /// <summary>A user is invited, through its existing identity (e-mail), into an environment (XFER-4).</summary>
    EnvironmentInvitation = 7,

    /// <summary>A deliverable is ready; <see cref="Notification.Reference"/> holds the one-time link token (SHARE-1). Called <c>ReportReady</c> before 0.6.0.</summary>
    DeliverableReady = 8,

    /// <summary>A report awaits the client's approval before its deadline (SHARE-3).</summary>
    ApprovalRequested = 9,

    /// <summary>The deadline of an open task is near (SHARE-4).</summary>
    DeadlineReminder = 10,

    /// <summary>The client viewed a report through its one-time link (SHARE-12).</summary>
    LinkViewed = 11,

    /// <summary>The client approved or rejected a deliverable. Called <c>ReportDecided</c> before 0.6.0.</summary>
    DeliverableDecided = 12,

    /// <summary>The client cancelled; its online administration will be deleted on a date, and a backup is offered first (ONB-6, RET-2).</summary>
    DeletionScheduled = 13,

    /// <summary>A deletion comes closer (by default 30 and 7 days before it; RET-2).</summary>
    DeletionWarning = 14,

    /// <summary>A due deletion was blocked by a legal hold or the retention policy (RET-2).</summary>
    DeletionBlocked = 15,

    /// <summary>The online administration was deleted (ONB-6).</summary>
    AdministrationDeleted = 16,

    /// <summary>A document was shared through the portal (SHARE-7).</summary>
    DocumentShared = 17,

    /// <summary>Questions were sent to the client (SHARE-8).</summary>
    QuestionsSent = 18,

    /// <summary>A questionnaire was sent to the client (SHARE-9).</summary>
    QuestionnaireSent = 19,

    /// <summary>A questionnaire's deadline comes close (SHARE-9, reusing SHARE-4's reminder rule).</summary>
    QuestionnaireReminder = 20,

    /// <summary>A user is invited to act for a client or an office; <see cref="Notification.Reference"/> holds the one-time invitation token (SEC-7).</summary>
    UserInvitation = 21,
}

/// <summary>
/// A message for a person, written to Collab's outbox in the same transaction as the change that caused it
/// and delivered afterwards through the vendor's <see cref="INotificationSender"/>.
/// </summary>
/// <param name="Id">Unique per message; pass it on so the channel can drop a duplicate delivery.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Recipient">The recipient's e-mail address.</param>
/// <param name="Subject">What it concerns, for the vendor's templates and links.</param>
/// <param name="Text">The plain-text body in the recipient's language (TXT-1), ready to send as it is.</param>
/// <param name="Reference">
/// A value the vendor's template needs, such as the one-time link token of a <see cref="NotificationKind.DeliverableReady"/>
/// message. It is a secret: the outbox erases it once the message is delivered.
/// </param>
/// <param name="Title">The subject line in the recipient's language.</param>
/// <param name="Html">The same body as HTML: encoded values, no scripts and no remote resources.</param>
/// <param name="Language">The recipient's language (<c>nl-NL</c> or <c>en-GB</c>).</param>
public sealed record Notification(Guid Id, NotificationKind Kind, string Recipient, AuditSubject Subject, string Text, string? Reference = null,
    string? Title = null, string? Html = null, string? Language = null);

/// <summary>Delivers notifications by the vendor's channel (e-mail, SMS, in-app). Implemented by the vendor.</summary>
public interface INotificationSender
{
    /// <summary>Delivers one notification. Throw to have it retried later.</summary>
    /// <param name="notification">The message.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the channel accepted the message.</returns>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
