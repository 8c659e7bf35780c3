using Collab.Lifecycle;
using Collab.Links;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Links;

/// <summary>Integration links (LINK-1 … LINK-7, AUD-1), run unchanged on every engine, with in-process stand-ins for the app and the bookkeeping.</summary>
public abstract class LinkContract(Engine engine, PostgresServer? postgres)
{
    private readonly InProcessApp _app = new();
    private readonly InProcessBookkeeping _books = new();

    private sealed record Setup(TestDatabase Db, World W, RegistrationResult Client);

    private async Task<Setup> NewAsync(string plan = "inKaart")
    {
        var db = await TestDatabase.CreateAsync(engine, postgres, services =>
        {
            services.AddSingleton<IExternalApp>(_app);
            services.AddSingleton<IBookkeepingRecords>(_books);
        });
        var w = await World.SeedAsync(db);
        await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(World.Vendor, w.Office.Id, OfficeModules.AccountantPackage));
        var client = await db.InScopeAsync(sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(w.Desk, w.Office.Id,
            ClientRegistration.WithNewAdministration("Webwinkel Wim", "Wim B.V.", $"wim.{Guid.NewGuid():N}@wim.nl", plan, BillingParty.Client, TestDatabase.NextNumber(), "Wim 2026")));
        await World.AcceptAsync(db, client.Invitation);
        return new Setup(db, w, client);
    }

    private static Task<T> Links<T>(Setup s, Func<LinkService, Task<T>> work) => s.Db.InScopeAsync(sp => work(sp.GetRequiredService<LinkService>()));

    private static Task<T> Sync<T>(Setup s, Func<LinkSyncService, Task<T>> work) => s.Db.InScopeAsync(sp => work(sp.GetRequiredService<LinkSyncService>()));

    private static Task<PollResult> Poll(Setup s) => s.Db.InScopeAsync(sp => sp.GetRequiredService<LinkPollService>().PollDueAsync());

    private static async Task<IntegrationLinkView> LinkAsync(Setup s, string external, AdministrationId administration, BookkeepingEdition edition = BookkeepingEdition.Web, string app = "webshop")
    {
        var link = await Links(s, l => l.ConnectAsync(s.W.Desk, app, external));
        await Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, link.Id, administration, edition));
        await Links(s, l => l.ConfirmAsync(s.W.Desk, link.Id));
        await Links(s, l => l.ReadAllDataAsync(s.W.Desk, link.Id));
        await Links(s, l => l.StartSynchronisationAsync(s.W.Desk, link.Id));
        return await Links(s, l => l.FinishAsync(s.W.Desk, link.Id));
    }

    // R: LINK-1
    [SkippableFact]
    public async Task LINK1_an_app_administration_links_to_one_bookkeeping_administration_and_back_one_per_app()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        var admin = s.Client.Administration.Id;
        var first = await LinkAsync(s, "shop-1", admin);

        var sameExternal = await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-1")));
        var second = await Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-2"));
        var sameAdministration = await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, second.Id, admin, BookkeepingEdition.Web)));
        var otherApp = await LinkAsync(s, "team-7", admin, app: "timesheets");

        Assert.Equal("link.external-already-linked", sameExternal.Code);
        Assert.Equal("link.administration-already-linked", sameAdministration.Code);
        Assert.Equal("LINK-1", sameAdministration.Refusal.RuleId);
        Assert.Equal(LinkStep.Finished, otherApp.Step);

        await Links(s, l => l.RemoveAsync(s.W.Desk, first.Id));
        var relinked = await Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, second.Id, admin, BookkeepingEdition.Web));
        Assert.Equal(LinkStep.AdministrationChosen, relinked.Step);
    }

    // R: LINK-1
    [SkippableFact]
    public async Task LINK1_the_database_refuses_a_second_link_for_the_same_app_administration_even_past_the_domain()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        await s.Db.InScopeAsync(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<ICollabUnitOfWork>();
            unitOfWork.Add(IntegrationLink.Connect("webshop", "shop-9", null, Actor.OfficeUser(s.W.OfficeUser.Id), s.Db.Clock.GetCurrentInstant()));
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        });

        var conflict = await Assert.ThrowsAsync<CollabRefusalException>(() => s.Db.InScopeAsync(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<ICollabUnitOfWork>();
            unitOfWork.Add(IntegrationLink.Connect("webshop", "shop-9", null, Actor.OfficeUser(s.W.OfficeUser.Id), s.Db.Clock.GetCurrentInstant()));
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        }));

        Assert.Equal(RefusalKind.ConcurrencyConflict, conflict.Kind);
    }

    // R: LINK-1
    [SkippableFact]
    public async Task LINK1_the_database_refuses_a_second_link_of_one_app_to_the_same_bookkeeping_administration_even_past_the_domain()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        Task ChooseDirectlyAsync(string external) => s.Db.InScopeAsync(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<ICollabUnitOfWork>();
            var administration = (await sp.GetRequiredService<IAdministrationStore>().FindAdministrationAsync(s.Client.Administration.Id, CancellationToken.None))!;
            var link = IntegrationLink.Connect("webshop", external, null, Actor.OfficeUser(s.W.OfficeUser.Id), s.Db.Clock.GetCurrentInstant());
            link.Choose(administration, BookkeepingEdition.Web, Actor.OfficeUser(s.W.OfficeUser.Id), s.Db.Clock.GetCurrentInstant());
            unitOfWork.Add(link);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        });
        await ChooseDirectlyAsync("shop-a");

        var conflict = await Assert.ThrowsAsync<CollabRefusalException>(() => ChooseDirectlyAsync("shop-b"));

        Assert.Equal(RefusalKind.ConcurrencyConflict, conflict.Kind);
        var otherApp = await Links(s, l => l.ConnectAsync(s.W.Desk, "timesheets", "team-1")); // one per app: another app may still link it
        Assert.Equal(LinkStep.AdministrationChosen, (await Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, otherApp.Id, s.Client.Administration.Id, BookkeepingEdition.Web))).Step);
    }

    // R: LINK-3, SEC-2
    [SkippableFact]
    public async Task LINK3_bad_names_and_editions_are_refused_as_input_and_a_confirmed_link_keeps_its_choice()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        foreach (var (app, external) in new[] { ("", "shop-1"), ("  ", "shop-1"), (new string('a', 65), "shop-1"), ("webshop", new string('x', 201)) })
        {
            var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ConnectAsync(s.W.Desk, app, external)));
            Assert.Equal(RefusalKind.InvalidInput, refused.Kind);
        }

        Assert.Equal(LinkStep.Connected, (await Links(s, l => l.ConnectAsync(s.W.Desk, new string('a', 64), new string('x', 200)))).Step); // the longest names fit
        var link = await Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-1"));
        var edition = await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, link.Id, s.Client.Administration.Id, (BookkeepingEdition)9)));
        Assert.Equal(("link.unknown-edition", RefusalKind.InvalidInput), (edition.Code, edition.Kind));

        await Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, link.Id, s.Client.Administration.Id, BookkeepingEdition.Web));
        await Links(s, l => l.ConfirmAsync(s.W.Desk, link.Id));
        var again = await Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, link.Id, s.Client.Administration.Id, BookkeepingEdition.Web)); // a retried step
        var other = await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, link.Id, s.Client.Administration.Id, BookkeepingEdition.Desktop)));

        Assert.Equal(LinkStep.Confirmed, again.Step);
        Assert.Equal("link.already-confirmed", other.Code);
    }

    // R: LINK-2
    [SkippableFact]
    public async Task LINK2_linking_needs_plan_inKaart_and_an_accountant_subscription_needs_the_vendors_activation()
    {
        var s = await NewAsync(plan: "inStap");
        await using var _ = s.Db;
        var link = await Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-1"));

        var tooSmall = await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, link.Id, s.Client.Administration.Id, BookkeepingEdition.Web)));
        var own = await Links(s, l => l.ConnectAsync(ActingParty.User(s.W.ClientUser.Id), "webshop", "shop-2")); // the office's unbound link is not the client's (SEC-6)
        var noPlan = await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ChooseAdministrationAsync(ActingParty.User(s.W.ClientUser.Id), own.Id, s.W.Administration.Id, BookkeepingEdition.Web)));
        var notActivated = await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, link.Id, s.W.HeldByOffice.Id, BookkeepingEdition.Desktop)));
        await s.Db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(World.Vendor, s.W.Office.Id, OfficeModules.AccountantPackage | OfficeModules.LinksActivated));
        var activated = await Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, link.Id, s.W.HeldByOffice.Id, BookkeepingEdition.Desktop));

        Assert.Equal("link.plan-too-small", tooSmall.Code);
        Assert.Contains("below inKaart", tooSmall.Message, StringComparison.Ordinal);
        Assert.Equal("link.no-plan", noPlan.Code);
        Assert.Equal("link.accountant-not-activated", notActivated.Code);
        Assert.All(new[] { tooSmall, noPlan, notActivated }, r => Assert.Equal("LINK-2", r.Refusal.RuleId));
        Assert.Equal(s.W.HeldByOffice.Id, activated.AdministrationId);
    }

    // R: LINK-3, AUD-1
    [SkippableFact]
    public async Task LINK3_setup_goes_step_by_step_and_every_step_can_be_retried_without_duplicating_anything()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        for (var i = 1; i <= 40; i++)
        {
            _app.Add(new SyncRecord(SyncEntityKind.Customer, $"c{i}", 1, $"Klant {i}", $"{1000 + i}"));
        }

        _app.Add(new SyncRecord(SyncEntityKind.Product, "p1", 1, "Fiets", "F-1"));
        _app.Add(new SyncRecord(SyncEntityKind.ProductGroup, "g1", 1, "Fietsen"));
        var link = await Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-1"));
        var again = await Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-1")); // retry of step 1 resumes it
        Assert.Equal(link.Id, again.Id);

        var tooEarly = await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ReadAllDataAsync(s.W.Desk, link.Id)));
        Assert.Contains("Choose", tooEarly.Message, StringComparison.Ordinal); // names what is permitted now
        await Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, link.Id, s.Client.Administration.Id, BookkeepingEdition.Web));
        await Links(s, l => l.ConfirmAsync(s.W.Desk, link.Id));
        await Links(s, l => l.ConfirmAsync(s.W.Desk, link.Id));

        _books.FailUpsertAfter = 15; // the read fails part-way
        await Assert.ThrowsAsync<IOException>(() => Links(s, l => l.ReadAllDataAsync(s.W.Desk, link.Id)));
        var read = await Links(s, l => l.ReadAllDataAsync(s.W.Desk, link.Id));
        await Links(s, l => l.ReadAllDataAsync(s.W.Desk, link.Id));
        await Links(s, l => l.StartSynchronisationAsync(s.W.Desk, link.Id));
        await Links(s, l => l.StartSynchronisationAsync(s.W.Desk, link.Id));
        var finished = await Links(s, l => l.FinishAsync(s.W.Desk, link.Id));

        Assert.Equal(LinkStep.Finished, finished.Step);
        // The 15 created before the failure are found again on the retry (by number) instead of being created twice.
        Assert.Equal(40, read.Count(SyncEntityKind.Customer, MatchOutcome.New) + read.Count(SyncEntityKind.Customer, MatchOutcome.Matched));
        Assert.Equal(40, _books.All(SyncEntityKind.Customer).Count);
        Assert.Equal(40, _books.All(SyncEntityKind.Customer).Select(c => c.Number).Distinct().Count());
        Assert.Single(_books.All(SyncEntityKind.Product));
        Assert.Single(_books.All(SyncEntityKind.ProductGroup));
        var audit = await World.AuditAsync(s.Db, AuditSubject.Link(link.Id));
        Assert.Equal(["Connected", "AdministrationChosen", "Confirmed", "DataRead", "Synchronising", "Finished"],
            audit.Where(r => r.Action == AuditAction.LinkStepCompleted).Select(r => r.Details.Split(';')[0]["step=".Length..]));
        Assert.Single(audit, r => r.Action == AuditAction.CustomersMatched);
    }

    // R: LINK-3
    [SkippableFact]
    public async Task LINK3_a_failed_sign_in_leaves_no_link_behind_and_can_be_retried()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        _app.RefuseSignIn = true;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-1")));
        Assert.Null(await s.Db.InScopeAsync(sp => sp.GetRequiredService<ILinkStore>().FindLinkOfExternalAsync("webshop", "shop-1", CancellationToken.None)));

        _app.RefuseSignIn = false;
        var link = await Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-1"));
        Assert.Equal(LinkStep.Connected, link.Step);
    }

    // R: LINK-5
    [SkippableFact]
    public async Task LINK5_existing_customers_are_matched_by_number_or_exact_name_and_ambiguity_is_reported_never_guessed()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        var bakker = _books.Edit(SyncEntityKind.Customer, null, "Bakker", "100");
        var jansen200 = _books.Edit(SyncEntityKind.Customer, null, "Jansen", "200");
        var jansen300 = _books.Edit(SyncEntityKind.Customer, null, "Jansen", "300");
        _app.Add(new SyncRecord(SyncEntityKind.Customer, "a-bakker", 1, "Bakker B.V.", "100"));   // number
        _app.Add(new SyncRecord(SyncEntityKind.Customer, "a-smit", 1, "Smit"));                    // new
        _app.Add(new SyncRecord(SyncEntityKind.Customer, "a-jansen", 1, "Jansen"));                // two names: ambiguous
        _app.Add(new SyncRecord(SyncEntityKind.Customer, "a-mix", 1, "Bakker", "200"));            // number says Jansen, name says Bakker
        var link = await Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-1"));
        await Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, link.Id, s.Client.Administration.Id, BookkeepingEdition.Web));
        await Links(s, l => l.ConfirmAsync(s.W.Desk, link.Id));

        var read = await Links(s, l => l.ReadAllDataAsync(s.W.Desk, link.Id));

        var byApp = read.Matches.Where(m => m.Kind == SyncEntityKind.Customer).ToDictionary(m => m.Match.AppCustomerId, m => m.Match);
        Assert.Equal(MatchOutcome.Matched, byApp["a-bakker"].Outcome);
        Assert.Equal(bakker.Id, byApp["a-bakker"].BookkeepingId);
        Assert.Equal(MatchOutcome.New, byApp["a-smit"].Outcome);
        Assert.Equal(MatchOutcome.Ambiguous, byApp["a-jansen"].Outcome);
        Assert.Equal(new[] { jansen200.Id, jansen300.Id }.Order(StringComparer.Ordinal), byApp["a-jansen"].Candidates);
        Assert.Equal(MatchOutcome.Conflicting, byApp["a-mix"].Outcome);
        Assert.Equal(new[] { bakker.Id, jansen200.Id }.Order(StringComparer.Ordinal), byApp["a-mix"].Candidates); // both, for a person to choose
        Assert.Null(byApp["a-mix"].BookkeepingId);
        Assert.Equal(4, _books.All(SyncEntityKind.Customer).Count); // only Smit was created

        await Links(s, l => l.StartSynchronisationAsync(s.W.Desk, link.Id));
        var undecided = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            Sync(s, y => y.PushFromAppAsync(link.Id, new SyncRecord(SyncEntityKind.Customer, "a-jansen", 2, "Jansen"))));
        Assert.Equal("link.unresolved-match", undecided.Code);
        var notCandidate = await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ResolveMatchAsync(s.W.Desk, link.Id, SyncEntityKind.Customer, "a-jansen", bakker.Id)));
        Assert.Equal("link.not-a-candidate", notCandidate.Code);

        await Links(s, l => l.ResolveMatchAsync(s.W.Desk, link.Id, SyncEntityKind.Customer, "a-jansen", jansen300.Id));
        Assert.Equal(PushOutcome.Applied, await Sync(s, y => y.PushFromAppAsync(link.Id, new SyncRecord(SyncEntityKind.Customer, "a-jansen", 2, "Jansen & Zn"))));
        Assert.Equal("Jansen & Zn", _books.All(SyncEntityKind.Customer).Single(c => c.Id == jansen300.Id).Name);
        var audit = await World.AuditAsync(s.Db, AuditSubject.Link(link.Id));
        Assert.Contains(audit, r => r.Action == AuditAction.CustomersMatched && r.Details.StartsWith("Customer:matched=1,new=1,ambiguous=1,conflicting=1", StringComparison.Ordinal));
        Assert.Contains(audit, r => r.Action == AuditAction.CustomersMatched && r.Details == $"resolved Customer a-jansen -> {jansen300.Id}");
    }

    // R: LINK-6
    [SkippableFact]
    public async Task LINK6_app_changes_reach_the_bookkeeping_at_once_and_are_never_applied_twice()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        var link = await LinkAsync(s, "shop-1", s.Client.Administration.Id);

        var first = await Sync(s, y => y.PushFromAppAsync(link.Id, new SyncRecord(SyncEntityKind.Product, "p9", 3, "Bakfiets", "F-9")));
        var repeat = await Sync(s, y => y.PushFromAppAsync(link.Id, new SyncRecord(SyncEntityKind.Product, "p9", 3, "Bakfiets", "F-9")));
        var older = await Sync(s, y => y.PushFromAppAsync(link.Id, new SyncRecord(SyncEntityKind.Product, "p9", 2, "Bakfiets (oud)", "F-9")));
        var newer = await Sync(s, y => y.PushFromAppAsync(link.Id, new SyncRecord(SyncEntityKind.Product, "p9", 4, "Bakfiets XL", "F-9")));

        Assert.Equal([PushOutcome.Applied, PushOutcome.AlreadyApplied, PushOutcome.AlreadyApplied, PushOutcome.Applied], new[] { first, repeat, older, newer });
        Assert.Equal("Bakfiets XL", Assert.Single(_books.All(SyncEntityKind.Product)).Name);
    }

    // R: LINK-6
    [SkippableFact]
    public async Task LINK6_bookkeeping_changes_reach_the_app_within_the_polling_interval_once_even_with_two_pollers()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        var link = await LinkAsync(s, "shop-1", s.Client.Administration.Id);
        _books.Edit(SyncEntityKind.Customer, null, "Nieuwe klant", "900");
        _books.Edit(SyncEntityKind.ProductGroup, null, "Onderdelen");

        Assert.Equal(new PollResult(0, 0, 0), await Poll(s));
        s.Db.Clock.Advance(Duration.FromMinutes(30));
        var passes = await Task.WhenAll(Poll(s), Poll(s));
        s.Db.Clock.Advance(Duration.FromMinutes(30));
        var later = await Poll(s);

        Assert.Equal(2, passes.Sum(p => p.Sent));
        Assert.Equal(1, passes.Sum(p => p.Links));
        Assert.Equal(new PollResult(1, 0, 0), later);
        Assert.Equal(["Nieuwe klant", "Onderdelen"], _app.Received.Select(r => r.Name).Order());
        var audit = await World.AuditAsync(s.Db, AuditSubject.Link(link.Id));
        Assert.Equal(2, audit.Count(r => r.Action == AuditAction.SyncRunCompleted));
    }

    // R: LINK-4
    [SkippableTheory]
    [InlineData(BookkeepingEdition.Web, OutgoingDocumentKind.DraftSalesInvoice, OutgoingDocumentKind.SalesOrder)]
    [InlineData(BookkeepingEdition.Desktop, OutgoingDocumentKind.SalesOrder, OutgoingDocumentKind.DraftSalesInvoice)]
    public async Task LINK4_outgoing_documents_become_draft_sales_invoices_on_web_and_sales_orders_on_desktop(BookkeepingEdition edition, OutgoingDocumentKind right, OutgoingDocumentKind wrong)
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        _app.Add(new SyncRecord(SyncEntityKind.Customer, "c1", 1, "Klant", "1"));
        var link = await LinkAsync(s, "shop-1", s.Client.Administration.Id, edition);
        var document = new OutgoingDocument("order-77", "c1", new LocalDate(2026, 3, 29), [("p1", 2m, 499.95m)]);

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Sync(s, y => y.SendDocumentAsync(s.W.Desk, link.Id, wrong, document)));
        var id = await Sync(s, y => y.SendDocumentAsync(s.W.Desk, link.Id, right, document));
        var again = await Sync(s, y => y.SendDocumentAsync(s.W.Desk, link.Id, right, document));

        Assert.Equal("link.wrong-document-kind", refused.Code);
        Assert.Equal(id, again);
        var entered = Assert.Single(_books.Documents);
        Assert.Equal(right, entered.Kind);
        Assert.Equal(999.90m, entered.Document.Lines.Sum(l => l.Quantity * l.UnitPrice));
        Assert.Equal([SyncEntityKind.Customer, SyncEntityKind.Product, SyncEntityKind.ProductGroup], Enum.GetValues<SyncEntityKind>());
    }

    // R: LINK-7
    [SkippableFact]
    public async Task LINK7_attaching_a_pdf_specification_says_explicitly_that_it_is_not_supported()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        var link = await LinkAsync(s, "shop-1", s.Client.Administration.Id);

        var result = await s.Db.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<LinkSyncService>().AttachPdfSpecification(link.Id, "order-77", new byte[1234])));

        Assert.False(result.Supported);
        Assert.Contains("cannot be sent along through the API", result.Reason, StringComparison.Ordinal);
        Assert.Contains("attach it to the document in the bookkeeping itself", result.Reason, StringComparison.Ordinal);
    }

    // R: SEC-3, LINK-3 — a party that may not use a link learns nothing from the refusal: someone else's link reads as one that does not exist.
    [SkippableFact]
    public async Task SEC3_choosing_an_administration_words_someone_elses_link_exactly_like_an_unknown_one()
    {
        var s = await NewAsync();
        await using var _ = s.Db;
        var stranger = ActingParty.User(s.W.OtherOfficeUser.Id);
        var connected = await Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-connected"));
        var chosen = await Links(s, l => l.ConnectAsync(s.W.Desk, "webshop", "shop-chosen"));
        await Links(s, l => l.ChooseAdministrationAsync(s.W.Desk, chosen.Id, s.Client.Administration.Id, BookkeepingEdition.Web));
        var finished = await LinkAsync(s, "shop-finished", s.Client.Administration.Id, app: "timesheets");

        foreach (var administration in new[] { s.Client.Administration.Id, s.W.HeldByOffice.Id, AdministrationId.New() })
        {
            async Task<Refusal> Refused(LinkId link) =>
                (await Assert.ThrowsAsync<CollabRefusalException>(() => Links(s, l => l.ChooseAdministrationAsync(stranger, link, administration, BookkeepingEdition.Web)))).Refusal;

            var unknown = await Refused(LinkId.New());
            Assert.Equal((RefusalKind.NotFound, CollabAuthorization.RefusedCode), (unknown.Kind, unknown.Code));
            foreach (var foreign in new[] { connected.Id, chosen.Id, finished.Id })
            {
                var refused = await Refused(foreign);
                Assert.Equal((unknown.Kind, unknown.Code, unknown.TextKey, unknown.RuleId, unknown.Reason), (refused.Kind, refused.Code, refused.TextKey, refused.RuleId, refused.Reason));
            }
        }

        // Nothing changed: the office's own setup carries on where it was.
        Assert.Equal(LinkStep.Connected, (await Links(s, l => l.FindAsync(s.W.Desk, connected.Id)))!.Step);
        Assert.Equal(s.Client.Administration.Id, (await Links(s, l => l.FindAsync(s.W.Desk, chosen.Id)))!.AdministrationId);
    }
}

public sealed class LinkOnSqlite() : LinkContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class LinkOnPostgres(PostgresServer postgres) : LinkContract(Engine.Postgres, postgres);
