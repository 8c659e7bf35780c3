using NodaTime;

namespace Collab.Tiers;

/// <summary>An office's collaboration with a client as its office sees it (SEC-6): the tier and when work can start and end. A copy taken at the read.</summary>
/// <param name="OfficeId">The office.</param>
/// <param name="ClientId">The client.</param>
/// <param name="Tier">The client's tier at this office, for all its services (TIER-3).</param>
/// <param name="StartsOn">The first day the office can start work for the client (office's local date).</param>
/// <param name="EndsOn">The last day the office can start work for the client, once the collaboration is ended.</param>
/// <param name="StartsAt">From when it counts for the monthly statement (TIER-7): the start of <paramref name="StartsOn"/> in the office's zone, or when it was started if later.</param>
/// <param name="EndsAt">From when it no longer counts, once ended: the start of the day after <paramref name="EndsOn"/> in the office's zone, or when it was ended if later.</param>
public sealed record CollaborationView(OfficeId OfficeId, ClientId ClientId, ClientTier Tier, LocalDate StartsOn, LocalDate? EndsOn, Instant StartsAt, Instant? EndsAt)
{
    /// <summary>Whether the client is billable in a calendar year: work could start in it (TIER-7).</summary>
    /// <param name="year">The year.</param>
    /// <returns>True when the collaboration overlaps the year.</returns>
    public bool IsBillableIn(int year) => StartsOn.Year <= year && (EndsOn is null || EndsOn.Value.Year >= year);

    internal static CollaborationView Of(ClientCollaboration c) => new(c.OfficeId, c.ClientId, c.Tier, c.StartsOn, c.EndsOn, c.StartsAt, c.EndsAt);
}
