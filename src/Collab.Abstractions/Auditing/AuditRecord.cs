using NodaTime;

namespace Collab;

/// <summary>
/// What was done, as recorded in the audit trail. Stored as its name (<see cref="AuditActionNames.Stored"/>), so values may be added but never
/// renamed in storage: a member renamed in code keeps the name its rows were written and hashed under (AUD-2).
/// </summary>
public enum AuditAction
{
    /// <summary>An office was registered.</summary>
    OfficeRegistered = 1,

    /// <summary>A client was registered.</summary>
    ClientRegistered = 2,

    /// <summary>A company was added to a client.</summary>
    CompanyAdded = 3,

    /// <summary>An administration was created.</summary>
    AdministrationCreated = 4,

    /// <summary>A user was created.</summary>
    UserCreated = 5,

    /// <summary>A client granted an office rights to an administration (ONB-3).</summary>
    RightsGranted = 6,

    /// <summary>A client revoked an office's rights to an administration (ONB-4).</summary>
    RightsRevoked = 7,

    /// <summary>An office started collaborating with a client at a tier.</summary>
    CollaborationStarted = 8,

    /// <summary>A client's tier at an office changed (TIER-4).</summary>
    TierChanged = 9,

    /// <summary>An office ended its collaboration with a client.</summary>
    CollaborationEnded = 10,

    /// <summary>A user was deactivated (for example to make room before a downgrade).</summary>
    UserDeactivated = 11,

    /// <summary>A client user was given access to another company of its client (TIER-8).</summary>
    UserCompanyAdded = 12,

    /// <summary>An environment was created.</summary>
    EnvironmentCreated = 13,

    /// <summary>A transfer between environments was requested (XFER-1).</summary>
    TransferRequested = 14,

    /// <summary>A party consented to a transfer (XFER-2).</summary>
    TransferConsented = 15,

    /// <summary>A party refused a transfer (XFER-2).</summary>
    TransferRefused = 16,

    /// <summary>The requester cancelled a transfer (XFER-2).</summary>
    TransferCancelled = 17,

    /// <summary>A transfer expired unconsented (XFER-2, RET-3).</summary>
    TransferExpired = 18,

    /// <summary>An approved transfer was carried out (XFER-4).</summary>
    TransferExecuted = 19,

    /// <summary>An administration moved to another environment (XFER-4).</summary>
    AdministrationMoved = 20,

    /// <summary>A user was given access to an environment (XFER-4).</summary>
    EnvironmentAccessGranted = 21,

    /// <summary>A follow-up item of a transfer was ticked off (XFER-5).</summary>
    FollowUpTicked = 22,

    /// <summary>A deliverable (annual report or tax return) was drafted. Stored as <c>ReportDrafted</c>.</summary>
    DeliverableDrafted = 23,

    /// <summary>A deliverable was shared with the client (SHARE-1, SHARE-3). Stored as <c>ReportShared</c>.</summary>
    DeliverableShared = 24,

    /// <summary>A one-time link was opened (not spent, SHARE-12).</summary>
    LinkOpened = 25,

    /// <summary>A one-time link was spent by the client's confirmed view (SHARE-1, SHARE-12).</summary>
    LinkViewed = 26,

    /// <summary>The office issued a fresh link for a spent or expired one (SHARE-12).</summary>
    LinkReissued = 27,

    /// <summary>The client approved a deliverable (SHARE-3, SHARE-5). Stored as <c>ReportApproved</c>.</summary>
    DeliverableApproved = 28,

    /// <summary>The client rejected a deliverable (SHARE-3). Stored as <c>ReportRejected</c>.</summary>
    DeliverableRejected = 29,

    /// <summary>An approval task passed its deadline (SHARE-3). Stored as <c>ReportExpired</c>.</summary>
    DeliverableExpired = 30,

    /// <summary>A deadline reminder was queued (SHARE-4).</summary>
    ReminderSent = 31,

    /// <summary>A client user opened a deliverable shared for approval (SHARE-3). Stored as <c>ReportViewed</c>.</summary>
    DeliverableViewed = 32,

    /// <summary>The vendor recorded which modules an office has (ONB-1, LIC-1).</summary>
    OfficeModulesChanged = 33,

    /// <summary>An office registered a new client for online collaboration on a plan (ONB-1).</summary>
    SubscriptionStarted = 34,

    /// <summary>The client cancelled its subscription; deletion of its online administrations is scheduled (ONB-6, RET-2).</summary>
    SubscriptionCancelled = 35,

    /// <summary>The client reactivated its subscription before the deletion date; deletion is called off (RET-2).</summary>
    SubscriptionReactivated = 36,

    /// <summary>An administration moved from the office's licence to the client's account (ONB-1).</summary>
    AdministrationTransferredToClient = 37,

    /// <summary>A deletion warning was queued for client and office (RET-2).</summary>
    DeletionWarningSent = 38,

    /// <summary>A due deletion was not carried out because of a legal hold or the retention policy (RET-2).</summary>
    DeletionBlocked = 39,

    /// <summary>An online administration was deleted; the record says under which policy (RET-2).</summary>
    AdministrationDeleted = 40,

    /// <summary>A legal hold was placed on an administration (RET-2).</summary>
    LegalHoldPlaced = 41,

    /// <summary>A legal hold was lifted (RET-2).</summary>
    LegalHoldLifted = 42,

    /// <summary>A backup of an administration was made (ONB-5, LIC-4).</summary>
    BackupMade = 43,

    /// <summary>The online administration was released after the office backed it up to stop collaborating (ONB-5).</summary>
    AdministrationReleased = 44,

    /// <summary>A backup was verified and restored as an administration with the same number (LIC-7, ONB-5).</summary>
    BackupRestored = 45,

