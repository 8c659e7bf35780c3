using Collab.Registry;
using Collab.Rights;

namespace Collab.Stores;

/// <summary>
/// Saves what the domain services changed, in one transaction together with the audit records of the
/// aggregates' <see cref="IAuditedEvent"/>s. Implemented by Collab.Persistence.EfCore on the vendor's DbContext.
/// </summary>
public interface ICollabUnitOfWork
{
    /// <summary>Starts tracking a new aggregate; it is inserted by the next <see cref="SaveChangesAsync"/>.</summary>
    /// <param name="aggregate">The new aggregate.</param>
    void Add(AggregateRoot aggregate);

    /// <summary>Queues a notification; it is written to the outbox by the next save, in the same transaction as the change.</summary>
    /// <param name="notification">The message.</param>
    void Enqueue(Notification notification);

    /// <summary>Saves every tracked change and its audit records atomically.</summary>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when the data is committed.</returns>
    /// <exception cref="CollabRefusalException">
    /// Kind <see cref="RefusalKind.ConcurrencyConflict"/> when another request changed the same aggregate (or
    /// inserted the same unique key) first; nothing is saved and the failed changes are no longer tracked.
    /// </exception>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}

/// <summary>Reads the registry of offices, clients, companies, administrations and users.</summary>
public interface IRegistryStore
{
    /// <summary>Finds an office.</summary>
    /// <param name="id">The office id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The office, or null.</returns>
    Task<Office?> FindOfficeAsync(OfficeId id, CancellationToken cancellationToken);

    /// <summary>Finds a client.</summary>
    /// <param name="id">The client id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The client, or null.</returns>
    Task<Client?> FindClientAsync(ClientId id, CancellationToken cancellationToken);

    /// <summary>Finds a company.</summary>
    /// <param name="id">The company id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The company, or null.</returns>
    Task<Company?> FindCompanyAsync(CompanyId id, CancellationToken cancellationToken);

    /// <summary>Finds an administration.</summary>
    /// <param name="id">The administration id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administration, or null.</returns>
    Task<Administration?> FindAdministrationAsync(AdministrationId id, CancellationToken cancellationToken);

    /// <summary>Finds a user.</summary>
    /// <param name="id">The user id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or null.</returns>
    Task<CollabUser?> FindUserAsync(UserId id, CancellationToken cancellationToken);

    /// <summary>Finds an environment.</summary>
    /// <param name="id">The environment id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The environment, or null.</returns>
    Task<CollabEnvironment?> FindEnvironmentAsync(EnvironmentId id, CancellationToken cancellationToken);

    /// <summary>Finds a user by its (lower-case) e-mail address: its identity.</summary>
    /// <param name="email">The normalised address.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or null.</returns>
    Task<CollabUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>Whether an administration with this number exists.</summary>
    /// <param name="number">The number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when the number is taken.</returns>
    Task<bool> AdministrationNumberExistsAsync(AdministrationNumber number, CancellationToken cancellationToken);

    /// <summary>Whether a user with this (lower-case) e-mail address exists.</summary>
    /// <param name="email">The normalised address.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when the address is taken.</returns>
    Task<bool> UserEmailExistsAsync(string email, CancellationToken cancellationToken);
}

/// <summary>Reads grants of rights and answers access questions from storage.</summary>
public interface IRightsStore
{
    /// <summary>Finds the grant for an (office, administration) pair, active or not.</summary>
    /// <param name="office">The office.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The grant, or null when rights were never granted.</returns>
    Task<RightsGrant?> FindGrantAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken);

    /// <summary>Whether the office may access the administration: it holds it itself or has an active grant (SEC-1).</summary>
    /// <param name="office">The office.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when access is allowed.</returns>
    Task<bool> OfficeMayAccessAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken);

    /// <summary>The administrations an office may access, ordered by number (the office's list, ONB-3).</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations, held or granted.</returns>
    Task<IReadOnlyList<Administration>> ListOfficeAdministrationsAsync(OfficeId office, CancellationToken cancellationToken);

    /// <summary>The administrations of the given companies of a client, ordered by number.</summary>
    /// <param name="client">The client.</param>
    /// <param name="companies">The companies a user may reach.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations.</returns>
    Task<IReadOnlyList<Administration>> ListCompanyAdministrationsAsync(ClientId client, IReadOnlyList<CompanyId> companies, CancellationToken cancellationToken);
}

