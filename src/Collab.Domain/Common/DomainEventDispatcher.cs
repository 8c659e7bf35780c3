namespace Collab;

/// <summary>
/// Hands the domain events of aggregates about to be saved to Collab's handlers, which keep other capabilities'
/// data in step (the client portal's entry of a shared report, for example) so that no capability writes another's
/// data itself. <b>For store authors:</b> a unit of work calls <see cref="DispatchAsync"/> with the aggregates it is
/// about to save, before it writes anything, and saves what the handlers added or changed in the same transaction.
/// Scoped: one per unit of work.
/// </summary>
public sealed class DomainEventDispatcher
{
    private readonly IEnumerable<IDomainEventHandler> _handlers;
    private readonly HashSet<IDomainEvent> _dispatched = new(ReferenceEqualityComparer.Instance);

    internal DomainEventDispatcher(IEnumerable<IDomainEventHandler> handlers) => _handlers = handlers;

    /// <summary>
    /// Dispatches each pending event of <paramref name="changed"/> once (an event handed over before is skipped, so
    /// calling again after handlers ran is safe), and returns what the handlers produced.
    /// </summary>
    /// <param name="changed">The aggregates the unit of work is about to save.</param>
    /// <param name="cancellationToken">Cancels the handlers' reads.</param>
    /// <returns>New aggregates to insert and tracked ones the handlers changed, to save with the rest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changed"/> is null.</exception>
    public async Task<DomainEventOutcome> DispatchAsync(IEnumerable<AggregateRoot> changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var added = new List<AggregateRoot>();
        var updated = new List<AggregateRoot>();
        foreach (var aggregate in changed.ToList())
        {
            var pending = aggregate.DomainEvents.Where(_dispatched.Add).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            foreach (var handler in _handlers)
            {
                await handler.HandleAsync(aggregate, pending, added, updated, cancellationToken).ConfigureAwait(false);
            }
        }

        return new DomainEventOutcome(added, updated);
    }
}

/// <summary>What domain event handlers produced, for the unit of work to save with the change that raised the events.</summary>
/// <param name="Added">New aggregates to insert.</param>
/// <param name="Changed">Aggregates the handlers loaded and changed.</param>
public sealed record DomainEventOutcome(IReadOnlyList<AggregateRoot> Added, IReadOnlyList<AggregateRoot> Changed);

/// <summary>Reacts to one aggregate's pending events; registered by the capability whose data it keeps.</summary>
internal interface IDomainEventHandler
{
    /// <summary>Handles the events; adds what it creates to <paramref name="added"/> and what it changes to <paramref name="changed"/>.</summary>
    Task HandleAsync(AggregateRoot source, IReadOnlyList<IDomainEvent> events, List<AggregateRoot> added, List<AggregateRoot> changed, CancellationToken cancellationToken);
}
