namespace Collab.Registry;

/// <summary>
/// The store of the <see cref="Company"/> aggregate (a company belongs to one client but is an aggregate of its own:
/// users, administrations and deliverables refer to it by id). Reads only; the unit of work saves.
/// </summary>
public interface ICompanyStore
{
    /// <summary>Finds a company, tracked.</summary>
    /// <param name="id">The company id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The company, or null when no company has the id.</returns>
    Task<Company?> FindCompanyAsync(CompanyId id, CancellationToken cancellationToken = default);

    /// <summary>The companies of a client, ordered by name.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The companies, untracked; never one of another client; empty for an unknown client.</returns>
    Task<IReadOnlyList<Company>> ListCompaniesAsync(ClientId client, CancellationToken cancellationToken = default);
}