    /// <summary>A client's licence file was imported into an administration (LIC-2, LIC-3).</summary>
    LicenceImported = 46,

    /// <summary>An administration was copied to a new number (LIC-6).</summary>
    AdministrationCopied = 47,

    /// <summary>A step of an integration link's setup was completed (LINK-3).</summary>
    LinkStepCompleted = 48,

    /// <summary>An integration link was removed.</summary>
    LinkRemoved = 49,

    /// <summary>Existing customers were matched on first link (LINK-5); details count each outcome.</summary>
    CustomersMatched = 50,

    /// <summary>A synchronisation run polled the bookkeeping's changes and sent them to the app (LINK-6).</summary>
    SyncRunCompleted = 51,

    /// <summary>A document was uploaded to the client portal, by the office or the client (SHARE-7).</summary>
    DocumentUploaded = 52,

    /// <summary>A batch of questions was sent to the client (SHARE-8).</summary>
    QuestionBatchSent = 53,

    /// <summary>The client answered a question (SHARE-8).</summary>
    QuestionAnswered = 54,

    /// <summary>A questionnaire template was created or edited, giving a new version (SHARE-9).</summary>
    QuestionnaireTemplateSaved = 55,

    /// <summary>A questionnaire was sent to a client, frozen at the template's version (SHARE-9).</summary>
    QuestionnaireSent = 56,

    /// <summary>The client completed a questionnaire (SHARE-9).</summary>
    QuestionnaireCompleted = 57,

    /// <summary>The office's house style was set or changed (SHARE-10).</summary>
    HouseStyleChanged = 58,

    /// <summary>A document was added to a deliverable, or replaced one of the same name (SHARE-14).</summary>
    DeliverableDocumentAdded = 59,

    /// <summary>A document was removed from a deliverable's draft (SHARE-14).</summary>
    DeliverableDocumentRemoved = 60,

    /// <summary>A decided deliverable was reopened as a new version that needs the client again (SHARE-14, AUD-1).</summary>
    DeliverableRevised = 61,

    /// <summary>The key figures of an annual report were set (SHARE-15).</summary>
    FiguresSet = 62,

    /// <summary>A document was handed out to the client through a confirmed link view (SHARE-14).</summary>
    DocumentReadThroughLink = 63,

    /// <summary>A user's or an office's language was set (TXT-1).</summary>
    UserLanguageChanged = 64,

    /// <summary>An office or a client administrator invited a user; it acts once it accepts (SEC-7).</summary>
    UserInvited = 65,

    /// <summary>An invited user accepted its invitation, or the platform vouched for a user it made (SEC-7).</summary>
    InvitationAccepted = 66,

    /// <summary>An inviter replaced a user's invitation with a fresh one (SEC-7).</summary>
    InvitationReissued = 67,

    /// <summary>One of the client's own users became its administrator, for example the identity a transfer brought (XFER-4, SEC-5).</summary>
    ClientAdministratorAppointed = 68,

    /// <summary>An office issued (closed) a month's statement (TIER-7).</summary>
    StatementIssued = 69,
}

/// <summary>What an audit record is about.</summary>
/// <param name="Type">The kind of subject, such as <c>administration</c>.</param>
/// <param name="Id">The subject's id as text.</param>
public readonly record struct AuditSubject(string Type, string Id)
{
    /// <summary>An administration as subject.</summary>
    /// <param name="id">The administration.</param>
    /// <returns>The subject.</returns>
    public static AuditSubject Administration(AdministrationId id) => new("administration", id.ToString());

    /// <summary>An office as subject.</summary>
    /// <param name="id">The office.</param>
    /// <returns>The subject.</returns>
    public static AuditSubject Office(OfficeId id) => new("office", id.ToString());

    /// <summary>A client as subject.</summary>
    /// <param name="id">The client.</param>
    /// <returns>The subject.</returns>
    public static AuditSubject Client(ClientId id) => new("client", id.ToString());

    /// <summary>A user as subject.</summary>
    /// <param name="id">The user.</param>
    /// <returns>The subject.</returns>
    public static AuditSubject User(UserId id) => new("user", id.ToString());

    /// <summary>A transfer request as subject.</summary>
    /// <param name="id">The request.</param>
    /// <returns>The subject.</returns>
    public static AuditSubject Transfer(TransferRequestId id) => new("transfer", id.ToString());

    /// <summary>A report as subject.</summary>
    /// <param name="id">The report.</param>
    /// <returns>The subject.</returns>
    public static AuditSubject Deliverable(DeliverableId id) => new("report", id.ToString());

    /// <summary>An environment as subject.</summary>
    /// <param name="id">The environment.</param>
    /// <returns>The subject.</returns>
    public static AuditSubject Environment(EnvironmentId id) => new("environment", id.ToString());

    /// <summary>An integration link as subject.</summary>
    /// <param name="id">The link.</param>
    /// <returns>The subject.</returns>
    public static AuditSubject Link(LinkId id) => new("link", id.ToString());

    /// <inheritdoc />
    public override string ToString() => $"{Type}:{Id}";
}

/// <summary>
/// One line of the audit trail (AUD-1): who did what to which subject, and when, so an office can prove who
/// agreed to what. Records are written in the same transaction as the change they describe and never updated.
/// </summary>
/// <param name="Id">The record's own id.</param>
/// <param name="At">When the action happened (from the injected clock).</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Action">What was done.</param>
/// <param name="Subject">What it was done to.</param>
/// <param name="Details">Extra facts worth proving later (for example the other party, or the channel used).</param>
public sealed record AuditRecord(Guid Id, Instant At, Actor Actor, AuditAction Action, AuditSubject Subject, string Details);
