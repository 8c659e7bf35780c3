using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Collab.Deliverables;
using Collab.Evidence;
using Collab.Notifications;
using Collab.Persistence.EfCore;
using Collab.Tests.Infrastructure;
using Collab.Tests.Transfers;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Deliverables;

/// <summary>
/// 0.6.0 names a deliverable one way (issue 34): what was stored under the old "report" names still reads, hashes and
/// verifies. Audit rows keep their stored action names (AUD-2: the hash covers them); outbox rows queued before the
/// upgrade read their old kinds; tier catalogues and callers that use the old feature names and refusal codes still work.
/// </summary>
public abstract class DeliverableRenameContract(Engine engine, PostgresServer? postgres)
{
    private readonly RecordingSender _sender = new();

    // R: AUD-2 — a row written before the rename hashes exactly as it did: the canonical array spelled out by hand
    // with the old stored name, as 0.5.0 wrote it, gives the hash AuditChain computes for the renamed member.
    [Theory]
    [InlineData(AuditAction.DeliverableDrafted, "ReportDrafted")]
    [InlineData(AuditAction.DeliverableShared, "ReportShared")]
    [InlineData(AuditAction.DeliverableViewed, "ReportViewed")]
    [InlineData(AuditAction.DeliverableApproved, "ReportApproved")]
    [InlineData(AuditAction.DeliverableRejected, "ReportRejected")]
    [InlineData(AuditAction.DeliverableExpired, "ReportExpired")]
    public void AUD2_a_renamed_action_keeps_its_stored_name_and_the_hash_rows_written_before_the_rename_carry(AuditAction action, string stored)
    {
        var id = Guid.Parse("0193a5f0-0000-7000-8000-000000000001");
        var at = Instant.FromUnixTimeTicks(17_800_000_000_000_000L);
        var row = new AuditChainRow("office:x", 1, id, at, ActorKind.ClientUser, "u-1", action, "report", "d-1", "revision=1", AuditChain.Genesis, string.Empty);
        var before = $"[\"office:x\",\"{id}\",{at.ToUnixTimeTicks() / 10},\"ClientUser\",\"u-1\",\"{stored}\",\"report\",\"d-1\",\"revision=1\",\"{AuditChain.Genesis}\"]";

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(before))), AuditChain.Hash(row));
        Assert.Equal(stored, AuditActionNames.Stored(action));
        Assert.Equal(action, AuditActionNames.Parse(stored));
        Assert.Equal(action, AuditActionNames.Parse(action.ToString())); // the code name reads too
    }

    // R: AUD-2 — a chain written through the stores after the rename still holds the old names and verifies.
    [SkippableFact]
    public async Task AUD2_a_deliverable_s_trail_is_stored_under_the_old_action_names_and_its_chain_verifies()
    {
        await using var db = await NewDatabaseAsync();
        var (w, draft, _) = await SharedAsync(db, ClientTier.Collaborate, new LocalDate(2026, 4, 30));
        await db.InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(w.ClientUser.Id), draft.Id));

        var stored = await RawAsync<string>(db, typeof(AuditEntry), "Action", "SubjectId", draft.Id.ToString());
        Assert.Equal(["ReportApproved", "ReportDrafted", "ReportShared"], stored.Where(s => s.StartsWith("Report", StringComparison.Ordinal)));
        Assert.DoesNotContain(stored, s => s.StartsWith("Deliverable", StringComparison.Ordinal));

        var entries = await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.Contains(entries, e => e.Action == AuditAction.DeliverableApproved && e.SubjectId == draft.Id.ToString());
        foreach (var chain in entries.GroupBy(e => e.Chain))
        {
            var rows = chain.OrderBy(e => e.ChainPosition).Select(e => e.ToChainRow()).ToList();
            Assert.True(AuditChain.Verify(chain.Key, rows).IsIntact, chain.Key);
        }
    }

    // An outbox row queued by 0.5.0 (kind "ReportReady") is delivered after the upgrade as DeliverableReady.
    [SkippableFact]
    public async Task An_outbox_row_queued_under_the_old_kind_name_is_delivered_with_the_new_kind()
    {
        await using var db = await NewDatabaseAsync();
        var (w, draft, shared) = await SharedAsync(db, ClientTier.Standard, null);
        Assert.Contains("DeliverableReady", await RawAsync<string>(db, typeof(OutboxMessage), "Kind", "SubjectId", draft.Id.ToString())); // new rows store the new name

        await ExecuteAsync(db, typeof(OutboxMessage), "UPDATE {0} SET \"Kind\" = 'ReportReady' WHERE \"Kind\" = 'DeliverableReady'");
        Assert.Contains("ReportReady", await RawAsync<string>(db, typeof(OutboxMessage), "Kind", "SubjectId", draft.Id.ToString()));
        await db.InScopeAsync(sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1000));

        var ready = Assert.Single(_sender.Sent, n => n.Recipient == w.ClientUser.Email && n.Reference == shared.LinkToken);
        Assert.Equal(NotificationKind.DeliverableReady, ready.Kind);
        Assert.Equal(shared.LinkToken, ready.Reference);
    }

    // R: TIER-2, TIER-3 — a vendor's catalogue written with the pre-0.6.0 feature names reads as the renamed features.
    [Fact]
    public void TIER2_a_catalogue_with_the_old_feature_names_grants_the_renamed_features()
    {
        var options = TierCatalogueOptions.CreateDefault();
        options.Standard!.Features = ["DownloadReports", "manageannualreports"];
        options.Collaborate!.Features = [.. options.Standard.Features, "ShareAndApproveAnnualReports", nameof(Feature.DeadlineReminders), "ShareAnnualReportDashboard"];
        options.CollaborateExtended!.Features = [.. options.Collaborate.Features, .. options.CollaborateExtended.Features.Skip(5)];

        var catalogue = TierCatalogue.Create(options);

        Assert.Equal(TierCatalogue.Default.FeaturesOf(ClientTier.Standard), catalogue.FeaturesOf(ClientTier.Standard));
        Assert.Equal(TierCatalogue.Default.FeaturesOf(ClientTier.Collaborate), catalogue.FeaturesOf(ClientTier.Collaborate));
        Assert.True(catalogue.Allows(ClientTier.Standard, Feature.ManageDeliverables));
        Assert.False(FeatureNames.TryParse("1", out _));
        Assert.False(FeatureNames.TryParse("AnnualReports", out _));
    }

    // The old refusal codes stay aliases for one minor version: a caller that matches "report.not-viewable" still matches.
    [Fact]
    public void The_old_report_codes_are_aliases_of_the_deliverable_codes()
    {
        var refused = new CollabRefusalException(new Refusal(RefusalKind.Forbidden, "deliverable.not-viewable", "no"));
        Assert.True(refused.Is("deliverable.not-viewable"));
        Assert.True(refused.Is("report.not-viewable"));
        Assert.False(refused.Is("report.deadline-passed"));
        Assert.Equal("report.approve-not-permitted", RefusalCodes.LegacyOf("deliverable.approve-not-permitted"));
        Assert.Equal("report.reminder-already-sent", RefusalCodes.LegacyOf("deliverable.reminder-already-sent"));
        Assert.Null(RefusalCodes.LegacyOf("deliverable.kind-unknown")); // a deliverable code since it was made
        Assert.Null(RefusalCodes.LegacyOf("link.spent"));
    }

    // A world whose client is at the tier, with an annual report drafted and shared.
    private static async Task<(World W, DeliverableOfficeView Draft, ShareResult Shared)> SharedAsync(TestDatabase db, ClientTier tier, LocalDate? deadline)
    {
        var w = await World.SeedAsync(db);
        await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, tier, new LocalDate(2026, 1, 1)));
        var draft = await db.InScopeAsync(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025"));
        var shared = await db.InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id, deadline));
        return (w, draft, shared);
    }

    private Task<TestDatabase> NewDatabaseAsync() =>
        TestDatabase.CreateAsync(engine, postgres, services => services.AddSingleton<INotificationSender>(_sender));

    private static string Table(DbContext context, Type entity)
    {
        var type = context.Model.FindEntityType(entity)!;
        return type.GetSchema() is { } schema ? $"\"{schema}\".\"{type.GetTableName()}\"" : $"\"{type.GetTableName()}\"";
    }

    // What the database holds, past the value converters.
    private static Task<List<T>> RawAsync<T>(TestDatabase db, Type entity, string column, string whereColumn, string equals) =>
        db.InScopeAsync(async sp =>
        {
            var context = sp.GetRequiredService<VendorDbContext>();
            var connection = context.Database.GetDbConnection();
            await context.Database.OpenConnectionAsync();
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT \"{column}\" FROM {Table(context, entity)} WHERE \"{whereColumn}\" = @v ORDER BY 1";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@v";
            parameter.Value = equals;
            command.Parameters.Add(parameter);
            var values = new List<T>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetFieldValue<T>(0));
            }

            return values;
        });

    private static Task ExecuteAsync(TestDatabase db, Type entity, string sql) =>
        db.InScopeAsync(sp =>
        {
            var context = sp.GetRequiredService<VendorDbContext>();
            return context.Database.ExecuteSqlRawAsync(sql.Replace("{0}", Table(context, entity), StringComparison.Ordinal));
        });
}

public sealed class DeliverableRenameOnSqlite() : DeliverableRenameContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class DeliverableRenameOnPostgres(PostgresServer postgres) : DeliverableRenameContract(Engine.Postgres, postgres);
