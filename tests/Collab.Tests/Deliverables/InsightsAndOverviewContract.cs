using Ardalis.Specification;
using Collab.Deliverables;
using Collab.Insights;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Deliverables;

/// <summary>A vendor's insight source as a vendor would write one over its own data: values per company, measure and month.</summary>
public sealed class TableSource(string name, IReadOnlyDictionary<(CompanyId Company, string Measure, YearMonth Month), decimal> values) : IClientInsightSource
{
    public string Name => name;

    public List<CompanyId> Asked { get; } = [];

    public Task<IReadOnlyList<MonthlyValue>> ReadAsync(CompanyId company, YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        lock (Asked)
        {
            Asked.Add(company);
        }

        IReadOnlyList<MonthlyValue> found = values.Where(v => v.Key.Company == company && v.Key.Month >= from && v.Key.Month <= to)
            .Select(v => new MonthlyValue(v.Key.Measure, v.Key.Month, v.Value)).ToList();
        return Task.FromResult(found);
    }
}

/// <summary>Client insights (SHARE-16) and the office overview (SHARE-17, TIER-5), on every engine.</summary>
public abstract class InsightsAndOverviewContract(Engine engine, PostgresServer? postgres)
{
    private static readonly YearMonth Jan = new(2025, 1);

    private async Task<(TestDatabase Db, World W, TableSource Books, TableSource Bank)> InsightWorldAsync(ClientTier tier)
    {
        var ids = new Dictionary<string, CompanyId>();
        TableSource? books = null, bank = null;
        var db = await TestDatabase.CreateAsync(engine, postgres, services =>
        {
            // The sources are built once the world exists; the registrations only point at them.
            services.AddScoped<IClientInsightSource>(_ => books!);
            services.AddScoped<IClientInsightSource>(_ => bank!);
        });
        var w = await World.SeedAsync(db);
        await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, tier, new LocalDate(2025, 1, 1)));
        await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(World.Vendor, w.ClientUser.Id, w.OtherCompany.Id));
        books = new TableSource("boekhouding", new Dictionary<(CompanyId, string, YearMonth), decimal>
        {
            [(w.Company.Id, "revenue", Jan)] = 10_000.10m,
            [(w.Company.Id, "revenue", Jan.PlusMonths(1))] = 12_000m,
            [(w.Company.Id, "revenue", Jan.PlusMonths(2))] = 0m, // a real zero
            [(w.OtherCompany.Id, "revenue", Jan)] = 500m,
            [(w.OtherCompany.Id, "revenue", Jan.PlusMonths(2))] = 700m, // February missing: a gap
        });
        bank = new TableSource("bank", new Dictionary<(CompanyId, string, YearMonth), decimal>
        {
            [(w.Company.Id, "bank-balance", Jan)] = -250m,
            [(w.Company.Id, "bank-balance", Jan.PlusMonths(1))] = 1_000m,
            [(w.Company.Id, "bank-balance", Jan.PlusMonths(2))] = 1_500m,
        });
        return (db, w, books, bank);
    }

    // R: SHARE-16, SEC-1, TIER-8
    [SkippableFact]
    public async Task SHARE16_insights_merge_each_source_per_company_and_combine_over_the_reachable_companies_with_gaps_never_zero()
    {
        var (db, w, books, _) = await InsightWorldAsync(ClientTier.CollaborateExtended);
        await using (db)
        {
            var insights = await db.InScopeAsync(sp => sp.GetRequiredService<InsightService>().ForClientUserAsync(ActingParty.User(w.ClientUser.Id), Jan, Jan.PlusMonths(2)));

            var otherRevenue = insights.PerCompany.Single(s => s.Company == w.OtherCompany.Id && s.Measure == "revenue");
            Assert.Equal([500m, null, 700m], otherRevenue.Points.Select(p => p.Value));
            Assert.All(otherRevenue.Points, p => Assert.Equal("boekhouding", p.Source));
            Assert.Equal([Jan, Jan.PlusMonths(1), Jan.PlusMonths(2)], otherRevenue.Points.Select(p => p.Month));
            Assert.Equal([10_500.10m, null, 700m], insights.Combined.Single(s => s.Measure == "revenue").Points.Select(p => p.Value)); // a total never hides a missing month
            Assert.Equal([-250m, 1_000m, 1_500m], insights.Combined.Single(s => s.Measure == "bank-balance" && s.Source == "bank").Points.Select(p => p.Value)); // only the company that has it
            Assert.Equal(new[] { w.Company.Id, w.OtherCompany.Id }.OrderBy(c => c.Value), insights.Companies.OrderBy(c => c.Value));

            // A user given one company sees only that company, and the sources are not even asked about the other.
            books.Asked.Clear();
            var limited = await db.InScopeAsync(sp => sp.GetRequiredService<InsightService>().ForClientUserAsync(ActingParty.User(w.ClientUserOfOtherCompany.Id), Jan, Jan.PlusMonths(2)));
            Assert.All(limited.PerCompany, s => Assert.Equal(w.OtherCompany.Id, s.Company));
            Assert.Equal([w.OtherCompany.Id], books.Asked.Distinct());

            var office = await Assert.ThrowsAsync<CollabRefusalException>(() => db.InScopeAsync(sp => sp.GetRequiredService<InsightService>().ForClientUserAsync(w.Desk, Jan, Jan)));
            Assert.Equal(CollabAuthorization.RefusedCode, office.Code);
            var backwards = await Assert.ThrowsAsync<CollabRefusalException>(() => db.InScopeAsync(sp => sp.GetRequiredService<InsightService>().ForClientUserAsync(ActingParty.User(w.ClientUser.Id), Jan, Jan.PlusMonths(-1))));
            Assert.Equal("insights.range", backwards.Code);
        }
    }

    // R: SHARE-16, SHARE-11
    [SkippableFact]
    public async Task SHARE16_insights_need_a_tier_that_includes_them_and_the_refusal_names_it()
    {
        var (db, w, _, _) = await InsightWorldAsync(ClientTier.Collaborate);
        await using (db)
        {
            var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => db.InScopeAsync(sp => sp.GetRequiredService<InsightService>().ForClientUserAsync(ActingParty.User(w.ClientUser.Id), Jan, Jan)));
            Assert.Contains("ShareClientInsights", refused.Message, StringComparison.Ordinal);
            Assert.Contains("CollaborateExtended", refused.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>The vendor's own criterion: "deliverables of clients of partner X", expressed over Collab's model.</summary>
    private sealed class OfClients : Specification<Deliverable>
    {
        public OfClients(IReadOnlyCollection<ClientId> clients)
        {
            var ids = clients.ToArray();
            Query.Where(d => ids.Contains(d.ClientId));
        }
    }

    private sealed class OnlyClients : Specification<ClientCollaboration>
    {
        public OnlyClients(params ClientId[] clients) => Query.Where(c => clients.Contains(c.ClientId));
    }

    // R: SHARE-17
    [SkippableFact]
    public async Task SHARE17_the_overview_filters_counts_and_pages_the_offices_deliverables_with_the_office_scope_always_added()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres);
        var w = await World.SeedAsync(db);
        var other = await db.InScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<CollabRegistry>();
            var client = await registry.RegisterClientAsync(World.Vendor, "Slagerij Smit");
            var company = await registry.AddCompanyAsync(World.Vendor, client.Id, "Slagerij Smit V.O.F.");
            return (client, company);
        });
        await db.InScopeAsync(async sp =>
        {
            var tiers = sp.GetRequiredService<TierService>();
            await tiers.StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1));
            await tiers.StartCollaborationAsync(World.Vendor, w.Office.Id, other.client.Id, ClientTier.Standard, new LocalDate(2026, 1, 1));
            await tiers.StartCollaborationAsync(World.Vendor, w.OtherOffice.Id, w.Client.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1));
        });
        var otherDesk = ActingParty.User(w.OtherOfficeUser.Id);

        var made = new List<DeliverableOfficeView>();
        Task<DeliverableOfficeView> Draft(ActingParty desk, OfficeId office, CompanyId company, DeliverableKind kind, ReportingPeriod period) =>
            db.InScopeAsync(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(desk, office, company, kind, period));
        for (var year = 2023; year <= 2025; year++)
        {
            made.Add(await Draft(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(year)));
            made.Add(await Draft(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.IncomeTaxReturn, ReportingPeriod.FinancialYear(year)));
            made.Add(await Draft(w.Desk, w.Office.Id, other.company.Id, DeliverableKind.VatReturn, ReportingPeriod.Quarter(year, 4)));
        }

        var foreign = await Draft(otherDesk, w.OtherOffice.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025));
        var sharedForApproval = made.Where(d => d.ClientId == w.Client.Id && d.Period.Year == 2025).ToList();
        foreach (var d in sharedForApproval)
        {
            await db.InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, d.Id, new LocalDate(2026, 5, 1)));
        }

        var overview = (Func<OfficeOverviewService, Task<DeliverablePage>> f) => db.InScopeAsync(sp => f(sp.GetRequiredService<OfficeOverviewService>()));

        // Pages of 2 walk every one of the office's deliverables once, newest first, and never the other office's.
        var seen = new List<DeliverableId>();
        DeliverableId? after = null;
        do
        {
            var page = await overview(o => o.DeliverablesAsync(w.Desk, w.Office.Id, after: after, pageSize: 2));
            seen.AddRange(page.Items.Select(d => d.Id));
            after = page.Next;
        }
        while (after is not null);
        Assert.Equal(made.Select(d => d.Id).Reverse(), seen);
        Assert.DoesNotContain(foreign.Id, seen);

        var fiscal2025 = await overview(o => o.DeliverablesAsync(w.Desk, w.Office.Id, new DeliverableFilter(Line: ServiceLine.Fiscal, Year: 2025)));
        Assert.Equal(made.Where(d => d.Line == ServiceLine.Fiscal && d.Period.Year == 2025).Select(d => d.Id).Reverse(), fiscal2025.Items.Select(d => d.Id));
        var dueInMay = await overview(o => o.DeliverablesAsync(w.Desk, w.Office.Id, new DeliverableFilter(States: [DeliverableState.Shared], DeadlineFrom: new LocalDate(2026, 5, 1), DeadlineTo: new LocalDate(2026, 5, 31))));
        Assert.Equal(sharedForApproval.Select(d => d.Id).Reverse(), dueInMay.Items.Select(d => d.Id));
        var vendors = await overview(o => o.DeliverablesAsync(w.Desk, w.Office.Id, vendorCriteria: new OfClients([other.client.Id])));
        Assert.All(vendors.Items, d => Assert.Equal(other.client.Id, d.ClientId));
        Assert.Equal(3, vendors.Items.Count);
        var sneaky = await overview(o => o.DeliverablesAsync(w.Desk, w.Office.Id, new DeliverableFilter(Client: w.Client.Id), new OfClients([w.Client.Id])));
        Assert.DoesNotContain(foreign.Id, sneaky.Items.Select(d => d.Id)); // the vendor's criteria cannot widen the office scope

        var counts = await db.InScopeAsync(sp => sp.GetRequiredService<OfficeOverviewService>().CountsByStateAsync(w.Desk, w.Office.Id, new DeliverableFilter(States: [DeliverableState.Approved])));
        Assert.Equal((7, 2, 0), (counts[DeliverableState.Draft], counts[DeliverableState.Shared], counts[DeliverableState.Approved])); // the state filter does not narrow the counts
        Assert.Equal(Enum.GetValues<DeliverableState>().Length, counts.Count);

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => overview(o => o.DeliverablesAsync(otherDesk, w.Office.Id)));
        Assert.Equal(CollabAuthorization.RefusedCode, refused.Code);
        Assert.Equal("overview.page-size", (await Assert.ThrowsAsync<CollabRefusalException>(() => overview(o => o.DeliverablesAsync(w.Desk, w.Office.Id, pageSize: 0)))).Code);
    }

    // R: SHARE-17, TIER-5, TIER-3
    [SkippableFact]
    public async Task SHARE17_TIER5_the_clients_overview_shows_each_clients_one_tier_and_its_selection_feeds_a_bulk_tier_change()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres);
        var w = await World.SeedAsync(db);
        var clients = await db.InScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<CollabRegistry>();
            var tiers = sp.GetRequiredService<TierService>();
            var list = new List<ClientId> { w.Client.Id };
            await tiers.StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Standard, new LocalDate(2026, 1, 1));
            for (var i = 0; i < 4; i++)
            {
                var client = await registry.RegisterClientAsync(World.Vendor, $"Klant {i}");
                await tiers.StartCollaborationAsync(World.Vendor, w.Office.Id, client.Id, i % 2 == 0 ? ClientTier.Standard : ClientTier.Collaborate, new LocalDate(2026, 1, 1));
                list.Add(client.Id);
            }

            return list;
        });
        Task<T> O<T>(Func<OfficeOverviewService, Task<T>> f) => db.InScopeAsync(sp => f(sp.GetRequiredService<OfficeOverviewService>()));

        var first = await O(o => o.ClientsAsync(w.Desk, w.Office.Id, pageSize: 3));
        var second = await O(o => o.ClientsAsync(w.Desk, w.Office.Id, after: first.Next, pageSize: 3));
        Assert.Equal(clients.Order(), first.Items.Concat(second.Items).Select(c => c.Client));
        Assert.Null(second.Next);
        Assert.Contains(first.Items.Concat(second.Items), c => c.Client == w.Client.Id && c.Name == "Bakkerij Bakker" && c.Tier == ClientTier.Standard);

        var standard = await O(o => o.SelectClientsAsync(w.Desk, w.Office.Id, [ClientTier.Standard]));
        IReadOnlyList<ClientId> narrowed = await O(o => o.SelectClientsAsync(w.Desk, w.Office.Id, [ClientTier.Standard], new OnlyClients(clients[0], clients[1], clients[2])));
        Assert.Equal(3, standard.Count);
        Assert.Equal(new[] { clients[0], clients[1] }.Order(), narrowed.Order());

        var result = await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().ChangeTiersAsync(w.Desk, w.Office.Id, narrowed, ClientTier.Collaborate));
        // Per client (TIER-5): the one with more users than the new tier allows stays, the other moves.
        Assert.Equal([(clients[0], TierChangeStatus.Refused), (clients[1], TierChangeStatus.Changed)], result.Outcomes.Select(o => (o.Client, o.Status)).OrderBy(o => o.Client.Value));
        narrowed = [clients[1]];
        Assert.Equal(standard.Except(narrowed), await O(o => o.SelectClientsAsync(w.Desk, w.Office.Id, [ClientTier.Standard])));
        Assert.Equal(CollabAuthorization.RefusedCode, (await Assert.ThrowsAsync<CollabRefusalException>(() => O(o => o.SelectClientsAsync(ActingParty.User(w.OtherOfficeUser.Id), w.Office.Id)))).Code);
    }
}

public sealed class InsightsAndOverviewOnSqlite() : InsightsAndOverviewContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class InsightsAndOverviewOnPostgres(PostgresServer postgres) : InsightsAndOverviewContract(Engine.Postgres, postgres);
