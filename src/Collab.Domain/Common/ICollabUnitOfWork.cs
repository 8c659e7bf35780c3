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
}