/// <summary>Reads the audit trail (AUD-1).</summary>
public interface IAuditTrail
{
    /// <summary>All records about a subject, oldest first.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(AuditSubject subject, CancellationToken cancellationToken);
}

/// <summary>Reads collaborations, their tiers and what billing needs.</summary>
public interface ITierStore
{
    /// <summary>Finds the collaboration of an office with a client, tracked for change.</summary>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The collaboration, or null.</returns>
    Task<Tiers.ClientCollaboration?> FindCollaborationAsync(OfficeId office, ClientId client, CancellationToken cancellationToken);

    /// <summary>The tier of a client at an office, without tracking anything; null when they do not collaborate.</summary>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tier, or null.</returns>
    Task<Tiers.ClientTier?> FindTierAsync(OfficeId office, ClientId client, CancellationToken cancellationToken);

    /// <summary>
    /// The office's collaborations with the given clients and each client's active client users, in one query,
    /// for a bulk change. They are not tracked, so memory stays flat however large the selection; save them
    /// with <see cref="SaveTierChangesAsync"/>.
    /// </summary>
    /// <param name="office">The office.</param>
    /// <param name="clients">The clients (a chunk of a bulk change).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The collaborations found, each with its client's active users; clients without one are absent.</returns>
    Task<IReadOnlyList<(Tiers.ClientCollaboration Collaboration, int ActiveClientUsers)>> ReadForBulkChangeAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the tier changes of one chunk of a bulk change with their audit records, in one transaction.
    /// A collaboration whose stored version is no longer the one it was read with (someone changed it
    /// meanwhile) is skipped — neither its change nor its audit record is written — and reported.
    /// </summary>
    /// <param name="changed">Collaborations read with <see cref="ReadForBulkChangeAsync"/> and changed since.</param>
    /// <param name="cancellationToken">Cancels the save; nothing of the chunk is then saved.</param>
    /// <returns>The clients whose change was skipped.</returns>
    Task<IReadOnlyList<ClientId>> SaveTierChangesAsync(IReadOnlyList<Tiers.ClientCollaboration> changed, CancellationToken cancellationToken);

    /// <summary>The tiers of the given clients at offices other than <paramref name="office"/> whose collaboration has not ended before <paramref name="today"/>.</summary>
    /// <param name="office">The office to leave out; the default id leaves none out.</param>
    /// <param name="clients">The clients.</param>
    /// <param name="today">The date that decides which collaborations still run.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Pairs of client and tier; a client may appear once per other office.</returns>
    Task<IReadOnlyList<(ClientId Client, Tiers.ClientTier Tier)>> OtherRunningTiersAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, NodaTime.LocalDate today, CancellationToken cancellationToken);

    /// <summary>How many active client users each client has, in one query.</summary>
    /// <param name="clients">The clients.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts; clients without active users are absent.</returns>
    Task<IReadOnlyDictionary<ClientId, int>> CountActiveClientUsersAsync(IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken);

    /// <summary>Streams what the monthly statement needs for each client billable at the office in a year (TIER-7).</summary>
    /// <param name="office">The office.</param>
    /// <param name="year">The calendar year.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per billable client, in no particular order.</returns>
    IAsyncEnumerable<Tiers.StatementRow> StreamStatementRowsAsync(OfficeId office, int year, CancellationToken cancellationToken);
}

/// <summary>
/// Work in progress that depends on a feature, so a downgrade that removes the feature must wait (TIER-4).
/// Collab's own capabilities register sources for their open work; a vendor can add its own.
/// </summary>
public interface IOpenWorkSource
{
    /// <summary>Open work of the given clients at an office.</summary>
    /// <param name="office">The office.</param>
    /// <param name="clients">The clients.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The open work, any order.</returns>
    Task<IReadOnlyList<OpenWork>> FindOpenWorkAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken);
}

