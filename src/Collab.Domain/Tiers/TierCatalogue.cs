using System.Globalization;
using System.Runtime.CompilerServices;

namespace Collab.Tiers;

/// <summary>
/// The validated, immutable tier catalogue (TIER-1, TIER-2). Built once at start-up from
/// <see cref="CollabOptions.Tiers"/>; each tier's features are one bit mask, so <see cref="Allows"/> and
/// <see cref="FeatureSet.Contains"/> — the hot path of every request (TIER-6) — are a shift and a mask: no
/// allocation, no storage.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TierCatalogue
{
    private static readonly ClientTier[] Tiers = [ClientTier.Standard, ClientTier.Collaborate, ClientTier.CollaborateExtended];

    // Indexed by (int)ClientTier; index 0 stays empty so an undefined tier allows nothing.
    private readonly uint[] _masks = new uint[4];
    private readonly decimal[] _prices = new decimal[4];
    private readonly int[] _includedUsers = new int[4];
    private readonly decimal?[] _extraUserPrices = new decimal?[4];

    private TierCatalogue()
    {
    }

    /// <summary>The catalogue Collab ships (DOMAIN.md TIER-2).</summary>
    public static TierCatalogue Default { get; } = Create(TierCatalogueOptions.CreateDefault());

    /// <summary>Builds a catalogue after validating it.</summary>
    /// <param name="options">The catalogue data.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="ArgumentException">The data is invalid; the message lists every problem.</exception>
    public static TierCatalogue Create(TierCatalogueOptions options)
    {
        var problems = Validate(options, "Collab:Tiers");
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        var catalogue = new TierCatalogue();
        foreach (var tier in Tiers)
        {
            var definition = Definition(options, tier)!;
            catalogue._prices[(int)tier] = definition.MonthlyPrice;
            catalogue._includedUsers[(int)tier] = definition.IncludedClientUsers;
            catalogue._extraUserPrices[(int)tier] = definition.ExtraClientUserPrice;
            var mask = 0u;
            foreach (var name in definition.Features ?? []) // a configuration section without "Features" binds null: no features
            {
                mask |= 1u << (int)Enum.Parse<Feature>(name, ignoreCase: true);
            }

            catalogue._masks[(int)tier] = mask;
        }

        return catalogue;
    }

    /// <summary>Whether a tier includes a feature (TIER-6: allocation-free, no storage).</summary>
    /// <param name="tier">The client's tier.</param>
    /// <param name="feature">The feature.</param>
    /// <returns>True when the tier includes the feature; false for undefined values.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Allows(ClientTier tier, Feature feature)
    {
        // The (uint)i < (uint)array.Length shape lets the JIT drop the bounds check; inlined, this is a load,
        // a shift and a mask at the caller (TIER-6).
        var masks = _masks;
        return (uint)tier < (uint)masks.Length && (uint)feature < 32 && (masks[(int)tier] & (1u << (int)feature)) != 0;
    }

    /// <summary>Refuses, naming the missing feature and the tier that has it, unless the tier includes the feature (SHARE-11).</summary>
    /// <param name="tier">The client's tier.</param>
    /// <param name="feature">The feature the action needs.</param>
    /// <exception cref="CollabRefusalException">Kind <see cref="RefusalKind.RuleViolation"/> when the tier lacks the feature.</exception>
    public void Require(ClientTier tier, Feature feature)
    {
        if (!Allows(tier, feature))
        {
            throw new CollabRefusalException(MissingFeature(tier, feature));
        }
    }

    /// <summary>The lowest tier that includes a feature, or null when no tier does.</summary>
    /// <param name="feature">The feature.</param>
    /// <returns>The tier.</returns>
    public ClientTier? LowestTierWith(Feature feature)
    {
        foreach (var tier in Tiers)
        {
            if (Allows(tier, feature))
            {
                return tier;
            }
        }

        return null;
    }

    /// <summary>The features of a tier: take it once when the tier is known, then test features on it (TIER-6).</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The features; empty for an undefined tier.</returns>
    public FeatureSet FeaturesOf(ClientTier tier) => (uint)tier < (uint)_masks.Length ? new FeatureSet(_masks[(int)tier]) : default;

    /// <summary>Price per client per month of a tier, in euro (TIER-1).</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The price.</returns>
    public decimal MonthlyPrice(ClientTier tier) => _prices[Index(tier)];

    /// <summary>Client users included in a tier's price (TIER-1).</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The number of users.</returns>
    public int IncludedClientUsers(ClientTier tier) => _includedUsers[Index(tier)];

    /// <summary>Price per extra client user per month, or null when the tier allows no extra users.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The price, or null.</returns>
    public decimal? ExtraClientUserPrice(ClientTier tier) => Allows(tier, Feature.ExtraClientUsers) ? _extraUserPrices[Index(tier)] : null;

    /// <summary>How many active client users a tier allows: the included ones, or any number when extra users are allowed.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The maximum.</returns>
    public int MaxClientUsers(ClientTier tier) => Allows(tier, Feature.ExtraClientUsers) ? int.MaxValue : IncludedClientUsers(tier);

    internal Refusal MissingFeature(ClientTier tier, Feature feature) =>
        LowestTierWith(feature) is { } needed
            ? Refuse.Refusal(RefusalKind.RuleViolation, "tier.feature-not-included", "SHARE-11", feature, tier, needed)
            : Refuse.Keyed(RefusalKind.RuleViolation, "tier.feature-not-included", "tier.feature-in-no-tier", "SHARE-11", feature);

    private static int Index(ClientTier tier) =>
        (uint)tier is >= 1 and <= 3 ? (int)tier : throw Refuse.Input("tier.unknown", "TIER-1", (int)tier);

    private static TierDefinitionOptions? Definition(TierCatalogueOptions options, ClientTier tier) => tier switch
    {
        ClientTier.Standard => options.Standard,
        ClientTier.Collaborate => options.Collaborate,
        _ => options.CollaborateExtended,
    };

    /// <summary>Every problem of a catalogue, each naming the setting and what to do.</summary>
    internal static List<string> Validate(TierCatalogueOptions options, string path)
    {
        var problems = new List<string>();
        uint lower = 0;
        ClientTier? lowerTier = null;
        foreach (var tier in Tiers)
        {
            var at = $"{path}:{tier}";
            var definition = Definition(options, tier);
            if (definition is null)
            {
                problems.Add($"{at} is missing: define all three tiers (Standard, Collaborate, CollaborateExtended).");
                continue;
            }

            if (definition.MonthlyPrice < 0)
            {
                problems.Add($"{at}:MonthlyPrice is {definition.MonthlyPrice.ToString(CultureInfo.InvariantCulture)}: a price cannot be below zero.");
            }

            if (definition.IncludedClientUsers < 1)
            {
                problems.Add($"{at}:IncludedClientUsers is {definition.IncludedClientUsers}: every tier includes at least 1 client user.");
            }

            uint mask = 0;
            foreach (var name in definition.Features ?? [])
            {
                if (!Enum.TryParse<Feature>(name, ignoreCase: true, out var feature) || !Enum.IsDefined(feature) || int.TryParse(name, out _))
                {
                    problems.Add($"{at}:Features has unknown feature '{name}': use one of {string.Join(", ", Enum.GetNames<Feature>())}.");
                    continue;
                }

                mask |= 1u << (int)feature;
            }

            var hasExtraUsers = (mask & (1u << (int)Feature.ExtraClientUsers)) != 0;
            if (hasExtraUsers && definition.ExtraClientUserPrice is null)
            {
                problems.Add($"{at} offers {Feature.ExtraClientUsers} but has no ExtraClientUserPrice: set the price per extra user per month.");
            }

            if (definition.ExtraClientUserPrice is < 0)
            {
                problems.Add($"{at}:ExtraClientUserPrice is below zero: a price cannot be below zero.");
            }

            if (!hasExtraUsers && definition.ExtraClientUserPrice is not null)
            {
                problems.Add($"{at} has an ExtraClientUserPrice but not the feature {Feature.ExtraClientUsers}: add the feature or remove the price.");
            }

            foreach (var feature in Enum.GetValues<Feature>())
            {
                var bit = 1u << (int)feature;
                if ((lower & bit) != 0 && (mask & bit) == 0)
                {
                    problems.Add($"Feature {feature} is granted to {lowerTier} but not to {tier}: a higher tier must include every feature of a lower one.");
                }
            }

            lower = mask;
            lowerTier = tier;
        }

        return problems;
    }
}
