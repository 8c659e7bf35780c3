using System.Collections.Concurrent;
using Collab.Registry;
using Collab.Rights;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Tiers;

/// <summary>Open work a vendor tracks in its own system, offered to Collab through the port (TIER-4).</summary>
public sealed class VendorOpenWork : IOpenWorkSource
{
    public ConcurrentBag<OpenWork> Items { get; } = [];

    public Task<IReadOnlyList<OpenWork>> FindOpenWorkAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OpenWork>>(Items.Where(w => clients.Contains(w.Client)).ToList());
}

/// <summary>Collaborations and tiers (TIER-1…8), run unchanged on every engine.</summary>
public abstract class TierContract(Engine engine, PostgresServer? postgres)
{
    private static readonly LocalDate January1 = new(2026, 1, 1);
    private readonly VendorOpenWork _openWork = new();

    private Task<TestDatabase> NewDatabaseAsync() =>
        TestDatabase.CreateAsync(engine, postgres, services => services.AddSingleton<IOpenWorkSource>(_openWork));

    private static Task<T> Tiers<T>(TestDatabase db, Func<TierService, Task<T>> work) =>
        db.InScopeAsync(sp => work(sp.GetRequiredService<TierService>()));

    private static Task<T> Registry<T>(TestDatabase db, Func<CollabRegistry, Task<T>> work) =>
        db.InScopeAsync(sp => work(sp.GetRequiredService<CollabRegistry>()));

    private static async Task<List<ClientId>> ClientsAsync(TestDatabase db, OfficeId office, int count, ClientTier tier, LocalDate? startsOn = null) =>
        await db.InScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<CollabRegistry>();
            var tiers = sp.GetRequiredService<TierService>();
            var ids = new List<ClientId>();
            for (var i = 0; i < count; i++)
            {
                var client = await registry.RegisterClientAsync(World.Vendor, $"Klant {i:D5}");
                await tiers.StartCollaborationAsync(World.Vendor, office, client.Id, tier, startsOn ?? January1);
                ids.Add(client.Id);
            }

