using Collab.Deliverables;
using Collab.Insights;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Deliverables;

/// <summary>SHARE-15 as properties over random decimal figures: refusals exactly when a stated rule is broken, exact ratios, no crash on zero.</summary>
public sealed class FigureProperties
{
    // Amounts that reach the edges: zero, cents, negatives, the largest accepted, just past it, and sub-cent values.
    private static readonly Gen<decimal> Amounts = Gen.Frequency(
        (3, Gen.Choose(0, 2_000_000).Select(c => c / 100m)),
        (2, Gen.Constant(0m)),
        (1, Gen.Choose(-2_000_000, 0).Select(c => c / 100m)),
        (1, Gen.Elements(FinancialFigures.MaxAmount, -FinancialFigures.MaxAmount, FinancialFigures.MaxAmount + 0.01m, 0.01m, 0.001m, 123_456_789_012.34m, 1m / 3m)));

    private static readonly Gen<KeyFigures> Years =
        from values in Gen.ArrayOf(Amounts, 9)
        select new KeyFigures(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8]);

    // A consistent year built to satisfy the rules, so the accepting side is reached often.
    private static readonly Gen<KeyFigures> Consistent =
        from total in Gen.Choose(0, 1_000_000).Select(c => c * 100m)
        from currentShare in Gen.Choose(0, 100)
        from cashShare in Gen.Choose(0, 100)
        from equityShare in Gen.Choose(-50, 100)
        from liabilityShare in Gen.Choose(0, 100)
        from revenue in Gen.Frequency((4, Gen.Choose(1, 5_000_000).Select(c => c * 10m)), (1, Gen.Constant(0m)))
        from marginShare in Gen.Choose(-20, 100)
        from results in Gen.ArrayOf(Gen.Choose(-500_000, 500_000).Select(c => c / 100m), 2)
        let current = total * currentShare / 100
        let equity = Math.Round(total * equityShare / 100, 2)
        let liabilities = Math.Round(Math.Max(0, total - Math.Max(0, equity)) * liabilityShare / 100, 2)
        select new KeyFigures(revenue, Math.Round(revenue * marginShare / 100, 2), results[0], results[1], Math.Min(equity, total - liabilities),
            total, current, liabilities, Math.Round(current * cashShare / 100, 2));

    private static bool Acceptable(KeyFigures f)
    {
        decimal[] all = [f.Revenue, f.GrossMargin, f.OperatingResult, f.NetResult, f.Equity, f.TotalAssets, f.CurrentAssets, f.CurrentLiabilities, f.Cash];
        return all.All(a => Math.Abs(a) <= FinancialFigures.MaxAmount && decimal.Round(a, 2) == a)
               && f.Revenue >= 0 && f.TotalAssets >= 0 && f.CurrentAssets >= 0 && f.Cash >= 0 && f.CurrentLiabilities >= 0
               && f.CurrentAssets <= f.TotalAssets && f.Cash <= f.CurrentAssets && f.GrossMargin <= f.Revenue
               && f.Equity + f.CurrentLiabilities <= f.TotalAssets;
    }

    // R: SHARE-15
    [Property(MaxTest = 3000)]
    public Property SHARE15_a_set_is_refused_exactly_when_it_breaks_a_stated_rule_and_the_refusal_says_which_year()
    {
        var sets = from current in Gen.OneOf(Years, Consistent) from previous in Gen.OneOf(Years, Consistent) select new FinancialFigures(2025, current, previous);
        return Prop.ForAll(Arb.From(sets), figures =>
        {
            var expected = Acceptable(figures.Current) && Acceptable(figures.Previous);
            try
            {
                figures.Check();
                return expected;
            }
            catch (CollabRefusalException e)
            {
                var year = Acceptable(figures.Current) ? "2024" : "2025";
                return !expected && e.Code == "figures.inconsistent" && e.Message.Contains($"for {year}", StringComparison.Ordinal);
            }
        });
    }

    // R: SHARE-15
    [Property(MaxTest = 3000)]
    public Property SHARE15_derived_ratios_are_exact_decimal_quotients_and_a_zero_denominator_is_not_applicable()
    {
        var sets = from current in Consistent from previous in Consistent select new FinancialFigures(2025, current, previous);
        return Prop.ForAll(Arb.From(sets), figures =>
        {
            var dashboard = Dashboard.From(figures);
            var (c, p) = (figures.Current, figures.Previous);
            bool Exact(Ratio r, decimal numerator, decimal denominator) => denominator == 0 ? !r.IsApplicable && r.Value is null : r.Value == numerator / denominator;
            var series = dashboard.ToSeries();
            var solvency = series.Single(s => s.Key == "solvency").Points[1].Value;
            return Exact(dashboard.Current.Solvency, c.Equity, c.TotalAssets)
                   && Exact(dashboard.Current.CurrentRatio, c.CurrentAssets, c.CurrentLiabilities)
                   && Exact(dashboard.Previous.GrossMarginRate, p.GrossMargin, p.Revenue)
                   && Exact(dashboard.Current.NetMargin, c.NetResult, c.Revenue)
                   && (p.Revenue == 0 ? !dashboard.RevenueChange.IsApplicable : dashboard.RevenueChange.Value == (c.Revenue - p.Revenue) / Math.Abs(p.Revenue))
                   && series.Count == 14 && series.All(s => s.Points.Count == 2 && s.Points[0].Label == "2024" && s.Points[1].Label == "2025")
                   && solvency == (c.TotalAssets == 0 ? null : Math.Round(c.Equity / c.TotalAssets * 100, 1, MidpointRounding.AwayFromZero));
        });
    }

    // R: SHARE-15 (holes a mutation run found: series keys, units and the ratio scale were not pinned)
    [Fact]
    public void SHARE15_the_chart_series_are_the_nine_amounts_then_the_five_ratios_each_in_its_unit()
    {
        var figures = new FinancialFigures(2025,
            new KeyFigures(1_250_000m, 437_500m, 118_000m, 91_250m, 310_000m, 820_000m, 365_000m, 210_000m, 72_500m),
            new KeyFigures(1_100_000m, 374_000m, 96_000m, 70_400m, 255_000m, 760_000m, 330_000m, 225_000m, 51_000m));
        var series = Dashboard.From(figures).ToSeries();

        Assert.Equal(["revenue", "gross-margin", "operating-result", "net-result", "equity", "total-assets", "current-assets", "current-liabilities", "cash",
            "solvency", "current-ratio", "gross-margin-rate", "operating-margin", "net-margin"], series.Select(s => s.Key));
        Assert.Equal([.. Enumerable.Repeat(ChartUnit.Euro, 9), ChartUnit.Percent, ChartUnit.Ratio, ChartUnit.Percent, ChartUnit.Percent, ChartUnit.Percent], series.Select(s => s.Unit));
        Assert.Equal([1.47m, 1.74m], series.Single(s => s.Key == "current-ratio").Points.Select(p => p.Value!.Value)); // a ratio, not a percentage
        Assert.Equal([34.0m, 35.0m], series.Single(s => s.Key == "gross-margin-rate").Points.Select(p => p.Value!.Value));
        Assert.Equal([51_000m, 72_500m], series.Single(s => s.Key == "cash").Points.Select(p => p.Value!.Value));
    }

    // R: SHARE-15
    [Fact]
    public void SHARE15_a_set_without_both_years_or_outside_1901_to_9999_is_incomplete()
    {
        var year = new KeyFigures(1m, 0m, 0m, 0m, 0m, 1m, 0m, 0m, 0m);
        foreach (var figures in new[] { new FinancialFigures(2025, year, null!), new FinancialFigures(2025, null!, year), new FinancialFigures(1900, year, year), new FinancialFigures(10_000, year, year) })
        {
            Assert.Equal("figures.incomplete", Assert.Throws<CollabRefusalException>(() => { figures.Check(); }).Code);
        }

        var low = new FinancialFigures(1901, year, year);
        Assert.Same(low, low.Check());
        Assert.NotNull(new FinancialFigures(9999, year, year).Check());

        string Broken(KeyFigures current) => ((Collab.Texts.TextRef)Assert.Throws<CollabRefusalException>(() => { new FinancialFigures(2025, current, year).Check(); }).Refusal.Arguments![1]!).Key;
        Assert.Equal("figures.reason.negative-assets", Broken(year with { CurrentAssets = -1m })); // one negative asset is enough
        Assert.Equal("figures.reason.too-large", Broken(year with { Revenue = FinancialFigures.MaxAmount + 1m, TotalAssets = FinancialFigures.MaxAmount + 1m })); // and two are no less wrong
        Assert.Equal("figures.reason.negative-revenue", Broken(year with { Revenue = -1m, GrossMargin = -1m }));
    }

    [Fact]
    public void A_ratio_equals_only_the_same_value_and_applicability_and_prints_exactly()
    {
        Assert.True(Ratio.Of(1m, 4m) == Ratio.Of(2m, 8m));
        Assert.False(Ratio.Of(1m, 4m) != Ratio.Of(2m, 8m));
        Assert.NotEqual(Ratio.Of(1m, 4m), Ratio.Of(1m, 5m));
        Assert.NotEqual(Ratio.Of(0m, 4m), Ratio.NotApplicable); // zero is a value, not "n.v.t."
        Assert.Equal("0.25", Ratio.Of(1m, 4m).ToString());
        Assert.Equal(Ratio.Of(1m, 4m).GetHashCode(), Ratio.Of(2m, 8m).GetHashCode());
    }

    [Fact]
    public void Display_rounding_is_half_away_from_zero_once_stated()
    {
        Assert.Equal(0.13m, Ratio.Of(1.25m, 10m).Display(2));
        Assert.Equal(-0.13m, Ratio.Of(-1.25m, 10m).Display(2));
        Assert.Null(Ratio.Of(1m, 0m).Display(2));
        Assert.Equal("n.v.t.", Ratio.NotApplicable.ToString());
    }
}

