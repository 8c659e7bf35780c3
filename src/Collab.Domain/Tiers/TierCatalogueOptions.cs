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

    /// <summary>The catalogue Collab ships: prices €0.80 / €1.10 / €1.65, one client user each, extra users €1.00 in Extended.</summary>
    /// <returns>A new, mutable copy of the default catalogue.</returns>
    public static TierCatalogueOptions CreateDefault()
    {
        string[] standard = [nameof(Feature.DownloadReports), nameof(Feature.ManageAnnualReports)];
        string[] collaborate = [.. standard, nameof(Feature.ShareAndApproveAnnualReports), nameof(Feature.DeadlineReminders), nameof(Feature.ShareAnnualReportDashboard)];
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
