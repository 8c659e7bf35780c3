using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text;
using Collab.Backups;
using Collab.Licences;
using Collab.Notifications;
using Collab.Portal;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Storage;
using Collab.Telemetry;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Collab.Transfers;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Collab.Persistence.EfCore;
using Case = Collab.Tests.Authorization.AuthorizationMatrix.Case;

namespace Collab.Tests.Authorization;

/// <summary>
/// SEC-3: who acts is checked, not trusted. The matrix property asks every public action and read of generated worlds with
/// every kind of party and compares Collab's answer with an oracle written from DOMAIN.md; the facts below are the holes
/// issue 16 found, each closed on both engines.
/// </summary>
public abstract class AuthorizationContract(Engine engine, PostgresServer? postgres)
{
    private Task<TestDatabase> NewDatabaseAsync(Action<IServiceCollection>? configure = null) => TestDatabase.CreateAsync(engine, postgres, services =>
    {
        var blobs = Directory.CreateTempSubdirectory("collab-authz-").FullName;
        services.AddCollab().AddFileSystemBlobStore(blobs);
        services.AddSingleton<IBookkeepingData>(new FolderBookkeeping());
        configure?.Invoke(services);
    });

    private static Task<T> Run<T>(TestDatabase db, Func<IServiceProvider, Task<T>> work) => db.InScopeAsync(work);

    private static async Task<CollabRefusalException> RefusedAsync(Func<Task> act)
    {
        var refusal = await Assert.ThrowsAsync<CollabRefusalException>(act);
        Assert.Equal((CollabAuthorization.RefusedCode, RefusalKind.NotFound, "SEC-3"), (refusal.Code, refusal.Kind, refusal.Refusal.RuleId));
        return refusal;
    }

