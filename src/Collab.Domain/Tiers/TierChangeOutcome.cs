namespace Collab.Tiers;

/// <summary>What happened to one client in a tier change.</summary>
public enum TierChangeStatus
{
    /// <summary>All services of the client moved to the new tier.</summary>
    Changed = 1,

    /// <summary>The client already had that tier; nothing changed.</summary>
    AlreadyOnTier = 2,

    /// <summary>A rule refused the change (TIER-4); <see cref="TierChangeOutcome.Refusal"/> says what to do first.</summary>
    Refused = 3,

    /// <summary>Someone changed this client at the same moment; nothing was changed for it. Try it again.</summary>
    ConcurrentChange = 4,

    /// <summary>The office does not collaborate with this client.</summary>
    NotFound = 5,
}

/// <summary>The outcome for one client of a (bulk) tier change (TIER-5).</summary>
/// <param name="Client">The client.</param>
/// <param name="Status">What happened.</param>
/// <param name="Tier">The client's tier afterwards, when known.</param>
/// <param name="Refusal">Why nothing changed, for every status but <see cref="TierChangeStatus.Changed"/> and <see cref="TierChangeStatus.AlreadyOnTier"/>.</param>
public sealed record TierChangeOutcome(ClientId Client, TierChangeStatus Status, ClientTier? Tier, Refusal? Refusal);

/// <summary>The result of a bulk tier change: one outcome per requested client, in request order (TIER-5).</summary>
/// <param name="Outcomes">The outcomes.</param>
public sealed record BulkTierChangeResult(IReadOnlyList<TierChangeOutcome> Outcomes)
{
    /// <summary>How many clients have the given status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int Count(TierChangeStatus status) => Outcomes.Count(o => o.Status == status);
}
