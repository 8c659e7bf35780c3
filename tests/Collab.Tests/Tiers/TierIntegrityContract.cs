using Collab.Portal;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Tiers;

/// <summary>
/// TIER-4 and SEC-4 under pressure: every capability's open work blocks a downgrade that would strand it, and a
/// downgrade racing the work it would strand never commits together with it, from separate scopes or separate app
/// instances on one database.
/// </summary>
public abstract class TierIntegrityContract(Engine engine, PostgresServer? postgres, int rounds)
{
    private static readonly LocalDate January1 = new(2026, 1, 1);

    private static readonly IReadOnlyList<QuestionnaireSection> Sections =
        [new QuestionnaireSection("auto", [new QuestionDefinition("auto-zaak", "Rijdt u een auto van de zaak?", AnswerType.YesNo)])];

    private Task<TestDatabase> NewDatabaseAsync() => TestDatabase.CreateAsync(engine, postgres);

    private static Task<T> Run<T>(TestDatabase db, Func<IServiceProvider, Task<T>> work) => db.InScopeAsync(work);

    // R: TIER-4
    [SkippableFact]
    public async Task TIER4_open_questionnaires_and_question_batches_block_a_downgrade_that_would_take_their_feature_naming_them()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await Run(db, sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, w.ClientUserOfOtherCompany.Id)); // users are not what blocks
        await Run(db, sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, January1));
        var (questionnaire, batch) = await Run(db, async sp =>
        {
            var questions = sp.GetRequiredService<QuestionBatches>();
            var templates = sp.GetRequiredService<QuestionnaireTemplates>();
            var template = await templates.CreateTemplateAsync(w.Desk, w.Office.Id, "Aangifte IB 2025", Sections);
            var questionnaire = (await templates.SendAsync(w.Desk, template.Id, [w.Company.Id], new LocalDate(2026, 5, 1))).Single().Questionnaire!;
            var batch = await questions.StartBatchAsync(w.Desk, w.Office.Id, w.Company.Id, "Vragen bij de jaarstukken");
            await questions.AddQuestionAsync(w.Desk, batch.Id, "jaarrekening", "Is de voorraad geteld?");
            await questions.SendBatchAsync(w.Desk, batch.Id);
            return (questionnaire, batch);
        });

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Run(db, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate)));
        Assert.Equal(("tier.open-work-needs-feature", "TIER-4"), (refused.Code, refused.Refusal.RuleId));
        Assert.Contains("questionnaire 'Aangifte IB 2025' (deadline 2026-05-01) (needs PrepareByClientQuestionnaires)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("questions 'Vragen bij de jaarstukken' (waiting for answers) (needs ClientQuestions)", refused.Message, StringComparison.Ordinal);

        // The client answers and completes: nothing waits any more, and the downgrade goes through.
        await Run(db, sp => sp.GetRequiredService<QuestionAnswers>().AnswerQuestionnaireAsync(ActingParty.User(w.ClientUser.Id), questionnaire.Id, "auto-zaak", "false"));
        await Run(db, sp => sp.GetRequiredService<QuestionAnswers>().CompleteQuestionnaireAsync(ActingParty.User(w.ClientUser.Id), questionnaire.Id));
        await Run(db, sp => sp.GetRequiredService<QuestionAnswers>().AnswerAsync(ActingParty.User(w.ClientUser.Id), batch.Id, 1, "Ja, op 31 december."));
        var outcome = await Run(db, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate));
        Assert.Equal(TierChangeStatus.Changed, outcome.Status);
    }

    // R: TIER-4
    [SkippableFact]
    public async Task TIER4_a_refused_downgrade_names_the_active_users_by_e_mail()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await Run(db, sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, January1));

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Run(db, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Standard)));
        var bulk = await Run(db, sp => sp.GetRequiredService<TierService>().ChangeTiersAsync(w.Desk, w.Office.Id, [w.Client.Id], ClientTier.Standard));

        var names = string.Join(", ", new[] { w.ClientUser.Email, w.ClientUserOfOtherCompany.Email }.Order(StringComparer.Ordinal));
        Assert.Contains($"2 active client users ({names}) but tier Standard allows 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains(names, bulk.Outcomes.Single().Refusal!.Reason, StringComparison.Ordinal);
    }

    // R: SEC-4, TIER-2, TIER-4
    [SkippableFact]
    public async Task SEC4_a_downgrade_and_a_new_client_user_racing_from_two_instances_never_both_commit()
    {
        await using var db = await NewDatabaseAsync();
        await using var other = db.NewInstance();
        var (both, downgrades, users) = (0, 0, 0);
        for (var round = 0; round < rounds; round++)
        {
            var (office, client, company, desk) = await OneClientAsync(db, ClientTier.CollaborateExtended, users: 1);
            var (downgraded, added) = await RaceAsync(
                db.Services, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(desk, office, client, ClientTier.Collaborate),
                other, sp => sp.GetRequiredService<CollabRegistry>().CreateClientUserAsync(World.Vendor, client, $"tweede.{Guid.NewGuid():N}@klant.nl", [company]));

            var tier = await Run(db, sp => sp.GetRequiredService<ITierStore>().FindTierAsync(office, client));
            var active = (await Run(db, sp => sp.GetRequiredService<ITierStore>().CountActiveClientUsersAsync([client]))).GetValueOrDefault(client);
            Assert.False(tier == ClientTier.Collaborate && active > 1, $"round {round}: Collaborate with {active} active client users (SEC-4)");
            both += downgraded && added ? 1 : 0;
            downgrades += downgraded ? 1 : 0;
            users += added ? 1 : 0;
        }

        Assert.Equal(0, both);
        Assert.True(downgrades + users >= rounds, $"every round one side commits: {downgrades} downgrades, {users} new users in {rounds} rounds");
    }

    // R: SEC-4, TIER-4, SHARE-3
    [SkippableFact]
    public async Task SEC4_a_downgrade_and_a_share_for_approval_racing_from_two_scopes_never_both_commit()
    {
        await using var db = await NewDatabaseAsync();
        var both = 0;
        for (var round = 0; round < rounds; round++)
        {
            var (office, client, company, desk) = await OneClientAsync(db, ClientTier.Collaborate, users: 1);
            var draft = await Run(db, sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(desk, office, company, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), $"Jaarrekening {round}"));
            var (downgraded, shared) = await RaceAsync(
                db.Services, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(desk, office, client, ClientTier.Standard),
                db.Services, sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(desk, draft.Id, new LocalDate(2026, 6, 30)));

            var tier = await Run(db, sp => sp.GetRequiredService<ITierStore>().FindTierAsync(office, client));
            var deliverable = await Run(db, sp => sp.GetRequiredService<IDeliverableStore>().FindDeliverableAsync(draft.Id));
            Assert.False(tier == ClientTier.Standard && deliverable!.Mode == ShareMode.Approval, $"round {round}: Standard with an approval open (SEC-4)");
            both += downgraded && shared && deliverable!.Mode == ShareMode.Approval ? 1 : 0;
        }

        Assert.Equal(0, both);
    }

    // R: SEC-4, TIER-4
    [SkippableFact]
    public async Task SEC4_a_downgrade_and_questions_or_a_questionnaire_sent_racing_never_both_commit()
    {
        await using var db = await NewDatabaseAsync();
        await using var other = db.NewInstance();
        for (var round = 0; round < rounds; round++)
        {
            var (office, client, company, desk) = await OneClientAsync(db, ClientTier.CollaborateExtended, users: 1);
            var (batch, template) = await Run(db, async sp =>
            {
                var questions = sp.GetRequiredService<QuestionBatches>();
                var templates = sp.GetRequiredService<QuestionnaireTemplates>();
                var batch = await questions.StartBatchAsync(desk, office, company, "Vragen");
                await questions.AddQuestionAsync(desk, batch.Id, "aangifte", "Iets?");
                return (batch, await templates.CreateTemplateAsync(desk, office, "Aangifte", Sections));
            });
            var sendQuestionnaire = round % 2 == 0;
            var (downgraded, sent) = await RaceAsync(
                db.Services, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(desk, office, client, ClientTier.Collaborate),
                other, async sp => sendQuestionnaire
                    ? (object?)(await sp.GetRequiredService<QuestionnaireTemplates>().SendAsync(desk, template.Id, [company])).Single().Questionnaire
                    : await sp.GetRequiredService<QuestionBatches>().SendBatchAsync(desk, batch.Id));

            var tier = await Run(db, sp => sp.GetRequiredService<ITierStore>().FindTierAsync(office, client));
            var open = await Run(db, async sp => (await sp.GetRequiredService<IQuestionBatchStore>().ListOpenBatchesAsync(office, [client])).Count
                                                 + (await sp.GetRequiredService<IQuestionnaireStore>().ListOpenQuestionnairesAsync(office, [client])).Count);
            Assert.False(tier == ClientTier.Collaborate && open > 0, $"round {round}: Collaborate with {open} open question item(s) (SEC-4)");
            Assert.False(downgraded && sent, $"round {round}: both committed");
        }
    }

    // One client at the office, on a tier, with active users; its user count and open work decide the race.
    internal static async Task<(OfficeId Office, ClientId Client, CompanyId Company, ActingParty Desk)> OneClientAsync(TestDatabase db, ClientTier tier, int users) =>
        await Run(db, async sp =>
        {
            var registry = sp.GetRequiredService<CollabRegistry>();
            var office = await registry.RegisterOfficeAsync(World.Vendor, "Kantoor");
            var desk = await registry.CreateOfficeUserAsync(World.Vendor, office.Id, $"anna.{Guid.NewGuid():N}@kantoor.nl");
            var client = await registry.RegisterClientAsync(World.Vendor, "Klant");
            var company = await registry.AddCompanyAsync(World.Vendor, client.Id, "Klant B.V.");
            await sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, office.Id, client.Id, tier, January1);
            for (var u = 0; u < users; u++)
            {
                await registry.CreateClientUserAsync(World.Vendor, client.Id, $"klant{u}.{Guid.NewGuid():N}@klant.nl", [company.Id]);
            }

            return (office.Id, client.Id, company.Id, ActingParty.User(desk.Id));
        });

    // Both calls start together, each in its own scope of its own instance; a side "commits" when it returns without a refusal.
    private static async Task<(bool First, bool Second)> RaceAsync<TA, TB>(
        IServiceProvider firstInstance, Func<IServiceProvider, Task<TA>> first, IServiceProvider secondInstance, Func<IServiceProvider, Task<TB>> second)
    {
        using var start = new Barrier(2);
        async Task<bool> Side<T>(IServiceProvider instance, Func<IServiceProvider, Task<T>> work)
        {
            await Task.Yield();
            await using var scope = instance.CreateAsyncScope();
            start.SignalAndWait(TimeSpan.FromSeconds(10));
            try
            {
                var result = await work(scope.ServiceProvider);
                return result is not null and not TierChangeOutcome { Status: not TierChangeStatus.Changed }; // a questionnaire refused for its company comes back as null
            }
            catch (CollabRefusalException e) when (e.Kind is RefusalKind.ConcurrencyConflict or RefusalKind.RuleViolation)
            {
                return false; // refused: the other side's work was there first (SEC-4), or the rule saw it (TIER-4)
            }
        }

        var a = Task.Run(() => Side(firstInstance, first));
        var b = Task.Run(() => Side(secondInstance, second));
        return (await a, await b);
    }
}