/// <summary>One piece of open work and the feature it needs.</summary>
/// <param name="Client">Whose work it is.</param>
/// <param name="Feature">The feature it depends on.</param>
/// <param name="Description">What it is, for the refusal (for example "approval of annual report 2025, deadline 2026-06-30").</param>
public sealed record OpenWork(ClientId Client, Tiers.Feature Feature, string Description);

/// <summary>Reads transfer requests, their follow-up checklists and environment access.</summary>
public interface ITransferStore
{
    /// <summary>Finds a transfer request, tracked for change.</summary>
    /// <param name="id">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request, or null.</returns>
    Task<Transfers.TransferRequest?> FindRequestAsync(TransferRequestId id, CancellationToken cancellationToken);

    /// <summary>A client's requests that are still open (awaiting consents or approved).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The open requests.</returns>
    Task<IReadOnlyList<Transfers.TransferRequest>> ListOpenRequestsAsync(ClientId client, CancellationToken cancellationToken);

    /// <summary>Requests awaiting consents whose expiry instant has passed, oldest first, tracked for change.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The due requests.</returns>
    Task<IReadOnlyList<Transfers.TransferRequest>> FindDueForExpiryAsync(NodaTime.Instant now, int max, CancellationToken cancellationToken);

    /// <summary>Finds a user's access to an environment, tracked for change.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The access, or null.</returns>
    Task<Transfers.EnvironmentAccess?> FindAccessAsync(EnvironmentId environment, UserId user, CancellationToken cancellationToken);

    /// <summary>The follow-up checklist of a transfer, in order.</summary>
    /// <param name="transfer">The transfer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items (tracked, so they can be ticked off).</returns>
    Task<IReadOnlyList<Transfers.FollowUpItem>> ListFollowUpAsync(TransferRequestId transfer, CancellationToken cancellationToken);
}

/// <summary>Reads reports, their links and who to tell about them.</summary>
public interface IReportStore
{
    /// <summary>Finds a report, tracked for change.</summary>
    /// <param name="id">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report, or null.</returns>
    Task<Reports.AnnualReport?> FindReportAsync(ReportId id, CancellationToken cancellationToken);

    /// <summary>Finds a link by its id, tracked for change.</summary>
    /// <param name="id">The link id from the token.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The link, or null.</returns>
    Task<Reports.ShareLink?> FindLinkAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The report's links that were not replaced, tracked for change.</summary>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The links.</returns>
    Task<IReadOnlyList<Reports.ShareLink>> CurrentLinksAsync(ReportId report, CancellationToken cancellationToken);

    /// <summary>The active client users of a client who may reach a company.</summary>
    /// <param name="client">The client.</param>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    Task<IReadOnlyList<CollabUser>> ClientUsersReachingAsync(ClientId client, CompanyId company, CancellationToken cancellationToken);

    /// <summary>The active users of an office.</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    Task<IReadOnlyList<CollabUser>> OfficeUsersAsync(OfficeId office, CancellationToken cancellationToken);

    /// <summary>Open approval tasks whose reminder is due and not yet sent, oldest first, tracked (index on state and due instant).</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    Task<IReadOnlyList<Reports.AnnualReport>> FindDueRemindersAsync(NodaTime.Instant now, int max, CancellationToken cancellationToken);

    /// <summary>Open approval tasks of the given clients at an office (work that needs approvals, TIER-4).</summary>
    /// <param name="office">The office.</param>
    /// <param name="clients">The clients.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Client and report title per open task.</returns>
    Task<IReadOnlyList<(ClientId Client, string Title, NodaTime.LocalDate? Deadline)>> OpenApprovalsAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken);

    /// <summary>Open approval tasks whose deadline has passed, tracked.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    Task<IReadOnlyList<Reports.AnnualReport>> FindOverdueAsync(NodaTime.Instant now, int max, CancellationToken cancellationToken);
}

/// <summary>Reads backups (ONB-5, LIC-4).</summary>
public interface IBackupStore
{
    /// <summary>Finds a backup.</summary>
    /// <param name="id">The backup.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The backup, or null.</returns>
    Task<Backups.Backup?> FindBackupAsync(BackupId id, CancellationToken cancellationToken);