    private static async Task<World> CollaboratingAsync(TestDatabase db, ClientTier tier = ClientTier.CollaborateExtended)
    {
        var w = await World.SeedAsync(db);
        await Run(db, sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, tier, new LocalDate(2026, 1, 1)));
        return w;
    }

    // R: SEC-3
    [SkippableFact]
    public async Task SEC3_a_stranger_office_cannot_share_reissue_or_open_another_offices_report_and_the_trail_never_names_it()
    {
        await using var db = await NewDatabaseAsync();
        var w = await CollaboratingAsync(db, ClientTier.Standard);
        var draft = await Run(db, sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025"));
        var stranger = ActingParty.User(w.OtherOfficeUser.Id);

        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(stranger, draft.Id)));
        var shared = await Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ReissueLinkAsync(stranger, draft.Id)));
        Assert.Null(await Run(db, sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(stranger, draft.Id)));

        // The only link is the one the office issued, and it still works for the client.
        Assert.Equal("Jaarrekening 2025", (await Run(db, sp => sp.GetRequiredService<DeliverableLinks>().OpenLinkAsync(shared.LinkToken!))).Title);
        var trail = await World.AuditAsync(db, AuditSubject.Deliverable(draft.Id));
        Assert.DoesNotContain(trail, r => r.Actor.Id == w.OtherOfficeUser.Id.ToString());
    }

    // R: SEC-3
    [SkippableFact]
    public async Task SEC3_question_batches_are_started_filled_and_sent_only_by_their_office()
    {
        await using var db = await NewDatabaseAsync();
        var w = await CollaboratingAsync(db);
        var stranger = ActingParty.User(w.OtherOfficeUser.Id);
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(stranger, w.Office.Id, w.Company.Id, "Vragen")));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(stranger, w.OtherOffice.Id, w.Company.Id, "Vragen")));
        var batch = await Run(db, sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(w.Desk, w.Office.Id, w.Company.Id, "Vragen"));

        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(stranger, batch.Id, "aangifte", "Iets?")));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(ActingParty.User(w.ClientUser.Id), batch.Id, "aangifte", "Iets?")));
        await Run(db, sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(w.Desk, batch.Id, "aangifte", "Is de voorraad geteld?"));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<QuestionBatches>().SendBatchAsync(stranger, batch.Id)));
        Assert.Equal(QuestionBatchState.Draft, (await Run(db, sp => sp.GetRequiredService<PortalReader>().FindBatchAsync(w.Desk, batch.Id)))!.State);
    }

    // R: SEC-3, XFER-3
    [SkippableFact]
    public async Task SEC3_a_client_user_given_one_company_cannot_consent_to_moving_another_companys_administration()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        var (from, to, moving) = await Run(db, async sp =>
        {
            var registry = sp.GetRequiredService<CollabRegistry>();
            var from = await registry.CreateEnvironmentAsync(World.Vendor, w.Office.Id, "Oud", [w.OfficeUser.Id]);
            var to = await registry.CreateEnvironmentAsync(World.Vendor, w.OtherOffice.Id, "Nieuw", [w.OtherOfficeUser.Id]);
            var moving = await registry.CreateAdministrationAsync(World.Vendor, w.OtherCompany.Id, TestDatabase.NextNumber(), "Vastgoed", environment: from.Id);
            return (from, to, moving);
        });
        var request = await Run(db, sp => sp.GetRequiredService<TransferService>().RequestAsync(w.Desk, from.Id, to.Id, [moving.Id], w.ClientUserOfOtherCompany.Email));

        // Piet was given the bakery only: the real estate company's books are not his to move, nor to see.
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<TransferService>().ConsentAsync(ActingParty.User(w.ClientUser.Id), request.Id, TransferParty.Client)));
        Assert.Null(await Run(db, sp => sp.GetRequiredService<TransferService>().FindAsync(ActingParty.User(w.ClientUser.Id), request.Id)));
        Assert.Empty(await Run(db, sp => sp.GetRequiredService<TransferService>().ListOpenForClientAsync(ActingParty.User(w.ClientUser.Id), w.Client.Id)));
        var consented = await Run(db, sp => sp.GetRequiredService<TransferService>().ConsentAsync(ActingParty.User(w.ClientUserOfOtherCompany.Id), request.Id, TransferParty.Client));
        Assert.Equal(1, consented.ConsentCount);
        Assert.Equal(w.ClientUserOfOtherCompany.Id, consented.ClientConsentBy);
    }

    // R: SEC-3, SEC-1
    [SkippableFact]
    public async Task SEC3_batches_questionnaires_backups_and_follow_up_are_read_only_by_who_may_reach_them()
    {
        await using var db = await NewDatabaseAsync();
        var w = await CollaboratingAsync(db);
        var stranger = ActingParty.User(w.OtherClientUser.Id);
        var otherOffice = ActingParty.User(w.OtherOfficeUser.Id);
        var (batch, questionnaire) = await Run(db, async sp =>
        {
            var questions = sp.GetRequiredService<QuestionBatches>();
            var templates = sp.GetRequiredService<QuestionnaireTemplates>();
            var batch = await questions.StartBatchAsync(w.Desk, w.Office.Id, w.Company.Id, "Vragen");
            await questions.AddQuestionAsync(w.Desk, batch.Id, "aangifte", "Iets?");
            await questions.SendBatchAsync(w.Desk, batch.Id);
            var template = await templates.CreateTemplateAsync(w.Desk, w.Office.Id, "Aangifte",
                [new QuestionnaireSection("auto", [new QuestionDefinition("auto-zaak", "Auto?", AnswerType.YesNo)])]);
            var questionnaire = (await templates.SendAsync(w.Desk, template.Id, [w.Company.Id])).Single().Questionnaire!;
            return (batch, questionnaire);
        });

        foreach (var party in new[] { stranger, otherOffice, ActingParty.User(w.ClientUserOfOtherCompany.Id) })
        {
            Assert.Null(await Run(db, sp => sp.GetRequiredService<PortalReader>().FindBatchAsync(party, batch.Id)));
            Assert.Null(await Run(db, sp => sp.GetRequiredService<PortalReader>().FindQuestionnaireAsync(party, questionnaire.Id)));
            await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<BackupService>().ListAsync(party, w.Administration.Id)));
        }

        Assert.NotNull(await Run(db, sp => sp.GetRequiredService<PortalReader>().FindBatchAsync(ActingParty.User(w.ClientUser.Id), batch.Id)));
        Assert.NotNull(await Run(db, sp => sp.GetRequiredService<PortalReader>().FindQuestionnaireAsync(ActingParty.User(w.ClientUser.Id), questionnaire.Id)));
        Assert.Empty(await Run(db, sp => sp.GetRequiredService<BackupService>().ListAsync(ActingParty.User(w.ClientUser.Id), w.Administration.Id)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<TransferService>().FollowUpAsync(stranger, TransferRequestId.New())));
    }

    // R: SEC-3
    [SkippableFact]
    public async Task SEC3_nobody_can_act_under_a_label_forged_unknown_deactivated_and_platform_parties_are_refused_client_data()
    {
        await using var db = await NewDatabaseAsync();
        var w = await CollaboratingAsync(db);
        var draft = await Run(db, sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025"));
        var leaver = await Run(db, sp => sp.GetRequiredService<CollabRegistry>().CreateOfficeUserAsync(World.Vendor, w.Office.Id, $"weg.{Guid.NewGuid():N}@devries.nl"));
        await Run(db, sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, leaver.Id));

        foreach (var party in new[] { ActingParty.User(UserId.New()), ActingParty.User(leaver.Id), default, World.Vendor })
        {
            await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(party, draft.Id, new LocalDate(2026, 6, 30))));
            await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(party, w.Office.Id, w.Client.Id, ClientTier.Standard)));
        }

        // The only public way to name a party is a user id; the platform party comes from DI, the system party from nowhere.
        var factories = typeof(ActingParty).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(ActingParty)).Select(m => m.Name);
        Assert.Equal(["User"], factories);
        Assert.Empty(typeof(CollabPlatform).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.Equal(DeliverableState.Draft, (await Run(db, sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(w.Desk, draft.Id)))!.State);
    }

    // R: SEC-3
    [SkippableFact]
    public async Task SEC3_does_not_exist_and_not_yours_read_the_same_and_name_no_tier_title_or_name()
    {
        await using var db = await NewDatabaseAsync();
        var w = await CollaboratingAsync(db);
        var draft = await Run(db, sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Geheime Jaarrekening"));
        var stranger = ActingParty.User(w.OtherOfficeUser.Id);
        var ghost = DeliverableId.New();

        var notYours = await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(stranger, draft.Id, new LocalDate(2026, 6, 30))));
        var missing = await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(stranger, ghost, new LocalDate(2026, 6, 30))));
        var forged = await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(ActingParty.User(UserId.New()), draft.Id, new LocalDate(2026, 6, 30))));

        Assert.Equal(notYours.Message.Replace(draft.Id.ToString(), "ID", StringComparison.Ordinal), missing.Message.Replace(ghost.ToString(), "ID", StringComparison.Ordinal));
        Assert.Equal(notYours.Message, forged.Message);
        foreach (var secret in new[] { "Geheime", "CollaborateExtended", w.Client.Name, w.Company.Name, w.Office.Name })
        {
            Assert.DoesNotContain(secret, notYours.Message, StringComparison.Ordinal);
        }
    }

    // R: SEC-3
    [SkippableFact]
    public async Task SEC3_a_vendor_policy_adds_refusals_and_can_never_allow_what_Collab_refuses()
    {
        var partners = new HashSet<UserId>();
        await using var db = await NewDatabaseAsync(services =>
        {
            services.AddSingleton(partners);
            services.AddCollab().AddAuthorizationPolicy<OnlyPartnersChangeTiers>().AddAuthorizationPolicy<AllowEverything>();
        });
        var w = await CollaboratingAsync(db);

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Run(db, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended)));
        Assert.Equal(("vendor.partners-only", RefusalKind.Forbidden), (refused.Code, refused.Kind));
        partners.Add(w.OfficeUser.Id);
        Assert.Equal(TierChangeStatus.AlreadyOnTier, (await Run(db, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended))).Status); // a partner passes the policy

        // A policy that says yes to everything changes nothing for a party Collab refuses.
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(ActingParty.User(w.OtherOfficeUser.Id), w.Office.Id, w.Client.Id, ClientTier.Standard)));
        Assert.Equal(0, AllowEverything.SawRefusedParty);
    }

    // R: SEC-3
    [SkippableFact]
    public async Task SEC3_refused_attempts_are_counted_by_action_and_leave_no_audit_row()
    {
        await using var db = await NewDatabaseAsync();
        var w = await CollaboratingAsync(db);
        var counted = new List<(long Value, string? Action)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CollabTelemetry.Name && instrument.Name == "collab.authorization.refusals")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var action = tags.ToArray().FirstOrDefault(t => t.Key == "action").Value as string;
            lock (counted)
            {
                counted.Add((value, action));
            }
        });
        listener.Start();
        var before = await World.AuditAsync(db, AuditSubject.Client(w.Client.Id));

        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<TierService>().ChangeTierAsync(ActingParty.User(w.OtherOfficeUser.Id), w.Office.Id, w.Client.Id, ClientTier.Standard)));
        await RefusedAsync(() => Run(db, sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "x")));
        listener.RecordObservableInstruments();

        lock (counted)
        {
            Assert.Contains((1L, "ChangeTier"), counted);
            Assert.Contains((1L, "DraftDeliverable"), counted);
        }

        Assert.Equal(before.Count, (await World.AuditAsync(db, AuditSubject.Client(w.Client.Id))).Count);
    }

    private sealed class OnlyPartnersChangeTiers(HashSet<UserId> partners) : ICollabAuthorizationPolicy
    {
        public ValueTask<Refusal?> CheckAsync(AuthorizationRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(request.Action == CollabAction.ChangeTier && request.User is { } user && !partners.Contains(user.Id)
                ? new Refusal(RefusalKind.Forbidden, "vendor.partners-only", "Only partners change a client's tier: ask a partner of your office.")
                : null);
    }

    private sealed class AllowEverything : ICollabAuthorizationPolicy
    {
        public static int SawRefusedParty;

        public ValueTask<Refusal?> CheckAsync(AuthorizationRequest request, CancellationToken cancellationToken)
        {
            if (request.Action == CollabAction.ChangeTier && request.User?.OfficeId is { } office && request.Target.Type == "client" && request.User.Email.StartsWith("joris.", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref SawRefusedParty); // would mean Collab asked the policy about a party it refuses
            }

            return ValueTask.FromResult<Refusal?>(null);
        }
    }
}

