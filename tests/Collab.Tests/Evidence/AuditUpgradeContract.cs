using Collab.Evidence;
using Collab.Persistence.EfCore;
using Collab.Samples.Web;
using Collab.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Collab.Tests.Evidence;

/// <summary>
/// AUD-2 on upgrade: a database built by the previous release's migrations (schema version 4), with audit rows in it,
/// takes the version 5 migration; its rows land in the chain <c>legacy</c> in their order, get hashed by
/// <see cref="CollabDatabase.ChainExistingAuditRowsAsync"/> and verify, and new rows chain as usual.
/// </summary>
public abstract class AuditUpgradeContract(Engine engine, PostgresServer? postgres)
{
    // R: AUD-2
    [SkippableFact]
    public async Task AUD2_an_upgraded_database_chains_the_audit_rows_it_had_in_their_order_and_they_verify()
    {
        var (context, cleanUp) = await NewEmptyDatabaseAsync();
        try
        {
            var migrations = context.Database.GetMigrations().ToList();
            var lastOfVersion4 = migrations[migrations.FindIndex(m => m.EndsWith("_EvidenceChainsAndReceipts", StringComparison.Ordinal)) - 1];
            await context.GetService<IMigrator>().MigrateAsync(lastOfVersion4);
            Assert.Equal(4, await CollabDatabase.ReadSchemaVersionAsync(context));
            for (var i = 0; i < 25; i++)
            {
                var at = engine == Engine.Sqlite ? (object)(1_780_000_000_000_0000L + (i * 10_000_000L)) : DateTimeOffset.FromUnixTimeSeconds(1_780_000_000 + i);
                await context.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "collab_audit" ("Id", "At", "ActorKind", "ActorId", "Action", "SubjectType", "SubjectId", "Details") VALUES ({0}, {1}, 'ClientUser', {2}, 'ReportApproved', 'report', {3}, {4})""",
                    Guid.NewGuid(), at, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), $"revision={i};note=\"één\"");
            }

            await context.Database.MigrateAsync();
            Assert.Equal(CollabDatabase.SchemaVersion, await CollabDatabase.ReadSchemaVersionAsync(context));
            Assert.Equal(25, await CollabDatabase.ChainExistingAuditRowsAsync(context));
            Assert.Equal(0, await CollabDatabase.ChainExistingAuditRowsAsync(context)); // once is enough; again does nothing

            var rows = (await context.Set<AuditEntry>().AsNoTracking().Where(e => e.Chain == AuditChain.Legacy).OrderBy(e => e.ChainPosition).ToListAsync()).ConvertAll(e => e.ToChainRow());
            var byOrder = await context.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Id).ToListAsync();
            Assert.Equal(byOrder, rows.Select(r => r.Id)); // in the order they were written
            var head = await context.Set<AuditChainHeadEntry>().AsNoTracking().SingleAsync(h => h.Chain == AuditChain.Legacy);
            Assert.True(AuditChain.Verify(AuditChain.Legacy, rows, null, new AuditChainHead(head.Position, head.Hash)).IsIntact);

            var changed = rows.ToList();
            changed[7] = changed[7] with { Details = "revision=7;note=\"twee\"" };
            Assert.Equal(new AuditChainBreak(AuditChainBreakKind.Changed, 8, rows[7].Id), AuditChain.Verify(AuditChain.Legacy, changed, null, new AuditChainHead(head.Position, head.Hash)).FirstBreak);
        }
        finally
        {
            await context.DisposeAsync();
            await cleanUp();
        }
    }

    private async Task<(WebDbContext Context, Func<Task> CleanUp)> NewEmptyDatabaseAsync()
    {
        if (engine == Engine.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"collab-upgrade-{Guid.NewGuid():N}.db");
            var sqlite = new SqliteWebDbContext(new DbContextOptionsBuilder<SqliteWebDbContext>().UseSqlite($"Data Source={file}").Options);
            return (sqlite, () =>
            {
                SqliteConnection.ClearAllPools();
                File.Delete(file);
                return Task.CompletedTask;
            });
        }

        var connectionString = await postgres!.CreateDatabaseAsync();
        var context = new PostgresWebDbContext(new DbContextOptionsBuilder<PostgresWebDbContext>().UseNpgsql(connectionString, n => n.UseNodaTime()).Options);
        return (context, () => postgres.DropDatabaseAsync(connectionString));
    }
}

public sealed class AuditUpgradeOnSqlite() : AuditUpgradeContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class AuditUpgradeOnPostgres(PostgresServer postgres) : AuditUpgradeContract(Engine.Postgres, postgres);
