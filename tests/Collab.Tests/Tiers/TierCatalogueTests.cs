using Collab.Tiers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Tests.Tiers;

public sealed class TierCatalogueTests
{
    private static readonly ClientTier[] AllTiers = Enum.GetValues<ClientTier>();
    private static readonly Feature[] AllFeatures = Enum.GetValues<Feature>();

    // R: TIER-1
    [Fact]
    public void TIER1_three_client_types_with_their_prices_and_one_included_client_user()
    {
        var catalogue = TierCatalogue.Default;

        Assert.Equal([ClientTier.Standard, ClientTier.Collaborate, ClientTier.CollaborateExtended], AllTiers);
        Assert.Equal(0.80m, catalogue.MonthlyPrice(ClientTier.Standard));
        Assert.Equal(1.10m, catalogue.MonthlyPrice(ClientTier.Collaborate));
        Assert.Equal(1.65m, catalogue.MonthlyPrice(ClientTier.CollaborateExtended));
        Assert.All(AllTiers, t => Assert.Equal(1, catalogue.IncludedClientUsers(t)));
        Assert.Null(catalogue.ExtraClientUserPrice(ClientTier.Standard));
        Assert.Null(catalogue.ExtraClientUserPrice(ClientTier.Collaborate));
        Assert.Equal(1.00m, catalogue.ExtraClientUserPrice(ClientTier.CollaborateExtended));
        Assert.Equal(1, catalogue.MaxClientUsers(ClientTier.Collaborate));
        Assert.Equal(int.MaxValue, catalogue.MaxClientUsers(ClientTier.CollaborateExtended));
    }

    // R: TIER-2
    [Fact]
    public void TIER2_the_shipped_matrix_is_the_table_of_the_domain()
    {
        // The table of DOMAIN.md TIER-2, row by row: S, C, E.
        var table = new Dictionary<Feature, (bool S, bool C, bool E)>
        {
            [Feature.DownloadDeliverables] = (true, true, true),
            [Feature.ManageDeliverables] = (true, true, true),
            [Feature.ShareAndApproveDeliverables] = (false, true, true),
            [Feature.DeadlineReminders] = (false, true, true),
            [Feature.ShareDeliverableDashboard] = (false, true, true),
            [Feature.PermanentPortal] = (false, false, true),
            [Feature.ShareClientInsights] = (false, false, true),
            [Feature.HouseStyle] = (false, false, true),
            [Feature.DocumentExchange] = (false, false, true),
            [Feature.ClientQuestions] = (false, false, true),
            [Feature.PrepareByClientQuestionnaires] = (false, false, true),
            [Feature.ExtraClientUsers] = (false, false, true),
        };
        Assert.Equal(AllFeatures.Length, table.Count);
        foreach (var (feature, (s, c, e)) in table)
        {
            Assert.Equal(s, TierCatalogue.Default.Allows(ClientTier.Standard, feature));
            Assert.Equal(c, TierCatalogue.Default.Allows(ClientTier.Collaborate, feature));
            Assert.Equal(e, TierCatalogue.Default.Allows(ClientTier.CollaborateExtended, feature));
        }
    }

    // R: TIER-2
    [Fact]
    public void TIER2_the_catalogue_is_data_a_vendor_replaces_through_options()
    {
        var vendor = TierCatalogueOptions.CreateDefault();
        vendor.Standard!.MonthlyPrice = 0.95m;
        vendor.Standard.Features.Add(nameof(Feature.DeadlineReminders));
        using var provider = new ServiceCollection().AddCollab(o => o.Tiers = vendor).Services.BuildServiceProvider();

        var catalogue = provider.GetRequiredService<TierCatalogue>();

        Assert.Equal(0.95m, catalogue.MonthlyPrice(ClientTier.Standard));
        Assert.True(catalogue.Allows(ClientTier.Standard, Feature.DeadlineReminders));
        Assert.Same(catalogue, provider.GetRequiredService<TierCatalogue>());
    }

