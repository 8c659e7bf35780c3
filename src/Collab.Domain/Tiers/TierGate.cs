
namespace Collab.Tiers;

/// <summary>SHARE-11 in one place: read the client's tier at the moment of the action and require a feature.</summary>
internal static class TierGate
{
    internal static async Task<ClientTier> RequireAsync(ITierStore tiers, TierCatalogue catalogue, OfficeId office, ClientId client, Feature feature, CancellationToken cancellationToken)
    {
        var tier = await tiers.FindTierAsync(office, client, cancellationToken).ConfigureAwait(false)
            ?? throw new CollabRefusalException(new Refusal(RefusalKind.NotFound, "collaboration.not-found",
                $"Office {office} does not collaborate with client {client}: start a collaboration first.", "SHARE-11"));
        catalogue.Require(tier, feature);
        return tier;
    }
}