/// <summary>The matrix property, on SQLite (its probes roll back, so one database serves many).</summary>
public sealed class AuthorizationMatrixProperty
{
    private const int Worlds = 5;

    private sealed record Probe(Case Case, ActingParty Party, AuthorizationMatrix.Target Target);

    // R: SEC-3, SEC-1, SEC-5, SEC-6, SEC-7: two offices sharing a client, client users homed at the client or at either office, a
    // pending invitation, an ended collaboration, unbound links of an office and of a client user; reads checked for what they hand back.
    [SkippableFact]
    public void SEC3_SEC5_SEC6_SEC7_every_public_action_and_read_answers_as_DOMAIN_says_for_generated_worlds_and_a_refusal_changes_nothing()
    {
        var inputs = from spec in WorldSpec.Generator from seed in Gen.Choose(0, int.MaxValue) select (spec, seed);
        var property = Prop.ForAll(Arb.From(inputs), input => RunWorldAsync(input.spec, input.seed).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Worlds), property);
    }

    // R: SEC-3
    [Fact]
    public void SEC3_the_matrix_lists_every_public_service_method()
    {
        var services = typeof(CollabRegistry).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && (t.Name.EndsWith("Service", StringComparison.Ordinal) || t.Name == nameof(CollabRegistry) || Deliverables.DeliverableRoleTypes.All.Contains(t)
                || Portal.PortalRoleTypes.All.Contains(t)));
        var methods = services.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .ToHashSet();
        var covered = AuthorizationMatrix.Cases.Select(c => c.Method).Concat(AuthorizationMatrix.Exceptions.Keys).ToHashSet();

        Assert.Empty(methods.Except(covered).Order()); // a new method needs a row (or a reasoned exception)
        Assert.Empty(covered.Except(methods).Order()); // and a row for a method that is gone is a stale row
        Assert.True(methods.Count > 90, $"only {methods.Count} methods found: the reflection missed services");
    }

    private static async Task<bool> RunWorldAsync(WorldSpec spec, int seed)
    {
        await using var db = await TestDatabase.CreateAsync(Engine.Sqlite, null, services =>
        {
            services.AddCollab().AddFileSystemBlobStore(Directory.CreateTempSubdirectory("collab-matrix-").FullName);
            services.AddSingleton<IBookkeepingData>(new FolderBookkeeping());
        });
        var w = await AuthorizationWorld.SeedAsync(db, spec);
        var random = new Random(seed);
        var tables = await TableNamesAsync(db);
        var failures = new List<string>();
        foreach (var c in AuthorizationMatrix.Cases)
        {
            var targets = c.Targets(w);
            foreach (var party in w.Parties)
            {
                var target = targets[random.Next(targets.Count)];
                if (await ProbeAsync(db, tables, w, new Probe(c, party, target)) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        Assert.True(failures.Count == 0, $"world {spec}:\n{string.Join("\n", failures)}");
        return true;
    }

    private static async Task<string?> ProbeAsync(TestDatabase db, string[] tables, AuthorizationWorld w, Probe probe)
    {
        var expected = !probe.Target.Ghost && probe.Case.Allowed(w, probe.Party, probe.Target.Value);
        await using var scope = db.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var context = sp.GetRequiredService<VendorDbContext>();
        await using var transaction = await context.Database.BeginTransactionAsync();
        var before = await SnapshotAsync(context, tables);
        bool allowed;
        object? result = null;
        bool thrown = false;
        var refusedLater = false;
        string detail;
        try
        {
            result = await probe.Case.Invoke(sp, probe.Party, probe.Target.Value);
            allowed = result is not null and not false;
            detail = result is null ? "null" : result is bool b ? b.ToString() : "a result";
        }
        catch (CollabRefusalException e) when (e.Code == CollabAuthorization.RefusedCode || e.Kind == RefusalKind.Forbidden)
        {
            (allowed, thrown, detail) = (false, true, $"{e.Code}: {e.Message}");
        }
        catch (Exception e)
        {
            (allowed, detail) = (true, $"{e.GetType().Name} {(e as CollabRefusalException)?.Code}: {e.Message}"); // the check let it through; something later said no
            refusedLater = e is CollabRefusalException;
        }

        string? failure = null;
        if (probe.Case.MayBeEmpty ? (expected ? thrown : allowed) : allowed != expected)
        {
            failure = $"{probe.Case.Method} by {Describe(w, probe.Party)} on {probe.Target.Value}{(probe.Target.Ghost ? " (ghost)" : string.Empty)}: oracle {(expected ? "allows" : "refuses")}, Collab gave {detail}";
        }
        else if (allowed && result is not null && probe.Case.Leak?.Invoke(w, probe.Party, result) is { } leak)
        {
            failure = $"{probe.Case.Method} by {Describe(w, probe.Party)} on {probe.Target.Value} handed back what its reader may not see (SEC-6): {leak}";
        }
        else if (thrown || refusedLater)
        {
            // SEC-2: whatever refused the call, nothing it added or changed is left for a later save of this context.
            var tracked = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Metadata.ClrType.Name).ToList();
            var after = await SnapshotAsync(context, tables);
            if (tracked.Count > 0 || after != before)
            {
                failure = $"{probe.Case.Method} by {Describe(w, probe.Party)} was refused ({detail}) but left {string.Join(",", tracked)} tracked or changed rows";
            }
        }

        await transaction.RollbackAsync();
        return failure;
    }

    private static string Describe(AuthorizationWorld w, ActingParty party) =>
        party.IsPlatform ? "the platform" : party.UserId is { } id && w.Users.TryGetValue(id, out var u)
            ? $"{(u.IsOffice ? "office" : "client")} user {u.Email}{(u.Home is { } home ? $" (homed at {home})" : string.Empty)}{(u.Active ? string.Empty : " (deactivated)")}{(u.Accepted ? string.Empty : " (invitation pending)")}"
            : party.UserId is null ? "nobody (default)" : "a forged user id";

    private static async Task<string[]> TableNamesAsync(TestDatabase db) => await db.InScopeAsync(async sp =>
    {
        var context = sp.GetRequiredService<VendorDbContext>();
        var names = await context.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name LIKE 'collab_%'").ToListAsync();
        return names.ToArray();
    });

    // Row counts and version sums of every Collab table, read inside the probe's transaction: an insert, delete or update shows.
    private static async Task<string> SnapshotAsync(DbContext context, string[] tables)
    {
        var connection = context.Database.GetDbConnection();
        var parts = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = context.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            parts.Append(table).Append('=').Append(await command.ExecuteScalarAsync()).Append(';');
            command.CommandText = $"SELECT group_concat(name) FROM pragma_table_info('{table}') WHERE name = 'Version'";
            if (await command.ExecuteScalarAsync() is string)
            {
                command.CommandText = $"SELECT COALESCE(SUM(\"Version\"), 0) FROM \"{table}\"";
                parts.Append('v').Append(await command.ExecuteScalarAsync()).Append(';');
            }
        }

        return parts.ToString();
    }
}

public sealed class AuthorizationOnSqlite() : AuthorizationContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class AuthorizationOnPostgres(PostgresServer postgres) : AuthorizationContract(Engine.Postgres, postgres);