/// <summary>SHARE-16 as a property: the merge against a model written from the rule's words.</summary>
public sealed class InsightMergeProperties
{
    // R: SHARE-16
    [Property(MaxTest = 500)]
    public Property SHARE16_every_point_names_its_source_and_month_a_missing_month_is_a_gap_and_totals_never_sum_part_of_the_companies()
    {
        var start = new YearMonth(2024, 11); // across a year end
        var companies = new[] { new CompanyId(Guid.CreateVersion7()), new CompanyId(Guid.CreateVersion7()), new CompanyId(Guid.CreateVersion7()) };
        var cells = from company in Gen.Choose(0, 2) from source in Gen.Elements("boekhouding", "bank") from measure in Gen.Elements("revenue", "costs")
            from month in Gen.Choose(-2, 16) from value in Gen.Frequency((3, Gen.Choose(-100_000, 100_000).Select(v => v / 100m)), (1, Gen.Constant(0m)))
            select (company, source, measure, month, value);
        var inputs = from months in Gen.Choose(1, 14) from list in Gen.ListOf(cells) select (months, list.DistinctBy(c => (c.company, c.source, c.measure, c.month)).ToList());
        return Prop.ForAll(Arb.From(inputs), input =>
        {
            var to = start.PlusMonths(input.months - 1);
            var readings = (from company in Enumerable.Range(0, 3) from source in new[] { "boekhouding", "bank" }
                select new SourceReading(companies[company], source, input.Item2.Where(c => c.company == company && c.source == source)
                    .Select(c => new MonthlyValue(c.measure, start.PlusMonths(c.month), c.value)).ToList())).ToList();
            var merged = InsightMerge.Merge(start, to, companies, readings);
            decimal? Cell(int company, string source, string measure, int month) =>
                input.Item2.Where(c => c.company == company && c.source == source && c.measure == measure && c.month == month).Select(c => (decimal?)c.value).SingleOrDefault();

            var perCompanyRight = merged.PerCompany.All(s =>
                s.Points.Count == input.months && s.Points.Select((p, i) => p.Month == start.PlusMonths(i) && p.Source == s.Source
                    && p.Value == Cell(Array.IndexOf(companies, s.Company!.Value), s.Source, s.Measure, i)).All(ok => ok));
            var combinedRight = merged.Combined.All(s =>
            {
                var having = Enumerable.Range(0, 3).Where(k => Enumerable.Range(0, input.months).Any(i => Cell(k, s.Source, s.Measure, i) is not null)).ToList();
                return s.Points.Select((p, i) =>
                {
                    var values = having.Select(k => Cell(k, s.Source, s.Measure, i)).ToList();
                    return p.Value == (values.Any(v => v is null) ? null : values.Sum());
                }).All(ok => ok);
            });
            var expectedSeries = input.Item2.Where(c => c.month >= 0 && c.month < input.months).Select(c => (c.company, c.source, c.measure)).Distinct().Count();
            // A stable order a page can rely on: per company by company, measure, source; combined by measure, source.
            var orderedPerCompany = merged.PerCompany.Select(s => (s.Company!.Value.Value, s.Measure, s.Source)).ToList();
            var orderedCombined = merged.Combined.Select(s => (s.Measure, s.Source)).ToList();
            var sorted = orderedPerCompany.SequenceEqual(orderedPerCompany.OrderBy(x => x.Item1).ThenBy(x => x.Measure, StringComparer.Ordinal).ThenBy(x => x.Source, StringComparer.Ordinal))
                         && orderedCombined.SequenceEqual(orderedCombined.OrderBy(x => x.Measure, StringComparer.Ordinal).ThenBy(x => x.Source, StringComparer.Ordinal));
            return perCompanyRight && combinedRight && merged.PerCompany.Count == expectedSeries && sorted;
        });
    }

