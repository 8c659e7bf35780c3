using Collab.Persistence.EfCore;
using Collab.Samples.Web;
using Collab.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Collab.Tests.Persistence;

/// <summary>
/// The migrations a vendor runs (the web sample's, one set per provider) build exactly the current model: applied to
/// an empty database they leave no model change unmigrated and the schema check passes. A change to Collab's model
/// without a new migration fails here, so CI catches it before a vendor does.
/// </summary>
public abstract class MigrationContract(Engine engine, PostgresServer? postgres)
{
    [SkippableFact]
    public async Task The_migrations_create_the_current_schema_and_leave_no_model_change_unmigrated()
    {
        var (context, cleanUp) = await NewEmptyDatabaseAsync();
        try
        {
            await context.Database.MigrateAsync();

            Assert.False(context.Database.HasPendingModelChanges(), "Collab's model changed without a migration: add one for each provider (docs/embedding.md, \"Upgrading Collab\").");
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            await CollabDatabase.VerifySchemaAsync(context);
            Assert.Equal(CollabDatabase.SchemaVersion, await CollabDatabase.ReadSchemaVersionAsync(context));
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
            var file = Path.Combine(Path.GetTempPath(), $"collab-migrate-{Guid.NewGuid():N}.db");
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

public sealed class MigrationsOnSqlite() : MigrationContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class MigrationsOnPostgres(PostgresServer postgres) : MigrationContract(Engine.Postgres, postgres);
