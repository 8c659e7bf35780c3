using Collab.Registry;

namespace Collab.Rights;

/// <summary>
/// The store of the <see cref="RightsGrant"/> aggregate and the access answers of the rights capability (SEC-1).
/// Reads only; the unit of work (<see cref="ICollabUnitOfWork"/>) saves grants. A store may also implement the optional
/// facet <see cref="IUserOfficeAccessStore"/> to answer the access check of every office request in one read.
/// </summary>
public interface IRightsStore
{
    /// <summary>Finds the grant for an (office, administration) pair, active or not, tracked.</summary>
    /// <param name="office">The office.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The grant, or null when rights were never granted to this office for this administration.</returns>
    Task<RightsGrant?> FindGrantAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the office may access the administration: it is live and the office holds it or has an active grant for it
    /// (SEC-1, <see cref="AdministrationAccess.OfficeMayAccess"/>).
    /// </summary>
    /// <param name="office">The office.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when access is allowed; false for an unknown administration, a revoked grant, or one not live.</returns>
    Task<bool> OfficeMayAccessAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken = default);

    /// <summary>The administrations an office may access (the same rule as <see cref="OfficeMayAccessAsync"/>), ordered by number (the office's list, ONB-3).</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Their ids, held or granted; never one <see cref="OfficeMayAccessAsync"/> would deny.</returns>
    Task<IReadOnlyList<AdministrationId>> ListAccessibleAdministrationsAsync(OfficeId office, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the office may access any administration of the client (the same rule as <see cref="OfficeMayAccessAsync"/>):
    /// the office works for that client even without a collaboration (SEC-3).
    /// </summary>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when the office holds or was granted one of the client's accessible administrations.</returns>
    Task<bool> OfficeReachesClientAsync(OfficeId office, ClientId client, CancellationToken cancellationToken = default);
}

/// <summary>
/// An optional facet of a rights store (ASP.NET Core Identity's <c>IUserPasswordStore</c> way): the access check of every
/// office request reads the user who asks (SEC-3) and its office's access (SEC-1) in one read. Collab detects it on the
/// registered <see cref="IRightsStore"/>; without it, Collab asks <see cref="IUserStore.FindUserAsync"/> and
/// <see cref="IRightsStore.OfficeMayAccessAsync"/> and decides exactly the same.
/// </summary>
public interface IUserOfficeAccessStore
{
    /// <summary>
    /// A user and, when it is an office user, whether its office may access the administration — in one read. The user is
    /// for reading only (it need not be tracked), but a user the scope already tracks must be the one returned.
    /// </summary>
    /// <param name="user">The user who asks.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user (active or not) with the answer — false for a client user and for an office without access — or null when no user has the id.</returns>
    Task<UserOfficeAccess?> FindUserWithOfficeAccessAsync(UserId user, AdministrationId administration, CancellationToken cancellationToken = default);
}

/// <summary>A user read together with its office's access to one administration (<see cref="IUserOfficeAccessStore.FindUserWithOfficeAccessAsync"/>).</summary>
/// <param name="User">The user, active or not: Collab refuses a deactivated one itself.</param>
/// <param name="OfficeMayAccess">For an office user, whether its office holds the administration or has an active grant for it; false otherwise.</param>
public sealed record UserOfficeAccess(CollabUser User, bool OfficeMayAccess);