    public static TheoryData<string, string> InvalidCatalogues() => new()
    {
        { "negative price", "MonthlyPrice is -0.01: a price cannot be below zero" },
        { "lower tier has more", "Feature DocumentExchange is granted to Collaborate but not to CollaborateExtended" },
        { "unknown feature", "unknown feature 'Teleportation'" },
        { "numeric feature", "unknown feature '3'" },
        { "missing tier", "Collab:Tiers:Collaborate is missing" },
        { "extra users without price", "offers ExtraClientUsers but has no ExtraClientUserPrice" },
        { "no included user", "IncludedClientUsers is 0" },
        { "negative extra-user price", "CollaborateExtended:ExtraClientUserPrice is below zero" },
        { "extra-user price without the feature", "Collab:Tiers:Collaborate has an ExtraClientUserPrice but not the feature ExtraClientUsers" },
    };

    // R: TIER-2
    [Theory]
    [MemberData(nameof(InvalidCatalogues))]
    public void TIER2_an_invalid_vendor_catalogue_is_refused_at_start_up_naming_the_problem(string problem, string message)
    {
        var vendor = TierCatalogueOptions.CreateDefault();
        switch (problem)
        {
            case "negative price": vendor.Collaborate!.MonthlyPrice = -0.01m; break;
            case "lower tier has more": vendor.Collaborate!.Features.Add(nameof(Feature.DocumentExchange)); vendor.CollaborateExtended!.Features.Remove(nameof(Feature.DocumentExchange)); break;
            case "unknown feature": vendor.Standard!.Features.Add("Teleportation"); break;
            case "numeric feature": vendor.Standard!.Features.Add("3"); break;
            case "missing tier": vendor.Collaborate = null; break;
            case "extra users without price": vendor.CollaborateExtended!.ExtraClientUserPrice = null; break;
            case "no included user": vendor.Standard!.IncludedClientUsers = 0; break;
            case "negative extra-user price": vendor.CollaborateExtended!.ExtraClientUserPrice = -0.01m; break;
            case "extra-user price without the feature": vendor.Collaborate!.ExtraClientUserPrice = 0.50m; break;
        }

        using var provider = new ServiceCollection().AddCollab(o => o.Tiers = vendor).Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollabOptions>>().Value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => TierCatalogue.Create(vendor)).Message, StringComparison.Ordinal);
    }

    // Any catalogue: random feature subsets per tier (often not nested, so validation must sort them out),
    // random prices including zero and negatives.
    private static readonly Gen<TierCatalogueOptions> Catalogues =
        from masks in Gen.Choose(0, 4095).Three()
        from prices in Gen.Choose(-5, 500).Three()
        from extraPrice in Gen.Choose(-1, 300)
        select new TierCatalogueOptions
        {
            Standard = Definition(masks.Item1, prices.Item1, extraPrice),
            Collaborate = Definition(masks.Item1 | masks.Item2, prices.Item2, extraPrice),
            CollaborateExtended = Definition(masks.Item3 % 2 == 0 ? masks.Item1 | masks.Item2 | masks.Item3 : masks.Item3, prices.Item3, extraPrice),
        };

    private static TierDefinitionOptions Definition(int mask, int cents, int extraCents) => new()
    {
        MonthlyPrice = cents / 100m,
        ExtraClientUserPrice = (mask & (1 << (int)Feature.ExtraClientUsers)) != 0 ? extraCents / 100m : null,
        Features = AllFeatures.Where(f => (mask & (1 << (int)f)) != 0).Select(f => f.ToString()).ToList(),
    };

    // R: TIER-2, TIER-6
    [Property(MaxTest = 500)]
    public Property TIER2_TIER6_the_feature_check_agrees_with_every_catalogue_that_passes_validation()
    {
        return Prop.ForAll(Arb.From(Catalogues), options =>
        {
            var problems = TierCatalogue.Validate(options, "Collab:Tiers");
            if (problems.Count > 0)
            {
                Assert.Throws<ArgumentException>(() => TierCatalogue.Create(options));
                return true;
            }

            var catalogue = TierCatalogue.Create(options);
            return AllTiers.All(tier => AllFeatures.All(feature =>
                catalogue.Allows(tier, feature) == Definition(options, tier).Features.Contains(feature.ToString())
                && catalogue.FeaturesOf(tier).Contains(feature) == catalogue.Allows(tier, feature)));
        });
    }

    private static TierDefinitionOptions Definition(TierCatalogueOptions options, ClientTier tier) =>
        tier switch { ClientTier.Standard => options.Standard!, ClientTier.Collaborate => options.Collaborate!, _ => options.CollaborateExtended! };

    // R: TIER-6
    [Fact]
    public void TIER6_the_feature_check_allocates_nothing()
    {
        var catalogue = TierCatalogue.Default;
        var hits = 0;
        _ = catalogue.Allows(ClientTier.Collaborate, Feature.DeadlineReminders); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            hits += catalogue.Allows((ClientTier)(1 + (i % 3)), (Feature)(i % 12)) ? 1 : 0;
        }

        var features = catalogue.FeaturesOf(ClientTier.Collaborate);
        for (var i = 0; i < 10_000; i++)
        {
            hits += features.Contains((Feature)(i % 12)) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(hits > 0); // correctness is the properties' job; this test is about allocation
    }

    // R: TIER-6
    [Fact]
    public void TIER6_undefined_tiers_or_features_are_never_allowed()
    {
        Assert.False(TierCatalogue.Default.Allows((ClientTier)0, Feature.DownloadDeliverables));
        Assert.False(TierCatalogue.Default.Allows((ClientTier)99, Feature.DownloadDeliverables));
        Assert.False(TierCatalogue.Default.Allows(ClientTier.CollaborateExtended, (Feature)40));
        Assert.False(TierCatalogue.Default.Allows(ClientTier.CollaborateExtended, (Feature)(-1)));
        Assert.False(TierCatalogue.Default.Allows((ClientTier)4, Feature.DownloadDeliverables)); // one past the last tier
        Assert.False(TierCatalogue.Default.Allows(ClientTier.CollaborateExtended, (Feature)32)); // 1u << 32 would wrap to bit 0
        Assert.False(TierCatalogue.Default.FeaturesOf(ClientTier.CollaborateExtended).Contains((Feature)32));
        Assert.Equal(0, TierCatalogue.Default.FeaturesOf((ClientTier)4).Count);
        Assert.Equal("tier.unknown", Assert.Throws<CollabRefusalException>(() => TierCatalogue.Default.MonthlyPrice((ClientTier)0)).Code);
        Assert.Equal("tier.unknown", Assert.Throws<CollabRefusalException>(() => TierCatalogue.Default.IncludedClientUsers((ClientTier)4)).Code);
    }

    // R: TIER-2
    [Fact]
    public void TIER2_a_vendor_catalogue_reads_feature_names_in_any_case_lists_a_feature_twice_and_may_be_free()
    {
        var vendor = TierCatalogueOptions.CreateDefault();
        vendor.Standard!.MonthlyPrice = 0m; // a free tier is a price, not a mistake
        vendor.Standard.Features.Add("deadlinereminders");
        vendor.Standard.Features.Add(nameof(Feature.DownloadDeliverables)); // twice: still granted, not toggled off
        vendor.CollaborateExtended!.ExtraClientUserPrice = 0m; // free extra users

        var catalogue = TierCatalogue.Create(vendor);

        Assert.True(catalogue.Allows(ClientTier.Standard, Feature.DeadlineReminders));
        Assert.True(catalogue.Allows(ClientTier.Standard, Feature.DownloadDeliverables));
        Assert.Equal(0m, catalogue.MonthlyPrice(ClientTier.Standard));
        Assert.Equal(0m, catalogue.ExtraClientUserPrice(ClientTier.CollaborateExtended));
        Assert.Empty(TierCatalogue.Validate(vendor, "Collab:Tiers"));
    }

    // R: TIER-2
    [Fact]
    public void TIER2_a_tier_without_a_features_list_grants_none()
    {
        var vendor = TierCatalogueOptions.CreateDefault();
        vendor.Standard!.Features = null!; // what a configuration section without "Features" binds to

        Assert.Empty(TierCatalogue.Validate(vendor, "Collab:Tiers"));
        var catalogue = TierCatalogue.Create(vendor);
        Assert.Equal(0, catalogue.FeaturesOf(ClientTier.Standard).Count);
        Assert.True(catalogue.Allows(ClientTier.Collaborate, Feature.DownloadDeliverables));
    }

    // R: TIER-2
    [Fact]
    public void TIER2_feature_sets_list_subtract_and_compare_in_feature_order()
    {
        var extended = TierCatalogue.Default.FeaturesOf(ClientTier.CollaborateExtended);
        var collaborate = TierCatalogue.Default.FeaturesOf(ClientTier.Collaborate);

        var lost = extended.Except(collaborate);

        Assert.Equal([Feature.PermanentPortal, Feature.ShareClientInsights, Feature.HouseStyle, Feature.DocumentExchange, Feature.ClientQuestions, Feature.PrepareByClientQuestionnaires, Feature.ExtraClientUsers],
            lost.ToArray());
        Assert.Equal(extended.Count - collaborate.Count, lost.Count);
        Assert.Empty(collaborate.Except(extended).ToArray());
        Assert.True(collaborate == TierCatalogue.Default.FeaturesOf(ClientTier.Collaborate));
        Assert.True(collaborate != extended);
        Assert.False(collaborate.Equals(extended));
        Assert.Equal(AllFeatures, extended.ToArray());
    }

    // R: TIER-7
    [Property(MaxTest = 2000)]
    public Property TIER7_a_collaboration_is_billable_in_exactly_the_calendar_years_it_overlaps()
    {
        var cases =
            from startYear in Gen.Choose(2000, 2040)
            from startDay in Gen.Choose(1, 365)
            from length in Gen.Frequency((3, Gen.Constant(-1)), (5, Gen.Choose(0, 4000)))
            from year in Gen.Choose(1998, 2052)
            select (Start: new LocalDate(startYear, 1, 1).PlusDays(startDay - 1), Length: length, Year: year);

        return Prop.ForAll(Arb.From(cases), c =>
        {
            var collaboration = ClientCollaboration.Start(OfficeId.New(), ClientId.New(), ClientTier.Standard, c.Start, DateTimeZone.Utc, Actor.System("test"), Instant.FromUtc(2026, 1, 1, 0, 0));
            LocalDate? end = c.Length < 0 ? null : c.Start.PlusDays(c.Length);
            if (end is { } e)
            {
                collaboration.End(e, DateTimeZone.Utc, Actor.System("test"), Instant.FromUtc(2026, 1, 1, 0, 0));
            }

            var overlaps = c.Start <= new LocalDate(c.Year, 12, 31) && (end is null || end >= new LocalDate(c.Year, 1, 1));
            return collaboration.IsBillableIn(c.Year) == overlaps;
        });
    }

    // R: TIER-7
    [Fact]
    public void TIER7_only_a_tier_with_extra_users_bills_them_and_a_line_without_extras_shows_no_extra_price()
    {
        var office = OfficeId.New();
        StatementRow Row(ClientTier tier, int users) => new(ClientId.New(), $"{tier} {users}", tier, users);

        var statement = MonthlyStatement.Compute(TierCatalogue.Default, office, new YearMonth(2026, 11),
            [Row(ClientTier.Standard, 3), Row(ClientTier.CollaborateExtended, 1), Row(ClientTier.CollaborateExtended, 4)]);

        var byName = statement.Lines.ToDictionary(l => l.ClientName);
        Assert.Equal((0, 0m, 0.80m), (byName["Standard 3"].ExtraClientUsers, byName["Standard 3"].ExtraClientUserPrice, byName["Standard 3"].Amount)); // more users than its tier allows (a vendor lowered the limit): none billed
        Assert.Equal((0, 0m, 1.65m), (byName["CollaborateExtended 1"].ExtraClientUsers, byName["CollaborateExtended 1"].ExtraClientUserPrice, byName["CollaborateExtended 1"].Amount));
        Assert.Equal((3, 1.00m, 4.65m), (byName["CollaborateExtended 4"].ExtraClientUsers, byName["CollaborateExtended 4"].ExtraClientUserPrice, byName["CollaborateExtended 4"].Amount));
        Assert.Equal(0.80m + 1.65m + 4.65m, statement.Total);
    }

    // R: SHARE-11
    [Fact]
    public void SHARE11_a_refused_feature_names_the_feature_and_the_tier_that_has_it()
    {
        var error = Assert.Throws<CollabRefusalException>(() => TierCatalogue.Default.Require(ClientTier.Collaborate, Feature.DocumentExchange));

        Assert.Equal(RefusalKind.RuleViolation, error.Kind);
        Assert.Contains("DocumentExchange", error.Message, StringComparison.Ordinal);
        Assert.Contains("CollaborateExtended", error.Message, StringComparison.Ordinal);
        TierCatalogue.Default.Require(ClientTier.CollaborateExtended, Feature.DocumentExchange);
    }

    private static readonly Gen<ClientTier> Tiers = Gen.Elements(AllTiers);

    // R: TIER-3
    [Property(MaxTest = 300)]
    public Property TIER3_for_any_sequence_of_tier_changes_fiscal_and_annual_report_work_share_one_tier()
    {
        return Prop.ForAll(Arb.From(Tiers.Zip(Gen.ListOf(Tiers))), input =>
        {
            var (start, changes) = input;
            var collaboration = ClientCollaboration.Start(OfficeId.New(), ClientId.New(), start, new LocalDate(2026, 1, 1), DateTimeZone.Utc, Actor.System("t"), Instant.FromUtc(2026, 1, 1, 0, 0));
            foreach (var tier in changes)
            {
                collaboration.ChangeTier(tier, Actor.System("t"), Instant.FromUtc(2026, 1, 2, 0, 0));
                if (collaboration.TierFor(ServiceLine.Fiscal) != collaboration.TierFor(ServiceLine.AnnualReport) || collaboration.Tier != tier)
                {
                    return false;
                }
            }

            return true;
        });
    }

    // R: TIER-3
    [Fact]
    public void TIER3_the_model_has_no_place_for_a_second_tier()
    {
        var tierProperties = typeof(ClientCollaboration).Assembly.GetExportedTypes()
            .Where(t => !t.IsAssignableTo(typeof(IDomainEvent)) && t != typeof(TierChangeOutcome) && t != typeof(StatementLine) && t != typeof(StatementRow)
                        && t != typeof(Collab.Deliverables.OverviewClient) && t != typeof(CollaborationView) && t != typeof(ClientTierAt) // read-only projections of the one tier (SEC-6)
                        && t != typeof(TierHistoryEntry) && t != typeof(IssuedStatementLine)) // records of what the one tier was (TIER-7)
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.PropertyType == typeof(ClientTier) || x.Property.PropertyType == typeof(ClientTier?))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToList();

        Assert.Equal(["ClientCollaboration.Tier"], tierProperties);
        Assert.DoesNotContain(typeof(ClientCollaboration).GetMethods(), m => m.IsPublic && m.Name.StartsWith("ChangeTier", StringComparison.Ordinal) && m.GetParameters().Any(p => p.ParameterType == typeof(ServiceLine)));
    }

    private static readonly Gen<StatementRow> Rows =
        from tier in Tiers
        from users in Gen.Choose(0, 7)
        from name in Gen.Elements("Bakker", "Smit", "de Vries", "Jansen", "Ümit", "")
        select new StatementRow(new ClientId(Guid.NewGuid()), name, tier, users);

    // R: TIER-7
    [Property(MaxTest = 300)]
    public Property TIER7_the_statement_total_is_the_sum_of_its_lines_whatever_the_order_of_clients()
    {
        return Prop.ForAll(Arb.From(Gen.ListOf(Rows).Select(l => l.ToArray()).SelectMany(rows => Gen.Shuffle(rows).Select(shuffled => (rows, shuffled)))), input =>
        {
            var month = new YearMonth(2026, 2);
            var office = new OfficeId(Guid.Empty);
            var statement = MonthlyStatement.Compute(TierCatalogue.Default, office, month, input.rows);
            var reordered = MonthlyStatement.Compute(TierCatalogue.Default, office, month, input.shuffled);
            return statement.Total == statement.Lines.Sum(l => l.Amount)
                   && statement.Lines.Count == input.rows.Length
                   && statement.Total == reordered.Total
                   && statement.Lines.SequenceEqual(reordered.Lines);
        });
    }

    // R: TIER-7
    [Fact]
    public void TIER7_lines_bill_the_tier_price_plus_extra_users_in_decimal_euro()
    {
        var a = new StatementRow(ClientId.New(), "Bakker", ClientTier.CollaborateExtended, 4);
        var b = new StatementRow(ClientId.New(), "Smit", ClientTier.Standard, 1);
        var c = new StatementRow(ClientId.New(), "Jansen", ClientTier.Collaborate, 0);

        var statement = MonthlyStatement.Compute(TierCatalogue.Default, OfficeId.New(), new YearMonth(2026, 11), [a, b, c]);

        Assert.Equal(["Bakker", "Jansen", "Smit"], statement.Lines.Select(l => l.ClientName));
        var bakker = statement.Lines[0];
        Assert.Equal((1.65m, 3, 1.00m, 4.65m), (bakker.TierPrice, bakker.ExtraClientUsers, bakker.ExtraClientUserPrice, bakker.Amount));
        Assert.Equal(6.55m, statement.Total); // 4.65 + 1.10 + 0.80
        Assert.All(typeof(StatementLine).GetProperties().Where(p => p.Name.Contains("Price") || p.Name == "Amount"), p => Assert.Equal(typeof(decimal), p.PropertyType));
    }

    // R: TIER-7
    [Fact]
    public void TIER7_each_month_is_billed_at_the_prices_valid_in_it()
    {
        var options = TierCatalogueOptions.CreateDefault();
        options.Standard!.MonthlyPrice = 0.95m;
        options.CollaborateExtended!.ExtraClientUserPrice = 1.25m;
        options.PricesValidFrom = "2027-01";
        options.EarlierPrices =
        [
            new TierPriceListOptions { ValidFrom = "2025-07", Standard = 0.70m, Collaborate = 1.00m, CollaborateExtended = 1.50m, ExtraClientUser = 0.90m },
            new TierPriceListOptions { ValidFrom = "2026-01", Standard = 0.80m, Collaborate = 1.10m, CollaborateExtended = 1.65m, ExtraClientUser = 1.00m },
        ];
        var catalogue = TierCatalogue.Create(options);
        var rows = new[] { new StatementRow(ClientId.New(), "Bakker", ClientTier.CollaborateExtended, 3), new StatementRow(ClientId.New(), "Smit", ClientTier.Standard, 1) };
        decimal Total(int year, int month) => MonthlyStatement.Compute(catalogue, OfficeId.New(), new YearMonth(year, month), rows).Total;

        Assert.Equal(1.50m + 1.80m + 0.70m, Total(2025, 1)); // before the first list: the first list
        Assert.Equal(1.50m + 1.80m + 0.70m, Total(2025, 12));
        Assert.Equal(1.65m + 2.00m + 0.80m, Total(2026, 1)); // January's prices bill January
        Assert.Equal(1.65m + 2.00m + 0.80m, Total(2026, 12));
        Assert.Equal(1.65m + 2.50m + 0.95m, Total(2027, 1));
        Assert.Null(catalogue.PricesFor(new YearMonth(2026, 5)).ExtraClientUserPrice(ClientTier.Collaborate)); // no extra users below Extended, in any list
        Assert.Equal(3, catalogue.PriceLists.Count);
    }

    // R: TIER-7
    [Fact]
    public void TIER7_price_lists_out_of_order_or_without_a_start_are_refused_at_start_up_naming_the_setting()
    {
        var options = TierCatalogueOptions.CreateDefault();
        options.EarlierPrices =
        [
            new TierPriceListOptions { ValidFrom = "2026-03", Standard = 0.80m, Collaborate = 1.10m, CollaborateExtended = 1.65m, ExtraClientUser = 1.00m },
            new TierPriceListOptions { ValidFrom = "2026-01", Standard = -1m, Collaborate = 1.10m, CollaborateExtended = 1.65m },
            new TierPriceListOptions { ValidFrom = "maart", Standard = 0.80m, Collaborate = 1.10m, CollaborateExtended = 1.65m, ExtraClientUser = 1.00m },
        ];

        var error = Assert.Throws<ArgumentException>(() => TierCatalogue.Create(options));

        Assert.Contains("Collab:Tiers:EarlierPrices:1:ValidFrom 2026-01 is not after", error.Message, StringComparison.Ordinal);
        Assert.Contains("Collab:Tiers:EarlierPrices:1 has a price below zero", error.Message, StringComparison.Ordinal);
        Assert.Contains("Collab:Tiers:EarlierPrices:1 has no ExtraClientUser price", error.Message, StringComparison.Ordinal);
        Assert.Contains("Collab:Tiers:EarlierPrices:2:ValidFrom is 'maart'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Collab:Tiers:PricesValidFrom is missing", error.Message, StringComparison.Ordinal);
        options.EarlierPrices = [];
        options.PricesValidFrom = "2027-01";
        Assert.Equal(0.80m, TierCatalogue.Create(options).PricesFor(new YearMonth(2020, 1)).MonthlyPrice(ClientTier.Standard)); // one list: every month
    }
}