    /// <summary>The backups of an administration, newest first.</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The backups.</returns>
    Task<IReadOnlyList<Backups.Backup>> ListBackupsAsync(AdministrationId administration, CancellationToken cancellationToken);

    /// <summary>The administration with this number that is live or being restored, if any.</summary>
    /// <param name="number">The number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administration, or null when the number is free.</returns>
    Task<Administration?> FindLiveByNumberAsync(AdministrationNumber number, CancellationToken cancellationToken);

    /// <summary>The active client users of a client who may reach a company (LIC-2, LIC-5).</summary>
    /// <param name="client">The client.</param>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    Task<IReadOnlyList<CollabUser>> ClientUsersReachingAsync(ClientId client, CompanyId company, CancellationToken cancellationToken);
}

/// <summary>Reads subscriptions and scheduled deletions (ONB-1, ONB-6, RET-2).</summary>
public interface ILifecycleStore
{
    /// <summary>Finds a client's subscription, tracked for change.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subscription, or null when the client is not a customer.</returns>
    Task<Lifecycle.ClientSubscription?> FindSubscriptionAsync(ClientId client, CancellationToken cancellationToken);

    /// <summary>The client's live administrations, tracked for change.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations.</returns>
    Task<IReadOnlyList<Administration>> ListLiveAdministrationsAsync(ClientId client, CancellationToken cancellationToken);

    /// <summary>The active client users of a client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    Task<IReadOnlyList<CollabUser>> ListClientUsersAsync(ClientId client, CancellationToken cancellationToken);

    /// <summary>The client's deletions that are still scheduled, tracked for change.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedules.</returns>
    Task<IReadOnlyList<Lifecycle.DeletionSchedule>> ListScheduledDeletionsAsync(ClientId client, CancellationToken cancellationToken);

    /// <summary>Scheduled deletions with something to do by <paramref name="now"/>, earliest first, tracked (index on state and next action).</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedules.</returns>
    Task<IReadOnlyList<Lifecycle.DeletionSchedule>> FindDueDeletionWorkAsync(NodaTime.Instant now, int max, CancellationToken cancellationToken);

    /// <summary>The deletion schedules of an administration, newest first (the deletion record, RET-2).</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedules.</returns>
    Task<IReadOnlyList<Lifecycle.DeletionSchedule>> ListDeletionsAsync(AdministrationId administration, CancellationToken cancellationToken);

    /// <summary>When the latest backup of an administration made at or after <paramref name="since"/> was made.</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="since">The earliest instant that counts.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instant, or null.</returns>
    Task<NodaTime.Instant?> LatestBackupSinceAsync(AdministrationId administration, NodaTime.Instant since, CancellationToken cancellationToken);
}

/// <summary>Reads integration links and their linked records (LINK).</summary>
public interface ILinkStore
{
    /// <summary>Finds a link, tracked for change.</summary>
    /// <param name="id">The link.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The link, or null.</returns>
    Task<Links.IntegrationLink?> FindLinkAsync(LinkId id, CancellationToken cancellationToken);

    /// <summary>The link of an app administration that is not removed, if any (LINK-1).</summary>
    /// <param name="app">The app.</param>
    /// <param name="externalAdministration">The app's administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The link, tracked, or null.</returns>
    Task<Links.IntegrationLink?> FindLinkOfExternalAsync(string app, string externalAdministration, CancellationToken cancellationToken);

    /// <summary>The link of a bookkeeping administration with an app that is not removed, if any (LINK-1).</summary>
    /// <param name="app">The app.</param>
    /// <param name="administration">The bookkeeping administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The link, untracked, or null.</returns>
    Task<Links.IntegrationLink?> FindLinkOfAdministrationAsync(string app, AdministrationId administration, CancellationToken cancellationToken);

    /// <summary>The linked records of a link and kind, keyed by the app's id, tracked.</summary>
    /// <param name="link">The link.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyDictionary<string, Links.LinkedRecord>> LinkedRecordsAsync(LinkId link, Links.SyncEntityKind kind, CancellationToken cancellationToken);

