namespace Collab.Tiers;

/// <summary>
/// Reads a <see cref="Feature"/> named in a tier catalogue's options (TIER-2): its member name, any case, or — for one
/// minor version — the name it had before 0.6.0, when the features that govern both service lines (TIER-3) were
/// renamed from "annual reports" to "deliverables" (<c>ManageAnnualReports</c> → <see cref="Feature.ManageDeliverables"/>, …).
/// </summary>
public static class FeatureNames
{
    private static readonly Dictionary<string, Feature> Legacy = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DownloadReports"] = Feature.DownloadDeliverables,
        ["ManageAnnualReports"] = Feature.ManageDeliverables,
        ["ShareAndApproveAnnualReports"] = Feature.ShareAndApproveDeliverables,
        ["ShareAnnualReportDashboard"] = Feature.ShareDeliverableDashboard,
    };

    /// <summary>The pre-0.6.0 names still read, each with the feature it now names.</summary>
    public static IReadOnlyDictionary<string, Feature> LegacyNames => Legacy;

    /// <summary>Reads a feature's name: a member name in any case, or a pre-0.6.0 name; never a number.</summary>
    /// <param name="name">The name.</param>
    /// <param name="feature">The feature, when known.</param>
    /// <returns>True when the name is a feature's.</returns>
    public static bool TryParse(string? name, out Feature feature)
    {
        feature = default;
        if (string.IsNullOrWhiteSpace(name) || int.TryParse(name, out _))
        {
            return false;
        }

        return Legacy.TryGetValue(name, out feature) || (Enum.TryParse(name, ignoreCase: true, out feature) && Enum.IsDefined(feature));
    }

    /// <summary>Reads a feature's name as <see cref="TryParse"/> does.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The feature.</returns>
    /// <exception cref="ArgumentException">The name is no feature's.</exception>
    public static Feature Parse(string name) =>
        TryParse(name, out var feature) ? feature : throw new ArgumentException($"'{name}' is no feature.", nameof(name));
}
