using NodaTime;

namespace Collab.Tiers;

/// <summary>
/// An office's collaboration with one client (the client card in the office's list): the client's one
/// <see cref="Tier"/> for every service (TIER-3) and the period in which the office can start work for it,
/// which decides whether it is billed (TIER-7).
/// </summary>
/// <remarks>
/// There is deliberately a single <see cref="Tier"/> and no per-service tier anywhere in the model: a
/// client whose fiscal and annual-report work sit on different tiers cannot be expressed (TIER-3).
/// </remarks>
public sealed class ClientCollaboration : AggregateRoot
{
    private ClientCollaboration()
    {
    }

    /// <summary>The office.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The client.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The client's tier at this office, for all its services (TIER-3).</summary>
    public ClientTier Tier { get; private set; }

    /// <summary>The first day the office can start work for the client (office's local date).</summary>
    public LocalDate StartsOn { get; private set; }

    /// <summary>The last day the office can start work for the client, once the collaboration is ended.</summary>
    public LocalDate? EndsOn { get; private set; }

    /// <summary>
    /// The instant from which the collaboration counts for the monthly statement (TIER-7): the start of
    /// <see cref="StartsOn"/> in the office's time zone, or the moment it was started if that is later — a start
    /// dated in the past never reaches back into a month that was already over.
    /// </summary>
    public Instant StartsAt { get; private set; }

    /// <summary>
    /// The instant from which the collaboration no longer counts for the monthly statement, once it is ended: the start
    /// of the day after <see cref="EndsOn"/> in the office's time zone, or the moment it was ended if that is later.
    /// </summary>
    public Instant? EndsAt { get; private set; }

    /// <summary>The tier that applies to a service: always <see cref="Tier"/>, whatever the service (TIER-3).</summary>
    /// <param name="service">The service.</param>
    /// <returns>The client's tier.</returns>
    public ClientTier TierFor(ServiceLine service) => Tier;

    /// <summary>
    /// Whether work for the client can be started on some day of a calendar year (seed 002 FAQ). The monthly statement
    /// bills per month from the history instead (TIER-7): a client is on a month's statement when its collaboration ran
    /// on a day of that month.
    /// </summary>
    /// <param name="year">The calendar year.</param>
    /// <returns>True when the collaboration overlaps the year.</returns>
    public bool IsBillableIn(int year) => StartsOn.Year <= year && (EndsOn is null || EndsOn.Value.Year >= year);

    internal static ClientCollaboration Start(OfficeId office, ClientId client, ClientTier tier, LocalDate startsOn, DateTimeZone zone, Actor actor, Instant now)
    {
        CheckTier(tier);
        var startsAt = Later(now, zone.AtStartOfDay(startsOn).ToInstant());
        var collaboration = new ClientCollaboration { OfficeId = office, ClientId = client, Tier = tier, StartsOn = startsOn, StartsAt = startsAt };
        collaboration.Raise(new TierChanged(now, actor, AuditAction.CollaborationStarted, office, client, null, tier, $"starts={startsOn:yyyy-MM-dd}"));
        collaboration.Raise(new TierHeld(now, office, client, tier, startsAt));
        return collaboration;
    }

    /// <summary>Moves every service of the client to the new tier at once (TIER-4). The caller checked the downgrade rules.</summary>
    /// <returns>False when the client is already on that tier (nothing changes, nothing is recorded).</returns>
    internal bool ChangeTier(ClientTier tier, Actor actor, Instant now)
    {
        CheckTier(tier);
        if (tier == Tier)
        {
            return false;
        }

        var previous = Tier;
        Tier = tier;
        Raise(new TierChanged(now, actor, AuditAction.TierChanged, OfficeId, ClientId, previous, tier, string.Empty));
        Raise(new TierHeld(now, OfficeId, ClientId, tier, Later(now, StartsAt))); // before the start, the new tier holds from the start
        return true;
    }

    /// <summary>
    /// Records that work depending on this collaboration's tier starts in the same unit of work (a new client user, an
    /// approval, questions or a questionnaire sent). The version moves, so this save and a concurrent tier change
    /// cannot both commit: whichever saves second is refused as a concurrency conflict (SEC-4).
    /// </summary>
    internal void NoteTierDependentWork(Instant now) => Raise(new TierDependentWorkStarted(now));

    internal void End(LocalDate endsOn, DateTimeZone zone, Actor actor, Instant now)
    {
        if (EndsOn is not null)
        {
            throw CollabRefusals.CollaborationAlreadyEnded(ClientId, EndsOn);
        }

        if (endsOn < StartsOn)
        {
            throw CollabRefusals.CollaborationEndsBeforeStart(endsOn, StartsOn);
        }

        EndsOn = endsOn;
        EndsAt = Later(Later(now, zone.AtStartOfDay(endsOn.PlusDays(1)).ToInstant()), StartsAt);
        Raise(new TierChanged(now, actor, AuditAction.CollaborationEnded, OfficeId, ClientId, Tier, Tier, $"ends={endsOn:yyyy-MM-dd}"));
    }

    private static Instant Later(Instant a, Instant b) => a > b ? a : b;

    internal static void CheckTier(ClientTier tier)
    {
        if (!Enum.IsDefined(tier))
        {
            throw CollabRefusals.TierUnknown((int)tier);
        }
    }
}

/// <summary>
/// Work that depends on the client's tier was started under this collaboration (SEC-4): not audited, it only moves
/// the collaboration's version, so a tier change that read the collaboration before it cannot also commit.
/// </summary>
/// <param name="OccurredAt">When.</param>
internal sealed record TierDependentWorkStarted(Instant OccurredAt) : IDomainEvent;

/// <summary>
/// From <paramref name="From"/> on, the client holds <paramref name="Tier"/> at the office (TIER-7): one entry of the tier
/// history the monthly statement is computed from. Raised with every start and tier change, in the same save; not
/// audited (the <see cref="TierChanged"/> beside it is). <b>For store authors:</b> save each as a
/// <see cref="TierHistoryEntry"/> (<see cref="TierHistoryEntry.FromEvent(TierHeld)"/>) in the same transaction as the change.
/// </summary>
/// <param name="OccurredAt">When the change was made.</param>
/// <param name="OfficeId">The office.</param>
/// <param name="ClientId">The client.</param>
/// <param name="Tier">The tier held from <paramref name="From"/>.</param>
/// <param name="From">When it takes effect: never before the change was made, never before the collaboration starts.</param>
public sealed record TierHeld(Instant OccurredAt, OfficeId OfficeId, ClientId ClientId, ClientTier Tier, Instant From) : IDomainEvent;

/// <summary>A collaboration started or ended, or its tier changed (AUD-1).</summary>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">Started, tier changed or ended.</param>
/// <param name="OfficeId">The office.</param>
/// <param name="ClientId">The client.</param>
/// <param name="From">The tier before, if any.</param>
/// <param name="To">The tier after.</param>
/// <param name="Extra">Further facts.</param>
public sealed record TierChanged(Instant OccurredAt, Actor Actor, AuditAction Action, OfficeId OfficeId, ClientId ClientId, ClientTier? From, ClientTier To, string Extra)
    : IAuditedEvent
{
    /// <inheritdoc />
    public AuditSubject Subject => AuditSubject.Client(ClientId);

    /// <inheritdoc />
    public string Details => $"office={OfficeId};from={From?.ToString() ?? "-"};to={To}" + (Extra.Length > 0 ? ";" + Extra : string.Empty);
}
