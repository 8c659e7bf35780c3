using Collab.Tiers;

namespace Collab.Deliverables;

/// <summary>
/// The office overview's read store (SHARE-17): the clients of an office's overview page with their names and tiers.
/// A read model of the overview capability, not an aggregate's store; it writes nothing.
/// </summary>
public interface IOfficeOverviewStore
{
    /// <summary>The office overview's clients: applies the specification to the collaborations, with each client's name.</summary>
    /// <param name="specification">What to read; Collab builds it with the office scope, the tier filter, the cursor and the page size.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per collaboration the specification selects, ordered by client id; never a collaboration it leaves out (another office's).</returns>
    Task<IReadOnlyList<OverviewClient>> OverviewClientsAsync(Ardalis.Specification.ISpecification<ClientCollaboration> specification, CancellationToken cancellationToken = default);
}
