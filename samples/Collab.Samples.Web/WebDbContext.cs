using Collab.Persistence.EfCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Collab.Samples.Web;

/// <summary>
/// The host's own DbContext: no Collab base class, one call in <c>OnModelCreating</c>. EF Core migrations belong to
/// one provider, so each provider has its own context type with its own migrations folder (Migrations/Sqlite,
/// Migrations/Postgres); the app resolves <see cref="WebDbContext"/> and never needs to know which.
/// </summary>
public abstract class WebDbContext(DbContextOptions options) : DbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyCollabModel();
}

/// <summary>The web sample on SQLite, the embedded default.</summary>
public sealed class SqliteWebDbContext(DbContextOptions<SqliteWebDbContext> options) : WebDbContext(options);

/// <summary>The web sample on PostgreSQL with NodaTime's column types.</summary>
public sealed class PostgresWebDbContext(DbContextOptions<PostgresWebDbContext> options) : WebDbContext(options);

/// <summary>How <c>dotnet ef migrations add … --context SqliteWebDbContext</c> builds the model; it connects to nothing.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWebDbContext>
{
    public SqliteWebDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWebDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>How <c>dotnet ef migrations add … --context PostgresWebDbContext</c> builds the model; it connects to nothing.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWebDbContext>
{
    public PostgresWebDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWebDbContext>().UseNpgsql("Host=localhost;Database=collab_design_time", n => n.UseNodaTime()).Options);
}
