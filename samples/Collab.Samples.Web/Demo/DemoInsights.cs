using Collab.Insights;
using Collab.Registry;
using NodaTime;

namespace Collab.Samples.Web;

/// <summary>
/// The demo's insight sources (SHARE-16), as a vendor would write them over its own bookkeeping and bank feed: here
/// made up from each company's name; the property company's bank feed missed the month two before the last asked (a gap, not zero).
/// </summary>
internal sealed class DemoBookkeepingSource(ICompanyStore registry) : IClientInsightSource
{
    public string Name => "boekhouding";

    public async Task<IReadOnlyList<MonthlyValue>> ReadAsync(CompanyId company, YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var found = await registry.FindCompanyAsync(company, cancellationToken);
        var scale = found?.Name.Length * 1_000m ?? 0m;
        var values = new List<MonthlyValue>();
        for (var (month, i) = (from, 0); month <= to; month = month.PlusMonths(1), i++)
        {
            values.Add(new MonthlyValue("revenue", month, scale + (i * 500m)));
            values.Add(new MonthlyValue("costs", month, (scale * 0.7m) + (i * 250m)));
        }

        return values;
    }
}

internal sealed class DemoBankSource(ICompanyStore registry) : IClientInsightSource
{
    public string Name => "bank";

    public async Task<IReadOnlyList<MonthlyValue>> ReadAsync(CompanyId company, YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var found = await registry.FindCompanyAsync(company, cancellationToken);
        var property = found?.Name.Contains("Vastgoed", StringComparison.Ordinal) == true;
        var values = new List<MonthlyValue>();
        for (var (month, i) = (from, 0); month <= to; month = month.PlusMonths(1), i++)
        {
            if (!property || month != to.PlusMonths(-2))
            {
                values.Add(new MonthlyValue("bank-balance", month, 5_000m + (i * 800m)));
            }
        }

        return values;
    }
}