    /// <summary>Finds one linked record by the app's id, tracked.</summary>
    /// <param name="link">The link.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="externalId">The app's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null.</returns>
    Task<Links.LinkedRecord?> FindByExternalAsync(LinkId link, Links.SyncEntityKind kind, string externalId, CancellationToken cancellationToken);

    /// <summary>Finds one linked record by the bookkeeping's id, tracked.</summary>
    /// <param name="link">The link.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="bookkeepingId">The bookkeeping's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null.</returns>
    Task<Links.LinkedRecord?> FindByBookkeepingAsync(LinkId link, Links.SyncEntityKind kind, string bookkeepingId, CancellationToken cancellationToken);

    /// <summary>Links that are synchronising or finished and due for a poll, earliest first, tracked.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The links.</returns>
    Task<IReadOnlyList<Links.IntegrationLink>> FindDuePollsAsync(NodaTime.Instant now, int max, CancellationToken cancellationToken);
}

/// <summary>Reads the client portal: history, documents, questions, questionnaires and house styles (SHARE-6 … SHARE-10).</summary>
public interface IPortalStore
{
    /// <summary>Finds a portal entry by the id of the thing it shows, tracked.</summary>
    /// <param name="id">The report, document, batch or questionnaire id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or null.</returns>
    Task<Portal.PortalItem?> FindPortalItemAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// One page of a client's history: entries of the given companies and offices, not hidden, newest first, after the
    /// cursor (index on client, shared instant and id).
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="companies">The companies the user may reach.</param>
    /// <param name="portalTiers">The tiers that include the permanent portal: only entries of offices whose collaboration with the client is on one of them.</param>
    /// <param name="after">Where the previous page ended; null for the first page.</param>
    /// <param name="pageSize">How many.</param>
    /// <param name="openOnly">Only entries that wait for the client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, untracked.</returns>
    Task<IReadOnlyList<Portal.PortalItem>> PortalHistoryAsync(
        ClientId client, IReadOnlyCollection<CompanyId> companies, IReadOnlyCollection<Tiers.ClientTier> portalTiers, Portal.PortalCursor? after, int pageSize, bool openOnly, CancellationToken cancellationToken);

    /// <summary>Finds a document.</summary>
    /// <param name="id">The document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document, or null.</returns>
    Task<Portal.PortalDocument?> FindDocumentAsync(DocumentId id, CancellationToken cancellationToken);

    /// <summary>Finds a question batch, tracked.</summary>
    /// <param name="id">The batch.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch, or null.</returns>
    Task<Portal.QuestionBatch?> FindBatchAsync(QuestionBatchId id, CancellationToken cancellationToken);

    /// <summary>Finds a questionnaire template, tracked.</summary>
    /// <param name="id">The template.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The template, or null.</returns>
    Task<Portal.QuestionnaireTemplate?> FindTemplateAsync(QuestionnaireTemplateId id, CancellationToken cancellationToken);

    /// <summary>Finds a client's questionnaire, tracked.</summary>
    /// <param name="id">The questionnaire.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The questionnaire, or null.</returns>
    Task<Portal.Questionnaire?> FindQuestionnaireAsync(QuestionnaireId id, CancellationToken cancellationToken);

    /// <summary>Every questionnaire sent from a template, untracked (completion per client).</summary>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The questionnaires.</returns>
    Task<IReadOnlyList<Portal.Questionnaire>> QuestionnairesOfTemplateAsync(QuestionnaireTemplateId template, CancellationToken cancellationToken);

    /// <summary>Open questionnaires whose reminder is due and not sent, oldest first, tracked.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The questionnaires.</returns>
    Task<IReadOnlyList<Portal.Questionnaire>> FindDueQuestionnaireRemindersAsync(NodaTime.Instant now, int max, CancellationToken cancellationToken);

    /// <summary>Finds an office's house style, tracked.</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The style, or null.</returns>
    Task<Portal.HouseStyle?> FindHouseStyleAsync(OfficeId office, CancellationToken cancellationToken);

    /// <summary>Finds the house style that owns a portal slug, untracked.</summary>
    /// <param name="slug">The slug.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The style, or null.</returns>
    Task<Portal.HouseStyle?> FindHouseStyleBySlugAsync(string slug, CancellationToken cancellationToken);
}
