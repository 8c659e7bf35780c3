using Collab.Authorization;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Collab.Texts;
using Collab.Tiers;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Tiers;

/// <summary>The monthly statement from the history, issued statements and prices per month (TIER-7), run unchanged on every engine.</summary>
public abstract class StatementContract(Engine engine, PostgresServer? postgres, int cases)
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    private static readonly YearMonth November = new(2026, 11);
    private TierCatalogueOptions? _prices; // read when an instance is built: set it, then NewInstance() bills at other prices

    private Task<TestDatabase> NewDatabaseAsync() => TestDatabase.CreateAsync(engine, postgres, services =>
    {
        if (_prices is { } prices)
        {
            services.Configure<CollabOptions>(o => o.Tiers = prices);
        }
    });

    private static Instant Local(int year, int month, int day, int hour = 10, int minute = 0) =>
        Amsterdam.AtLeniently(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    private static Task<MonthlyStatement> StatementAsync(IServiceProvider services, ActingParty party, OfficeId office, YearMonth month) =>
        InScope(services, sp => sp.GetRequiredService<BillingService>().MonthlyStatementAsync(party, office, month));

    private static Task<T> Tiers<T>(TestDatabase db, Func<TierService, Task<T>> work) => db.InScopeAsync(sp => work(sp.GetRequiredService<TierService>()));

    private static Task<T> Registry<T>(TestDatabase db, Func<CollabRegistry, Task<T>> work) => db.InScopeAsync(sp => work(sp.GetRequiredService<CollabRegistry>()));

    private static async Task<T> InScope<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task<List<ClientId>> ClientsAsync(TestDatabase db, OfficeId office, string[] names, ClientTier tier, LocalDate startsOn)
    {
        var ids = new List<ClientId>();
        foreach (var name in names)
        {
            var client = await Registry(db, r => r.RegisterClientAsync(World.Vendor, name));
            await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, office, client.Id, tier, startsOn));
            ids.Add(client.Id);
        }

        return ids;
    }

    // R: TIER-7 (issue 33: clients on Standard since January, moved to Collaborate on 7 December, were billed €1.10 for November)
    [SkippableFact]
    public async Task TIER7_november_is_billed_at_Standard_after_the_clients_move_to_Collaborate_on_7_December_and_never_changes_afterwards()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        db.Clock.Reset(Local(2026, 1, 1, 9));
        var clients = await ClientsAsync(db, w.Office.Id, ["Garage Visser", "Bakkerij Jansen", "Drukkerij De Boer"], ClientTier.Standard, new LocalDate(2026, 1, 1));
        db.Clock.Reset(Local(2026, 12, 7));

        var bulk = await Tiers(db, t => t.ChangeTiersAsync(w.Desk, w.Office.Id, clients, ClientTier.Collaborate));

        Assert.Equal(3, bulk.Count(TierChangeStatus.Changed));
        var november = await StatementAsync(db.Services, w.Desk, w.Office.Id, November);
        Assert.Equal(["Bakkerij Jansen", "Drukkerij De Boer", "Garage Visser"], november.Lines.Select(l => l.ClientName));
        Assert.All(november.Lines, l => Assert.Equal((ClientTier.Standard, 0.80m, 0.80m), (l.Tier, l.TierPrice, l.Amount)));
        Assert.Equal(2.40m, november.Total);
        Assert.Null(november.IssuedAt);
        var december = await StatementAsync(db.Services, w.Desk, w.Office.Id, new YearMonth(2026, 12));
        Assert.All(december.Lines, l => Assert.Equal((ClientTier.Collaborate, 1.10m), (l.Tier, l.Amount))); // held from 7 December: the highest of the month
        var january = await StatementAsync(db.Services, w.Desk, w.Office.Id, new YearMonth(2026, 1));
        Assert.Equal(2.40m, january.Total);

        // Later changes of every kind: a single change, an upgrade with extra users, a user leaving, a collaboration ending.
        db.Clock.Reset(Local(2026, 12, 9));
        await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, clients[0], ClientTier.CollaborateExtended));
        var leaving = await Registry(db, r => r.CreateClientUserAsync(World.Vendor, clients[0], $"extra.{Guid.NewGuid():N}@visser.nl", []));
        await Registry(db, r => r.CreateClientUserAsync(World.Vendor, clients[0], $"extra.{Guid.NewGuid():N}@visser.nl", []));
        await Registry(db, r => r.CreateClientUserAsync(World.Vendor, clients[0], $"extra.{Guid.NewGuid():N}@visser.nl", []));
        db.Clock.Reset(Local(2026, 12, 10));
        await Registry(db, r => r.DeactivateUserAsync(World.Vendor, leaving.Id)); // active on 9 and 10 December
        await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, clients[1], ClientTier.Standard));
        await Tiers(db, t => t.EndCollaborationAsync(w.Desk, w.Office.Id, clients[2], new LocalDate(2026, 10, 1))); // dated in the past: ends now
        db.Clock.Reset(Local(2027, 2, 1));

        var again = await StatementAsync(db.Services, w.Desk, w.Office.Id, November);
        Assert.Equal(november.Lines, again.Lines);
        Assert.Equal(november.Total, again.Total);
        Assert.Equal(january.Lines, (await StatementAsync(db.Services, w.Desk, w.Office.Id, new YearMonth(2026, 1))).Lines);
        var decemberAfter = await StatementAsync(db.Services, w.Desk, w.Office.Id, new YearMonth(2026, 12));
        Assert.Equal(1.65m + 1.00m + 1.00m + 1.10m + 1.10m, decemberAfter.Total); // Extended from the 9th, three users on some day; the others at their December high
        var january2027 = await StatementAsync(db.Services, w.Desk, w.Office.Id, new YearMonth(2027, 1));
        Assert.Equal([clients[1], clients[0]], january2027.Lines.Select(l => l.Client)); // the ended one is gone; Jansen is Standard again
        Assert.Equal(0.80m + 1.65m + 1.00m, january2027.Total); // two users left
    }

    // R: TIER-7, TXT-1
    [SkippableFact]
    public async Task TIER7_the_statement_reads_in_Dutch_and_English_with_client_names_months_and_euros()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        db.Clock.Reset(Local(2026, 10, 1));
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 10, 1)));
        await ClientsAsync(db, w.Office.Id, ["Accountancy Één"], ClientTier.Collaborate, new LocalDate(2026, 10, 1));

        var statement = await StatementAsync(db.Services, w.Desk, w.Office.Id, November);
        var texts = db.Services.GetRequiredService<CollabTexts>();

        Assert.Equal(
            ["Maandoverzicht november 2026", "Accountancy Één: pakket Samenwerken, € 1,10", "Bakkerij Bakker: pakket Samenwerken Uitgebreid, € 2,65 (waarvan 1 extra cliëntgebruikers à € 1,00)", "Totaal: € 3,75"],
            statement.Render(texts, CollabTexts.Dutch));
        Assert.Equal(
            ["Monthly statement for November 2026", "Accountancy Één: tier Collaborate, €1.10", "Bakkerij Bakker: tier Collaborate Extended, €2.65 (including 1 extra client users at €1.00 each)", "Total: €3.75"],
            statement.Render(texts, CollabTexts.English));
        Assert.Equal("€ 1.234,50", MonthlyStatement.FormatEuro(1234.5m, CollabTexts.Dutch));
    }

    // R: TIER-7
    [SkippableFact]
    public async Task TIER7_a_collaboration_starting_or_ending_within_a_month_counts_for_it_and_so_does_a_user_active_on_any_day()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db); // Bakkerij Bakker has two active client users
        db.Clock.Reset(Local(2026, 10, 1, 8));
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 10, 1)));
        var ending = (await ClientsAsync(db, w.Office.Id, ["Eindigt Hier"], ClientTier.Collaborate, new LocalDate(2026, 10, 1)))[0];
        db.Clock.Reset(Local(2026, 11, 5, 12));
        await Tiers(db, t => t.EndCollaborationAsync(w.Desk, w.Office.Id, ending, new LocalDate(2026, 11, 5))); // the last day is 5 November
        db.Clock.Reset(Local(2026, 11, 10, 12));
        var briefly = await Registry(db, r => r.CreateClientUserAsync(World.Vendor, w.Client.Id, $"kort.{Guid.NewGuid():N}@bakker.nl", [w.Company.Id]));
        db.Clock.Reset(Local(2026, 11, 12, 12));
        await Registry(db, r => r.DeactivateUserAsync(World.Vendor, briefly.Id));
        db.Clock.Reset(Local(2026, 11, 30, 23, 59));
        var late = (await ClientsAsync(db, w.Office.Id, ["Begint Laat"], ClientTier.Standard, new LocalDate(2026, 11, 30)))[0];
        var future = (await ClientsAsync(db, w.Office.Id, ["Begint Volgend Jaar"], ClientTier.Standard, new LocalDate(2027, 2, 1)))[0];

        var october = await StatementAsync(db.Services, w.Desk, w.Office.Id, new YearMonth(2026, 10));
        var november = await StatementAsync(db.Services, w.Desk, w.Office.Id, November);
        var december = await StatementAsync(db.Services, w.Desk, w.Office.Id, new YearMonth(2026, 12));
        var january = await StatementAsync(db.Services, w.Desk, w.Office.Id, new YearMonth(2027, 1));
        var february = await StatementAsync(db.Services, w.Desk, w.Office.Id, new YearMonth(2027, 2));

        Assert.Equal([(w.Client.Id, 2.65m), (ending, 1.10m)], october.Lines.Select(l => (l.Client, l.Amount)));
        Assert.Equal([(w.Client.Id, 3.65m), (late, 0.80m), (ending, 1.10m)], november.Lines.Select(l => (l.Client, l.Amount))); // three users on some day
        Assert.Equal([(w.Client.Id, 2.65m), (late, 0.80m)], december.Lines.Select(l => (l.Client, l.Amount)));
        Assert.DoesNotContain(january.Lines, l => l.Client == future);
        Assert.Contains(february.Lines, l => l.Client == future);
    }

    // R: TIER-7, SEC-7: a user counts from the moment it may act — an invited user from its acceptance, never while its invitation is pending
    [SkippableFact]
    public async Task TIER7_SEC7_an_invited_client_user_is_billed_from_its_acceptance_and_not_while_pending()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db); // Bakkerij Bakker: two users of its own
        db.Clock.Reset(Local(2026, 10, 1, 8));
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 10, 1)));
        db.Clock.Reset(Local(2026, 10, 20, 12));
        var pending = await db.InScopeAsync(sp => sp.GetRequiredService<InvitationService>().InviteClientUserAsync(w.Desk, w.Client.Id, $"wacht.{Guid.NewGuid():N}@bakker.nl", [w.Company.Id]));
        var accepting = await db.InScopeAsync(sp => sp.GetRequiredService<InvitationService>().InviteClientUserAsync(w.Desk, w.Client.Id, $"later.{Guid.NewGuid():N}@bakker.nl", [w.Company.Id]));
        db.Clock.Reset(Local(2026, 11, 3, 9));
        await World.AcceptAsync(db, accepting);
        db.Clock.Reset(Local(2026, 12, 2, 9));

        var october = await StatementAsync(db.Services, w.Desk, w.Office.Id, new YearMonth(2026, 10));
        var november = await StatementAsync(db.Services, w.Desk, w.Office.Id, November);
        Assert.Equal(1, Assert.Single(october.Lines).ExtraClientUsers); // the client's own two; neither invitee acts yet
        Assert.Equal(2, Assert.Single(november.Lines).ExtraClientUsers); // the one who accepted on 3 November; never the pending one
        Assert.NotEqual(default, pending.User);
    }

    // R: TIER-7, SEC-3, AUD-1
    [SkippableFact]
    public async Task TIER7_an_issued_month_reads_exactly_as_issued_after_tiers_users_and_prices_change_and_January_prices_bill_January()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        db.Clock.Reset(Local(2026, 1, 1, 9));
        var clients = await ClientsAsync(db, w.Office.Id, ["Alfa", "Bravo"], ClientTier.Standard, new LocalDate(2026, 1, 1));
        await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, clients[0], ClientTier.Collaborate));
        db.Clock.Reset(Local(2026, 11, 30, 23, 59));
        var early = await Assert.ThrowsAsync<CollabRefusalException>(() => InScope(db.Services, sp => sp.GetRequiredService<BillingService>().IssueStatementAsync(w.Desk, w.Office.Id, November)));
        Assert.Equal((RefusalKind.RuleViolation, "statement.month-not-over"), (early.Kind, early.Code));
        var byClient = await Assert.ThrowsAsync<CollabRefusalException>(() => InScope(db.Services, sp => sp.GetRequiredService<BillingService>().IssueStatementAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, November)));
        Assert.Equal(CollabAuthorization.RefusedCode, byClient.Code);
        var byOtherOffice = await Assert.ThrowsAsync<CollabRefusalException>(() => InScope(db.Services, sp => sp.GetRequiredService<BillingService>().IssueStatementAsync(ActingParty.User(w.OtherOfficeUser.Id), w.Office.Id, November)));
        Assert.Equal(CollabAuthorization.RefusedCode, byOtherOffice.Code);

        db.Clock.Reset(Local(2026, 12, 1, 0)); // the first instant of December in the office's zone: November is over
        var issued = await InScope(db.Services, sp => sp.GetRequiredService<BillingService>().IssueStatementAsync(w.Desk, w.Office.Id, November));
        await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, clients[1], ClientTier.CollaborateExtended)); // at local midnight: December's
        await Registry(db, r => r.CreateClientUserAsync(World.Vendor, clients[1], $"nieuw.{Guid.NewGuid():N}@bravo.nl", []));
        await Registry(db, r => r.CreateClientUserAsync(World.Vendor, clients[1], $"nieuw.{Guid.NewGuid():N}@bravo.nl", []));
        var again = await InScope(db.Services, sp => sp.GetRequiredService<BillingService>().IssueStatementAsync(w.Desk, w.Office.Id, November));

        Assert.Equal((Local(2026, 12, 1, 0), 1.90m), (issued.IssuedAt, issued.Total));
        Assert.Equal([("Alfa", ClientTier.Collaborate, 1.10m), ("Bravo", ClientTier.Standard, 0.80m)], issued.Lines.Select(l => (l.ClientName, l.Tier, l.Amount)));
        Assert.Equal((issued.IssuedAt, issued.Total), (again.IssuedAt, again.Total)); // issuing twice changes nothing
        Assert.Equal(issued.Lines, again.Lines);
        Assert.Single(await World.AuditAsync(db, AuditSubject.Office(w.Office.Id)), r => r.Action == AuditAction.StatementIssued);

        // The vendor raises its prices from December 2026 and keeps the old ones as earlier prices.
        var raised = TierCatalogueOptions.CreateDefault();
        raised.Standard!.MonthlyPrice = 0.90m;
        raised.Collaborate!.MonthlyPrice = 1.25m;
        raised.CollaborateExtended!.MonthlyPrice = 1.80m;
        raised.CollaborateExtended.ExtraClientUserPrice = 1.20m;
        raised.PricesValidFrom = "2026-12";
        raised.EarlierPrices = [new TierPriceListOptions { ValidFrom = "2026-01", Standard = 0.80m, Collaborate = 1.10m, CollaborateExtended = 1.65m, ExtraClientUser = 1.00m }];
        _prices = raised;
        await using var repriced = db.NewInstance();
        db.Clock.Reset(Local(2027, 1, 2));

        var read = await StatementAsync(repriced, w.Desk, w.Office.Id, November);
        Assert.Equal(issued.Lines, read.Lines);
        Assert.Equal((issued.Total, issued.IssuedAt), (read.Total, read.IssuedAt));
        var october = await StatementAsync(repriced, w.Desk, w.Office.Id, new YearMonth(2026, 10)); // not issued: computed, at October's prices
        Assert.Equal(1.90m, october.Total);
        Assert.Null(october.IssuedAt);
        var december = await StatementAsync(repriced, w.Desk, w.Office.Id, new YearMonth(2026, 12));
        Assert.Equal([("Alfa", 1.25m), ("Bravo", 1.80m + 1.20m)], december.Lines.Select(l => (l.ClientName, l.Amount)));
    }

    public enum Op
    {
        Start,
        Change,
        End,
        AddUser,
        RemoveUser,
    }

    public enum Move
    {
        Stay,
        Minutes,
        Hours,
        Days,
        ToLocalMidnight,
        ToNextMonth,
        ToZoneTransition,
    }

    public sealed record Step(Move Move, int Amount, Op Op, int Client, ClientTier Tier, int DayOffset);

    private static readonly Gen<Step> Steps =
        from move in Gen.Frequency(
            (2, Gen.Constant(Move.Stay)), (2, Gen.Constant(Move.Minutes)), (2, Gen.Constant(Move.Hours)), (3, Gen.Constant(Move.Days)),
            (2, Gen.Constant(Move.ToLocalMidnight)), (2, Gen.Constant(Move.ToNextMonth)), (1, Gen.Constant(Move.ToZoneTransition)))
        from amount in Gen.Choose(1, 20)
        from op in Gen.Frequency((2, Gen.Constant(Op.Start)), (4, Gen.Constant(Op.Change)), (1, Gen.Constant(Op.End)), (2, Gen.Constant(Op.AddUser)), (2, Gen.Constant(Op.RemoveUser)))
        from client in Gen.Choose(0, 2)
        from tier in Gen.Elements(ClientTier.Standard, ClientTier.Collaborate, ClientTier.CollaborateExtended)
        from dayOffset in Gen.Choose(-2, 2)
        select new Step(move, amount, op, client, tier, dayOffset);

    // Around a leap day, both DST changes of 2026 (Europe 29 March and 25 October, America 8 March and 1 November), a year end.
    private static readonly Gen<(string Zone, LocalDateTime Begin)> Beginnings =
        from zone in Gen.Elements("Europe/Amsterdam", "America/New_York")
        from begin in Gen.Elements(new LocalDateTime(2024, 2, 27, 23, 0), new LocalDateTime(2026, 3, 6, 0, 0), new LocalDateTime(2026, 3, 28, 22, 30),
            new LocalDateTime(2026, 10, 24, 12, 0), new LocalDateTime(2026, 12, 31, 23, 59))
        select (zone, begin);

    // R: TIER-7 — the property: for any sequence of tier changes, user changes and month boundaries (month ends, a leap day,
    // DST changes, changes at local midnight, changes at the same instant), every month's statement equals the oracle below,
    // written from TIER-7's words, and a month that was over before later changes reads the same after them (issued or not).
    [SkippableFact]
    public async Task TIER7_every_months_statement_equals_the_rule_and_a_closed_month_never_changes()
    {
        await using var db = await NewDatabaseAsync();
        var sequences = from begin in Beginnings from steps in Gen.Choose(1, 24).SelectMany(n => Gen.ArrayOf(Steps, n)) select (begin.Zone, begin.Begin, Steps: steps);
        var property = Prop.ForAll(Arb.From(sequences), s => RunAsync(db, s.Zone, s.Begin, s.Steps).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
    }

    private sealed class ClientModel
    {
        public ClientId Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public bool Started { get; set; }

        public bool Ended { get; set; }

        public LocalDate StartsOn { get; set; }

        public Instant StartsAt { get; set; }

        public Instant? EndsAt { get; set; }

        public LocalDate? EndsOn { get; set; }

        public List<(Instant From, ClientTier Tier)> Tiers { get; } = [];

        public List<(UserId User, Instant From, Instant? Until)> Users { get; } = [];
    }

    private static async Task<bool> RunAsync(TestDatabase db, string zoneId, LocalDateTime begin, Step[] steps)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        db.Clock.Reset(zone.AtLeniently(begin).ToInstant());
        var tag = Guid.NewGuid().ToString("N")[..8];
        var office = await Registry(db, r => r.RegisterOfficeAsync(World.Vendor, $"Kantoor {tag}", zoneId));
        var desk = ActingParty.User((await Registry(db, r => r.CreateOfficeUserAsync(World.Vendor, office.Id, $"desk.{tag}@kantoor.nl"))).Id);
        var clients = new List<ClientModel>();
        for (var i = 0; i < 3; i++)
        {
            var name = $"Klant {tag} {i}";
            clients.Add(new ClientModel { Id = (await Registry(db, r => r.RegisterClientAsync(World.Vendor, name))).Id, Name = name });
        }

        var firstMonth = YearMonthOf(db.Clock.GetCurrentInstant(), zone);
        Dictionary<YearMonth, MonthlyStatement>? closedEarlier = null;
        YearMonth? issuedMonth = null;
        for (var i = 0; i < steps.Length; i++)
        {
            Advance(db.Clock, zone, steps[i]);
            await ApplyAsync(db, office.Id, desk, zone, clients[steps[i].Client], steps[i]);
            if (i == steps.Length / 2)
            {
                // Every month over by now is closed: read them, and issue the last of them.
                closedEarlier = await ClosedMonthsAsync(db, desk, office.Id, zone, firstMonth);
                if (closedEarlier.Count > 0)
                {
                    issuedMonth = closedEarlier.Keys.Max();
                    var issued = await InScope(db.Services, sp => sp.GetRequiredService<BillingService>().IssueStatementAsync(desk, office.Id, issuedMonth.Value));
                    if (!issued.Lines.SequenceEqual(closedEarlier[issuedMonth.Value].Lines) || issued.Total != closedEarlier[issuedMonth.Value].Total)
                    {
                        return false;
                    }
                }
            }
        }

        var lastMonth = YearMonthOf(db.Clock.GetCurrentInstant(), zone).PlusMonths(1);
        for (var month = firstMonth; month <= lastMonth; month = month.PlusMonths(1))
        {
            var statement = await StatementAsync(db.Services, desk, office.Id, month);
            var expected = Oracle(clients, zone, month);
            var actual = statement.Lines.Select(l => (l.Client, l.Tier, l.ExtraClientUsers, l.Amount)).OrderBy(l => l.Client.Value).ToList();
            if (!expected.SequenceEqual(actual) || statement.Total != expected.Sum(e => e.Amount))
            {
                throw new InvalidOperationException($"{month:yyyy-MM} in {zoneId}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
            }

            if (closedEarlier is not null && closedEarlier.TryGetValue(month, out var earlier)
                && (!earlier.Lines.SequenceEqual(statement.Lines) || earlier.Total != statement.Total || (month == issuedMonth) != statement.IssuedAt.HasValue))
            {
                throw new InvalidOperationException($"{month:yyyy-MM} in {zoneId} changed after it was over: [{string.Join(", ", earlier.Lines)}] became [{string.Join(", ", statement.Lines)}]");
            }
        }

        return true;
    }

    private static async Task<Dictionary<YearMonth, MonthlyStatement>> ClosedMonthsAsync(TestDatabase db, ActingParty desk, OfficeId office, DateTimeZone zone, YearMonth firstMonth)
    {
        var closed = new Dictionary<YearMonth, MonthlyStatement>();
        var now = db.Clock.GetCurrentInstant();
        for (var month = firstMonth; zone.AtStartOfDay(month.PlusMonths(1).OnDayOfMonth(1)).ToInstant() <= now; month = month.PlusMonths(1))
        {
            closed[month] = await StatementAsync(db.Services, desk, office, month);
        }

        return closed;
    }

    private static YearMonth YearMonthOf(Instant instant, DateTimeZone zone) => instant.InZone(zone).Date.ToYearMonth();

    private static void Advance(Collab.Stores.Specification.TestTime clock, DateTimeZone zone, Step step)
    {
        var now = clock.GetCurrentInstant();
        var today = now.InZone(zone).Date;
        clock.Reset(step.Move switch
        {
            Move.Stay => now,
            Move.Minutes => now + Duration.FromMinutes(step.Amount * 7),
            Move.Hours => now + Duration.FromHours(step.Amount),
            Move.Days => now + Duration.FromDays(step.Amount),
            Move.ToLocalMidnight => zone.AtStartOfDay(today.PlusDays(1)).ToInstant(),
            Move.ToNextMonth => zone.AtStartOfDay(today.ToYearMonth().PlusMonths(1).OnDayOfMonth(1)).ToInstant(),
            _ => zone.GetZoneInterval(now) is { HasEnd: true } interval && interval.End < Instant.FromUtc(2030, 1, 1, 0, 0) ? interval.End : now + Duration.FromDays(1),
        });
    }

    // What the test knows happened, recorded only when the service accepted it.
    private static async Task ApplyAsync(TestDatabase db, OfficeId office, ActingParty desk, DateTimeZone zone, ClientModel client, Step step)
    {
        var now = db.Clock.GetCurrentInstant();
        var today = now.InZone(zone).Date;
        try
        {
            switch (step.Op)
            {
                case Op.Start when !client.Started:
                    var startsOn = today.PlusDays(step.DayOffset);
                    await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, office, client.Id, step.Tier, startsOn));
                    client.Started = true;
                    client.StartsOn = startsOn;
                    client.StartsAt = Max(now, zone.AtStartOfDay(startsOn).ToInstant()); // a start is never dated back into time already billed
                    client.Tiers.Add((client.StartsAt, step.Tier));
                    break;
                case Op.Change when client.Started && client.EndsOn is { } last && today > last:
                    // SEC-5: once its collaboration has ended the office no longer acts for the client; nothing changes.
                    var gone = await Assert.ThrowsAsync<CollabRefusalException>(() => Tiers(db, t => t.ChangeTierAsync(desk, office, client.Id, step.Tier)));
                    Assert.Equal(CollabAuthorization.RefusedCode, gone.Code);
                    break;
                case Op.Change when client.Started:
                    var outcome = await Tiers(db, t => t.ChangeTierAsync(desk, office, client.Id, step.Tier));
                    if (outcome.Status == TierChangeStatus.Changed)
                    {
                        client.Tiers.Add((Max(now, client.StartsAt), step.Tier));
                    }

                    break;
                case Op.End when client.Started && !client.Ended:
                    var endsOn = Max(today.PlusDays(step.DayOffset), client.StartsOn);
                    await Tiers(db, t => t.EndCollaborationAsync(desk, office, client.Id, endsOn));
                    client.Ended = true;
                    client.EndsOn = endsOn;
                    client.EndsAt = Max(Max(now, zone.AtStartOfDay(endsOn.PlusDays(1)).ToInstant()), client.StartsAt); // work can start on its last day
                    break;
                case Op.AddUser:
                    var user = await Registry(db, r => r.CreateClientUserAsync(World.Vendor, client.Id, $"u.{Guid.NewGuid():N}@klant.nl", []));
                    client.Users.Add((user.Id, now, null));
                    break;
                case Op.RemoveUser when client.Users.FindIndex(u => u.Until is null) is var index and >= 0:
                    await Registry(db, r => r.DeactivateUserAsync(World.Vendor, client.Users[index].User));
                    client.Users[index] = client.Users[index] with { Until = now };
                    break;
            }
        }
        catch (CollabRefusalException refused) when (refused.Kind == RefusalKind.RuleViolation)
        {
            // refused by a rule (TIER-4: too many users for the tier): nothing happened
        }
    }

    /// <summary>
    /// TIER-7 in its own words, day by day in the office's zone: a client is billed for a month when its collaboration runs
    /// on any day of it; at the highest tier it held on any day of it; plus the client users beyond the included one that
    /// were active on any day of it, where the tier offers extra users. Something "holds on a day" when its interval
    /// [from, until) shares a moment with the day's [start, next day's start).
    /// </summary>
    private static List<(ClientId Client, ClientTier Tier, int ExtraUsers, decimal Amount)> Oracle(List<ClientModel> clients, DateTimeZone zone, YearMonth month)
    {
        var lines = new List<(ClientId, ClientTier, int, decimal)>();
        foreach (var client in clients.Where(c => c.Started))
        {
            ClientTier? highest = null;
            var users = new HashSet<UserId>();
            for (var day = month.OnDayOfMonth(1); day.ToYearMonth() == month; day = day.PlusDays(1))
            {
                var dayStart = zone.AtStartOfDay(day).ToInstant();
                var dayEnd = zone.AtStartOfDay(day.PlusDays(1)).ToInstant();
                foreach (var user in client.Users.Where(u => Overlaps(u.From, u.Until, dayStart, dayEnd)))
                {
                    users.Add(user.User); // the client's users active on any day of the month
                }

                if (!Overlaps(client.StartsAt, client.EndsAt, dayStart, dayEnd))
                {
                    continue;
                }

                for (var i = 0; i < client.Tiers.Count; i++)
                {
                    var from = Max(client.Tiers[i].From, client.StartsAt);
                    Instant? until = i + 1 < client.Tiers.Count ? client.Tiers[i + 1].From : client.EndsAt;
                    if (client.EndsAt is { } end && until is { } u && u > end)
                    {
                        until = end;
                    }

                    if (Overlaps(from, until, dayStart, dayEnd) && (highest is null || client.Tiers[i].Tier > highest))
                    {
                        highest = client.Tiers[i].Tier;
                    }
                }
            }

            if (highest is { } tier)
            {
                var price = tier switch { ClientTier.Standard => 0.80m, ClientTier.Collaborate => 1.10m, _ => 1.65m };
                var extra = tier == ClientTier.CollaborateExtended ? Math.Max(0, users.Count - 1) : 0;
                lines.Add((client.Id, tier, extra, price + (extra * 1.00m)));
            }
        }

        return [.. lines.OrderBy(l => l.Item1.Value)];
    }

    private static bool Overlaps(Instant from, Instant? until, Instant start, Instant end) => from < end && (until is null || until > start) && (until is null || until > from);

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}

public sealed class StatementsOnSqlite() : StatementContract(Engine.Sqlite, null, 40);

[Collection(PostgresCollection.Name)]
public sealed class StatementsOnPostgres(PostgresServer postgres) : StatementContract(Engine.Postgres, postgres, 20);
