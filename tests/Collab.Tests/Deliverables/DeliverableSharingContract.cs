using System.Buffers.Text;
using System.Security.Cryptography;
using Collab.Notifications;
using Collab.Persistence.EfCore;
using Collab.Deliverables;
using Collab.Tests.Infrastructure;
using Collab.Tests.Transfers;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Deliverables;

/// <summary>Sharing reports (SHARE-1 … SHARE-5, SHARE-11, SHARE-12, AUD-1), run unchanged on every engine.</summary>
public abstract class DeliverableSharingContract(Engine engine, PostgresServer? postgres)
{
    private readonly RecordingSender _sender = new();

    private Task<TestDatabase> NewDatabaseAsync() =>
        TestDatabase.CreateAsync(engine, postgres, services => services.AddSingleton<INotificationSender>(_sender));

    private static Task<T> Deliverables<T>(TestDatabase db, Func<IServiceProvider, Task<T>> work) =>
        db.InScopeAsync(sp => work(sp));

    private static async Task<World> WorldAtTierAsync(TestDatabase db, ClientTier tier)
    {
        var w = await World.SeedAsync(db);
        await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, tier, new LocalDate(2026, 1, 1)));
        return w;
    }

    private static async Task<ShareResult> ShareAsync(TestDatabase db, World w, LocalDate? deadline = null, string title = "Jaarrekening 2025")
    {
        var draft = await Deliverables(db, r => r.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), title));
        return await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id, deadline));
    }

    private async Task<List<Notification>> DeliveredAsync(TestDatabase db)
    {
        await db.InScopeAsync(sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1000));
        return [.. _sender.Sent];
    }

    // R: SHARE-1
    [SkippableFact]
    public async Task SHARE1_standard_clients_get_a_one_time_link_with_256_random_bits_of_which_only_a_hash_is_stored()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Standard);

        var shared = await ShareAsync(db, w);

        Assert.Equal(ShareMode.TemporaryLink, shared.Mode);
        var bytes = Base64Url.DecodeFromChars(shared.LinkToken!);
        Assert.Equal(48, bytes.Length); // 16 bytes of link id + 32 random bytes (>= 128 bits)
        var link = await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<ShareLink>().AsNoTracking().SingleAsync(l => l.DeliverableId == shared.Deliverable.Id));
        Assert.Equal(SHA256.HashData(bytes.AsSpan(16)), link.SecretHash);
        Assert.Equal(db.Clock.GetCurrentInstant() + Duration.FromDays(14), link.ExpiresAt);

        var ready = Assert.Single(await DeliveredAsync(db), n => n.Kind == NotificationKind.DeliverableReady && n.Recipient == w.ClientUser.Email);
        Assert.Equal(shared.LinkToken, ready.Reference);
        var outbox = await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == ready.Id));
        Assert.Null(outbox.Reference); // the token does not linger once delivered
        Assert.DoesNotContain(await DeliveredAsync(db), n => n.Recipient == w.ClientUserOfOtherCompany.Email); // SEC-1: not that company's user
    }

    // R: SHARE-12, SHARE-1
    [SkippableFact]
    public async Task SHARE12_opening_is_not_spending_only_the_confirmed_view_spends_and_tells_the_office()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Standard);
        var shared = await ShareAsync(db, w);

        var landing = await Deliverables(db, r => r.GetRequiredService<DeliverableLinks>().OpenLinkAsync(shared.LinkToken!));
        await Deliverables(db, r => r.GetRequiredService<DeliverableLinks>().OpenLinkAsync(shared.LinkToken!)); // a mail scanner, a chat preview
        Assert.Equal("Jaarrekening 2025", landing.Title);
        Task<DeliverableState> StoredState() => db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<Deliverable>().AsNoTracking()
            .Where(r => r.Id == shared.Deliverable.Id).Select(r => r.State).SingleAsync());
        Assert.Equal(DeliverableState.Shared, await StoredState()); // opened twice, still not viewed

        var viewed = await Deliverables(db, r => r.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(shared.LinkToken!));

        Assert.Equal(DeliverableState.Viewed, viewed.Deliverable.State);
        Assert.Equal(DeliverableState.Viewed, await StoredState());

        var spent = await Assert.ThrowsAsync<CollabRefusalException>(() => Deliverables(db, r => r.GetRequiredService<DeliverableLinks>().OpenLinkAsync(shared.LinkToken!)));
        Assert.Equal("link.spent", spent.Code);
        Assert.DoesNotContain("Jaarrekening", spent.Message, StringComparison.Ordinal);
        Assert.Contains(await DeliveredAsync(db), n => n.Kind == NotificationKind.LinkViewed && n.Recipient == w.OfficeUser.Email);
        var trail = await World.AuditAsync(db, AuditSubject.Deliverable(shared.Deliverable.Id)); // AUD-1
        Assert.Single(trail, r => r.Action == AuditAction.LinkOpened);
        Assert.Single(trail, r => r.Action == AuditAction.LinkViewed);
        Assert.Contains(trail, r => r.Action == AuditAction.DeliverableShared);
    }

    // R: SHARE-1
    [SkippableFact]
    public async Task SHARE1_malformed_unknown_expired_and_replaced_links_each_get_their_own_refusal_revealing_nothing()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Standard);
        var shared = await ShareAsync(db, w, title: "Geheime Jaarrekening");
        var forged = Base64Url.EncodeToString([.. Base64Url.DecodeFromChars(shared.LinkToken!).AsSpan(0, 16), .. new byte[32]]);
        var stranger = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48));

        async Task<string> Refused(string token) =>
            (await Assert.ThrowsAsync<CollabRefusalException>(() => Deliverables(db, r => r.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(token)))).Code;

        Assert.Equal("link.malformed", await Refused("abc"));
        Assert.Equal("link.malformed", await Refused(shared.LinkToken! + "x"));
        Assert.Equal("link.unknown", await Refused(stranger));
        Assert.Equal("link.unknown", await Refused(forged)); // right id, wrong secret
        var fresh = await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ReissueLinkAsync(w.Desk, shared.Deliverable.Id));
        Assert.Equal("link.replaced", await Refused(shared.LinkToken!));
        db.Clock.Advance(Duration.FromDays(14));
        Assert.Equal("link.expired", await Refused(fresh));
        var reasons = await Task.WhenAll(new[] { "abc", stranger, fresh }.Select(async t =>
            (await Assert.ThrowsAsync<CollabRefusalException>(() => Deliverables(db, r => r.GetRequiredService<DeliverableLinks>().OpenLinkAsync(t)))).Message));
        Assert.All(reasons, m => Assert.DoesNotContain("Geheime", m, StringComparison.Ordinal));
    }

    // R: SHARE-12
    [SkippableFact]
    public async Task SHARE12_the_office_reissues_a_spent_link_without_touching_the_report()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Standard);
        var shared = await ShareAsync(db, w);
        await Deliverables(db, r => r.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(shared.LinkToken!));
        var before = await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<Deliverable>().AsNoTracking().SingleAsync(r => r.Id == shared.Deliverable.Id));

        var fresh = await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ReissueLinkAsync(w.Desk, shared.Deliverable.Id));

        var after = await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<Deliverable>().AsNoTracking().SingleAsync(r => r.Id == shared.Deliverable.Id));
        Assert.Equal((before.State, before.Version, before.ViewedAt), (after.State, after.Version, after.ViewedAt));
        Assert.Equal(shared.Deliverable.Id, (await Deliverables(db, r => r.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(fresh))).Deliverable.Id);
        Assert.Contains(await World.AuditAsync(db, AuditSubject.Deliverable(shared.Deliverable.Id)), r => r.Action == AuditAction.LinkReissued);
    }

    // R: SHARE-2
    [SkippableFact]
    public async Task SHARE2_when_64_requests_race_to_confirm_one_link_exactly_one_wins_every_time()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Standard);
        for (var round = 0; round < 3; round++)
        {
            var shared = await ShareAsync(db, w, title: $"Rapport {round}");
            using var start = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                try
                {
                    await Deliverables(db, r => r.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(shared.LinkToken!));
                    return "won";
                }
                catch (CollabRefusalException e)
                {
                    return e.Code;
                }
            })).ToList();
            start.Set();
            var outcomes = await Task.WhenAll(racers);

            Assert.Single(outcomes, o => o == "won");
            Assert.All(outcomes.Where(o => o != "won"), o => Assert.Equal("link.spent", o));
            Assert.Single(await World.AuditAsync(db, AuditSubject.Deliverable(shared.Deliverable.Id)), r => r.Action == AuditAction.LinkViewed);
        }
    }

    // R: SHARE-3, SHARE-11
    [SkippableFact]
    public async Task SHARE3_collaborate_clients_get_an_approval_task_with_a_deadline_and_its_status_is_visible()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Collaborate);
        var draft = await Deliverables(db, r => r.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025"));
        var noDeadline = await Assert.ThrowsAsync<CollabRefusalException>(() => Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id)));
        Assert.Equal("deliverable.deadline-required", noDeadline.Code);

        var shared = await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id, new LocalDate(2026, 4, 30)));

        Assert.Equal((ShareMode.Approval, DeliverableState.Shared, (string?)null), (shared.Mode, shared.Deliverable.State, shared.LinkToken));
        Assert.Contains(await DeliveredAsync(db), n => n.Kind == NotificationKind.ApprovalRequested && n.Recipient == w.ClientUser.Email);
        var other = await Assert.ThrowsAsync<CollabRefusalException>(() => Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(w.ClientUserOfOtherCompany.Id), draft.Id)));
        Assert.Equal(CollabAuthorization.RefusedCode, other.Code); // another company's user learns nothing about the report (SEC-3)
        Assert.Equal(DeliverableState.Viewed, (await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().RecordClientViewAsync(ActingParty.User(w.ClientUser.Id), draft.Id))).State); // draft → shared → viewed → approved
        await Assert.ThrowsAsync<CollabRefusalException>(() => Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().RecordClientViewAsync(ActingParty.User(w.ClientUserOfOtherCompany.Id), draft.Id)));
        var approved = await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(w.ClientUser.Id), draft.Id));
        Assert.Equal(DeliverableState.Approved, approved.State);
        Assert.Contains(await DeliveredAsync(db), n => n.Kind == NotificationKind.DeliverableDecided && n.Recipient == w.OfficeUser.Email);
        Assert.Equal([AuditAction.DeliverableDrafted, AuditAction.DeliverableShared, AuditAction.DeliverableViewed, AuditAction.DeliverableApproved], // AUD-1
            (await World.AuditAsync(db, AuditSubject.Deliverable(draft.Id))).Select(r => r.Action));
        var twice = await Assert.ThrowsAsync<CollabRefusalException>(() => Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().RejectAsync(ActingParty.User(w.ClientUser.Id), draft.Id, "toch niet")));
        Assert.Contains("state Approved", twice.Message, StringComparison.Ordinal);
    }

    // R: SHARE-3, RET-3
    [SkippableFact]
    public async Task SHARE3_an_unanswered_task_expires_after_its_deadline_day_in_the_office_time_zone()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Collaborate);
        var shared = await ShareAsync(db, w, new LocalDate(2026, 4, 30));

        Assert.Equal(Instant.FromUtc(2026, 4, 30, 22, 0), shared.Deliverable.DeadlinePassesAt); // 1 May 00:00 in Amsterdam (CEST)
        db.Clock.Reset(Instant.FromUtc(2026, 4, 30, 21, 59));
        Assert.Equal(0, await Deliverables(db, r => r.GetRequiredService<DeliverablePasses>().ExpireOverdueAsync()));
        db.Clock.Reset(Instant.FromUtc(2026, 4, 30, 22, 0));
        var late = await Assert.ThrowsAsync<CollabRefusalException>(() => Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(w.ClientUser.Id), shared.Deliverable.Id)));
        Assert.Contains("the approval deadline has passed", late.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Deliverables(db, r => r.GetRequiredService<DeliverablePasses>().ExpireOverdueAsync()));
        Assert.Contains(await World.AuditAsync(db, AuditSubject.Deliverable(shared.Deliverable.Id)), r => r.Action == AuditAction.DeliverableExpired);
    }

    // R: SHARE-5
    [SkippableFact]
    public async Task SHARE5_after_approval_collaborate_clients_lose_the_report_and_extended_clients_keep_it()
    {
        await using var db = await NewDatabaseAsync();
        var collaborate = await WorldAtTierAsync(db, ClientTier.Collaborate);
        var extended = await WorldAtTierAsync(db, ClientTier.CollaborateExtended);
        var a = await ShareAsync(db, collaborate, new LocalDate(2026, 6, 30));
        var b = await ShareAsync(db, extended, new LocalDate(2026, 6, 30));
        Assert.True(await Deliverables(db, r => r.GetRequiredService<DeliverableQueries>().ClientMayViewAsync(ActingParty.User(collaborate.ClientUser.Id), a.Deliverable.Id)));
        Assert.True(await Deliverables(db, r => r.GetRequiredService<DeliverableQueries>().ClientMayViewAsync(ActingParty.User(extended.ClientUser.Id), b.Deliverable.Id)));

        await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(collaborate.ClientUser.Id), a.Deliverable.Id));
        await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(extended.ClientUser.Id), b.Deliverable.Id));

        Assert.False(await Deliverables(db, r => r.GetRequiredService<DeliverableQueries>().ClientMayViewAsync(ActingParty.User(collaborate.ClientUser.Id), a.Deliverable.Id)));
        Assert.True(await Deliverables(db, r => r.GetRequiredService<DeliverableQueries>().ClientMayViewAsync(ActingParty.User(extended.ClientUser.Id), b.Deliverable.Id)));
        Assert.False(await Deliverables(db, r => r.GetRequiredService<DeliverableQueries>().ClientMayViewAsync(ActingParty.User(extended.OtherClientUser.Id), b.Deliverable.Id))); // SEC-1
    }

    // R: SHARE-11, TIER-4
    [SkippableFact]
    public async Task SHARE11_every_action_reads_the_tier_at_that_moment_and_names_the_missing_feature()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Standard);
        var draft = await Deliverables(db, r => r.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025"));
        var link = await ShareAsync(db, w, title: "Jaarrekening 2024");
        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(w.ClientUser.Id), link.Deliverable.Id)));
        Assert.Equal("Feature ShareAndApproveDeliverables is not included in tier Standard: it needs tier Collaborate or higher. Change the client's tier first.", refused.Message);

        await db.InScopeAsync(sp => sp.GetRequiredService<Collab.Registry.CollabRegistry>().DeactivateUserAsync(World.Vendor, w.ClientUserOfOtherCompany.Id)); // Collaborate includes one user
        await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate));
        var shared = await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id, new LocalDate(2026, 6, 30)));
        Assert.Equal(ShareMode.Approval, shared.Mode); // drafted under Standard, shared under Collaborate

        // TIER-4: the open approval task now blocks a downgrade that would remove approvals.
        var downgrade = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            db.InScopeAsync(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Standard)));
        Assert.Contains("approval of 'Jaarrekening 2025' (deadline 2026-06-30)", downgrade.Message, StringComparison.Ordinal);
    }

    // R: SHARE-4
    [SkippableFact]
    public async Task SHARE4_the_reminder_goes_out_once_from_the_start_of_deadline_minus_three_days_even_with_two_schedulers()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Collaborate);
        var shared = await ShareAsync(db, w, new LocalDate(2026, 10, 28));

        Assert.Equal(Instant.FromUtc(2026, 10, 24, 22, 0), shared.Deliverable.ReminderDueAt); // 25 Oct 00:00 CEST, the night DST ends
        db.Clock.Reset(Instant.FromUtc(2026, 10, 24, 21, 59));
        Assert.Equal(0, await Deliverables(db, r => r.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync()));
        db.Clock.Reset(Instant.FromUtc(2026, 10, 25, 8, 0));
        var passes = await Task.WhenAll(Deliverables(db, r => r.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync()), Deliverables(db, r => r.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync()));
        Assert.Equal(1, passes.Sum());
        Assert.Equal(0, await Deliverables(db, r => r.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync()));
        Assert.Single(await DeliveredAsync(db), n => n.Kind == NotificationKind.DeadlineReminder && n.Recipient == w.ClientUser.Email);
    }

    // R: SHARE-4
    [SkippableFact]
    public async Task SHARE4_no_reminder_for_a_task_that_is_no_longer_open_approved_rejected_or_expired()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Collaborate);
        var client = ActingParty.User(w.ClientUser.Id);
        var approved = await ShareAsync(db, w, new LocalDate(2026, 4, 10), "Jaarrekening 2025");
        var rejected = await ShareAsync(db, w, new LocalDate(2026, 4, 10), "Aangifte 2025");
        var expired = await ShareAsync(db, w, new LocalDate(2026, 3, 31), "Suppletie 2025");
        var open = await ShareAsync(db, w, new LocalDate(2026, 4, 10), "Nog open");
        await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ApproveAsync(client, approved.Deliverable.Id));
        await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().RejectAsync(client, rejected.Deliverable.Id, "Het eigen vermogen klopt niet."));
        db.Clock.Reset(Instant.FromUtc(2026, 3, 31, 22, 0)); // 1 April 00:00 CEST: the 31 March task expires
        Assert.Equal(1, await Deliverables(db, r => r.GetRequiredService<DeliverablePasses>().ExpireOverdueAsync()));

        db.Clock.Reset(Instant.FromUtc(2026, 4, 9, 12, 0)); // every reminder of the four is due by now

        Assert.Equal(1, await Deliverables(db, r => r.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync()));
        var reminders = (await DeliveredAsync(db)).Where(n => n.Kind == NotificationKind.DeadlineReminder).ToList();
        var only = Assert.Single(reminders);
        Assert.Equal(AuditSubject.Deliverable(open.Deliverable.Id), only.Subject);
    }

    // R: SHARE-11, SHARE-4, TIER-2
    [SkippableFact]
    public async Task SHARE11_a_vendor_tier_that_approves_without_deadline_reminders_sends_none()
    {
        var vendor = TierCatalogueOptions.CreateDefault();
        vendor.Collaborate!.Features.Remove(nameof(Feature.DeadlineReminders));
        await using var db = await TestDatabase.CreateAsync(engine, postgres, services =>
        {
            services.AddSingleton<INotificationSender>(_sender);
            services.Configure<CollabOptions>(o => o.Tiers = vendor);
        });
        var w = await WorldAtTierAsync(db, ClientTier.Collaborate);
        var shared = await ShareAsync(db, w, new LocalDate(2026, 4, 10));
        Assert.Equal(ShareMode.Approval, shared.Mode); // the tier still approves

        db.Clock.Reset(Instant.FromUtc(2026, 4, 9, 12, 0));

        Assert.Equal(0, await Deliverables(db, r => r.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync()));
        Assert.DoesNotContain(await DeliveredAsync(db), n => n.Kind == NotificationKind.DeadlineReminder);
        Assert.DoesNotContain(await World.AuditAsync(db, AuditSubject.Deliverable(shared.Deliverable.Id)), r => r.Action == AuditAction.ReminderSent);
        var stored = await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<Deliverable>().AsNoTracking().SingleAsync(r => r.Id == shared.Deliverable.Id));
        Assert.Null(stored.ReminderDueAt); // settled: the next pass does not read it again
        Assert.Equal(0, await Deliverables(db, r => r.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync()));
    }

    // R: SHARE-12, SHARE-13
    [SkippableFact]
    public async Task SHARE12_a_deliverable_that_went_out_for_approval_gets_no_one_time_link_by_reissue()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Collaborate);
        var shared = await ShareAsync(db, w, new LocalDate(2026, 6, 30));

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ReissueLinkAsync(w.Desk, shared.Deliverable.Id)));

        Assert.Equal(("deliverable.not-shared-by-link", "SHARE-12"), (refused.Code, refused.Refusal.RuleId));
        Assert.False(await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<ShareLink>().AnyAsync(l => l.DeliverableId == shared.Deliverable.Id)));
        Assert.DoesNotContain(await DeliveredAsync(db), n => n.Kind == NotificationKind.DeliverableReady);
    }

    // R: TIER-4
    [SkippableFact]
    public async Task TIER4_an_approval_the_client_has_viewed_is_still_open_work_that_blocks_a_downgrade()
    {
        await using var db = await NewDatabaseAsync();
        var w = await WorldAtTierAsync(db, ClientTier.Collaborate);
        await db.InScopeAsync(sp => sp.GetRequiredService<Collab.Registry.CollabRegistry>().DeactivateUserAsync(World.Vendor, w.ClientUserOfOtherCompany.Id));
        var shared = await ShareAsync(db, w, new LocalDate(2026, 6, 30));
        Assert.Equal(DeliverableState.Viewed, (await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().RecordClientViewAsync(ActingParty.User(w.ClientUser.Id), shared.Deliverable.Id))).State);

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() =>
            db.InScopeAsync(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Standard)));

        Assert.Equal("tier.open-work-needs-feature", refused.Code);
        Assert.Contains("approval of 'Jaarrekening 2025' (deadline 2026-06-30)", refused.Message, StringComparison.Ordinal);
        await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(w.ClientUser.Id), shared.Deliverable.Id));
        Assert.Equal(TierChangeStatus.Changed, (await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Standard))).Status);
    }
}

public sealed class DeliverableSharingOnSqlite() : DeliverableSharingContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class DeliverableSharingOnPostgres(PostgresServer postgres) : DeliverableSharingContract(Engine.Postgres, postgres);
