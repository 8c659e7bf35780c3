namespace Collab.Tiers;

/// <summary>
/// The tier catalogue as data (TIER-2): what each tier costs and includes. Leave <see cref="CollabOptions.Tiers"/>
/// null for the shipped default (the table in DOMAIN.md); set it, in code or configuration, to replace it whole.
/// </summary>
public sealed class TierCatalogueOptions
{
    /// <summary>The <see cref="ClientTier.Standard"/> tier.</summary>
    public TierDefinitionOptions? Standard { get; set; }

    /// <summary>The <see cref="ClientTier.Collaborate"/> tier.</summary>
    public TierDefinitionOptions? Collaborate { get; set; }

    /// <summary>The <see cref="ClientTier.CollaborateExtended"/> tier.</summary>
    public TierDefinitionOptions? CollaborateExtended { get; set; }

    /// <summary>
    /// The first month (<c>yyyy-MM</c>, such as <c>2027-01</c>) billed at the prices of <see cref="Standard"/>,
    /// <see cref="Collaborate"/> and <see cref="CollaborateExtended"/> (TIER-7). Null: every month after the last of
    /// <see cref="EarlierPrices"/>, or every month when there are none. Required when there are earlier prices.
    /// </summary>
    public string? PricesValidFrom { get; set; }

    /// <summary>
    /// The prices that held before <see cref="PricesValidFrom"/>, so that January's prices bill January (TIER-7): each holds
    /// from its own <see cref="TierPriceListOptions.ValidFrom"/> until the next one starts. Months before the first are
    /// billed at the first. Keep a price list once a month was billed at it: it is how that month is computed again.
    /// </summary>
    public IList<TierPriceListOptions> EarlierPrices { get; set; } = [];

    /// <summary>The catalogue Collab ships: prices €0.80 / €1.10 / €1.65, one client user each, extra users €1.00 in Extended.</summary>
    /// <returns>A new, mutable copy of the default catalogue.</returns>
    public static TierCatalogueOptions CreateDefault()
    {
        string[] standard = [nameof(Feature.DownloadDeliverables), nameof(Feature.ManageDeliverables)];
        string[] collaborate = [.. standard, nameof(Feature.ShareAndApproveDeliverables), nameof(Feature.DeadlineReminders), nameof(Feature.ShareDeliverableDashboard)];
        string[] extended =
        [
            .. collaborate, nameof(Feature.PermanentPortal), nameof(Feature.ShareClientInsights), nameof(Feature.HouseStyle),
            nameof(Feature.DocumentExchange), nameof(Feature.ClientQuestions), nameof(Feature.PrepareByClientQuestionnaires), nameof(Feature.ExtraClientUsers),
        ];
        return new TierCatalogueOptions
        {
            Standard = new TierDefinitionOptions { MonthlyPrice = 0.80m, IncludedClientUsers = 1, Features = [.. standard] },
            Collaborate = new TierDefinitionOptions { MonthlyPrice = 1.10m, IncludedClientUsers = 1, Features = [.. collaborate] },
            CollaborateExtended = new TierDefinitionOptions { MonthlyPrice = 1.65m, IncludedClientUsers = 1, ExtraClientUserPrice = 1.00m, Features = [.. extended] },
        };
    }
}

/// <summary>One tier of the catalogue.</summary>
public sealed class TierDefinitionOptions
{
    /// <summary>Price per client per month, in euro. Zero or more.</summary>
    public decimal MonthlyPrice { get; set; }

    /// <summary>Client users included in the price. At least 1.</summary>
    public int IncludedClientUsers { get; set; } = 1;

    /// <summary>Price per extra client user per month, in euro; required exactly when <see cref="Features"/> lists <see cref="Feature.ExtraClientUsers"/>.</summary>
    public decimal? ExtraClientUserPrice { get; set; }

    /// <summary>The features of this tier, by <see cref="Feature"/> name. A higher tier must list every feature of a lower one.</summary>
    public IList<string> Features { get; set; } = [];
}

/// <summary>Prices that held from a month on (TIER-7): an entry of <see cref="TierCatalogueOptions.EarlierPrices"/>.</summary>
public sealed class TierPriceListOptions
{
    /// <summary>The first month (<c>yyyy-MM</c>) billed at these prices.</summary>
    public string ValidFrom { get; set; } = string.Empty;

    /// <summary>Price per client per month of <see cref="ClientTier.Standard"/>, in euro.</summary>
    public decimal Standard { get; set; }

    /// <summary>Price per client per month of <see cref="ClientTier.Collaborate"/>, in euro.</summary>
    public decimal Collaborate { get; set; }

    /// <summary>Price per client per month of <see cref="ClientTier.CollaborateExtended"/>, in euro.</summary>
    public decimal CollaborateExtended { get; set; }

    /// <summary>Price per extra client user per month, in euro, for the tiers that offer extra users; null when none does.</summary>
    public decimal? ExtraClientUser { get; set; }
}
