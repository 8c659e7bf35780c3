using Collab.Authorization;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Benchmarks;

/// <summary>
/// A throwaway SQLite file with Collab registered on a pooled <see cref="BenchmarkDbContext"/>, for the scan and
/// page benchmarks: one office, client and company to hang rows on, and the raw-SQL side's row reader.
/// </summary>
internal sealed class BenchmarkSqlite : IDisposable
{
    private BenchmarkSqlite(string file, ServiceProvider provider)
    {
        File = file;
        Provider = provider;
    }

    public string File { get; }

    public ServiceProvider Provider { get; }

    public string ConnectionString => $"Data Source={File}";

    public static BenchmarkSqlite Create()
    {
        var file = Path.Combine(Path.GetTempPath(), $"collab-bench-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddDbContextPool<BenchmarkDbContext>(o => o.UseSqlite($"Data Source={file}"));
        services.AddCollab().AddEntityFrameworkStores<BenchmarkDbContext>();
        var database = new BenchmarkSqlite(file, services.BuildServiceProvider());
        using var scope = database.Provider.CreateScope();
        CollabDatabase.EnsureCreatedAsync(scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>()).GetAwaiter().GetResult();
        return database;
    }

    /// <summary>Registers an office, a client and one company of it through Collab's own services.</summary>
    public (OfficeId Office, ClientId Client, CompanyId Company) SeedOfficeClientCompany()
    {
        using var scope = Provider.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<CollabRegistry>();
        var actor = scope.ServiceProvider.GetRequiredService<CollabPlatform>().Operator("bench");
        var office = registry.RegisterOfficeAsync(actor, "Kantoor").GetAwaiter().GetResult().Id;
        var client = registry.RegisterClientAsync(actor, "Klant").GetAwaiter().GetResult().Id;
        var company = registry.AddCompanyAsync(actor, client, "Klant B.V.").GetAwaiter().GetResult().Id;
        return (office, client, company);
    }

    /// <summary>The raw-SQL baselines' read: a pooled connection per call, every row materialized as Collab's are.</summary>
    public int ReadRows(string sql, Action<SqliteParameterCollection> parameters)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters(command.Parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows.Count;
    }

    public void Dispose()
    {
        Provider.Dispose();
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
    }
}
