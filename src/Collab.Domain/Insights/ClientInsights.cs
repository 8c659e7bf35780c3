using NodaTime;

namespace Collab.Insights;

/// <summary>One monthly value a source supplies for a company: a measure such as <c>revenue</c> or <c>bank-balance</c>, in euro.</summary>
/// <param name="Measure">The measure's key (lower-case letters, digits and '-'; the host maps it to a label, TXT-1).</param>
/// <param name="Month">The month.</param>
/// <param name="Value">The amount.</param>
public readonly record struct MonthlyValue(string Measure, YearMonth Month, decimal Value);

/// <summary>
/// A data source for client insights (SHARE-16) that the vendor implements: its bookkeeping, the bank feed, payroll …
/// Register each with <c>AddCollab().AddInsightSource&lt;T&gt;()</c>. A source returns what it has; a month it lacks is
/// simply absent (Collab shows a gap, never a zero).
/// </summary>
public interface IClientInsightSource
{
    /// <summary>The source's name, shown with every point (such as <c>boekhouding</c>); unique among the sources.</summary>
    string Name { get; }

    /// <summary>The values a company has in the months <paramref name="from"/> … <paramref name="to"/>, both included.</summary>
    /// <param name="company">The company.</param>
    /// <param name="from">The first month.</param>
    /// <param name="to">The last month.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>At most one value per measure and month; months outside the range are ignored.</returns>
    Task<IReadOnlyList<MonthlyValue>> ReadAsync(CompanyId company, YearMonth from, YearMonth to, CancellationToken cancellationToken);
}

/// <summary>One point of an insight series: the month, the source it came from, and the value, or null for a gap.</summary>
/// <param name="Month">The month.</param>
/// <param name="Source">The source's name.</param>
/// <param name="Value">The value; null when the source lacks the month (a gap, never a zero).</param>
public readonly record struct InsightPoint(YearMonth Month, string Source, decimal? Value);

/// <summary>A monthly series of one measure from one source: for one company, or combined over the companies.</summary>
/// <param name="Measure">The measure's key.</param>
/// <param name="Source">The source's name.</param>
/// <param name="Company">The company; null for a series combined over companies.</param>
/// <param name="Points">One point per month of the range, oldest first.</param>
public sealed record InsightSeries(string Measure, string Source, CompanyId? Company, IReadOnlyList<InsightPoint> Points);

/// <summary>
/// A client user's insights (SHARE-16): every measure of every source for each company the user may reach (SEC-1),
/// and combined over those companies. A combined month is the sum of the companies that have the series, and a gap
/// when any of them lacks that month: a total is never made from part of the companies.
/// </summary>
/// <param name="From">The first month.</param>
/// <param name="To">The last month.</param>
/// <param name="Companies">The companies included.</param>
/// <param name="PerCompany">Per company, measure and source.</param>
/// <param name="Combined">Per measure and source, over the companies.</param>
public sealed record ClientInsights(YearMonth From, YearMonth To, IReadOnlyList<CompanyId> Companies, IReadOnlyList<InsightSeries> PerCompany, IReadOnlyList<InsightSeries> Combined)
{
    /// <summary>
    /// Merges readings into dense monthly series per company and combined over the companies (SHARE-16): what
    /// <see cref="InsightService.ForClientUserAsync"/> does with its sources' readings, for readings a host has at hand
    /// (an office-side view, an export). Reads nothing and checks no party: pass only companies the reader may reach.
    /// </summary>
    /// <param name="from">The first month.</param>
    /// <param name="to">The last month; at most 240 months after <paramref name="from"/>.</param>
    /// <param name="companies">The companies, in the order the series follow.</param>
    /// <param name="readings">What each source said about each company.</param>
    /// <returns>The series per company and combined.</returns>
    /// <exception cref="CollabRefusalException">A range that is empty or longer than 240 months.</exception>
    public static ClientInsights Merge(YearMonth from, YearMonth to, IReadOnlyList<CompanyId> companies, IReadOnlyList<SourceReading> readings) =>
        InsightMerge.MonthsBetween(from, to) is >= 1 and <= InsightMerge.MaxMonths
            ? InsightMerge.Merge(from, to, companies, readings)
            : throw CollabRefusals.InsightsRange(from, to, InsightMerge.MaxMonths);
}

