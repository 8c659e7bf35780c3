namespace Collab;

/// <summary>
/// Saves what the domain services changed, in one transaction together with the audit records of the
/// aggregates' <see cref="IAuditedEvent"/>s. Implemented by Collab.Persistence.EfCore on the vendor's DbContext.
/// </summary>
public interface ICollabUnitOfWork
{
    /// <summary>Starts tracking a new aggregate; it is inserted by the next <see cref="SaveChangesAsync"/>.</summary>
    /// <param name="aggregate">The new aggregate.</param>
    void Add(AggregateRoot aggregate);

    /// <summary>Queues a notification; it is written to the outbox by the next save, in the same transaction as the change.</summary>
    /// <param name="notification">The message.</param>
    void Enqueue(Notification notification);

    /// <summary>Saves every tracked change and its audit records atomically.</summary>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when the data is committed.</returns>
    /// <exception cref="CollabRefusalException">
    /// Kind <see cref="RefusalKind.ConcurrencyConflict"/> when another request changed the same aggregate (or
    /// inserted the same unique key) first; nothing is saved and the failed changes are no longer tracked.
    /// </exception>
    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the tier changes of one chunk of a bulk change (TIER-5) with their audit records and tier history (TIER-7), in one
    /// transaction — the current one when a transaction is open. The collaborations are not tracked (memory stays flat however
    /// large the selection), so this writes them set-based instead of through <see cref="SaveChangesAsync"/>. A collaboration
    /// whose stored version is no longer the one it was read with (someone changed it meanwhile) is skipped — neither its
    /// change, its audit record nor its history is written — and reported; the others are saved and their events cleared.
    /// </summary>
    /// <param name="changed">Collaborations read with <see cref="Tiers.ITierStore.ReadForBulkChangeAsync"/> and changed since.</param>
    /// <param name="cancellationToken">Cancels the save; nothing of the chunk is then saved.</param>
    /// <returns>The clients whose change was skipped; empty when all were saved.</returns>
    Task<IReadOnlyList<ClientId>> SaveTierChangesAsync(IReadOnlyList<Tiers.ClientCollaboration> changed, CancellationToken cancellationToken = default);
}
