using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

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
    private TierPriceList[] _priceLists = [];

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
                mask |= 1u << (int)FeatureNames.Parse(name);
            }

            catalogue._masks[(int)tier] = mask;
        }

        var lists = new List<TierPriceList>();
        foreach (var earlier in options.EarlierPrices ?? [])
        {
            var extra = earlier.ExtraClientUser;
            lists.Add(new TierPriceList(catalogue, ParseMonth(earlier.ValidFrom), [0m, earlier.Standard, earlier.Collaborate, earlier.CollaborateExtended], [null, extra, extra, extra]));
        }

        lists.Add(new TierPriceList(catalogue, options.PricesValidFrom is null ? null : ParseMonth(options.PricesValidFrom), catalogue._prices, catalogue._extraUserPrices));
        catalogue._priceLists = [.. lists];
        return catalogue;
    }

    /// <summary>The prices that bill a month (TIER-7): the price list whose validity started last on or before it; the first list for earlier months.</summary>
    /// <param name="month">The month billed.</param>
    /// <returns>The prices.</returns>
    public TierPriceList PricesFor(YearMonth month)
    {
        var found = _priceLists[0];
        foreach (var list in _priceLists)
        {
            if (list.ValidFrom is not { } from || from <= month)
            {
                found = list;
            }
        }

        return found;
    }

    /// <summary>Every price list, earliest first; the last holds the current prices.</summary>
    public IReadOnlyList<TierPriceList> PriceLists => _priceLists;

    private static YearMonth ParseMonth(string text) => NodaTime.Text.YearMonthPattern.Iso.Parse(text).Value;

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
            ? CollabRefusals.TierFeatureNotIncluded(feature, tier, needed).Refusal
            : Refuse.Keyed(RefusalKind.RuleViolation, "tier.feature-not-included", "tier.feature-in-no-tier", "SHARE-11", feature);

    internal static int Index(ClientTier tier) =>
        (uint)tier is >= 1 and <= 3 ? (int)tier : throw CollabRefusals.TierUnknown((int)tier);

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
                if (!FeatureNames.TryParse(name, out var feature))
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

        YearMonth? previous = null;
        var earlierPrices = options.EarlierPrices ?? [];
        for (var i = 0; i < earlierPrices.Count; i++)
        {
            var at = $"{path}:EarlierPrices:{i}";
            var list = earlierPrices[i];
            if (!NodaTime.Text.YearMonthPattern.Iso.Parse(list.ValidFrom ?? string.Empty).TryGetValue(default, out var from))
            {
                problems.Add($"{at}:ValidFrom is '{list.ValidFrom}': write the first month these prices bill as yyyy-MM, such as 2026-01.");
                continue;
            }

            if (previous is { } before && from <= before)
            {
                problems.Add($"{at}:ValidFrom {from:yyyy-MM} is not after the price list before it ({before:yyyy-MM}): list earlier prices oldest first.");
            }

            if (list.Standard < 0 || list.Collaborate < 0 || list.CollaborateExtended < 0 || list.ExtraClientUser < 0)
            {
                problems.Add($"{at} has a price below zero: a price cannot be below zero.");
            }

            if (list.ExtraClientUser is null && (lower & (1u << (int)Feature.ExtraClientUsers)) != 0)
            {
                problems.Add($"{at} has no ExtraClientUser price: set the price per extra user per month that held then.");
            }

            previous = from;
        }

        if (options.PricesValidFrom is not null)
        {
            if (!NodaTime.Text.YearMonthPattern.Iso.Parse(options.PricesValidFrom).TryGetValue(default, out var current))
            {
                problems.Add($"{path}:PricesValidFrom is '{options.PricesValidFrom}': write the first month the current prices bill as yyyy-MM, such as 2027-01.");
            }
            else if (previous is { } last && current <= last)
            {
                problems.Add($"{path}:PricesValidFrom {current:yyyy-MM} is not after the last of EarlierPrices ({last:yyyy-MM}): the current prices start last.");
            }
        }
        else if (earlierPrices.Count > 0)
        {
            problems.Add($"{path}:PricesValidFrom is missing: say from which month (yyyy-MM) the current prices replace EarlierPrices.");
        }

        return problems;
    }
}

/// <summary>
/// The prices of the catalogue that held from a month on (TIER-7): what each tier costs per client per month and what an
/// extra client user costs. Features and included users are the catalogue's.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TierPriceList
{
    private readonly TierCatalogue _catalogue;
    private readonly decimal[] _prices;
    private readonly decimal?[] _extraUserPrices;

    internal TierPriceList(TierCatalogue catalogue, YearMonth? validFrom, decimal[] prices, decimal?[] extraUserPrices)
    {
        _catalogue = catalogue;
        ValidFrom = validFrom;
        _prices = prices;
        _extraUserPrices = extraUserPrices;
    }

    /// <summary>The first month billed at these prices; null when they hold for every month (before the next list).</summary>
    public YearMonth? ValidFrom { get; }

    /// <summary>Price per client per month of a tier, in euro.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The price.</returns>
    /// <exception cref="CollabRefusalException">The tier is undefined.</exception>
    public decimal MonthlyPrice(ClientTier tier) => _prices[TierCatalogue.Index(tier)];

    /// <summary>Price per extra client user per month, or null when the tier allows no extra users.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The price, or null.</returns>
    /// <exception cref="CollabRefusalException">The tier is undefined.</exception>
    public decimal? ExtraClientUserPrice(ClientTier tier) => _catalogue.Allows(tier, Feature.ExtraClientUsers) ? _extraUserPrices[TierCatalogue.Index(tier)] : null;
}