            return ids;
        });

    // R: TIER-4
    [SkippableFact]
    public async Task TIER4_an_upgrade_moves_every_service_at_once_and_is_audited()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.Standard, January1));

        var outcome = await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended));

        Assert.Equal(TierChangeStatus.Changed, outcome.Status);
        var stored = await db.InScopeAsync(sp => sp.GetRequiredService<ITierStore>().FindCollaborationAsync(w.Office.Id, w.Client.Id, CancellationToken.None));
        Assert.Equal(ClientTier.CollaborateExtended, stored!.TierFor(ServiceLine.Fiscal));
        Assert.Equal(ClientTier.CollaborateExtended, stored.TierFor(ServiceLine.AnnualReport));
        var audit = await World.AuditAsync(db, AuditSubject.Client(w.Client.Id));
        var change = Assert.Single(audit, r => r.Action == AuditAction.TierChanged);
        Assert.Equal($"office={w.Office.Id};from=Standard;to=CollaborateExtended", change.Details);
        Assert.Equal(Actor.OfficeUser(w.OfficeUser.Id), change.Actor);

        var again = await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended));
        Assert.Equal(TierChangeStatus.AlreadyOnTier, again.Status);
        Assert.Single(await World.AuditAsync(db, AuditSubject.Client(w.Client.Id)), r => r.Action == AuditAction.TierChanged);
    }

    // R: TIER-3
    [SkippableFact]
    public async Task TIER3_an_office_has_one_collaboration_and_so_one_tier_per_client()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.Standard, January1));

        var error = await Assert.ThrowsAsync<CollabRefusalException>(
            () => Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.Collaborate, January1)));

        Assert.Equal("collaboration.exists", error.Code);
        Assert.Equal(ClientTier.Standard, await Tiers(db, t => t.GetTierAsync(w.Desk, w.Office.Id, w.Client.Id)));
    }

    // R: TIER-4
    [SkippableFact]
    public async Task TIER4_a_downgrade_that_leaves_too_many_client_users_is_refused_until_users_are_deactivated()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db); // the client has two active client users
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, January1));

        var error = await Assert.ThrowsAsync<CollabRefusalException>(
            () => Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate)));

        Assert.Equal(("tier.too-many-client-users", "TIER-4"), (error.Code, error.Refusal.RuleId));
        Assert.Contains("but tier Collaborate allows 1: deactivate 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(ClientTier.CollaborateExtended, await Tiers(db, t => t.GetTierAsync(w.Desk, w.Office.Id, w.Client.Id)));

        await Registry(db, r => r.DeactivateUserAsync(World.Vendor, w.ClientUserOfOtherCompany.Id));
        var outcome = await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate));
        Assert.Equal(TierChangeStatus.Changed, outcome.Status);
    }

    // R: TIER-4
    [SkippableFact]
    public async Task TIER4_a_downgrade_that_would_remove_a_feature_open_work_needs_is_refused_naming_the_work()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await Registry(db, r => r.DeactivateUserAsync(World.Vendor, w.ClientUserOfOtherCompany.Id));
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, January1));
        _openWork.Items.Add(new OpenWork(w.Client.Id, Feature.ShareAndApproveDeliverables, "approval of annual report 2025"));
        _openWork.Items.Add(new OpenWork(w.Client.Id, Feature.PrepareByClientQuestionnaires, "questionnaire 'Jaarrekening 2025'"));

        var toCollaborate = await Assert.ThrowsAsync<CollabRefusalException>(
            () => Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate)));
        Assert.Equal("tier.open-work-needs-feature", toCollaborate.Code);
        Assert.Contains("questionnaire 'Jaarrekening 2025' (needs PrepareByClientQuestionnaires)", toCollaborate.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("approval", toCollaborate.Message, StringComparison.Ordinal); // Collaborate keeps approvals

        var toStandard = await Assert.ThrowsAsync<CollabRefusalException>(
            () => Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Standard)));
        Assert.Contains("approval of annual report 2025 (needs ShareAndApproveDeliverables)", toStandard.Message, StringComparison.Ordinal);
        Assert.Equal(ClientTier.CollaborateExtended, await Tiers(db, t => t.GetTierAsync(w.Desk, w.Office.Id, w.Client.Id)));
    }

    // R: TIER-2
    [SkippableFact]
    public async Task TIER2_extra_client_users_only_in_a_tier_that_has_them()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        var client = await Registry(db, r => r.RegisterClientAsync(World.Vendor, "Slagerij Smit"));
        var company = await Registry(db, r => r.AddCompanyAsync(World.Vendor, client.Id, "Slagerij Smit B.V."));
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, client.Id, ClientTier.Collaborate, January1));
        await Registry(db, r => r.CreateClientUserAsync(World.Vendor, client.Id, $"eerste.{Guid.NewGuid():N}@smit.nl", [company.Id]));

        var error = await Assert.ThrowsAsync<CollabRefusalException>(
            () => Registry(db, r => r.CreateClientUserAsync(World.Vendor, client.Id, $"tweede.{Guid.NewGuid():N}@smit.nl", [company.Id])));
        Assert.Equal("user.tier-user-limit", error.Code);
        Assert.Contains("tier CollaborateExtended", error.Message, StringComparison.Ordinal);

        await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, client.Id, ClientTier.CollaborateExtended));
        var second = await Registry(db, r => r.CreateClientUserAsync(World.Vendor, client.Id, $"tweede.{Guid.NewGuid():N}@smit.nl", [company.Id]));
        Assert.Contains(await World.AuditAsync(db, AuditSubject.User(second.Id)), r => r.Action == AuditAction.UserCreated);
    }

    // R: TIER-5
    [SkippableFact]
    public async Task TIER5_bulk_change_reports_per_client_and_leaves_refused_clients_untouched()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        var standard = await ClientsAsync(db, w.Office.Id, 3, ClientTier.Standard);
        var already = await ClientsAsync(db, w.Office.Id, 1, ClientTier.CollaborateExtended);
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.Standard, January1));
        _openWork.Items.Add(new OpenWork(standard[2], Feature.DownloadDeliverables, "download of report 2025"));
        var stranger = ClientId.New();
        ClientId[] selection = [standard[0], standard[1], already[0], w.Client.Id, stranger, standard[0]];

        var upgrade = await Tiers(db, t => t.ChangeTiersAsync(w.Desk, w.Office.Id, selection, ClientTier.CollaborateExtended));

        Assert.Equal(selection, upgrade.Outcomes.Select(o => o.Client));
        Assert.Equal(
            [TierChangeStatus.Changed, TierChangeStatus.Changed, TierChangeStatus.AlreadyOnTier, TierChangeStatus.Changed, TierChangeStatus.NotFound, TierChangeStatus.Changed],
            upgrade.Outcomes.Select(o => o.Status));
        Assert.Equal("collaboration.not-found", upgrade.Outcomes[4].Refusal!.Code);
        var written = Assert.Single(await World.AuditAsync(db, AuditSubject.Client(standard[1])), r => r.Action == AuditAction.TierChanged); // AUD-1
        Assert.Equal((Actor.OfficeUser(w.OfficeUser.Id), $"office={w.Office.Id};from=Standard;to=CollaborateExtended", db.Clock.GetCurrentInstant()), (written.Actor, written.Details, written.At));
        Assert.Single(await World.AuditAsync(db, AuditSubject.Client(standard[0])), r => r.Action == AuditAction.TierChanged); // listed twice, changed once

        // Downgrade back: the World client has two users now and is refused; the others go; standard[2] was never selected.
        var downgrade = await Tiers(db, t => t.ChangeTiersAsync(w.Desk, w.Office.Id, [standard[0], w.Client.Id, standard[2]], ClientTier.Standard));
        Assert.Equal([TierChangeStatus.Changed, TierChangeStatus.Refused, TierChangeStatus.AlreadyOnTier], downgrade.Outcomes.Select(o => o.Status));
        Assert.Equal("tier.too-many-client-users", downgrade.Outcomes[1].Refusal!.Code);
        Assert.Equal(ClientTier.Standard, await Tiers(db, t => t.GetTierAsync(w.Desk, w.Office.Id, standard[0]))); // the refusal beside it did not undo it
        Assert.Single(await World.AuditAsync(db, AuditSubject.Client(standard[0])), r => r.Action == AuditAction.TierChanged && r.Details.EndsWith("to=Standard", StringComparison.Ordinal));
        Assert.Equal(ClientTier.CollaborateExtended, await Tiers(db, t => t.GetTierAsync(w.Desk, w.Office.Id, w.Client.Id)));
        Assert.Equal(ClientTier.CollaborateExtended, await Tiers(db, t => t.GetTierAsync(w.Desk, w.Office.Id, standard[1])));
        Assert.Empty(await World.AuditAsync(db, AuditSubject.Client(w.Client.Id)).ContinueWith(t => t.Result.Where(r => r.Action == AuditAction.TierChanged && r.Details.Contains("to=Standard", StringComparison.Ordinal)).ToList()));
    }

    // R: TIER-5
    [SkippableFact]
    public async Task TIER5_a_change_made_to_one_client_during_a_bulk_run_is_kept_and_reported()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        const int chunk = 40;
        var clients = await ClientsAsync(db, w.Office.Id, (2 * chunk) + 5, ClientTier.Standard); // three chunks
        var victim = clients[7];

        var result = await db.InScopeAsync(async sp =>
        {
            var bulk = sp.GetRequiredService<TierService>();
            bulk.ChunkSize = chunk;
            var interfered = false;
            bulk.BeforeChunkSaved = async () =>
            {
                if (!interfered)
                {
                    interfered = true; // another request changes one client between the bulk's read and its save
                    await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, victim, ClientTier.Collaborate));
                }
            };
            return await bulk.ChangeTiersAsync(w.Desk, w.Office.Id, clients, ClientTier.CollaborateExtended);
        });

        Assert.Equal(clients.Count, result.Outcomes.Count);
        var conflict = Assert.Single(result.Outcomes, o => o.Status == TierChangeStatus.ConcurrentChange);
        Assert.Equal(victim, conflict.Client);
        Assert.Equal(RefusalKind.ConcurrencyConflict, conflict.Refusal!.Kind);
        Assert.Equal(clients.Count - 1, result.Count(TierChangeStatus.Changed));
        Assert.Equal(ClientTier.Collaborate, await Tiers(db, t => t.GetTierAsync(w.Desk, w.Office.Id, victim)));
        Assert.Equal(ClientTier.CollaborateExtended, await Tiers(db, t => t.GetTierAsync(w.Desk, w.Office.Id, clients[^1])));
        var victimAudit = await World.AuditAsync(db, AuditSubject.Client(victim));
        Assert.DoesNotContain(victimAudit, r => r.Action == AuditAction.TierChanged && r.Details.EndsWith("to=CollaborateExtended", StringComparison.Ordinal));
    }

    // R: TIER-8
    [SkippableFact]
    public async Task TIER8_one_client_login_reaches_all_companies_of_that_client()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        Assert.False(await db.InScopeAsync(sp => sp.GetRequiredService<AccessService>().MayAccessAsync(ActingParty.User(w.ClientUser.Id), w.OtherCompanyAdministration.Id)));

        await Registry(db, r => r.GiveCompanyAsync(World.Vendor, w.ClientUser.Id, w.OtherCompany.Id));

        var reachable = await db.InScopeAsync(sp => sp.GetRequiredService<AccessService>().ListAsync(ActingParty.User(w.ClientUser.Id)));
        Assert.Equal(new[] { w.Administration.Id, w.OtherCompanyAdministration.Id, w.HeldByOffice.Id }.OrderBy(a => a.Value), reachable.Select(a => a.Id).OrderBy(a => a.Value));
        Assert.Contains(await World.AuditAsync(db, AuditSubject.User(w.ClientUser.Id)), r => r.Action == AuditAction.UserCompanyAdded);

        var otherClients = await Assert.ThrowsAsync<CollabRefusalException>(() => Registry(db, r => r.GiveCompanyAsync(World.Vendor, w.OtherClientUser.Id, w.Company.Id)));
        Assert.Equal(CollabAuthorization.RefusedCode, otherClients.Code); // another client's company reads as unknown (SEC-3)
    }

    // R: SHARE-11
    [SkippableFact]
    public async Task SHARE11_a_feature_is_checked_against_the_tier_at_the_moment_of_the_action()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.Collaborate, January1));
        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Tiers(db, t => t.RequireFeatureAsync(w.Desk, w.Office.Id, w.Client.Id, Feature.DocumentExchange)));
        Assert.Contains("needs tier CollaborateExtended", refused.Message, StringComparison.Ordinal);

        await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended));

        Assert.Equal(ClientTier.CollaborateExtended, await Tiers(db, t => t.RequireFeatureAsync(w.Desk, w.Office.Id, w.Client.Id, Feature.DocumentExchange)));
        var none = await Assert.ThrowsAsync<CollabRefusalException>(() => Tiers(db, t => t.RequireFeatureAsync(w.Desk, w.OtherOffice.Id, w.Client.Id, Feature.DownloadDeliverables)));
        Assert.Equal(RefusalKind.NotFound, none.Kind);
    }

    // R: TIER-1, SEC-2, AUD-1
    [SkippableFact]
    public async Task TIER1_an_undefined_tier_is_refused_as_input_and_a_change_to_the_same_tier_records_nothing()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        var undefinedStart = await Assert.ThrowsAsync<CollabRefusalException>(() => Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, (ClientTier)7, January1)));
        Assert.Equal((RefusalKind.InvalidInput, "tier.unknown"), (undefinedStart.Kind, undefinedStart.Code));
        async Task<List<AuditRecord>> TierAuditAsync() => (await World.AuditAsync(db, AuditSubject.Client(w.Client.Id)))
            .Where(r => r.Action is AuditAction.CollaborationStarted or AuditAction.TierChanged or AuditAction.CollaborationEnded).ToList();
        Assert.Empty(await TierAuditAsync());

        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.Collaborate, January1));
        var started = Assert.Single(await TierAuditAsync());
        Assert.Equal((AuditAction.CollaborationStarted, $"office={w.Office.Id};from=-;to=Collaborate;starts=2026-01-01"), (started.Action, started.Details));
        var undefinedChange = await Assert.ThrowsAsync<CollabRefusalException>(() => Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, (ClientTier)0)));
        var same = await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate));

        Assert.Equal("tier.unknown", undefinedChange.Code);
        Assert.Equal(TierChangeStatus.AlreadyOnTier, same.Status);
        Assert.Single(await TierAuditAsync()); // still only the start
        Assert.Equal(ClientTier.Collaborate, await Tiers(db, t => t.GetTierAsync(w.Desk, w.Office.Id, w.Client.Id)));
    }

    // R: TIER-7, AUD-1
    [SkippableFact]
    public async Task TIER7_a_collaboration_ends_on_or_after_its_first_day_once_and_the_office_lists_its_own()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        var start = new LocalDate(2026, 3, 1);
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.Standard, start));
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.OtherOffice.Id, w.Client.Id, ClientTier.Standard, start));

        var early = await Assert.ThrowsAsync<CollabRefusalException>(() => Tiers(db, t => t.EndCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, start.PlusDays(-1))));
        var ended = await Tiers(db, t => t.EndCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, start)); // one day of work is a day
        var twice = await Assert.ThrowsAsync<CollabRefusalException>(() => Tiers(db, t => t.EndCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, start.PlusDays(5))));

        Assert.Equal((RefusalKind.InvalidInput, "collaboration.ends-before-start"), (early.Kind, early.Code));
        Assert.Equal(start, ended.EndsOn);
        Assert.Equal(("collaboration.already-ended", "TIER-7"), (twice.Code, twice.Refusal.RuleId));
        Assert.Single(await World.AuditAsync(db, AuditSubject.Client(w.Client.Id)), r => r.Action == AuditAction.CollaborationEnded && r.Details.EndsWith(";ends=2026-03-01", StringComparison.Ordinal));
        var listed = await Tiers(db, t => t.ListCollaborationsAsync(w.Desk, w.Office.Id));
        Assert.Equal((w.Client.Id, w.Office.Id, (LocalDate?)start), (Assert.Single(listed).ClientId, listed[0].OfficeId, listed[0].EndsOn));
        await Assert.ThrowsAsync<CollabRefusalException>(() => Tiers(db, t => t.ListCollaborationsAsync(w.Desk, w.OtherOffice.Id))); // SEC-3
    }

    // R: TIER-4
    [SkippableFact]
    public async Task TIER4_users_another_office_still_allows_do_not_block_this_offices_downgrade_but_block_the_last_one()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db); // the client has two active users
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, January1));
        await Tiers(db, t => t.StartCollaborationAsync(World.Vendor, w.OtherOffice.Id, w.Client.Id, ClientTier.CollaborateExtended, January1));

        var first = await Tiers(db, t => t.ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate));
        var last = await Assert.ThrowsAsync<CollabRefusalException>(() => Tiers(db, t => t.ChangeTierAsync(ActingParty.User(w.OtherOfficeUser.Id), w.OtherOffice.Id, w.Client.Id, ClientTier.Collaborate)));

        Assert.Equal(TierChangeStatus.Changed, first.Status); // the other office's Extended collaboration still has room for both
        Assert.Equal("tier.too-many-client-users", last.Code);
    }
}

public sealed class TiersOnSqlite() : TierContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class TiersOnPostgres(PostgresServer postgres) : TierContract(Engine.Postgres, postgres);
