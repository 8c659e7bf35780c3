using System.Text;
using Collab.Backups;
using Collab.Lifecycle;
using Collab.Licences;
using Collab.Registry;
using Collab.Rights;
using Collab.Storage;
using Collab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Lifecycle;

/// <summary>Registration, cancellation and scheduled deletion (ONB-1, ONB-2, ONB-3, ONB-6, RET-1, RET-2, AUD-1), run unchanged on every engine.</summary>
public abstract class LifecycleContract(Engine engine, PostgresServer? postgres)
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    private async Task<BooksWorld> NewWorldAsync(Action<CollabOptions>? options = null)
    {
        var b = await BooksWorld.CreateAsync(engine, postgres, options);
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(World.Vendor, b.W.Office.Id, OfficeModules.AccountantPackage));
        return b;
    }

    private static async Task<RegistrationResult> RegisterAsync(BooksWorld b, ClientRegistration registration)
    {
        var registered = await b.Run(sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(b.W.Desk, b.W.Office.Id, registration));
        await World.AcceptAsync(b.Db, registered.Invitation); // the client's first user accepts before it acts (SEC-7)
        return registered;
    }

    /// <summary>A client without an account of its own yet (no subscription, no users) whose books the office holds: what ONB-1 moves to the client.</summary>
    private static Task<(ClientView Client, CompanyView Company, AdministrationView Held)> HeldForNewClientAsync(BooksWorld b) => b.Run(async sp =>
    {
        var registry = sp.GetRequiredService<CollabRegistry>();
        var client = await registry.RegisterClientAsync(World.Vendor, "Drukkerij Jansen");
        var company = await registry.AddCompanyAsync(World.Vendor, client.Id, "Drukkerij Jansen B.V.");
        var held = await registry.CreateAdministrationAsync(World.Vendor, company.Id, TestDatabase.NextNumber(), "Drukkerij (kantoor)", b.W.Office.Id);
        return (client, company, held);
    });

    private static ClientRegistration NewClient(string email, string plan = "inZicht") =>
        ClientRegistration.WithNewAdministration("Fietsenmaker Fok", "Fok Fietsen B.V.", email, plan, BillingParty.Client, TestDatabase.NextNumber(), "Fok 2026");

    private static Task<IReadOnlyList<DeletionView>> CancelAsync(BooksWorld b, RegistrationResult r) =>
        b.Run(sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(ActingParty.User(r.ClientUser.Id), r.Administration.ClientId));

    private static Task<RetentionPassResult> PassAsync(BooksWorld b) => b.Run(sp => sp.GetRequiredService<RetentionPassService>().RunPassAsync());

    private static void SetLocal(BooksWorld b, int year, int month, int day, int hour = 9) =>
        b.Db.Clock.Reset(new LocalDateTime(year, month, day, hour, 0).InZoneLeniently(Amsterdam).ToInstant());

    private static async Task<RegistrationResult> RegisteredWithBooksAsync(BooksWorld b, BooksSummary? summary = null)
    {
        var r = await RegisterAsync(b, NewClient($"fok.{Guid.NewGuid():N}@fok.nl"));
        b.Books.WriteBooks(r.Administration.Number, Encoding.UTF8.GetBytes("grootboek Fok"), summary);
        return r;
    }

    // R: ONB-1, RET-1
    [SkippableFact]
    public async Task ONB1_an_office_with_the_accountant_package_registers_a_new_client_and_the_first_calendar_month_is_free()
    {
        await using var b = await NewWorldAsync();
        SetLocal(b, 2028, 1, 31, 23); // 31 January 2028, late evening in Amsterdam (22:00 UTC)

        var r = await RegisterAsync(b, NewClient("Piet@Fok.nl", plan: "INZICHT"));

        Assert.Equal("inZicht", r.Subscription.Plan);
        Assert.Equal(BillingParty.Client, r.Subscription.BillingParty);
        Assert.Equal(new LocalDate(2028, 1, 31), r.Subscription.RegisteredOn);
        Assert.Equal(new LocalDate(2028, 2, 29), r.Subscription.FreeThrough); // a calendar month, leap year
        Assert.Equal(new LocalDate(2028, 3, 1), r.Subscription.FirstBilledDay);
        Assert.Null(r.Administration.HolderOfficeId);
        Assert.Equal(LicenceSource.ClientSubscription, r.Administration.Licence);
        Assert.Equal("piet@fok.nl", r.ClientUser.Email);
        var list = await b.Run(sp => sp.GetRequiredService<IRightsStore>().ListAccessibleAdministrationsAsync(b.W.Office.Id));
        Assert.Contains(r.Administration.Id, list);
        Assert.True(await b.Run(sp => sp.GetRequiredService<AccessService>().MayAccessAsync(ActingParty.User(r.ClientUser.Id), r.Administration.Id)));
        var audit = await World.AuditAsync(b.Db, AuditSubject.Client(r.Administration.ClientId));
        Assert.Contains(audit, x => x.Action == AuditAction.SubscriptionStarted && x.Details == $"office={b.W.Office.Id};plan=inZicht;billed=Client;free-through=2028-02-29");
        var grants = await World.AuditAsync(b.Db, AuditSubject.Administration(r.Administration.Id));
        Assert.Contains(grants, x => x.Action == AuditAction.RightsGranted && x.Details.Contains("channel=Registration", StringComparison.Ordinal));
    }

    // R: ONB-1
    [SkippableFact]
    public async Task ONB1_an_existing_administration_of_the_office_moves_to_the_clients_account_billed_to_the_office()
    {
        await using var b = await NewWorldAsync();
        var (client, _, held) = await HeldForNewClientAsync(b);

        var r = await RegisterAsync(b, ClientRegistration.WithExistingAdministration(held.Id, "eigenaar@drukkerij-jansen.nl", "inKaart", BillingParty.Office));

        Assert.Equal(held.Id, r.Administration.Id);
        Assert.Equal(held.Number, r.Administration.Number);
        Assert.Null((await b.FindAsync(held.Id))!.HolderOfficeId);
        Assert.Equal(BillingParty.Office, r.Subscription.BillingParty);
        Assert.Equal(client.Id, r.Subscription.ClientId);
        Assert.True(await b.Run(sp => sp.GetRequiredService<IRightsStore>().OfficeMayAccessAsync(b.W.Office.Id, held.Id)));
        var audit = await World.AuditAsync(b.Db, AuditSubject.Administration(held.Id));
        Assert.Contains(audit, x => x.Action == AuditAction.AdministrationTransferredToClient);
    }

    // R: ONB-1, SEC-2
    [SkippableFact]
    public async Task ONB1_registration_is_refused_without_the_accountant_package_or_with_an_unknown_plan_and_nothing_is_created()
    {
        await using var b = await NewWorldAsync();
        var unknownPlan = await Assert.ThrowsAsync<CollabRefusalException>(() => RegisterAsync(b, NewClient("a@fok.nl", plan: "inAlles")));
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(World.Vendor, b.W.Office.Id, OfficeModules.None));
        var noPackage = await Assert.ThrowsAsync<CollabRefusalException>(() => RegisterAsync(b, NewClient("a@fok.nl")));
        var otherOffice = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            b.Run(sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(b.W.Desk, b.W.OtherOffice.Id,
                ClientRegistration.WithExistingAdministration(b.W.HeldByOffice.Id, "a@fok.nl", "inStap", BillingParty.Client))));

        Assert.Equal("plan.unknown", unknownPlan.Code);
        Assert.Contains("inStap, inKaart, inZicht, inControle", unknownPlan.Message, StringComparison.Ordinal);
        Assert.Equal("registration.accountant-package-missing", noPackage.Code);
        Assert.Equal("ONB-1", noPackage.Refusal.RuleId);
        Assert.Equal(CollabAuthorization.RefusedCode, otherOffice.Code); // a user of one office never registers for another (SEC-3)
        Assert.False(await b.Run(sp => sp.GetRequiredService<IUserStore>().UserEmailExistsAsync("a@fok.nl", CancellationToken.None)));
    }

    // R: ONB-2, SEC-5
    [SkippableFact]
    public async Task ONB2_an_existing_customer_is_not_registered_again_but_told_to_grant_rights()
    {
        await using var b = await NewWorldAsync();
        var (client, _, held) = await HeldForNewClientAsync(b);
        await RegisterAsync(b, ClientRegistration.WithExistingAdministration(held.Id, "eigenaar@drukkerij-jansen.nl", "inKaart", BillingParty.Office));
        var secondCompany = await b.Run(sp => sp.GetRequiredService<CollabRegistry>().AddCompanyAsync(World.Vendor, client.Id, "Jansen Vastgoed B.V."));
        var otherHeld = await b.Run(sp => sp.GetRequiredService<CollabRegistry>().CreateAdministrationAsync(b.W.Desk, secondCompany.Id, TestDatabase.NextNumber(), "Vastgoed (kantoor)", b.W.Office.Id));

        var sameAddress = await Assert.ThrowsAsync<CollabRefusalException>(() => RegisterAsync(b, NewClient("Eigenaar@drukkerij-jansen.nl")));
        var sameClient = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            RegisterAsync(b, ClientRegistration.WithExistingAdministration(otherHeld.Id, "nog.een@drukkerij-jansen.nl", "inKaart", BillingParty.Office)));

        // SEC-5: a client with users of its own (Bakkerij Bakker, no subscription) is a customer too: an office cannot give it a
        // second administrator of its choosing by registering it again through the books it holds.
        var ownUsers = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            RegisterAsync(b, ClientRegistration.WithExistingAdministration(b.W.HeldByOffice.Id, "kaper@kantoor.nl", "inKaart", BillingParty.Office)));
        Assert.Equal(b.W.Office.Id, (await b.FindAsync(b.W.HeldByOffice.Id))!.HolderOfficeId);

        foreach (var refusal in new[] { sameAddress, sameClient, ownUsers })
        {
            Assert.Equal("registration.existing-customer", refusal.Code);
            Assert.Equal("ONB-2", refusal.Refusal.RuleId);
            Assert.Contains("grant your office rights", refusal.Message, StringComparison.Ordinal);
        }

        Assert.Equal(b.W.Office.Id, (await b.FindAsync(otherHeld.Id))!.HolderOfficeId); // untouched
    }

    // R: ONB-3
    [SkippableFact]
    public async Task ONB3_only_a_client_on_an_eligible_plan_with_a_running_subscription_can_grant_rights()
    {
        await using var b = await NewWorldAsync(o => o.Lifecycle.RightsEligiblePlans = ["inKaart", "inZicht", "inControle"]);
        var onStap = await RegisterAsync(b, NewClient("stap@fok.nl", plan: "inStap"));
        var onZicht = await RegisterAsync(b, NewClient("zicht@fok.nl", plan: "inZicht"));
        Task<RightsGrantView> GrantAsync(RegistrationResult r) =>
            b.Run(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(r.ClientUser.Id), b.W.OtherOffice.Id, r.Administration.Id, GrantChannel.Web));

        var notEligible = await Assert.ThrowsAsync<CollabRefusalException>(() => GrantAsync(onStap));
        var granted = await GrantAsync(onZicht);
        await CancelAsync(b, onZicht);
        await b.Run(sp => sp.GetRequiredService<RightsService>().RevokeAsync(ActingParty.User(onZicht.ClientUser.Id), b.W.OtherOffice.Id, onZicht.Administration.Id));
        var cancelled = await Assert.ThrowsAsync<CollabRefusalException>(() => GrantAsync(onZicht));

        Assert.Equal("rights.plan-not-eligible", notEligible.Code);
        Assert.Equal("ONB-3", notEligible.Refusal.RuleId);
        Assert.True(granted.IsActive);
        Assert.Equal("rights.subscription-cancelled", cancelled.Code);
    }

    // R: ONB-6, RET-1, RET-2
    [SkippableFact]
    public async Task ONB6_cancelling_schedules_deletion_90_local_days_later_and_tells_client_and_office_offering_a_backup()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b);
        SetLocal(b, 2026, 12, 31, 23); // New Year's Eve, 22:00 UTC

        var schedules = await CancelAsync(b, r);

        var schedule = Assert.Single(schedules);
        Assert.Equal(new LocalDate(2027, 3, 31), schedule.DeleteOn); // 31 Dec + 90 days, across the month ends
        Assert.Equal(new LocalDate(2027, 3, 31).AtStartOfDayInZone(Amsterdam).ToInstant(), schedule.DueAt);
        Assert.Equal("30,7", schedule.WarningDays);
        var sent = await b.DeliveredAsync();
        var told = sent.Where(n => n.Kind == NotificationKind.DeletionScheduled).Select(n => n.Recipient).Order().ToList();
        Assert.Equal(new[] { r.ClientUser.Email, b.W.OfficeUser.Email }.Order(), told);
        Assert.All(sent.Where(n => n.Kind == NotificationKind.DeletionScheduled), n => Assert.Contains("Maak vóór die dag een volledige back-up", n.Text, StringComparison.Ordinal)); // Dutch: nobody chose English (TXT-1)
        Assert.Equal(SubscriptionState.Cancelled, (await b.Run(sp => sp.GetRequiredService<SubscriptionService>().FindSubscriptionAsync(b.W.Desk, r.Administration.ClientId)))!.State);
    }

    // R: RET-2, ONB-6
    [SkippableFact]
    public async Task RET2_warnings_come_30_and_7_days_before_and_nothing_is_deleted_a_moment_early()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b);
        SetLocal(b, 2026, 4, 10);
        var schedule = Assert.Single(await CancelAsync(b, r)); // deletion on 2026-07-09

        SetLocal(b, 2026, 6, 8, 23); // the day before the first warning
        Assert.Equal(new RetentionPassResult(0, 0, 0), await PassAsync(b));
        SetLocal(b, 2026, 6, 9, 0);
        Assert.Equal(new RetentionPassResult(1, 0, 0), await PassAsync(b));
        Assert.Equal(new RetentionPassResult(0, 0, 0), await PassAsync(b)); // the same warning is not sent twice
        SetLocal(b, 2026, 7, 2, 8);
        Assert.Equal(new RetentionPassResult(1, 0, 0), await PassAsync(b));
        b.Db.Clock.Reset(schedule.DueAt - Duration.FromTicks(1));
        Assert.Equal(new RetentionPassResult(0, 0, 0), await PassAsync(b));
        Assert.NotNull(b.Books.ReadBooks(r.Administration.Number));

        b.Db.Clock.Reset(schedule.DueAt);
        Assert.Equal(new RetentionPassResult(0, 0, 1), await PassAsync(b));

        var warnings = (await b.DeliveredAsync()).Where(n => n.Kind == NotificationKind.DeletionWarning).Select(n => n.Text).ToList();
        Assert.Equal(4, warnings.Count); // client and office, twice
        Assert.Equal(2, warnings.Count(t => t.Contains("over 30 dagen verwijderd, op 9 juli 2026", StringComparison.Ordinal)));
        Assert.Equal(2, warnings.Count(t => t.Contains("over 7 dagen verwijderd, op 9 juli 2026", StringComparison.Ordinal)));
    }

    // R: RET-2, ONB-6, AUD-1
    [SkippableFact]
    public async Task RET2_the_deletion_erases_the_books_and_records_what_when_and_under_which_policy_once_even_if_the_job_runs_twice()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b);
        var schedule = Assert.Single(await CancelAsync(b, r));
        b.Db.Clock.Reset(schedule.DueAt + Duration.FromHours(3));

        var results = await Task.WhenAll(PassAsync(b), PassAsync(b));
        await PassAsync(b);

        Assert.Equal(1, results.Sum(x => x.Deleted));
        Assert.Null(b.Books.ReadBooks(r.Administration.Number));
        var deleted = (await b.FindAsync(r.Administration.Id))!;
        Assert.Equal(AdministrationState.Deleted, deleted.State);
        Assert.False(await b.Run(sp => sp.GetRequiredService<AccessService>().MayAccessAsync(ActingParty.User(r.ClientUser.Id), r.Administration.Id)));
        var record = Assert.Single(await b.Run(sp => sp.GetRequiredService<RetentionService>().ListDeletionsAsync(b.W.Desk, r.Administration.Id)));
        Assert.Equal(DeletionState.Deleted, record.State);
        Assert.Equal(schedule.DueAt + Duration.FromHours(3), record.DeletedAt);
        Assert.Equal("statutory: the books hold no financial year", record.Policy);
        Assert.Equal(r.Administration.Number, record.AdministrationNumber);
        var audit = await World.AuditAsync(b.Db, AuditSubject.Administration(r.Administration.Id));
        Assert.Single(audit, x => x.Action == AuditAction.AdministrationDeleted); // one deletion, one record (AUD-1): the schedule's
        Assert.Single(await b.DeliveredAsync(), n => n.Kind == NotificationKind.AdministrationDeleted && n.Recipient == r.ClientUser.Email);
    }

    // R: RET-2
    [SkippableFact]
    public async Task RET2_the_retention_policy_blocks_deletion_of_books_still_in_their_7_years_until_the_client_takes_the_offered_backup()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b, new BooksSummary(new LocalDate(2025, 12, 31), HoldsImmovablePropertyData: false));
        var schedule = Assert.Single(await CancelAsync(b, r));
        b.Db.Clock.Reset(schedule.DueAt);

        Assert.Equal(new RetentionPassResult(0, 1, 0), await PassAsync(b));
        var blocked = Assert.Single(await b.Run(sp => sp.GetRequiredService<RetentionService>().ListDeletionsAsync(b.W.Desk, r.Administration.Id)));
        Assert.Contains("must be kept through 2032-12-31 (7 years)", blocked.BlockedReason, StringComparison.Ordinal);
        Assert.NotNull(b.Books.ReadBooks(r.Administration.Number));
        Assert.Contains(await b.DeliveredAsync(), n => n.Kind == NotificationKind.DeletionBlocked && n.Recipient == b.W.OfficeUser.Email);

        b.Db.Clock.Advance(Duration.FromHours(1));
        Assert.Equal(new RetentionPassResult(0, 0, 0), await PassAsync(b)); // retried the next local day, not every pass
        await b.Run(sp => sp.GetRequiredService<BackupService>().MakeBackupAsync(ActingParty.User(r.ClientUser.Id), r.Administration.Id));
        b.Db.Clock.Advance(Duration.FromDays(1));
        Assert.Equal(new RetentionPassResult(0, 0, 1), await PassAsync(b));

        var record = Assert.Single(await b.Run(sp => sp.GetRequiredService<RetentionService>().ListDeletionsAsync(b.W.Desk, r.Administration.Id)));
        Assert.StartsWith("statutory: the client keeps the books (art. 52 AWR)", record.Policy, StringComparison.Ordinal);
    }

    // R: RET-2
    [SkippableFact]
    public async Task RET2_immovable_property_books_are_kept_10_years()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b, new BooksSummary(new LocalDate(2017, 12, 31), HoldsImmovablePropertyData: true));
        var schedule = Assert.Single(await CancelAsync(b, r));
        b.Db.Clock.Reset(schedule.DueAt);

        Assert.Equal(new RetentionPassResult(0, 1, 0), await PassAsync(b));
        var blocked = Assert.Single(await b.Run(sp => sp.GetRequiredService<RetentionService>().ListDeletionsAsync(b.W.Desk, r.Administration.Id)));
        Assert.Contains("through 2027-12-31 (10 years)", blocked.BlockedReason, StringComparison.Ordinal);
    }

    // R: RET-2
    [SkippableFact]
    public async Task RET2_a_legal_hold_blocks_the_deletion_until_it_is_lifted()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b);
        var schedule = Assert.Single(await CancelAsync(b, r));
        await b.Run(sp => sp.GetRequiredService<RetentionService>().PlaceLegalHoldAsync(b.W.Desk, r.Administration.Id, "Belastingdienst boekenonderzoek 2026"));
        b.Db.Clock.Reset(schedule.DueAt);

        Assert.Equal(new RetentionPassResult(0, 1, 0), await PassAsync(b));
        b.Db.Clock.Advance(Duration.FromDays(3));
        Assert.Equal(new RetentionPassResult(0, 1, 0), await PassAsync(b));
        Assert.NotNull(b.Books.ReadBooks(r.Administration.Number));
        var blocked = Assert.Single(await b.Run(sp => sp.GetRequiredService<RetentionService>().ListDeletionsAsync(b.W.Desk, r.Administration.Id)));
        Assert.Equal("legal hold: Belastingdienst boekenonderzoek 2026", blocked.BlockedReason);

        await b.Run(sp => sp.GetRequiredService<RetentionService>().LiftLegalHoldAsync(b.W.Desk, r.Administration.Id));
        b.Db.Clock.Advance(Duration.FromDays(1));
        Assert.Equal(new RetentionPassResult(0, 0, 1), await PassAsync(b));
        var audit = await World.AuditAsync(b.Db, AuditSubject.Administration(r.Administration.Id));
        Assert.Contains(audit, x => x.Action == AuditAction.LegalHoldPlaced);
        Assert.Contains(audit, x => x.Action == AuditAction.LegalHoldLifted);
    }

    // R: RET-2
    [SkippableFact]
    public async Task RET2_reactivating_before_the_day_calls_the_deletion_off_and_on_the_day_it_is_too_late()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b);
        var schedule = Assert.Single(await CancelAsync(b, r));
        b.Db.Clock.Reset(schedule.DueAt - Duration.FromMinutes(1));

        var reactivated = await b.Run(sp => sp.GetRequiredService<SubscriptionService>().ReactivateSubscriptionAsync(ActingParty.User(r.ClientUser.Id), r.Administration.ClientId));
        b.Db.Clock.Reset(schedule.DueAt + Duration.FromDays(30));
        Assert.Equal(new RetentionPassResult(0, 0, 0), await PassAsync(b));

        Assert.Equal(SubscriptionState.Active, reactivated.State);
        Assert.Equal(DeletionState.CalledOff, Assert.Single(await b.Run(sp => sp.GetRequiredService<RetentionService>().ListDeletionsAsync(b.W.Desk, r.Administration.Id))).State);
        Assert.NotNull(b.Books.ReadBooks(r.Administration.Number));

        var again = Assert.Single(await CancelAsync(b, r));
        b.Db.Clock.Reset(again.DueAt);
        var late = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            b.Run(sp => sp.GetRequiredService<SubscriptionService>().ReactivateSubscriptionAsync(ActingParty.User(r.ClientUser.Id), r.Administration.ClientId)));
        Assert.Equal("subscription.deletion-day-reached", late.Code);
    }

    // R: ONB-6, SEC-1
    [SkippableFact]
    public async Task ONB6_only_an_active_user_of_the_client_can_cancel()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b);

        var stranger = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            b.Run(sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(ActingParty.User(b.W.ClientUser.Id), r.Administration.ClientId)));

        Assert.Equal(CollabAuthorization.RefusedCode, stranger.Code);
        Assert.Equal(SubscriptionState.Active, (await b.Run(sp => sp.GetRequiredService<SubscriptionService>().FindSubscriptionAsync(b.W.Desk, r.Administration.ClientId)))!.State);
    }

    // R: ONB-6, ONB-5
    [SkippableFact]
    public async Task ONB6_cancelling_schedules_only_the_live_administrations_not_one_the_office_already_released()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b);
        var second = await b.Run(sp => sp.GetRequiredService<CollabRegistry>().CreateAdministrationAsync(World.Vendor, r.Administration.CompanyId, TestDatabase.NextNumber(), "Fok 2027"));
        b.Books.WriteBooks(second.Number, Encoding.UTF8.GetBytes("grootboek Fok 2027"), null);
        await b.Run(sp => sp.GetRequiredService<BackupService>().StopCollaborationAsync(b.W.Desk, b.W.Office.Id, r.Administration.Id)); // ONB-5: released
        Assert.Equal(AdministrationState.Released, (await b.FindAsync(r.Administration.Id))!.State);

        var schedules = await CancelAsync(b, r);

        Assert.Equal(second.Id, Assert.Single(schedules).AdministrationId);
        Assert.Empty(await b.Run(sp => sp.GetRequiredService<RetentionService>().ListDeletionsAsync(b.W.Desk, r.Administration.Id)));
    }

    // R: ONB-6, SEC-1
    [SkippableFact]
    public async Task ONB6_a_client_user_who_was_deactivated_cannot_cancel()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b);
        var left = await b.Run(sp => sp.GetRequiredService<CollabRegistry>().CreateClientUserAsync(World.Vendor, r.Administration.ClientId, $"oud.{Guid.NewGuid():N}@fok.nl", [r.Administration.CompanyId]));
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, left.Id));

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            b.Run(sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(ActingParty.User(left.Id), r.Administration.ClientId)));

        Assert.Equal(CollabAuthorization.RefusedCode, refused.Code);
        Assert.Equal(SubscriptionState.Active, (await b.Run(sp => sp.GetRequiredService<SubscriptionService>().FindSubscriptionAsync(b.W.Desk, r.Administration.ClientId)))!.State);
        Assert.Empty(await b.Run(sp => sp.GetRequiredService<RetentionService>().ListDeletionsAsync(b.W.Desk, r.Administration.Id)));
    }

    // R: RET-2
    [SkippableFact]
    public async Task RET2_a_backup_made_before_cancelling_is_not_the_offered_backup_and_does_not_release_books_still_kept()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b, new BooksSummary(new LocalDate(2025, 12, 31), HoldsImmovablePropertyData: false));
        await b.Run(sp => sp.GetRequiredService<BackupService>().MakeBackupAsync(ActingParty.User(r.ClientUser.Id), r.Administration.Id));
        b.Db.Clock.Advance(Duration.FromMinutes(1)); // the books may change after that backup

        var schedule = Assert.Single(await CancelAsync(b, r));
        b.Db.Clock.Reset(schedule.DueAt);

        Assert.Equal(new RetentionPassResult(0, 1, 0), await PassAsync(b));
        Assert.NotNull(b.Books.ReadBooks(r.Administration.Number));
    }

    // R: RET-1, ONB-6
    [SkippableFact]
    public async Task RET1_a_cancellation_between_local_midnight_and_two_counts_from_the_office_day_not_the_UTC_day()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b);
        SetLocal(b, 2026, 7, 1, 1); // 01:00 CEST on 1 July is still 30 June in UTC

        var schedule = Assert.Single(await CancelAsync(b, r));

        Assert.Equal(new LocalDate(2026, 9, 29), schedule.DeleteOn); // 1 July + 90 days; from 30 June it would be 28 September
        Assert.Equal(Instant.FromUtc(2026, 9, 28, 22, 0), schedule.DueAt);
    }

    // R: ONB-6, RET-2, AUD-1
    [SkippableFact]
    public async Task ONB6_a_subscription_is_cancelled_and_reactivated_once_each_and_both_are_recorded_for_the_client()
    {
        await using var b = await NewWorldAsync();
        var r = await RegisteredWithBooksAsync(b);
        var lifecycle = (IServiceProvider sp) => sp.GetRequiredService<SubscriptionService>();
        var client = ActingParty.User(r.ClientUser.Id);

        var notCancelled = await Assert.ThrowsAsync<CollabRefusalException>(() => b.Run(sp => lifecycle(sp).ReactivateSubscriptionAsync(client, r.Administration.ClientId)));
        await CancelAsync(b, r);
        var twice = await Assert.ThrowsAsync<CollabRefusalException>(() => CancelAsync(b, r));
        await b.Run(sp => lifecycle(sp).ReactivateSubscriptionAsync(client, r.Administration.ClientId));

        Assert.Equal(("subscription.not-cancelled", "subscription.already-cancelled"), (notCancelled.Code, twice.Code));
        var audit = await World.AuditAsync(b.Db, AuditSubject.Client(r.Administration.ClientId));
        Assert.Single(audit, x => x.Action == AuditAction.SubscriptionCancelled);
        Assert.Single(audit, x => x.Action == AuditAction.SubscriptionReactivated);
        Assert.Single(await World.AuditAsync(b.Db, AuditSubject.Administration(r.Administration.Id)), x => x.Action == AuditAction.SubscriptionReactivated); // the called-off deletion
    }

    // R: ONB-1, SEC-2
    [SkippableFact]
    public async Task ONB1_an_undefined_billing_party_is_refused_and_nothing_is_registered()
    {
        await using var b = await NewWorldAsync();
        var email = $"fok.{Guid.NewGuid():N}@fok.nl";

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => RegisterAsync(b,
            ClientRegistration.WithNewAdministration("Fietsenmaker Fok", "Fok Fietsen B.V.", email, "inZicht", (BillingParty)9, TestDatabase.NextNumber(), "Fok 2026")));

        Assert.Equal((RefusalKind.InvalidInput, "subscription.billing-party"), (refused.Kind, refused.Code));
        Assert.False(await b.Run(sp => sp.GetRequiredService<IUserStore>().UserEmailExistsAsync(email, CancellationToken.None)));
    }
}

public sealed class LifecycleOnSqlite() : LifecycleContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class LifecycleOnPostgres(PostgresServer postgres) : LifecycleContract(Engine.Postgres, postgres);