public sealed class TierIntegrityOnSqlite() : TierIntegrityContract(Engine.Sqlite, null, 20);

[Collection(PostgresCollection.Name)]
public sealed class TierIntegrityOnPostgres(PostgresServer postgres) : TierIntegrityContract(Engine.Postgres, postgres, 50);

/// <summary>TIER-4: no feature can be taken away from under work that waits for the client without a source reporting that work.</summary>
public sealed class OpenWorkSourceCoverage
{
    // Which registered source reports the work each feature carries while it waits for the client; the others carry none.
    private static readonly Dictionary<Feature, string> Carried = new()
    {
        [Feature.ShareAndApproveDeliverables] = "OpenApprovals",   // an approval in progress
        [Feature.ClientQuestions] = "OpenQuestions",                // a question batch sent, not fully answered
        [Feature.PrepareByClientQuestionnaires] = "OpenQuestions",  // a questionnaire sent, not completed
    };

    private static readonly Dictionary<Feature, string> CarriesNone = new()
    {
        [Feature.DownloadDeliverables] = "every tier has it: no downgrade removes it",
        [Feature.ManageDeliverables] = "every tier has it; a draft waits for the office, not the client",
        [Feature.DeadlineReminders] = "reminders belong to an approval, which reports itself",
        [Feature.ShareDeliverableDashboard] = "a shared view, nothing waits for the client",
        [Feature.PermanentPortal] = "a view of history; nothing waits",
        [Feature.ShareClientInsights] = "a shared view, nothing waits for the client",
        [Feature.HouseStyle] = "the office's presentation",
        [Feature.DocumentExchange] = "a document is exchanged at once; Collab has no document request that waits",
        [Feature.ExtraClientUsers] = "users are counted by the downgrade itself (too many active client users)",
    };

