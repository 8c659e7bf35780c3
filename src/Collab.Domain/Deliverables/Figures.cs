using System.Globalization;
using Collab.Texts;

namespace Collab.Deliverables;

/// <summary>
/// The key figures of one financial year in euro, as exact <see cref="decimal"/> amounts (SHARE-15). Collab checks a
/// set before it keeps it (<see cref="FinancialFigures.Check"/>): no negative revenue, assets, cash or current
/// liabilities; amounts in euro and cents (at most 2 decimals, at most MaxAmount); current assets within total assets, cash within current assets, gross margin within revenue, and
/// equity plus current liabilities within total assets (the balance sheet must close with non-negative long-term debt).
/// </summary>
/// <param name="Revenue">Revenue (omzet).</param>
/// <param name="GrossMargin">Gross margin (brutomarge).</param>
/// <param name="OperatingResult">Operating result (bedrijfsresultaat).</param>
/// <param name="NetResult">Net result (nettoresultaat).</param>
/// <param name="Equity">Equity (eigen vermogen).</param>
/// <param name="TotalAssets">Total assets (balanstotaal).</param>
/// <param name="CurrentAssets">Current assets (vlottende activa).</param>
/// <param name="CurrentLiabilities">Current liabilities (kortlopende schulden).</param>
/// <param name="Cash">Cash (liquide middelen).</param>
public sealed record KeyFigures(
    decimal Revenue, decimal GrossMargin, decimal OperatingResult, decimal NetResult, decimal Equity,
    decimal TotalAssets, decimal CurrentAssets, decimal CurrentLiabilities, decimal Cash);

/// <summary>The key figures of an annual report: its year and the year before (SHARE-15).</summary>
/// <param name="Year">The financial year of <paramref name="Current"/>.</param>
/// <param name="Current">The year's figures.</param>
/// <param name="Previous">The year before's figures.</param>
public sealed record FinancialFigures(int Year, KeyFigures Current, KeyFigures Previous)
{
    /// <summary>The largest amount accepted, in euro: far above any real balance sheet, far below where decimal arithmetic could overflow.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>Checks the figures; refuses an inconsistent set with the reason and the year it concerns.</summary>
    /// <returns>The same figures.</returns>
    /// <exception cref="CollabRefusalException">The set is missing a year or is inconsistent (<c>figures.inconsistent</c>).</exception>
    public FinancialFigures Check()
    {
        if (Current is null || Previous is null || Year is < 1901 or > 9999)
        {
            throw CollabRefusals.FiguresIncomplete();
        }

        CheckYear(Year, Current);
        CheckYear(Year - 1, Previous);
        return this;
    }

    private static void CheckYear(int year, KeyFigures f)
    {
        // On the stack and without LINQ: checking a set allocates nothing unless it is refused (SHARE-15's 0 B dashboard).
        ReadOnlySpan<decimal> all = [f.Revenue, f.GrossMargin, f.OperatingResult, f.NetResult, f.Equity, f.TotalAssets, f.CurrentAssets, f.CurrentLiabilities, f.Cash];
        var (tooLarge, subCent) = (false, false);
        foreach (var amount in all)
        {
            tooLarge |= Math.Abs(amount) > MaxAmount;
            subCent |= Math.Round(amount, 2) != amount;
        }

        var reason =
            tooLarge ? new TextRef("figures.reason.too-large", MaxAmount)
            : subCent ? new TextRef("figures.reason.sub-cent")
            : f.Revenue < 0 ? new TextRef("figures.reason.negative-revenue")
            : f.TotalAssets < 0 || f.CurrentAssets < 0 || f.Cash < 0 ? new TextRef("figures.reason.negative-assets")
            : f.CurrentLiabilities < 0 ? new TextRef("figures.reason.negative-liabilities")
            : f.CurrentAssets > f.TotalAssets ? new TextRef("figures.reason.current-above-total", f.CurrentAssets, f.TotalAssets)
            : f.Cash > f.CurrentAssets ? new TextRef("figures.reason.cash-above-current", f.Cash, f.CurrentAssets)
            : f.GrossMargin > f.Revenue ? new TextRef("figures.reason.margin-above-revenue", f.GrossMargin, f.Revenue)
            : f.Equity + f.CurrentLiabilities > f.TotalAssets ? new TextRef("figures.reason.balance", f.Equity, f.CurrentLiabilities, f.TotalAssets)
            : (TextRef?)null;
        if (reason is { } broken)
        {
            throw CollabRefusals.FiguresInconsistent(year, broken);
        }
    }
}