/// <summary>What one source said about one company, as <see cref="ClientInsights.Merge"/> takes it.</summary>
/// <param name="Company">The company.</param>
/// <param name="Source">The source's name.</param>
/// <param name="Values">Its values.</param>
public readonly record struct SourceReading(CompanyId Company, string Source, IReadOnlyList<MonthlyValue> Values);

/// <summary>Merges readings into dense monthly series, per company and combined (SHARE-16).</summary>
internal static class InsightMerge
{
    /// <summary>The most months one request covers.</summary>
    public const int MaxMonths = 240;

    public static int MonthsBetween(YearMonth from, YearMonth to) => ((to.Year - from.Year) * 12) + (to.Month - from.Month) + 1;

    public static ClientInsights Merge(YearMonth from, YearMonth to, IReadOnlyList<CompanyId> companies, IReadOnlyList<SourceReading> readings)
    {
        var months = MonthsBetween(from, to);
        var monthList = new YearMonth[months];
        for (var (i, m) = (0, from); i < months; i++, m = m.PlusMonths(1))
        {
            monthList[i] = m;
        }

        // Dense arrays per (company, source, measure); a slot never written stays a gap.
        var perCompany = new Dictionary<(CompanyId Company, string Source, string Measure), decimal?[]>();
        foreach (var reading in readings)
        {
            foreach (var value in reading.Values)
            {
                var index = MonthsBetween(from, value.Month) - 1;
                if (index < 0 || index >= months)
                {
                    continue;
                }

                var key = (reading.Company, reading.Source, value.Measure);
                if (!perCompany.TryGetValue(key, out var slots))
                {
                    perCompany[key] = slots = new decimal?[months];
                }

                if (slots[index] is not null)
                {
                    throw new InvalidOperationException($"Insight source '{reading.Source}' returned two values for '{value.Measure}' in {value.Month} for company {reading.Company}: a source returns at most one value per measure and month.");
                }

                slots[index] = value.Value;
            }
        }

        var combined = new Dictionary<(string Source, string Measure), (decimal?[] Sum, bool[] Gap)>();
        var series = new List<InsightSeries>(perCompany.Count);
        foreach (var ((company, source, measure), slots) in perCompany.OrderBy(p => p.Key.Company.Value).ThenBy(p => p.Key.Measure, StringComparer.Ordinal).ThenBy(p => p.Key.Source, StringComparer.Ordinal))
        {
            series.Add(new InsightSeries(measure, source, company, Points(monthList, source, slots)));
            if (!combined.TryGetValue((source, measure), out var total))
            {
                combined[(source, measure)] = total = (new decimal?[months], new bool[months]);
            }

            for (var i = 0; i < months; i++)
            {
                if (slots[i] is { } v)
                {
                    total.Sum[i] = (total.Sum[i] ?? 0m) + v;
                }
                else
                {
                    total.Gap[i] = true;
                }
            }
        }

        var totals = new List<InsightSeries>(combined.Count);
        foreach (var ((source, measure), (sum, gap)) in combined.OrderBy(p => p.Key.Measure, StringComparer.Ordinal).ThenBy(p => p.Key.Source, StringComparer.Ordinal))
        {
            for (var i = 0; i < months; i++)
            {
                if (gap[i])
                {
                    sum[i] = null;
                }
            }

            totals.Add(new InsightSeries(measure, source, null, Points(monthList, source, sum)));
        }

        return new ClientInsights(from, to, companies, series, totals);
    }

    private static InsightPoint[] Points(YearMonth[] months, string source, decimal?[] slots)
    {
        var points = new InsightPoint[months.Length];
        for (var i = 0; i < months.Length; i++)
        {
            points[i] = new InsightPoint(months[i], source, slots[i]);
        }

        return points;
    }
}
