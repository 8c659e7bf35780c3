using Collab.Registry;

namespace Collab.Rights;

/// <summary>Reads grants of rights and answers access questions from storage.</summary>
public interface IRightsStore
{
    /// <summary>Finds the grant for an (office, administration) pair, active or not.</summary>
    /// <param name="office">The office.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The grant, or null when rights were never granted.</returns>
    Task<RightsGrant?> FindGrantAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken = default);

    /// <summary>Whether the office may access the administration: it holds it itself or has an active grant (SEC-1).</summary>
    /// <param name="office">The office.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when access is allowed.</returns>
    Task<bool> OfficeMayAccessAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken = default);

    /// <summary>
    /// A user and, when it is an office user, whether its office may access the administration (SEC-1) — in one read,
    /// because this is the access check of every office request and it must also know who asks (SEC-3). The user is
    /// for reading only (an EF store does not track it); the answer is false for client users and for an office
    /// without access. Collab decides with it exactly as with <see cref="IRegistryStore.FindUserAsync"/> and
    /// <see cref="OfficeMayAccessAsync"/>.
    /// </summary>
    /// <param name="user">The user who asks.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user with the answer, or null when no user has the id.</returns>
    Task<UserOfficeAccess?> FindUserWithOfficeAccessAsync(UserId user, AdministrationId administration, CancellationToken cancellationToken = default);

    /// <summary>The administrations an office may access, ordered by number (the office's list, ONB-3).</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations, held or granted.</returns>
    Task<IReadOnlyList<Administration>> ListOfficeAdministrationsAsync(OfficeId office, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the office holds, or was granted rights to, any live administration of the client: the office works for that
    /// client even without a collaboration (SEC-3). The default asks <see cref="ListOfficeAdministrationsAsync"/>; stores
    /// should answer it with one query.
    /// </summary>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when the office holds or was granted one of the client's administrations.</returns>
    async Task<bool> OfficeReachesClientAsync(OfficeId office, ClientId client, CancellationToken cancellationToken = default) =>
        (await ListOfficeAdministrationsAsync(office, cancellationToken).ConfigureAwait(false)).Any(a => a.ClientId == client);

    /// <summary>The administrations of the given companies of a client, ordered by number.</summary>
    /// <param name="client">The client.</param>
    /// <param name="companies">The companies a user may reach.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations.</returns>
    Task<IReadOnlyList<Administration>> ListCompanyAdministrationsAsync(ClientId client, IReadOnlyList<CompanyId> companies, CancellationToken cancellationToken = default);
}

/// <summary>A user read together with its office's access to one administration (<see cref="IRightsStore.FindUserWithOfficeAccessAsync"/>).</summary>
/// <param name="User">The user, active or not: Collab refuses a deactivated one itself.</param>
/// <param name="OfficeMayAccess">For an office user, whether its office holds the administration or has an active grant for it; false otherwise.</param>
public sealed record UserOfficeAccess(CollabUser User, bool OfficeMayAccess);
