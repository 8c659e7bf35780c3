
namespace Collab.Tiers;

/// <summary>SHARE-11 in one place: read the client's tier at the moment of the action and require a feature.</summary>
internal static class TierGate
{
    internal static async Task<ClientTier> RequireAsync(ITierStore tiers, TierCatalogue catalogue, OfficeId office, ClientId client, Feature feature, CancellationToken cancellationToken)
    {
        var tier = await tiers.FindTierAsync(office, client, cancellationToken).ConfigureAwait(false)
            ?? throw new CollabRefusalException(CollabRefusals.CollaborationNotFound("SHARE-11", office, client).Refusal);
        catalogue.Require(tier, feature);
        return tier;
    }

    /// <summary>For background passes that skip rather than refuse: does the client's tier include <paramref name="feature"/> now? No collaboration is no.</summary>
    internal static async Task<bool> AllowsAsync(ITierStore tiers, TierCatalogue catalogue, OfficeId office, ClientId client, Feature feature, CancellationToken cancellationToken) =>
        await tiers.FindTierAsync(office, client, cancellationToken).ConfigureAwait(false) is { } tier && catalogue.Allows(tier, feature);

    /// <summary>
    /// SEC-4, step one: read (tracked) the collaborations whose tier the coming work depends on — the office's, or all of
    /// the client's for a new user — <em>before</em> the tier or the user count is checked. Their versions are then the
    /// ones the checks saw, so a tier change committed in between makes this save fail instead of both committing.
    /// </summary>
    internal static async Task<IReadOnlyList<ClientCollaboration>> DependentCollaborationsAsync(ITierStore tiers, ClientId client, OfficeId? office, CancellationToken cancellationToken) =>
        (await tiers.ListClientCollaborationsAsync(client, cancellationToken).ConfigureAwait(false)).Where(c => office is null || c.OfficeId == office).ToList();

    /// <summary>SEC-4, step two, once every check passed: the work starts, so the collaborations' versions move with it in the same save.</summary>
    internal static void NoteDependentWork(IReadOnlyList<ClientCollaboration> collaborations, NodaTime.Instant now)
    {
        foreach (var collaboration in collaborations)
        {
            collaboration.NoteTierDependentWork(now);
        }
    }
}