    [Fact]
    public void A_source_that_gives_one_month_twice_is_a_vendor_bug_named_with_the_source()
    {
        var company = new CompanyId(Guid.CreateVersion7());
        var month = new YearMonth(2025, 1);
        var twice = new SourceReading(company, "bank", [new MonthlyValue("bank-balance", month, 1m), new MonthlyValue("bank-balance", month, 2m)]);
        var error = Assert.Throws<InvalidOperationException>(() => InsightMerge.Merge(month, month, [company], [twice]));
        Assert.Contains("'bank'", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>
/// TIER-3 / SHARE-13 as a property over any mix of deliverables of both lines and any tier changes in between (as TIER-4
/// allows them): every deliverable goes out through the channel its client's tier dictates at the moment of sharing,
/// so one client never has two channels at one moment.
/// </summary>
public abstract class ChannelProperties(Engine engine, PostgresServer? postgres, int cases)
{
    private enum Act
    {
        ShareAnnualReport,
        ShareIncomeTax,
        ShareVat,
        ToStandard,
        ToCollaborate,
        ToExtended,
        ClientDecidesAll,
    }

    // R: TIER-3, SHARE-13, SHARE-11
    [SkippableFact]
    public async Task TIER3_SHARE13_every_deliverable_takes_the_channel_of_the_one_tier_at_the_moment_it_is_shared()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres);
        var sequences = Gen.Sized(size => Gen.Choose(0, Math.Min(size, 14))).SelectMany(n => Gen.ArrayOf(Gen.Elements(Enum.GetValues<Act>()), n));
        var property = Prop.ForAll(Arb.From(sequences), acts => RunAsync(db, acts).GetAwaiter().GetResult());
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
    }

    private static async Task RunAsync(TestDatabase db, Act[] acts)
    {
        var w = await World.SeedAsync(db);
        var client = ActingParty.User(w.ClientUser.Id);
        await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, w.ClientUserOfOtherCompany.Id)); // one user: every tier allows it
        await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Standard, new LocalDate(2026, 1, 1)));
        var tier = ClientTier.Standard;
        var open = new List<DeliverableId>();
        var year = 2000;

        foreach (var act in acts)
        {
            switch (act)
            {
                case Act.ShareAnnualReport or Act.ShareIncomeTax or Act.ShareVat:
                    var (kind, period) = act switch
                    {
                        Act.ShareAnnualReport => (DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(++year)),
                        Act.ShareIncomeTax => (DeliverableKind.IncomeTaxReturn, ReportingPeriod.FinancialYear(++year)),
                        _ => (DeliverableKind.VatReturn, ReportingPeriod.Quarter(++year, 2)),
                    };
                    var shared = await db.InScopeAsync(async sp =>
                    {
                        var draft = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, kind, period);
                        return await sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id, new LocalDate(2026, 12, 31));
                    });
                    var expected = tier == ClientTier.Standard ? ShareMode.TemporaryLink : ShareMode.Approval;
                    if (shared.Mode != expected || shared.Deliverable.Mode != expected || (expected == ShareMode.TemporaryLink) != (shared.LinkToken is not null))
                    {
                        throw new InvalidOperationException($"{kind} {period} went out as {shared.Mode} while the client's one tier was {tier}.");
                    }

                    if (expected == ShareMode.Approval)
                    {
                        open.Add(shared.Deliverable.Id);
                    }

                    break;
                case Act.ClientDecidesAll:
                    foreach (var id in open)
                    {
                        await db.InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ApproveAsync(client, id));
                    }

                    open.Clear();
                    break;
                default:
                    var target = act switch { Act.ToStandard => ClientTier.Standard, Act.ToCollaborate => ClientTier.Collaborate, _ => ClientTier.CollaborateExtended };
                    TierChangeOutcome outcome;
                    try
                    {
                        outcome = await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, target));
                    }
                    catch (CollabRefusalException e) when (e.Kind == RefusalKind.RuleViolation)
                    {
                        outcome = new TierChangeOutcome(w.Client.Id, TierChangeStatus.Refused, null, e.Refusal);
                    }

                    var mayRefuse = target == ClientTier.Standard && open.Count > 0; // TIER-4: open approvals depend on the feature
                    if (mayRefuse != (outcome.Status == TierChangeStatus.Refused))
                    {
                        throw new InvalidOperationException($"The change to {target} with {open.Count} open approvals gave {outcome.Status}: {outcome.Refusal?.Reason}");
                    }

                    if (outcome.Status == TierChangeStatus.Changed)
                    {
                        tier = target;
                    }

                    break;
            }
        }

        // The stored history agrees: every deliverable's channel is the one its tier gave it.
        var stored = await db.InScopeAsync(sp => sp.GetRequiredService<DeliverableQueries>().ListForCompanyAsync(w.Desk, w.Company.Id));
        if (stored.Cast<DeliverableOfficeView>().Any(d => d.Mode is null))
        {
            throw new InvalidOperationException("A shared deliverable lost its channel.");
        }
    }
}

public sealed class ChannelPropertiesOnSqlite() : ChannelProperties(Engine.Sqlite, null, cases: 25);

[Collection(PostgresCollection.Name)]
public sealed class ChannelPropertiesOnPostgres(PostgresServer postgres) : ChannelProperties(Engine.Postgres, postgres, cases: 10);