/// <summary>
/// A derived figure that may not apply: a ratio whose denominator is zero is "not applicable", never a crash and never
/// zero. The value is exact (decimal division); <see cref="Display"/> is the one stated display rounding.
/// </summary>
public readonly struct Ratio : IEquatable<Ratio>
{
    private readonly decimal _value;

    private Ratio(decimal value) => (_value, IsApplicable) = (value, true);

    /// <summary>The ratio for a zero denominator.</summary>
    public static Ratio NotApplicable => default;

    /// <summary>Whether the ratio has a value.</summary>
    public bool IsApplicable { get; }

    /// <summary>The exact value, or null when not applicable.</summary>
    public decimal? Value => IsApplicable ? _value : null;

    /// <summary>The value rounded for display: half away from zero to <paramref name="decimals"/> places, or null when not applicable.</summary>
    /// <param name="decimals">0 … 28: Collab shows percentages with 1 and ratios with 2.</param>
    /// <returns>The rounded value.</returns>
    public decimal? Display(int decimals) => IsApplicable ? Math.Round(_value, decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>, not applicable when the denominator is zero.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator.</param>
    /// <returns>The ratio.</returns>
    public static Ratio Of(decimal numerator, decimal denominator) => denominator == 0 ? default : new Ratio(numerator / denominator);

    /// <summary>The relative change from <paramref name="before"/> to <paramref name="now"/>, against the size of <paramref name="before"/>.</summary>
    /// <param name="now">This year's amount.</param>
    /// <param name="before">The year before's amount.</param>
    /// <returns>The change as a fraction (0.1 is 10 % up), not applicable when the year before is zero.</returns>
    public static Ratio Change(decimal now, decimal before) => before == 0 ? default : new Ratio((now - before) / Math.Abs(before));

    /// <inheritdoc />
    public bool Equals(Ratio other) => IsApplicable == other.IsApplicable && _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Ratio other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IsApplicable, _value);

    /// <summary>The exact value, or "n.v.t." (niet van toepassing).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsApplicable ? _value.ToString(CultureInfo.InvariantCulture) : "n.v.t.";

    /// <summary>Equal values, or both not applicable.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Ratio left, Ratio right) => left.Equals(right);

    /// <summary>Not <see cref="op_Equality"/>.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Ratio left, Ratio right) => !left.Equals(right);
}

/// <summary>The ratios of one year (SHARE-15), each exact and "not applicable" for a zero denominator.</summary>
/// <param name="Solvency">Equity / total assets.</param>
/// <param name="CurrentRatio">Current assets / current liabilities.</param>
/// <param name="GrossMarginRate">Gross margin / revenue.</param>
/// <param name="OperatingMargin">Operating result / revenue.</param>
/// <param name="NetMargin">Net result / revenue.</param>
public readonly record struct YearRatios(Ratio Solvency, Ratio CurrentRatio, Ratio GrossMarginRate, Ratio OperatingMargin, Ratio NetMargin)
{
    internal static YearRatios Of(KeyFigures f) => new(
        Ratio.Of(f.Equity, f.TotalAssets), Ratio.Of(f.CurrentAssets, f.CurrentLiabilities),
        Ratio.Of(f.GrossMargin, f.Revenue), Ratio.Of(f.OperatingResult, f.Revenue), Ratio.Of(f.NetResult, f.Revenue));
}

/// <summary>One point of a chart: a label (a year) and a value, null where the figure does not apply.</summary>
/// <param name="Label">The x-axis label.</param>
/// <param name="Value">The value as displayed (rounded as the series' unit says), or null.</param>
public readonly record struct ChartPoint(string Label, decimal? Value);

/// <summary>What a series' values are.</summary>
public enum ChartUnit
{
    /// <summary>Euro amounts, exact.</summary>
    Euro = 1,

    /// <summary>Percentages, rounded to 1 decimal.</summary>
    Percent = 2,

    /// <summary>Plain ratios (such as the current ratio), rounded to 2 decimals.</summary>
    Ratio = 3,
}

/// <summary>A chart-ready series: a stable key the host maps to its own label (TXT-1), its unit and its points, oldest first.</summary>
/// <param name="Key">Such as <c>revenue</c> or <c>solvency</c>.</param>
/// <param name="Unit">What the values are.</param>
/// <param name="Points">The points, oldest first.</param>
public sealed record ChartSeries(string Key, ChartUnit Unit, IReadOnlyList<ChartPoint> Points);

