namespace Collab.Authorization;

/// <summary>
/// What a party asks to do or read (SEC-3): a fixed set, one value per kind of public operation. Vendor
/// policies (<see cref="ICollabAuthorizationPolicy"/>) switch on it, and refusals are counted by it.
/// </summary>
public enum CollabAction
{
    /// <summary>Register an office (platform only).</summary>
    RegisterOffice = 1,

    /// <summary>Set the modules an office bought (platform only).</summary>
    SetOfficeModules = 2,

    /// <summary>Register a client in the directory (platform only).</summary>
    RegisterClient = 3,

    /// <summary>Add a company to a client.</summary>
    AddCompany = 4,

    /// <summary>Create an administration for a company.</summary>
    CreateAdministration = 5,

    /// <summary>Create an environment of an office.</summary>
    CreateEnvironment = 6,

    /// <summary>Create a user of an office.</summary>
    CreateOfficeUser = 7,

    /// <summary>Create a user of a client.</summary>
    CreateClientUser = 8,

    /// <summary>Give a client user another company.</summary>
    GiveCompany = 9,

    /// <summary>Deactivate a user.</summary>
    DeactivateUser = 10,

    /// <summary>Read an office.</summary>
    ReadOffice = 11,

    /// <summary>Read a client.</summary>
    ReadClient = 12,

    /// <summary>Read a company, or a client's companies.</summary>
    ReadCompanies = 13,

    /// <summary>Read an administration.</summary>
    ReadAdministration = 14,

    /// <summary>Read an environment.</summary>
    ReadEnvironment = 15,

    /// <summary>Read a user, or a client's or office's users.</summary>
    ReadUsers = 16,

    /// <summary>Start a collaboration between an office and a client.</summary>
    StartCollaboration = 17,

    /// <summary>End a collaboration.</summary>
    EndCollaboration = 18,

    /// <summary>Read a client's tier, or check one of its features.</summary>
    ReadTier = 19,

    /// <summary>Change one client's tier or many clients' tiers.</summary>
    ChangeTier = 20,

    /// <summary>List an office's collaborations.</summary>
    ReadCollaborations = 21,

    /// <summary>Read an office's monthly statement.</summary>
    ReadStatement = 22,

    /// <summary>Ask what the acting user may access.</summary>
    ReadAccess = 23,

    /// <summary>Grant an office rights to an administration.</summary>
    GrantRights = 24,

    /// <summary>Revoke an office's rights.</summary>
    RevokeRights = 25,

    /// <summary>Draft a report.</summary>
    DraftDeliverable = 26,

    /// <summary>Share a report, or reissue its link.</summary>
    ShareDeliverable = 27,

    /// <summary>Read a report, or list reports.</summary>
    ReadDeliverables = 28,

    /// <summary>Record or check a client user's view of a report.</summary>
    ViewDeliverable = 29,

    /// <summary>Approve or reject a report.</summary>
    DecideDeliverable = 30,

    /// <summary>Read the client portal's history or house style.</summary>
    ReadPortal = 31,

    /// <summary>Upload a document.</summary>
    UploadDocument = 32,

    /// <summary>Open a document.</summary>
    OpenDocument = 33,

    /// <summary>Set an office's house style.</summary>
    SetHouseStyle = 34,

    /// <summary>Start, fill or send a question batch.</summary>
    PrepareQuestions = 35,

    /// <summary>Answer a question batch.</summary>
    AnswerQuestions = 36,

    /// <summary>Read a question batch or questionnaire.</summary>
    ReadQuestions = 37,

    /// <summary>Create, edit or send questionnaire templates, or read their progress.</summary>
    ManageQuestionnaires = 38,

    /// <summary>Answer or complete a questionnaire.</summary>
    AnswerQuestionnaire = 39,

    /// <summary>Request a transfer between environments.</summary>
    RequestTransfer = 40,

    /// <summary>Consent to or refuse a transfer as one of its parties.</summary>
    DecideTransfer = 41,

    /// <summary>Cancel a transfer (the requester).</summary>
    CancelTransfer = 42,

    /// <summary>Execute a consented transfer.</summary>
    ExecuteTransfer = 43,

    /// <summary>Read a transfer, its follow-up, or lists of transfers.</summary>
    ReadTransfers = 44,

    /// <summary>Tick off a follow-up item.</summary>
    TickFollowUp = 45,

    /// <summary>Make a backup, or stop collaborating by making one.</summary>
    MakeBackup = 46,

    /// <summary>List an administration's backups.</summary>
    ReadBackups = 47,

    /// <summary>Restore a backup, or copy an administration to a new number.</summary>
    RestoreBackup = 48,

    /// <summary>Set up a client administration under the office's licence.</summary>
    SetUpClientAdministration = 49,

    /// <summary>Read or import a client's licence file.</summary>
    ImportLicence = 50,

    /// <summary>Register a new client for online collaboration.</summary>
    RegisterOnlineClient = 51,

    /// <summary>Read a client's subscription.</summary>
    ReadSubscription = 52,

    /// <summary>Cancel or reactivate a client's subscription.</summary>
    ChangeSubscription = 53,

    /// <summary>Place or lift a legal hold.</summary>
    PlaceLegalHold = 54,

    /// <summary>Read an administration's deletion schedule.</summary>
    ReadDeletions = 55,

    /// <summary>Connect, set up, synchronise or remove an integration link, or send a document through it.</summary>
    ManageLink = 56,

    /// <summary>Read an integration link.</summary>
    ReadLink = 57,

    /// <summary>Read the audit trail of a subject.</summary>
    ReadAudit = 58,

    /// <summary>Read a client's insights (SHARE-16).</summary>
    ReadInsights = 59,

    /// <summary>Read the office overview of clients and deliverables, or select clients there (SHARE-17).</summary>
    ReadOverview = 60,

    /// <summary>Set one's own language (TXT-1).</summary>
    SetLanguage = 61,

    /// <summary>Set an office's language, which its new users get (TXT-1).</summary>
    SetOfficeLanguage = 62,

    /// <summary>Read the office's own house style, for its editor (SHARE-10).</summary>
    ReadHouseStyle = 63,

    /// <summary>Invite a user: an office its own colleague or a client user homed at it, a client administrator a user of its client (SEC-5, SEC-7).</summary>
    InviteUser = 64,

    /// <summary>Accept one's own invitation (SEC-7): the one action a user whose invitation is pending may take.</summary>
    AcceptInvitation = 65,

    /// <summary>Reissue a pending invitation (its inviter's side).</summary>
    ReissueInvitation = 66,

    /// <summary>Issue (close) an office's monthly statement (TIER-7).</summary>
    IssueStatement = 67,
}
