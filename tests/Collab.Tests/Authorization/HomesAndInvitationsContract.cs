using Collab.Deliverables;
using Collab.Lifecycle;
using Collab.Links;
using Collab.Notifications;
using Collab.Persistence.EfCore;
using Collab.Portal;
using Collab.Registry;
using Collab.Rights;
using Collab.Tests.Infrastructure;
using Collab.Tests.Transfers;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Authorization;

/// <summary>
/// Whose identity acts and what a read hands back (SEC-5, SEC-6, SEC-7): every finding of issue 32 that an attacker with a
/// second office on the same client could use, closed on both engines. Client Z (<see cref="World.Client"/>) collaborates with
/// office A (<see cref="World.Office"/>) and office B (<see cref="World.OtherOffice"/>).
/// </summary>
public abstract class HomesAndInvitationsContract(Engine engine, PostgresServer? postgres)
{
    private readonly RecordingSender _sender = new();

    private Task<TestDatabase> NewDatabaseAsync() =>
        TestDatabase.CreateAsync(engine, postgres, services =>
        {
            services.AddSingleton<INotificationSender>(_sender);
            services.AddCollab().AddFileSystemBlobStore(Directory.CreateTempSubdirectory("collab-homes-").FullName);
            services.AddSingleton<IExternalApp>(new Links.InProcessApp());
            services.AddSingleton<IBookkeepingRecords>(new Links.InProcessBookkeeping());
        });

    private static Task<T> Run<T>(TestDatabase db, Func<IServiceProvider, Task<T>> work) => db.InScopeAsync(work);

    private static async Task<CollabRefusalException> RefusedAsync(Func<Task> act)
    {
        var refusal = await Assert.ThrowsAsync<CollabRefusalException>(act);
        Assert.Equal((CollabAuthorization.RefusedCode, RefusalKind.NotFound, "SEC-3"), (refusal.Code, refusal.Kind, refusal.Refusal.RuleId));
        return refusal;
    }

