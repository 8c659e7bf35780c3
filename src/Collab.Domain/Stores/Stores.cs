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
