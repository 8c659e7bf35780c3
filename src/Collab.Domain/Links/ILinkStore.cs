using NodaTime;

namespace Collab.Links;

/// <summary>Reads integration links and their linked records (LINK).</summary>
public interface ILinkStore
{
    /// <summary>Finds a link, tracked for change.</summary>
    /// <param name="id">The link.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The link, or null.</returns>
    Task<IntegrationLink?> FindLinkAsync(LinkId id, CancellationToken cancellationToken = default);

    /// <summary>The link of an app administration that is not removed, if any (LINK-1).</summary>
    /// <param name="app">The app.</param>
    /// <param name="externalAdministration">The app's administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The link, tracked, or null.</returns>
    Task<IntegrationLink?> FindLinkOfExternalAsync(string app, string externalAdministration, CancellationToken cancellationToken = default);

    /// <summary>The link of a bookkeeping administration with an app that is not removed, if any (LINK-1).</summary>
    /// <param name="app">The app.</param>
    /// <param name="administration">The bookkeeping administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The link, untracked, or null.</returns>
    Task<IntegrationLink?> FindLinkOfAdministrationAsync(string app, AdministrationId administration, CancellationToken cancellationToken = default);

    /// <summary>The linked records of a link and kind, keyed by the app's id, tracked.</summary>
    /// <param name="link">The link.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyDictionary<string, LinkedRecord>> LinkedRecordsAsync(LinkId link, SyncEntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Finds one linked record by the app's id, tracked.</summary>
    /// <param name="link">The link.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="externalId">The app's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null.</returns>
    Task<LinkedRecord?> FindByExternalAsync(LinkId link, SyncEntityKind kind, string externalId, CancellationToken cancellationToken = default);

    /// <summary>Finds one linked record by the bookkeeping's id, tracked.</summary>
    /// <param name="link">The link.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="bookkeepingId">The bookkeeping's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null.</returns>
    Task<LinkedRecord?> FindByBookkeepingAsync(LinkId link, SyncEntityKind kind, string bookkeepingId, CancellationToken cancellationToken = default);

    /// <summary>Links that are synchronising or finished and due for a poll, earliest first, tracked.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The links.</returns>
    Task<IReadOnlyList<IntegrationLink>> FindDuePollsAsync(Instant now, int max, CancellationToken cancellationToken = default);
}