    /// <summary>Z collaborates with A and with B, both at <paramref name="tier"/>.</summary>
    private static async Task<(World W, ActingParty B)> SharedClientAsync(TestDatabase db, ClientTier tier = ClientTier.CollaborateExtended)
    {
        var w = await World.SeedAsync(db);
        await Run(db, async sp =>
        {
            var tiers = sp.GetRequiredService<TierService>();
            await tiers.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, tier, new LocalDate(2026, 1, 1));
            return await tiers.StartCollaborationAsync(World.Vendor, w.OtherOffice.Id, w.Client.Id, tier, new LocalDate(2026, 1, 1));
        });
        return (w, ActingParty.User(w.OtherOfficeUser.Id));
    }

    private static async Task<DeliverableId> SharedForApprovalAsync(TestDatabase db, World w)
    {
        var draft = await Run(db, sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening A"));
        await Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id, new LocalDate(2026, 6, 30)));
        return draft.Id;
    }

    private static async Task<ActingParty> InvitedAsync(TestDatabase db, ActingParty inviter, ClientId client, CompanyId[] companies, string name)
    {
        var invitation = await Run(db, sp => sp.GetRequiredService<InvitationService>().InviteClientUserAsync(inviter, client, $"{name}.{Guid.NewGuid():N}@bakker.nl", companies));
        await World.AcceptAsync(db, invitation);
        return ActingParty.User(invitation.User);
    }

    // R: SEC-5 (finding 1: an office minted a client identity and approved another office's report as the client)
    [SkippableFact]
    public async Task SEC5_an_office_cannot_mint_a_client_user_and_its_own_invitee_never_reaches_another_offices_report()
    {
        await using var db = await NewDatabaseAsync();
        var (w, b) = await SharedClientAsync(db);
        var deliverable = await SharedForApprovalAsync(db, w);

        // B cannot make a user on its own word, nor widen one of the client's own users.
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<CollabRegistry>().CreateClientUserAsync(b, w.Client.Id, $"b-minted.{Guid.NewGuid():N}@bakker.nl", [w.Company.Id])));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(b, w.ClientUser.Id, w.OtherCompany.Id)));

        // What it can make is a user homed at itself: that user reaches B's work only, never A's report.
        var minted = await InvitedAsync(db, b, w.Client.Id, [w.Company.Id, w.OtherCompany.Id], "b-minted");
        var user = await Run(db, sp => sp.GetRequiredService<IUserStore>().FindUserAsync(minted.UserId!.Value));
        Assert.Equal((w.OtherOffice.Id, false), (user!.HomeOfficeId, user.IsHomedAtClient));
        Assert.Null(await Run(db, sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(minted, deliverable)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ApproveAsync(minted, deliverable)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableSharing>().RejectAsync(minted, deliverable, "Niet akkoord")));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableQueries>().DashboardAsync(minted, deliverable)));
        Assert.False(await Run(db, sp => sp.GetRequiredService<DeliverableQueries>().ClientMayViewAsync(minted, deliverable)));
        Assert.Empty(await Run(db, sp => sp.GetRequiredService<DeliverableQueries>().ListForCompanyAsync(minted, w.Company.Id)));
        Assert.Empty((await Run(db, sp => sp.GetRequiredService<PortalService>().HistoryAsync(minted))).Items);

        // Nor the client's own acts: granting rights, the administrations, the subscription.
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<RightsService>().GrantAsync(minted, w.OtherOffice.Id, w.Administration.Id, GrantChannel.Web)));
        Assert.False(await Run(db, sp => sp.GetRequiredService<AccessService>().MayAccessAsync(minted, w.Administration.Id)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(minted, w.Client.Id)));

        // The client's own user still approves; B widens only its own invitee.
        Assert.NotNull(await Run(db, sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(ActingParty.User(w.ClientUser.Id), deliverable)));
        var narrow = await InvitedAsync(db, b, w.Client.Id, [w.Company.Id], "b-smal");
        var widened = await Run(db, sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(b, narrow.UserId!.Value, w.OtherCompany.Id));
        Assert.Contains(w.OtherCompany.Id, widened.Companies);
    }

    // R: SEC-5 (the other side: A's invitee does not see B's work, the client's own users see both offices')
    [SkippableFact]
    public async Task SEC5_a_user_homed_at_an_office_hears_of_and_sees_only_that_offices_work()
    {
        await using var db = await NewDatabaseAsync();
        var (w, b) = await SharedClientAsync(db);
        var ofA = await InvitedAsync(db, w.Desk, w.Client.Id, [w.Company.Id], "van-a");
        var ofB = await InvitedAsync(db, b, w.Client.Id, [w.Company.Id], "van-b");
        _sender.Sent.Clear();
        var deliverable = await SharedForApprovalAsync(db, w);
        await Run(db, sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1000));

        Assert.NotNull(await Run(db, sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(ofA, deliverable)));
        Assert.Null(await Run(db, sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(ofB, deliverable)));
        var emailOf = async (ActingParty p) => (await Run(db, sp => sp.GetRequiredService<IUserStore>().FindUserAsync(p.UserId!.Value)))!.Email;
        var approvalsTo = _sender.Sent.Where(n => n.Kind == NotificationKind.ApprovalRequested).Select(n => n.Recipient).ToList();
        Assert.Contains(await emailOf(ofA), approvalsTo);
        Assert.Contains(w.ClientUser.Email, approvalsTo);
        Assert.DoesNotContain(await emailOf(ofB), approvalsTo); // B's invitee never even hears of A's work
    }

    // R: SEC-5, SEC-6 (finding 2: B deactivated the users of client Z that A works with)
    [SkippableFact]
    public async Task SEC5_an_office_deactivates_only_users_homed_at_itself()
    {
        await using var db = await NewDatabaseAsync();
        var (w, b) = await SharedClientAsync(db);
        var ofA = await InvitedAsync(db, w.Desk, w.Client.Id, [w.Company.Id], "van-a");
        var ofB = await InvitedAsync(db, b, w.Client.Id, [w.Company.Id], "van-b");

        // SEC-6: B lists the client's own users and its own invitee, never A's; a user read never carries an invitation's secret.
        var listedByB = await Run(db, sp => sp.GetRequiredService<CollabRegistry>().ListClientUsersAsync(b, w.Client.Id));
        Assert.Contains(listedByB, u => u.Id == ofB.UserId);
        Assert.Contains(listedByB, u => u.Id == w.ClientUser.Id);
        Assert.DoesNotContain(listedByB, u => u.Id == ofA.UserId);
        Assert.Null(await Run(db, sp => sp.GetRequiredService<CollabRegistry>().FindUserAsync(b, ofA.UserId!.Value)));
        Assert.Null(typeof(UserView).GetProperty(nameof(CollabUser.InvitationHash)));

        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(b, w.ClientUser.Id)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(b, ofA.UserId!.Value)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(w.Desk, ofB.UserId!.Value)));
        Assert.False((await Run(db, sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(b, ofB.UserId!.Value))).IsActive);

        // The client's administrator deactivates the client's own users, not an office's invitees.
        var admin = ActingParty.User(w.ClientUser.Id);
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(admin, ofA.UserId!.Value)));
        Assert.False((await Run(db, sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(admin, w.ClientUserOfOtherCompany.Id))).IsActive);
        Assert.True((await Run(db, sp => sp.GetRequiredService<IUserStore>().FindUserAsync(w.ClientUser.Id)))!.IsActive);
    }

    // R: SEC-6 (finding 3: a link with no administration chosen was open to every user of every tenant)
    [SkippableFact]
    public async Task SEC6_a_link_not_yet_bound_belongs_to_the_office_that_made_it()
    {
        await using var db = await NewDatabaseAsync();
        var (w, b) = await SharedClientAsync(db);
        var link = await Run(db, sp => sp.GetRequiredService<LinkService>().ConnectAsync(w.Desk, "webshop", $"shop-{Guid.NewGuid():N}"));

        foreach (var stranger in new[] { b, ActingParty.User(w.ClientUser.Id), ActingParty.User(w.OtherClientUser.Id) })
        {
            Assert.Null(await Run(db, sp => sp.GetRequiredService<LinkService>().FindAsync(stranger, link.Id)));
            await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<AuditService>().ForSubjectAsync(stranger, AuditSubject.Link(link.Id))));
            await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<LinkService>().RemoveAsync(stranger, link.Id)));
            await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<LinkService>().ChooseAdministrationAsync(stranger, link.Id, w.Administration.Id, BookkeepingEdition.Web)));
        }

        Assert.Equal(LinkStep.Connected, (await Run(db, sp => sp.GetRequiredService<LinkService>().FindAsync(w.Desk, link.Id)))!.Step);
        Assert.Equal(w.Office.Id, link.MadeByOffice);
    }

    // R: SEC-6 (finding 4: B read A's tier changes with A's user id; a client user given one company read rows about another)
    [SkippableFact]
    public async Task SEC6_audit_reads_hand_an_office_no_row_of_another_office_and_a_client_user_no_row_of_a_company_it_may_not_reach()
    {
        await using var db = await NewDatabaseAsync();
        var (w, b) = await SharedClientAsync(db, ClientTier.Collaborate);
        await Run(db, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended));
        await Run(db, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(b, w.OtherOffice.Id, w.Client.Id, ClientTier.Standard));
        var everything = await World.AuditAsync(db, AuditSubject.Client(w.Client.Id));
        Assert.Contains(everything, r => r.Action == AuditAction.TierChanged && r.Actor.Id == w.OfficeUser.Id.ToString());

        var seenByB = await Run(db, sp => sp.GetRequiredService<AuditService>().ForSubjectAsync(b, AuditSubject.Client(w.Client.Id)));
        Assert.Contains(seenByB, r => r.Action == AuditAction.TierChanged && r.Actor.Id == w.OtherOfficeUser.Id.ToString());
        Assert.DoesNotContain(seenByB, r => r.Actor.Id == w.OfficeUser.Id.ToString() || r.Details.Contains($"office={w.Office.Id}", StringComparison.Ordinal));
        var seenByA = await Run(db, sp => sp.GetRequiredService<AuditService>().ForSubjectAsync(w.Desk, AuditSubject.Client(w.Client.Id)));
        Assert.DoesNotContain(seenByA, r => r.Actor.Id == w.OtherOfficeUser.Id.ToString() || r.Details.Contains($"office={w.OtherOffice.Id}", StringComparison.Ordinal));

        // Piet, the client's own user given the bakery only, reads both offices' rows but none about the real-estate company.
        var seenByPiet = await Run(db, sp => sp.GetRequiredService<AuditService>().ForSubjectAsync(ActingParty.User(w.ClientUser.Id), AuditSubject.Client(w.Client.Id)));
        Assert.Contains(everything, r => r.Details.Contains($"company={w.OtherCompany.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(seenByPiet, r => r.Details.Contains($"company={w.OtherCompany.Id}", StringComparison.Ordinal));
        Assert.Contains(seenByPiet, r => r.Actor.Id == w.OfficeUser.Id.ToString());
        Assert.Contains(seenByPiet, r => r.Actor.Id == w.OtherOfficeUser.Id.ToString());
    }

    // R: SEC-5, ONB-6 (finding 5: a client user given one company cancelled the whole subscription)
    [SkippableFact]
    public async Task SEC5_only_the_clients_administrator_cancels_the_subscription()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await Run(db, sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(World.Vendor, w.Office.Id, OfficeModules.AccountantPackage));
        var registered = await Run(db, sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(w.Desk, w.Office.Id,
            ClientRegistration.WithNewAdministration("Fietsenmaker Fok", "Fok Fietsen B.V.", $"fok.{Guid.NewGuid():N}@fok.nl", "inZicht", BillingParty.Client, TestDatabase.NextNumber(), "Fok 2026")));

        // Registration makes the client's first user: its own, its administrator, acting once it accepts (SEC-5, SEC-7).
        Assert.Equal((true, true, UserAcceptance.Pending), (registered.ClientUser.IsHomedAtClient, registered.ClientUser.IsClientAdministrator, registered.ClientUser.Acceptance));
        var administrator = ActingParty.User(registered.ClientUser.Id);
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(administrator, registered.Administration.ClientId)));
        await World.AcceptAsync(db, registered.Invitation);
        var colleague = await InvitedAsync(db, administrator, registered.Administration.ClientId, [registered.Administration.CompanyId], "collega");

        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(colleague, registered.Administration.ClientId)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(w.Desk, registered.Administration.ClientId)));
        Assert.Single(await Run(db, sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(administrator, registered.Administration.ClientId)));
    }

    // R: SEC-5 (finding 7: an office whose collaboration ended still drafted for the client and read its reports)
    [SkippableFact]
    public async Task SEC5_an_office_whose_collaboration_ended_no_longer_drafts_for_the_client_or_reads_its_work()
    {
        await using var db = await NewDatabaseAsync();
        var (w, b) = await SharedClientAsync(db);
        var draft = await Run(db, sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(b, w.OtherOffice.Id, w.Company.Id, DeliverableKind.IncomeTaxReturn, ReportingPeriod.FinancialYear(2025), "Aangifte IB"));
        await Run(db, sp => sp.GetRequiredService<TierService>().EndCollaborationAsync(b, w.OtherOffice.Id, w.Client.Id, new LocalDate(2026, 2, 28)));

        Assert.Null(await Run(db, sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(b, draft.Id)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(b, draft.Id, new LocalDate(2026, 6, 30))));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(b, w.OtherOffice.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Nog een")));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(b, w.OtherOffice.Id, w.Company.Id, "Vragen")));

        // An end in the future still lets the office finish its work until that day.
        var reopened = await Run(db, sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening"));
        await Run(db, sp => sp.GetRequiredService<TierService>().EndCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, new LocalDate(2026, 12, 31)));
        Assert.NotNull(await Run(db, sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(w.Desk, reopened.Id)));
    }

    // R: SEC-7
    [SkippableFact]
    public async Task SEC7_an_invitee_acts_only_after_accepting_its_token_once_and_the_acceptance_is_recorded()
    {
        await using var db = await NewDatabaseAsync();
        var (w, _) = await SharedClientAsync(db);
        var invitation = await Run(db, sp => sp.GetRequiredService<InvitationService>().InviteClientUserAsync(w.Desk, w.Client.Id, $"nieuw.{Guid.NewGuid():N}@bakker.nl", [w.Company.Id]));
        var invitee = ActingParty.User(invitation.User);

        // The token reaches the invitee by mail, has at least 128 bits of secret, and lasts 14 days; the store keeps only a hash.
        await Run(db, sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1000));
        var mail = Assert.Single(_sender.Sent, n => n.Kind == NotificationKind.UserInvitation);
        Assert.Equal((invitation.Token, invitation.Email), (mail.Reference, mail.Recipient));
        Assert.True(System.Buffers.Text.Base64Url.DecodeFromChars(invitation.Token).Length - 16 >= 16);
        Assert.Equal(db.Clock.GetCurrentInstant() + Duration.FromDays(14), invitation.ExpiresAt);
        var stored = (await Run(db, sp => sp.GetRequiredService<IUserStore>().FindUserAsync(invitation.User)))!;
        Assert.Equal(32, stored.InvitationHash!.Length);
        Assert.DoesNotContain(invitation.Token, Convert.ToBase64String(stored.InvitationHash), StringComparison.Ordinal);

        // Before it accepts, it is nobody.
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<PortalService>().HistoryAsync(invitee)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<CollabRegistry>().SetMyLanguageAsync(invitee, "en")));

        // Someone else holding the token cannot accept it; a wrong and an unknown token get one and the same answer.
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<InvitationService>().AcceptAsync(ActingParty.User(w.ClientUser.Id), invitation.Token)));
        var wrong = await Assert.ThrowsAsync<CollabRefusalException>(() => Run(db, sp => sp.GetRequiredService<InvitationService>().AcceptAsync(invitee, Tampered(invitation.Token))));
        var unknown = await Assert.ThrowsAsync<CollabRefusalException>(() => Run(db, sp => sp.GetRequiredService<InvitationService>().AcceptAsync(invitee, "geen-token")));
        Assert.Equal(("user.invitation-unusable", RefusalKind.Forbidden, "SEC-7"), (wrong.Code, wrong.Kind, wrong.Refusal.RuleId));
        Assert.Equal((wrong.Code, wrong.Message), (unknown.Code, unknown.Message));

        var accepted = await Run(db, sp => sp.GetRequiredService<InvitationService>().AcceptAsync(invitee, invitation.Token));
        Assert.Equal((UserAcceptance.Invitation, db.Clock.GetCurrentInstant()), (accepted.Acceptance, accepted.AcceptedAt));
        Assert.Null((await Run(db, sp => sp.GetRequiredService<IUserStore>().FindUserAsync(invitation.User)))!.InvitationHash); // the secret is gone once spent
        Assert.Empty((await Run(db, sp => sp.GetRequiredService<PortalService>().HistoryAsync(invitee))).Items);
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<InvitationService>().AcceptAsync(invitee, invitation.Token))); // once
        var trail = await World.AuditAsync(db, AuditSubject.User(invitation.User));
        Assert.Equal([AuditAction.UserCreated, AuditAction.UserInvited, AuditAction.InvitationAccepted], trail.Select(r => r.Action));
        Assert.Equal(Actor.ClientUser(invitation.User), trail[^1].Actor);
    }

    // R: SEC-7
    [SkippableFact]
    public async Task SEC7_a_reissued_invitation_replaces_the_old_token_and_an_expired_one_is_refused()
    {
        await using var db = await NewDatabaseAsync();
        var (w, b) = await SharedClientAsync(db);
        var first = await Run(db, sp => sp.GetRequiredService<InvitationService>().InviteClientUserAsync(w.Desk, w.Client.Id, $"later.{Guid.NewGuid():N}@bakker.nl", [w.Company.Id]));
        var invitee = ActingParty.User(first.User);

        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<InvitationService>().ReissueAsync(b, first.User))); // not B's invitee
        var second = await Run(db, sp => sp.GetRequiredService<InvitationService>().ReissueAsync(w.Desk, first.User));
        Assert.NotEqual(first.Token, second.Token);
        var old = await Assert.ThrowsAsync<CollabRefusalException>(() => Run(db, sp => sp.GetRequiredService<InvitationService>().AcceptAsync(invitee, first.Token)));
        Assert.Equal("user.invitation-unusable", old.Code);

        db.Clock.Advance(Duration.FromDays(14));
        var expired = await Assert.ThrowsAsync<CollabRefusalException>(() => Run(db, sp => sp.GetRequiredService<InvitationService>().AcceptAsync(invitee, second.Token)));
        Assert.Equal("user.invitation-unusable", expired.Code);
        var third = await Run(db, sp => sp.GetRequiredService<InvitationService>().ReissueAsync(w.Desk, first.User));
        Assert.Equal(UserAcceptance.Invitation, (await Run(db, sp => sp.GetRequiredService<InvitationService>().AcceptAsync(invitee, third.Token))).Acceptance);
        var trail = await World.AuditAsync(db, AuditSubject.User(first.User));
        Assert.Equal(2, trail.Count(r => r.Action == AuditAction.InvitationReissued));

        // Users the platform makes act on its word, and that is recorded too.
        var vouched = await World.AuditAsync(db, AuditSubject.User(w.ClientUser.Id));
        Assert.Contains(vouched, r => r.Action == AuditAction.InvitationAccepted && r.Details == "through=platform" && r.Actor.Kind == ActorKind.Platform);
    }

    // R: SEC-5, SEC-7 (a client administrator makes the client's own users, reaching no more than it does)
    [SkippableFact]
    public async Task SEC5_a_client_administrator_invites_the_clients_own_users_within_its_own_reach()
    {
        await using var db = await NewDatabaseAsync();
        var (w, _) = await SharedClientAsync(db);
        var administrator = ActingParty.User(w.ClientUser.Id); // given the bakery only

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Run(db, sp => sp.GetRequiredService<InvitationService>().InviteClientUserAsync(administrator, w.Client.Id, $"x.{Guid.NewGuid():N}@bakker.nl", [w.OtherCompany.Id])));
        Assert.Equal(CollabAuthorization.RefusedCode, refused.Code);
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<InvitationService>().InviteClientUserAsync(ActingParty.User(w.ClientUserOfOtherCompany.Id), w.Client.Id, $"y.{Guid.NewGuid():N}@bakker.nl", [w.OtherCompany.Id]))); // not an administrator
        var own = await InvitedAsync(db, administrator, w.Client.Id, [w.Company.Id], "eigen");
        var user = (await Run(db, sp => sp.GetRequiredService<IUserStore>().FindUserAsync(own.UserId!.Value)))!;
        Assert.Equal((true, false), (user.IsHomedAtClient, user.IsClientAdministrator));
        var notReached = await Assert.ThrowsAsync<CollabRefusalException>(() => Run(db, sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(administrator, user.Id, w.OtherCompany.Id)));
        Assert.Equal(("user.company-not-reached", RefusalKind.Forbidden), (notReached.Code, notReached.Kind));
        Assert.True(await Run(db, sp => sp.GetRequiredService<AccessService>().MayAccessAsync(own, w.Administration.Id)));
    }

    // R: SEC-5, SEC-6, SEC-7 (the review's findings: an invitee after its office's end, audit rows of answers and uploads, a pending colleague's mail)
    [SkippableFact]
    public async Task SEC5_SEC6_SEC7_an_invitees_reach_ends_with_its_office_and_nobody_reads_or_hears_of_what_is_not_theirs()
    {
        await using var db = await NewDatabaseAsync();
        var (w, b) = await SharedClientAsync(db);
        var ofB = await InvitedAsync(db, b, w.Client.Id, [w.Company.Id], "van-b");

        // B's work: a document for the client and a question batch, which the client's own user answers.
        var document = await Run(db, sp => sp.GetRequiredService<PortalDocuments>().UploadDocumentAsync(b, w.OtherOffice.Id, w.Company.Id, "loonstrook.pdf", "application/pdf", new MemoryStream(TestDocuments.Pdf("loonstrook"))));
        var batch = await Run(db, async sp =>
        {
            var questions = sp.GetRequiredService<QuestionBatches>();
            var started = await questions.StartBatchAsync(b, w.OtherOffice.Id, w.Company.Id, "Vragen van B");
            await questions.AddQuestionAsync(b, started.Id, "aangifte", "Is de auto privé?");
            await questions.SendBatchAsync(b, started.Id);
            return await sp.GetRequiredService<QuestionAnswers>().AnswerAsync(ActingParty.User(w.ClientUser.Id), started.Id, 1, "Ja");
        });

        // SEC-6: office A reads none of the rows about B's document or B's batch, though the client's subject is shared.
        var seenByA = await Run(db, sp => sp.GetRequiredService<AuditService>().ForSubjectAsync(w.Desk, AuditSubject.Client(w.Client.Id)));
        Assert.DoesNotContain(seenByA, r => r.Details.Contains($"batch={batch.Id}", StringComparison.Ordinal) || r.Details.Contains($"document={document.Id}", StringComparison.Ordinal));
        var seenByB = await Run(db, sp => sp.GetRequiredService<AuditService>().ForSubjectAsync(b, AuditSubject.Client(w.Client.Id)));
        Assert.Contains(seenByB, r => r.Action == AuditAction.QuestionAnswered && r.Details.Contains($"batch={batch.Id}", StringComparison.Ordinal));

        // SEC-5: B's invitee reads B's document while B works for the client, and nothing of it once B's collaboration ended.
        (await Run(db, sp => sp.GetRequiredService<PortalDocuments>().OpenDocumentAsync(ofB, document.Id))).Content.Dispose();
        Assert.NotEmpty((await Run(db, sp => sp.GetRequiredService<PortalService>().HistoryAsync(ofB))).Items);
        await Run(db, sp => sp.GetRequiredService<TierService>().EndCollaborationAsync(b, w.OtherOffice.Id, w.Client.Id, new LocalDate(2026, 2, 28)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<PortalDocuments>().OpenDocumentAsync(ofB, document.Id)));
        Assert.Empty((await Run(db, sp => sp.GetRequiredService<PortalService>().HistoryAsync(ofB))).Items);
        Assert.Null(await Run(db, sp => sp.GetRequiredService<PortalReader>().FindBatchAsync(ofB, batch.Id)));

        // SEC-7: a colleague A invited but who has not accepted hears nothing of the client's decision; A's accepted users do.
        var colleague = await Run(db, sp => sp.GetRequiredService<InvitationService>().InviteOfficeUserAsync(w.Desk, w.Office.Id, $"nog-niet.{Guid.NewGuid():N}@devries.nl"));
        var deliverable = await SharedForApprovalAsync(db, w);
        _sender.Sent.Clear();
        await Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(w.ClientUser.Id), deliverable));
        await Run(db, sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1000));
        var decided = _sender.Sent.Where(n => n.Kind == NotificationKind.DeliverableDecided).Select(n => n.Recipient).ToList();
        Assert.Contains(w.OfficeUser.Email, decided);
        Assert.DoesNotContain(colleague.Email, decided);
    }

    private static string Tampered(string token)
    {
        var chars = token.ToCharArray();
        chars[^2] = chars[^2] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}

public sealed class HomesAndInvitationsOnSqlite() : HomesAndInvitationsContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class HomesAndInvitationsOnPostgres(PostgresServer postgres) : HomesAndInvitationsContract(Engine.Postgres, postgres);
