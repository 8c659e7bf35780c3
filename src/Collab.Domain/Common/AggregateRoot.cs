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
    /// The version the stored row has while this instance's changes are unsaved: every change raised exactly
    /// one event and bumped <see cref="Version"/> once. Stores that write without change tracking use it as
    /// the concurrency check.
    /// </summary>
    internal int PersistedVersion => Version - (_events?.Count ?? 0);

    /// <summary>Called by stores once the events are saved.</summary>
    internal void ClearDomainEvents() => _events?.Clear();
}
