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

    /// <summary>The tier that applies to a service: always <see cref="Tier"/>, whatever the service (TIER-3).</summary>
    /// <param name="service">The service.</param>
    /// <returns>The client's tier.</returns>
    public ClientTier TierFor(ServiceLine service) => Tier;

    /// <summary>
    /// Whether the client is billable in a calendar year: work for it can be started on some day of that year
    /// (seed 002 FAQ, TIER-7).
    /// </summary>
    /// <param name="year">The calendar year.</param>
    /// <returns>True when the collaboration overlaps the year.</returns>
    public bool IsBillableIn(int year) => StartsOn.Year <= year && (EndsOn is null || EndsOn.Value.Year >= year);

    internal static ClientCollaboration Start(OfficeId office, ClientId client, ClientTier tier, LocalDate startsOn, Actor actor, Instant now)
    {
        CheckTier(tier);
        var collaboration = new ClientCollaboration { OfficeId = office, ClientId = client, Tier = tier, StartsOn = startsOn };
        collaboration.Raise(new TierChanged(now, actor, AuditAction.CollaborationStarted, office, client, null, tier, $"starts={startsOn:yyyy-MM-dd}"));
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
        return true;
    }

    /// <summary>
    /// Records that work depending on this collaboration's tier starts in the same unit of work (a new client user, an
    /// approval, questions or a questionnaire sent). The version moves, so this save and a concurrent tier change
    /// cannot both commit: whichever saves second is refused as a concurrency conflict (SEC-4).
    /// </summary>
    internal void NoteTierDependentWork(Instant now) => Raise(new TierDependentWorkStarted(now));

    internal void End(LocalDate endsOn, Actor actor, Instant now)
    {
        if (EndsOn is not null)
        {
            throw Refuse.Violation("collaboration.already-ended", "TIER-7", ClientId, EndsOn);
        }

        if (endsOn < StartsOn)
        {
            throw Refuse.Input("collaboration.ends-before-start", null, endsOn, StartsOn);
        }

        EndsOn = endsOn;
        Raise(new TierChanged(now, actor, AuditAction.CollaborationEnded, OfficeId, ClientId, Tier, Tier, $"ends={endsOn:yyyy-MM-dd}"));
    }

    internal static void CheckTier(ClientTier tier)
    {
        if (!Enum.IsDefined(tier))
        {
            throw Refuse.Input("tier.unknown", "TIER-1", (int)tier);
        }
    }
}

/// <summary>
/// Work that depends on the client's tier was started under this collaboration (SEC-4): not audited, it only moves
/// the collaboration's version, so a tier change that read the collaboration before it cannot also commit.
/// </summary>
/// <param name="OccurredAt">When.</param>
internal sealed record TierDependentWorkStarted(Instant OccurredAt) : IDomainEvent;

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
