using Collab.Registry;
using NodaTime;

namespace Collab.Lifecycle;

/// <summary>Reads subscriptions and scheduled deletions (ONB-1, ONB-6, RET-2).</summary>
public interface ILifecycleStore
{
    /// <summary>Finds a client's subscription, tracked for change.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subscription, or null when the client is not a customer.</returns>
    Task<ClientSubscription?> FindSubscriptionAsync(ClientId client, CancellationToken cancellationToken = default);

    /// <summary>The client's live administrations, tracked for change.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations.</returns>
    Task<IReadOnlyList<Administration>> ListLiveAdministrationsAsync(ClientId client, CancellationToken cancellationToken = default);

    /// <summary>The client's deletions that are still scheduled, tracked for change.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedules.</returns>
    Task<IReadOnlyList<DeletionSchedule>> ListScheduledDeletionsAsync(ClientId client, CancellationToken cancellationToken = default);

    /// <summary>Scheduled deletions with something to do by <paramref name="now"/>, earliest first, tracked (index on state and next action).</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedules.</returns>
    Task<IReadOnlyList<DeletionSchedule>> FindDueDeletionWorkAsync(Instant now, int max, CancellationToken cancellationToken = default);

    /// <summary>The deletion schedules of an administration, newest first (the deletion record, RET-2).</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedules.</returns>
    Task<IReadOnlyList<DeletionSchedule>> ListDeletionsAsync(AdministrationId administration, CancellationToken cancellationToken = default);

    /// <summary>When the latest backup of an administration made at or after <paramref name="since"/> was made.</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="since">The earliest instant that counts.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instant, or null.</returns>
    Task<Instant?> LatestBackupSinceAsync(AdministrationId administration, Instant since, CancellationToken cancellationToken = default);
}
