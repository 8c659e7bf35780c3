namespace Collab.Tiers;

/// <summary>
/// SHARE-11 as a service: reads a client's tier at the moment of the action and requires or asks about a feature. The
/// instance form of the static gate, injected where a service used to pass the tier store and catalogue along.
/// </summary>
/// <param name="tiers">Reads the client's tier.</param>
/// <param name="catalogue">The tier catalogue (TIER-2).</param>
public sealed class FeatureGate(ITierStore tiers, TierCatalogue catalogue)
{
    /// <summary>The catalogue the gate answers from.</summary>
    internal TierCatalogue Catalogue => catalogue;

    /// <summary>The client's tier at the office now, or null without a collaboration.</summary>
    internal Task<ClientTier?> TierAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        tiers.FindTierAsync(office, client, cancellationToken);

    /// <summary>Requires <paramref name="feature"/> of the client's tier now (SHARE-11); the refusal names the tier that has it.</summary>
    internal Task<ClientTier> RequireAsync(OfficeId office, ClientId client, Feature feature, CancellationToken cancellationToken) =>
        TierGate.RequireAsync(tiers, catalogue, office, client, feature, cancellationToken);

    /// <summary>For passes that skip rather than refuse: does the client's tier include <paramref name="feature"/> now? No collaboration is no.</summary>
    internal Task<bool> AllowsAsync(OfficeId office, ClientId client, Feature feature, CancellationToken cancellationToken) =>
        TierGate.AllowsAsync(tiers, catalogue, office, client, feature, cancellationToken);

    /// <summary>SEC-4, step one: the collaborations the coming work depends on, read before the tier is checked.</summary>
    internal Task<IReadOnlyList<ClientCollaboration>> DependentCollaborationsAsync(ClientId client, OfficeId? office, CancellationToken cancellationToken) =>
        TierGate.DependentCollaborationsAsync(tiers, client, office, cancellationToken);
}
