namespace Collab;

/// <summary>
/// Base of every Collab aggregate: guards its own invariants, counts its changes in <see cref="Version"/>
/// (the optimistic-concurrency token) and collects the domain events it raised until they are saved.
/// </summary>
/// <remarks>Not thread-safe: an aggregate instance belongs to one unit of work.</remarks>
public abstract class AggregateRoot
{
    private List<IDomainEvent>? _events;

    /// <summary>
    /// How many changes the aggregate has seen. Stores save only if the stored version is still the one they
    /// loaded, so two concurrent changes can never silently overwrite each other.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>Events raised since the aggregate was loaded or last saved.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => (IReadOnlyList<IDomainEvent>?)_events ?? [];

    /// <summary>Records a change: bumps <see cref="Version"/> and keeps the event for the store.</summary>
    /// <param name="domainEvent">What happened.</param>
    protected void Raise(IDomainEvent domainEvent)
    {
        (_events ??= []).Add(domainEvent);
        Version++;
    }

    /// <summary>
    /// For store authors: the version the stored row has while this instance's changes are unsaved (every change
    /// raised exactly one event and bumped <see cref="Version"/> once). Save only where the stored version still
    /// equals this value, then store <see cref="Version"/>; a store that finds another version must refuse the
    /// save as a <see cref="RefusalKind.ConcurrencyConflict"/>.
    /// </summary>
    public int PersistedVersion => Version - (_events?.Count ?? 0);

    /// <summary>
    /// For store authors: call once the changes and the audit records of the <see cref="IAuditedEvent"/>s in
    /// <see cref="DomainEvents"/> are committed. Afterwards <see cref="PersistedVersion"/> equals <see cref="Version"/>.
    /// Do not call it when the save failed: the instance must then be dropped, not saved again.
    /// </summary>
    public void ClearDomainEvents() => _events?.Clear();
}
