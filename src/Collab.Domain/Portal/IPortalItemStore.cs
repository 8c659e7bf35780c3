namespace Collab.Portal;

/// <summary>
/// The store of the <see cref="PortalItem"/> aggregate: the entries of a client's portal history (SHARE-6, SHARE-7).
/// Reads only; the unit of work (<see cref="ICollabUnitOfWork"/>) saves changes and additions.
/// </summary>
public interface IPortalItemStore
{
    /// <summary>Finds a portal entry by the id of the thing it shows, tracked.</summary>
    /// <param name="id">The deliverable, document, batch or questionnaire id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, hidden or not, or null when nothing with the id was ever shown.</returns>
    Task<PortalItem?> FindPortalItemAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of a client's history: entries of the given companies and offices, not hidden, newest first, after the
    /// cursor (index on client, shared instant and id).
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="companies">The companies the user may reach.</param>
    /// <param name="portalTiers">The tiers that include the permanent portal: only entries of offices whose collaboration with the client is on one of them (SHARE-11).</param>
    /// <param name="after">Where the previous page ended; null for the first page.</param>
    /// <param name="pageSize">How many.</param>
    /// <param name="openOnly">Only entries that wait for the client.</param>
    /// <param name="office">Only entries of this office (the reader is homed at it, SEC-5); null for every office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// At most <paramref name="pageSize"/> entries, untracked, ordered by shared instant then id, both descending; never a
    /// hidden one, one of another client or company, one of an office whose tier for the client is not in
    /// <paramref name="portalTiers"/>, or one at or before the cursor.
    /// </returns>
    Task<IReadOnlyList<PortalItem>> PortalHistoryAsync(
        ClientId client, IReadOnlyCollection<CompanyId> companies, IReadOnlyCollection<Tiers.ClientTier> portalTiers, PortalCursor? after, int pageSize, bool openOnly,
        OfficeId? office = null, CancellationToken cancellationToken = default);
}
