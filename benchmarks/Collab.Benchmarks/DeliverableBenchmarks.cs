using Collab.Authorization;
using BenchmarkDotNet.Attributes;
using Collab.Deliverables;
using Collab.Insights;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// SHARE-17: one page (50) of the office overview filtered to the fiscal line of one year, over 100 000 deliverables of
/// the office (and 10 000 of another). Baseline: the same page in raw SQL — the same filter, order and limit, with the
/// page's documents joined as Collab reads them — on a pooled connection. Collab also checks who asks (SEC-3) and builds
/// the query from Ardalis specifications.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class OfficeOverviewBenchmarks
{
    private BenchmarkSqlite _database = null!;
    private OfficeId _office;
    private UserId _user;
    private string _officeText = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkSqlite.Create();
        var (office, client, company) = _database.SeedOfficeClientCompany();
        _office = office;
        OfficeId other;
        using (var scope = _database.Provider.CreateScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<CollabRegistry>();
            var platform = scope.ServiceProvider.GetRequiredService<CollabPlatform>().Operator("bench");
            other = registry.RegisterOfficeAsync(platform, "Ander kantoor").GetAwaiter().GetResult().Id;
            _user = registry.CreateOfficeUserAsync(platform, office, "anna@kantoor.nl").GetAwaiter().GetResult().Id;
            scope.ServiceProvider.GetRequiredService<TierService>().StartCollaborationAsync(platform, office, client, ClientTier.Collaborate, new LocalDate(2026, 1, 1)).GetAwaiter().GetResult();
        }

        _officeText = office.Value.ToString().ToUpperInvariant();
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText =
            "INSERT INTO collab_deliverables (Id, OfficeId, ClientId, CompanyId, Title, Kind, Revision, State, KeptInHistory, PeriodLength, PeriodNumber, PeriodYear, Version) " +
            "VALUES ($id, $office, $client, $company, 'Stuk', $kind, 1, $state, 0, $length, $number, $year, 1)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var officeParameter = insert.Parameters.Add("$office", SqliteType.Text);
        insert.Parameters.AddWithValue("$client", client.Value.ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$company", company.Value.ToString().ToUpperInvariant());
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var state = insert.Parameters.Add("$state", SqliteType.Text);
        var length = insert.Parameters.Add("$length", SqliteType.Text);
        var number = insert.Parameters.Add("$number", SqliteType.Integer);
        var year = insert.Parameters.Add("$year", SqliteType.Integer);
        insert.Prepare();
        string[] states = ["Draft", "Shared", "Viewed", "Approved", "Rejected", "Expired"];
        for (var i = 0; i < 110_000; i++)
        {
            id.Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
            officeParameter.Value = (i % 11 == 0 ? other : office).Value.ToString().ToUpperInvariant();
            var k = (DeliverableKind)(1 + (i % 4));
            kind.Value = k.ToString();
            state.Value = states[i % states.Length];
            (length.Value, number.Value) = k == DeliverableKind.VatReturn ? ("Quarter", 1 + (i % 4)) : ("Year", 0);
            year.Value = 2016 + (i % 10);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        if (RawSql() != 50 || Collab().GetAwaiter().GetResult() != 50)
        {
            throw new InvalidOperationException("Both must return a full page.");
        }
    }

    [Benchmark(Baseline = true, Description = "raw SQL: fiscal 2025 page, documents joined")]
    public int RawSql() => Math.Min(50, _database.ReadRows(
        "SELECT d.*, x.* FROM (SELECT * FROM collab_deliverables WHERE OfficeId = $office AND Kind IN ('IncomeTaxReturn', 'CorporateTaxReturn', 'VatReturn') " +
        "AND PeriodYear = 2025 ORDER BY Id DESC LIMIT 51) AS d LEFT JOIN collab_deliverable_documents AS x ON x.DeliverableId = d.Id ORDER BY d.Id DESC, x.Id",
        p => p.AddWithValue("$office", _officeText)));

    [Benchmark(Description = "Collab OfficeOverviewService.DeliverablesAsync (50 of 100 000)")]
    public async Task<int> Collab()
    {
        await using var scope = _database.Provider.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<OfficeOverviewService>().DeliverablesAsync(
            ActingParty.User(_user), _office, new DeliverableFilter(Line: ServiceLine.Fiscal, Year: 2025));
        return page.Items.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();
}

/// <summary>
/// SHARE-16: merging what 10 sources say about 50 companies over 120 months (two measures each, 120 000 values) into
/// per-company series and totals over the companies. Baseline: the hand-written merge a team would write — one
/// dictionary of dense arrays per series and a running total — without Collab's ordering and named points.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class InsightMergeBenchmarks
{
    private static readonly YearMonth From = new(2016, 1);
    private const int Months = 120;
    private readonly List<SourceReading> _readings = [];
    private CompanyId[] _companies = [];

    [GlobalSetup]
    public void Setup()
    {
        _companies = Enumerable.Range(0, 50).Select(_ => new CompanyId(Guid.CreateVersion7())).ToArray();
        var random = new Random(7);
        foreach (var company in _companies)
        {
            for (var s = 0; s < 10; s++)
            {
                var values = new List<MonthlyValue>(Months * 2);
                for (var m = 0; m < Months; m++)
                {
                    if (random.Next(50) == 0)
                    {
                        continue; // a gap now and then
                    }

                    values.Add(new MonthlyValue("revenue", From.PlusMonths(m), random.Next(1_000_000) / 100m));
                    values.Add(new MonthlyValue("costs", From.PlusMonths(m), random.Next(1_000_000) / 100m));
                }

                _readings.Add(new SourceReading(company, $"bron-{s}", values));
            }
        }
    }

    [Benchmark(Baseline = true, Description = "hand-written merge into dense arrays")]
    public int HandWritten()
    {
        var series = new Dictionary<(CompanyId, string, string), decimal?[]>();
        var totals = new Dictionary<(string, string), (decimal[] Sum, bool[] Gap)>();
        foreach (var reading in _readings)
        {
            foreach (var v in reading.Values)
            {
                var index = ((v.Month.Year - From.Year) * 12) + v.Month.Month - From.Month;
                if (!series.TryGetValue((reading.Company, reading.Source, v.Measure), out var slots))
                {
                    series[(reading.Company, reading.Source, v.Measure)] = slots = new decimal?[Months];
                }

                slots[index] = v.Value;
            }
        }

        foreach (var ((_, source, measure), slots) in series)
        {
            if (!totals.TryGetValue((source, measure), out var total))
            {
                totals[(source, measure)] = total = (new decimal[Months], new bool[Months]);
            }

            for (var i = 0; i < Months; i++)
            {
                if (slots[i] is { } value)
                {
                    total.Sum[i] += value;
                }
                else
                {
                    total.Gap[i] = true;
                }
            }
        }

        return series.Count + totals.Count;
    }

    [Benchmark(Description = "Collab InsightMerge (10 sources x 120 months x 50 companies)")]
    public int Collab()
    {
        var merged = ClientInsights.Merge(From, From.PlusMonths(Months - 1), _companies, _readings);
        return merged.PerCompany.Count + merged.Combined.Count;
    }
}

/// <summary>
/// SHARE-15: deriving the dashboard (ratios of both years and the change of every figure) from figures already loaded.
/// Baseline: the same divisions written out by hand, without checking the figures. Both must allocate nothing.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class DashboardBenchmarks
{
    private readonly FinancialFigures _figures = new(2025,
        new KeyFigures(1_250_000m, 437_500m, 118_000m, 91_250m, 310_000m, 820_000m, 365_000m, 210_000m, 72_500m),
        new KeyFigures(1_100_000m, 374_000m, 96_000m, 70_400m, 255_000m, 760_000m, 330_000m, 225_000m, 51_000m));

    [Benchmark(Baseline = true, Description = "hand-written ratios")]
    public decimal HandWritten()
    {
        var (c, p) = (_figures.Current, _figures.Previous);
        decimal Div(decimal a, decimal b) => b == 0 ? 0 : a / b;
        return Div(c.Equity, c.TotalAssets) + Div(c.CurrentAssets, c.CurrentLiabilities) + Div(c.GrossMargin, c.Revenue) + Div(c.OperatingResult, c.Revenue) + Div(c.NetResult, c.Revenue)
               + Div(p.Equity, p.TotalAssets) + Div(p.CurrentAssets, p.CurrentLiabilities) + Div(p.GrossMargin, p.Revenue) + Div(p.OperatingResult, p.Revenue) + Div(p.NetResult, p.Revenue)
               + Div(c.Revenue - p.Revenue, p.Revenue) + Div(c.GrossMargin - p.GrossMargin, p.GrossMargin) + Div(c.OperatingResult - p.OperatingResult, p.OperatingResult)
               + Div(c.NetResult - p.NetResult, p.NetResult) + Div(c.Equity - p.Equity, p.Equity) + Div(c.TotalAssets - p.TotalAssets, p.TotalAssets) + Div(c.Cash - p.Cash, p.Cash);
    }

    [Benchmark(Description = "Collab Dashboard.From (checks the figures, then derives)")]
    public decimal Collab()
    {
        var d = Dashboard.From(_figures);
        return d.Current.Solvency.Value!.Value + d.Current.CurrentRatio.Value!.Value + d.CashChange.Value!.Value;
    }
}