/// <summary>
/// The annual-report dashboard derived from its key figures (SHARE-15): the ratios of both years and the change of
/// every figure on the year before. Deriving it allocates nothing; <see cref="ToSeries"/> shapes it for charts.
/// Display rounding, stated once: percentages to 1 decimal, ratios to 2, half away from zero; euro amounts exact.
/// </summary>
public readonly struct Dashboard
{
    private readonly FinancialFigures _figures;

    private Dashboard(FinancialFigures figures)
    {
        _figures = figures;
        Current = YearRatios.Of(figures.Current);
        Previous = YearRatios.Of(figures.Previous);
        var (c, p) = (figures.Current, figures.Previous);
        RevenueChange = Ratio.Change(c.Revenue, p.Revenue);
        GrossMarginChange = Ratio.Change(c.GrossMargin, p.GrossMargin);
        OperatingResultChange = Ratio.Change(c.OperatingResult, p.OperatingResult);
        NetResultChange = Ratio.Change(c.NetResult, p.NetResult);
        EquityChange = Ratio.Change(c.Equity, p.Equity);
        TotalAssetsChange = Ratio.Change(c.TotalAssets, p.TotalAssets);
        CashChange = Ratio.Change(c.Cash, p.Cash);
    }

    /// <summary>The figures it was derived from.</summary>
    public FinancialFigures Figures => _figures;

    /// <summary>The year's ratios.</summary>
    public YearRatios Current { get; }

    /// <summary>The year before's ratios.</summary>
    public YearRatios Previous { get; }

    /// <summary>Revenue's change on the year before.</summary>
    public Ratio RevenueChange { get; }

    /// <summary>Gross margin's change on the year before.</summary>
    public Ratio GrossMarginChange { get; }

    /// <summary>Operating result's change on the year before.</summary>
    public Ratio OperatingResultChange { get; }

    /// <summary>Net result's change on the year before.</summary>
    public Ratio NetResultChange { get; }

    /// <summary>Equity's change on the year before.</summary>
    public Ratio EquityChange { get; }

    /// <summary>Total assets' change on the year before.</summary>
    public Ratio TotalAssetsChange { get; }

    /// <summary>Cash's change on the year before.</summary>
    public Ratio CashChange { get; }

    /// <summary>Derives the dashboard from checked figures.</summary>
    /// <param name="figures">The figures.</param>
    /// <returns>The dashboard.</returns>
    /// <exception cref="CollabRefusalException">The figures are inconsistent.</exception>
    public static Dashboard From(FinancialFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new Dashboard(figures.Check());
    }

    // For figures a deliverable already holds: they were checked when set.
    internal static Dashboard FromChecked(FinancialFigures figures) => new(figures);

    /// <summary>The dashboard as chart series, each with the year before and the year as points.</summary>
    /// <returns>Amounts first (revenue … cash), then the ratios (solvency, current ratio, margins).</returns>
    public IReadOnlyList<ChartSeries> ToSeries()
    {
        var (c, p) = (_figures.Current, _figures.Previous);
        var labels = (Before: (_figures.Year - 1).ToString(CultureInfo.InvariantCulture), Now: _figures.Year.ToString(CultureInfo.InvariantCulture));
        ChartSeries Euro(string key, decimal before, decimal now) => new(key, ChartUnit.Euro, [new(labels.Before, before), new(labels.Now, now)]);
        ChartSeries Rate(string key, ChartUnit unit, Ratio before, Ratio now)
        {
            var (scale, places) = unit == ChartUnit.Percent ? (100m, 1) : (1m, 2);
            decimal? Shown(Ratio r) => r.IsApplicable ? Math.Round(r.Value!.Value * scale, places, MidpointRounding.AwayFromZero) : null;
            return new(key, unit, [new(labels.Before, Shown(before)), new(labels.Now, Shown(now))]);
        }

        return
        [
            Euro("revenue", p.Revenue, c.Revenue), Euro("gross-margin", p.GrossMargin, c.GrossMargin),
            Euro("operating-result", p.OperatingResult, c.OperatingResult), Euro("net-result", p.NetResult, c.NetResult),
            Euro("equity", p.Equity, c.Equity), Euro("total-assets", p.TotalAssets, c.TotalAssets),
            Euro("current-assets", p.CurrentAssets, c.CurrentAssets), Euro("current-liabilities", p.CurrentLiabilities, c.CurrentLiabilities),
            Euro("cash", p.Cash, c.Cash),
            Rate("solvency", ChartUnit.Percent, Previous.Solvency, Current.Solvency),
            Rate("current-ratio", ChartUnit.Ratio, Previous.CurrentRatio, Current.CurrentRatio),
            Rate("gross-margin-rate", ChartUnit.Percent, Previous.GrossMarginRate, Current.GrossMarginRate),
            Rate("operating-margin", ChartUnit.Percent, Previous.OperatingMargin, Current.OperatingMargin),
            Rate("net-margin", ChartUnit.Percent, Previous.NetMargin, Current.NetMargin),
        ];
    }
}
