using Collab.Registry;
using NodaTime;

namespace Collab.Tiers;

/// <summary>
/// One entry of a collaboration's tier history (TIER-7): from <see cref="From"/> on, the client holds <see cref="Tier"/>
/// at the office, until the next entry of the same collaboration takes over or the collaboration ends
/// (<see cref="ClientCollaboration.EndsAt"/>). Insert-only: written in the same save as the start or tier change it
/// records, never changed afterwards, so a month that is over is billed the same whenever it is read.
/// </summary>
/// <remarks>Immutable once created.</remarks>
public sealed class TierHistoryEntry : AggregateRoot
{
    private TierHistoryEntry()
    {
    }

    /// <summary>Insertion order, assigned by the store: of two entries with the same <see cref="From"/>, the later one holds.</summary>
    public long Sequence { get; private set; }

    /// <summary>The office.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The client.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The tier held from <see cref="From"/>.</summary>
    public ClientTier Tier { get; private set; }

    /// <summary>When the tier takes effect.</summary>
    public Instant From { get; private set; }

    /// <summary>When the change was made.</summary>
    public Instant RecordedAt { get; private set; }

    /// <summary>The entry a <see cref="TierHeld"/> event asks for: what a store saves with the change (for store authors).</summary>
    /// <param name="held">The event.</param>
    /// <returns>A new entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="held"/> is null.</exception>
    public static TierHistoryEntry FromEvent(TierHeld held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return new TierHistoryEntry { OfficeId = held.OfficeId, ClientId = held.ClientId, Tier = held.Tier, From = held.From, RecordedAt = held.OccurredAt };
    }
}

/// <summary>
/// One entry of a client user's activity history (TIER-7): the user became active (<see cref="Active"/> true, when it was
/// created) or inactive (when it was deactivated) at <see cref="At"/>. Insert-only, written in the same save as the
/// user's change; the statement counts the users active at some moment of the month.
/// </summary>
/// <remarks>Immutable once created.</remarks>
public sealed class ClientUserHistoryEntry : AggregateRoot
{
    private ClientUserHistoryEntry()
    {
    }

    /// <summary>Insertion order, assigned by the store.</summary>
    public long Sequence { get; private set; }

    /// <summary>The user.</summary>
    public UserId UserId { get; private set; }

    /// <summary>The user's client.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>True when the user became active, false when it was deactivated.</summary>
    public bool Active { get; private set; }

    /// <summary>When.</summary>
    public Instant At { get; private set; }

    /// <summary>The entry a client user's registry change asks for, or null when the change does not affect billing (for store authors).</summary>
    /// <param name="user">The user that changed.</param>
    /// <param name="change">
    /// The change: <see cref="AuditAction.InvitationAccepted"/> (a user counts from the moment it may act: at once for the platform's
    /// users, on acceptance for invited ones, SEC-7) and <see cref="AuditAction.UserDeactivated"/> count.
    /// </param>
    /// <returns>A new entry, or null.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ClientUserHistoryEntry? FromEvent(CollabUser user, RegistryChanged change)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(change);
        if (user.Kind != UserKind.ClientUser || user.ClientId is not { } client || change.Action is not (AuditAction.InvitationAccepted or AuditAction.UserDeactivated))
        {
            return null;
        }

        return new ClientUserHistoryEntry { UserId = user.Id, ClientId = client, Active = change.Action == AuditAction.InvitationAccepted, At = change.OccurredAt };
    }
}

/// <summary>
/// Keeps the billing history in step (TIER-7): every <see cref="TierHeld"/> of a collaboration and every activation and
/// deactivation of a client user becomes a history entry, saved in the same unit of work as the change itself.
/// The registry only raises its events; billing owns its history.
/// </summary>
internal sealed class BillingHistoryRecorder : IDomainEventHandler
{
    public Task HandleAsync(AggregateRoot source, IReadOnlyList<IDomainEvent> events, List<AggregateRoot> added, List<AggregateRoot> changed, CancellationToken cancellationToken)
    {
        foreach (var happened in events)
        {
            switch (happened)
            {
                case TierHeld held when source is ClientCollaboration:
                    added.Add(TierHistoryEntry.FromEvent(held));
                    break;
                case RegistryChanged change when source is CollabUser user && ClientUserHistoryEntry.FromEvent(user, change) is { } entry:
                    added.Add(entry);
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
