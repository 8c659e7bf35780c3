using NodaTime;

namespace Collab.Lifecycle;

/// <summary>Whether a subscription runs.</summary>
public enum SubscriptionState
{
    /// <summary>Running.</summary>
    Active = 1,

    /// <summary>Cancelled by the client; its online administrations are scheduled for deletion (ONB-6).</summary>
    Cancelled = 2,
}

/// <summary>
/// A client's online subscription (an account with the vendor) on a plan, registered by an office (ONB-1).
/// One per client: a client that has one is a customer and cannot be registered again (ONB-2).
/// </summary>
public sealed class ClientSubscription : AggregateRoot
{
    private ClientSubscription() => Plan = string.Empty;

    /// <summary>The client (also the subscription's key).</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The office that registered the client; its time zone governs the subscription's dates (RET-1).</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The plan, spelled as in the plan catalogue.</summary>
    public string Plan { get; private set; }

    /// <summary>Who is billed.</summary>
    public BillingParty BillingParty { get; private set; }

    /// <summary>The local day of registration in the office's zone.</summary>
    public LocalDate RegisteredOn { get; private set; }

    /// <summary>
    /// The last free day: registration day plus the free calendar months, by NodaTime month arithmetic (a
    /// registration on 31 January is free through 28 or 29 February). Billing starts the next day.
    /// </summary>
    public LocalDate FreeThrough { get; private set; }

    /// <summary>Running or cancelled.</summary>
    public SubscriptionState State { get; private set; }

    /// <summary>When the client cancelled; null while running.</summary>
    public Instant? CancelledAt { get; private set; }

    /// <summary>The local day its online administrations are deleted; null while running (ONB-6).</summary>
    public LocalDate? DeletionDate { get; private set; }

    /// <summary>The first local day billed: the day after <see cref="FreeThrough"/>.</summary>
    public LocalDate FirstBilledDay => FreeThrough.PlusDays(1);

    /// <summary>The free period's last day for a registration on <paramref name="registeredOn"/> (ONB-1, RET-1).</summary>
    /// <param name="registeredOn">The local registration day.</param>
    /// <param name="freeMonths">The free calendar months.</param>
    /// <returns>The last free day; with zero months the registration day is still free.</returns>
    public static LocalDate FreeThroughFor(LocalDate registeredOn, int freeMonths) => registeredOn.PlusMonths(freeMonths);

    internal static ClientSubscription Start(ClientId client, OfficeId office, string plan, BillingParty billing, LocalDate today, int freeMonths, Actor actor, Instant now)
    {
        if (billing is not (BillingParty.Office or BillingParty.Client))
        {
            throw CollabRefusals.SubscriptionBillingParty((int)billing);
        }

        var subscription = new ClientSubscription
        {
            ClientId = client,
            OfficeId = office,
            Plan = plan,
            BillingParty = billing,
            RegisteredOn = today,
            FreeThrough = FreeThroughFor(today, freeMonths),
            State = SubscriptionState.Active,
        };
        subscription.Raise(new Registry.RegistryChanged(now, actor, AuditAction.SubscriptionStarted, AuditSubject.Client(client),
            $"office={office};plan={plan};billed={billing};free-through={subscription.FreeThrough:yyyy-MM-dd}"));
        return subscription;
    }

    internal void Cancel(LocalDate deletionDate, Actor actor, Instant now)
    {
        if (State == SubscriptionState.Cancelled)
        {
            throw CollabRefusals.SubscriptionAlreadyCancelled(DeletionDate);
        }

        State = SubscriptionState.Cancelled;
        CancelledAt = now;
        DeletionDate = deletionDate;
        Raise(new Registry.RegistryChanged(now, actor, AuditAction.SubscriptionCancelled, AuditSubject.Client(ClientId), $"deletion-date={deletionDate:yyyy-MM-dd}"));
    }

    internal void Reactivate(Actor actor, Instant now)
    {
        if (State != SubscriptionState.Cancelled)
        {
            throw CollabRefusals.SubscriptionNotCancelled();
        }

        State = SubscriptionState.Active;
        var was = DeletionDate;
        CancelledAt = null;
        DeletionDate = null;
        Raise(new Registry.RegistryChanged(now, actor, AuditAction.SubscriptionReactivated, AuditSubject.Client(ClientId), $"called-off-deletion={was:yyyy-MM-dd}"));
    }
}
