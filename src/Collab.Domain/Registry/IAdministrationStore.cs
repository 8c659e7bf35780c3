namespace Collab.Registry;

/// <summary>
/// The store of the <see cref="Administration"/> aggregate. Reads only; the unit of work (<see cref="ICollabUnitOfWork"/>)
/// saves changes and additions. Which office may access which administration is the rights store's answer
/// (<see cref="Rights.IRightsStore"/>), not this one's.
/// </summary>
public interface IAdministrationStore
{
    /// <summary>Finds an administration in any state, tracked.</summary>
    /// <param name="id">The administration id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administration, or null when none has the id.</returns>
    Task<Administration?> FindAdministrationAsync(AdministrationId id, CancellationToken cancellationToken = default);

    /// <summary>The administration with this number that is live or being restored, if any.</summary>
    /// <param name="number">The number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administration, untracked, or null when the number is free (one being deleted or deleted does not hold it).</returns>
    Task<Administration?> FindLiveAdministrationByNumberAsync(AdministrationNumber number, CancellationToken cancellationToken = default);

    /// <summary>The administrations with these ids that exist, in one read, untracked.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations found in any state, in no particular order; unknown ids are left out.</returns>
    Task<IReadOnlyList<Administration>> ListAdministrationsAsync(IReadOnlyCollection<AdministrationId> ids, CancellationToken cancellationToken = default);

    /// <summary>The live administrations of the given companies of a client, ordered by number (what a client user may access, SEC-1).</summary>
    /// <param name="client">The client.</param>
    /// <param name="companies">The companies a user may reach.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations, untracked; never one of another client, another company or one that is not live.</returns>
    Task<IReadOnlyList<Administration>> ListLiveAdministrationsAsync(ClientId client, IReadOnlyCollection<CompanyId> companies, CancellationToken cancellationToken = default);
}
