namespace Collab.Registry;

/// <summary>
/// The store of the <see cref="Office"/> aggregate. Reads only; what it returns is tracked, and the unit of work
/// (<see cref="ICollabUnitOfWork"/>) saves changes and additions.
/// </summary>
public interface IOfficeStore
{
    /// <summary>Finds an office, tracked.</summary>
    /// <param name="id">The office id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The office, or null when no office has the id (never another office).</returns>
    Task<Office?> FindOfficeAsync(OfficeId id, CancellationToken cancellationToken = default);
}
