namespace Collab.Registry;

/// <summary>
/// The store of the <see cref="CollabUser"/> aggregate: office and client users. Reads only; the unit of work
/// (<see cref="ICollabUnitOfWork"/>) saves changes and additions.
/// </summary>
public interface IUserStore
{
    /// <summary>
    /// Finds a user, active or not, tracked. Who acts is resolved with it on every call (SEC-3): a hot path. A user the
    /// scope already tracks must be returned as it is.
    /// </summary>
    /// <param name="id">The user id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or null when none has the id.</returns>
    Task<CollabUser?> FindUserAsync(UserId id, CancellationToken cancellationToken = default);

    /// <summary>The users with these ids that exist, in one read, tracked (the people a transfer concerns).</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users found, active or not, in no particular order; unknown ids are left out.</returns>
    Task<IReadOnlyList<CollabUser>> ListUsersAsync(IReadOnlyCollection<UserId> ids, CancellationToken cancellationToken = default);

    /// <summary>Finds a user by its (lower-case) e-mail address: its identity.</summary>
    /// <param name="email">The normalised address.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, active or not, tracked; or null.</returns>
    Task<CollabUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Whether a user with this (lower-case) e-mail address exists, active or not.</summary>
    /// <param name="email">The normalised address.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when the address is taken.</returns>
    Task<bool> UserEmailExistsAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>The active client users of a client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users, untracked; never a deactivated one, an office user or one of another client.</returns>
    Task<IReadOnlyList<CollabUser>> ListClientUsersAsync(ClientId client, CancellationToken cancellationToken = default);

    /// <summary>The active client users of a client who may reach a company (<see cref="CollabUser.MayReach"/>): the people to tell.</summary>
    /// <param name="client">The client.</param>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users, untracked; never one that may not reach the company, a deactivated one or an office user.</returns>
    Task<IReadOnlyList<CollabUser>> ClientUsersReachingAsync(ClientId client, CompanyId company, CancellationToken cancellationToken = default);

    /// <summary>The active users of an office.</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users, untracked; never a deactivated one, a client user or one of another office.</returns>
    Task<IReadOnlyList<CollabUser>> OfficeUsersAsync(OfficeId office, CancellationToken cancellationToken = default);
}
