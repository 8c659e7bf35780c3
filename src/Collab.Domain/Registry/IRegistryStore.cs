namespace Collab.Registry;

/// <summary>Reads the registry of offices, clients, companies, administrations and users.</summary>
public interface IRegistryStore
{

    /// <summary>Finds an office.</summary>
    /// <param name="id">The office id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The office, or null.</returns>
    Task<Office?> FindOfficeAsync(OfficeId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a client.</summary>
    /// <param name="id">The client id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The client, or null.</returns>
    Task<Client?> FindClientAsync(ClientId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a company.</summary>
    /// <param name="id">The company id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The company, or null.</returns>
    Task<Company?> FindCompanyAsync(CompanyId id, CancellationToken cancellationToken = default);

    /// <summary>Finds an administration.</summary>
    /// <param name="id">The administration id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administration, or null.</returns>
    Task<Administration?> FindAdministrationAsync(AdministrationId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a user.</summary>
    /// <param name="id">The user id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or null.</returns>
    Task<CollabUser?> FindUserAsync(UserId id, CancellationToken cancellationToken = default);

    /// <summary>Finds an environment.</summary>
    /// <param name="id">The environment id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The environment, or null.</returns>
    Task<CollabEnvironment?> FindEnvironmentAsync(EnvironmentId id, CancellationToken cancellationToken = default);

    /// <summary>The users with these ids that exist, in one read, tracked (the people a transfer concerns).</summary>
    /// <param name="ids">The ids.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users found, in no particular order; unknown ids are left out.</returns>
    Task<IReadOnlyList<CollabUser>> ListUsersAsync(IReadOnlyCollection<UserId> ids, CancellationToken cancellationToken = default);

    /// <summary>The environments with these ids that exist, in one read, tracked.</summary>
    /// <param name="ids">The ids.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The environments found, in no particular order; unknown ids are left out.</returns>
    Task<IReadOnlyList<CollabEnvironment>> ListEnvironmentsAsync(IReadOnlyCollection<EnvironmentId> ids, CancellationToken cancellationToken = default);

    /// <summary>The companies of a client, ordered by name.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The companies, untracked.</returns>
    Task<IReadOnlyList<Company>> ListCompaniesAsync(ClientId client, CancellationToken cancellationToken = default);

    /// <summary>Finds a user by its (lower-case) e-mail address: its identity.</summary>
    /// <param name="email">The normalised address.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or null.</returns>
    Task<CollabUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Whether a user with this (lower-case) e-mail address exists.</summary>
    /// <param name="email">The normalised address.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when the address is taken.</returns>
    Task<bool> UserEmailExistsAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>The administration with this number that is live or being restored, if any.</summary>
    /// <param name="number">The number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administration, or null when the number is free.</returns>
    Task<Administration?> FindLiveAdministrationByNumberAsync(AdministrationNumber number, CancellationToken cancellationToken = default);

    /// <summary>The active client users of a client who may reach a company.</summary>
    /// <param name="client">The client.</param>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    Task<IReadOnlyList<CollabUser>> ClientUsersReachingAsync(ClientId client, CompanyId company, CancellationToken cancellationToken = default);

    /// <summary>The active client users of a client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    Task<IReadOnlyList<CollabUser>> ListClientUsersAsync(ClientId client, CancellationToken cancellationToken = default);

    /// <summary>The active users of an office.</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    Task<IReadOnlyList<CollabUser>> OfficeUsersAsync(OfficeId office, CancellationToken cancellationToken = default);
}
