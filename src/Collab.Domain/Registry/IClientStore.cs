namespace Collab.Registry;

/// <summary>
/// The store of the <see cref="Client"/> aggregate. Reads only; what it returns is tracked, and the unit of work
/// (<see cref="ICollabUnitOfWork"/>) saves changes and additions.
/// </summary>
public interface IClientStore
{
    /// <summary>Finds a client, tracked.</summary>
    /// <param name="id">The client id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The client, or null when no client has the id.</returns>
    Task<Client?> FindClientAsync(ClientId id, CancellationToken cancellationToken = default);
}