    // R: TIER-4
    [Fact]
    public void TIER4_every_feature_that_can_carry_open_work_has_a_registered_source()
    {
        var registered = new ServiceCollection().AddCollab().Services
            .Where(d => d.ServiceType == typeof(IOpenWorkSource))
            .Select(d => d.ImplementationType!.Name)
            .ToHashSet();

        foreach (var feature in Enum.GetValues<Feature>())
        {
            Assert.True(Carried.ContainsKey(feature) ^ CarriesNone.ContainsKey(feature), $"{feature}: say whether it carries open work, and which source reports it");
        }

        Assert.All(Carried, c => Assert.Contains(c.Value, registered));
    }
}

/// <summary>SEC-4 with a second app instance in its own OS process (the race worker), on one PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TierProcessRaceOnPostgres(PostgresServer postgres)
{
    private const int Rounds = 50;

    // R: SEC-4, TIER-2, TIER-4
    [SkippableFact]
    public async Task SEC4_a_downgrade_and_a_new_client_user_racing_from_two_processes_never_both_commit()
    {
        await using var db = await TestDatabase.CreateAsync(Engine.Postgres, postgres);
        var here = Path.GetDirectoryName(typeof(TierProcessRaceOnPostgres).Assembly.Location)!;
        var worker = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", "Collab.RaceWorker", "bin", new DirectoryInfo(here).Parent!.Name, "net10.0", "Collab.RaceWorker.dll"));
        Skip.IfNot(File.Exists(worker), $"the race worker is not built at {worker}");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", [worker, db.ConnectionString])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            Assert.Equal("ready", await process.StandardOutput.ReadLineAsync());
            var (both, committed) = (0, 0);
            for (var round = 0; round < Rounds; round++)
            {
                var (office, client, company, desk) = await TierIntegrityContract.OneClientAsync(db, ClientTier.CollaborateExtended, users: 1);
                var workerDowngrades = round % 2 == 1; // each process plays each side
                await process.StandardInput.WriteLineAsync(workerDowngrades
                    ? $"tier {desk.UserId!.Value.Value} {office.Value} {client.Value} {ClientTier.Collaborate}"
                    : $"user {client.Value} {company.Value}");
                await process.StandardInput.FlushAsync();
                var inProcess = await SucceedsAsync(() => db.InScopeAsync<object>(async sp => workerDowngrades
                    ? await sp.GetRequiredService<CollabRegistry>().CreateClientUserAsync(World.Vendor, client, $"hier.{Guid.NewGuid():N}@klant.nl", [company])
                    : await sp.GetRequiredService<TierService>().ChangeTierAsync(desk, office, client, ClientTier.Collaborate)));
                var otherProcess = (await process.StandardOutput.ReadLineAsync()) == "committed";

                var tier = await db.InScopeAsync(sp => sp.GetRequiredService<ITierStore>().FindTierAsync(office, client));
                var active = (await db.InScopeAsync(sp => sp.GetRequiredService<ITierStore>().CountActiveClientUsersAsync([client]))).GetValueOrDefault(client);
                both += tier == ClientTier.Collaborate && active > 1 ? 1 : 0;
                committed += (inProcess ? 1 : 0) + (otherProcess ? 1 : 0);
            }

            Assert.Equal(0, both);
            Assert.True(committed >= Rounds, $"{committed} commits in {Rounds} rounds: every round one side commits");
        }
        finally
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync();
        }
    }

    private static async Task<bool> SucceedsAsync(Func<Task<object>> work)
    {
        try
        {
            return await work() is not TierChangeOutcome { Status: not TierChangeStatus.Changed };
        }
        catch (CollabRefusalException)
        {
            return false;
        }
    }
}
