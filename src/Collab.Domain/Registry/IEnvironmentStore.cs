namespace Collab.Registry;

/// <summary>
/// The store of the <see cref="CollabEnvironment"/> aggregate. Reads only; what it returns is tracked, and the unit of
/// work (<see cref="ICollabUnitOfWork"/>) saves changes and additions.
/// </summary>
public interface IEnvironmentStore
{
    /// <summary>Finds an environment, tracked.</summary>
    /// <param name="id">The environment id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The environment, or null when none has the id.</returns>
    Task<CollabEnvironment?> FindEnvironmentAsync(EnvironmentId id, CancellationToken cancellationToken = default);

    /// <summary>The environments with these ids that exist, in one read, tracked (the two sides of a transfer).</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The environments found, in no particular order; unknown ids are left out.</returns>
    Task<IReadOnlyList<CollabEnvironment>> ListEnvironmentsAsync(IReadOnlyCollection<EnvironmentId> ids, CancellationToken cancellationToken = default);
}
