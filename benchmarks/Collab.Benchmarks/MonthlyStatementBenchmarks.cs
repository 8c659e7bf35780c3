using BenchmarkDotNet.Attributes;
using Collab.Tiers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// TIER-7: the monthly statement of an office with 100 000 clients (tiers mixed, every tenth client with
/// extra users) on SQLite. Baseline: one hand-written query that sums the same amounts in SQL, returning no lines.
/// </summary>
public class MonthlyStatementBenchmarks : LargeOfficeBenchmark
{
    protected override bool WithUsers => true;

    [Benchmark(Baseline = true, Description = "ADO.NET SUM in SQL (total only)")]
    public decimal HandWrittenTotal()
    {
        using var connection = new SqliteConnection(Office.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT c.Tier, (SELECT COUNT(*) FROM collab_users u WHERE u.ClientId = c.ClientId AND u.IsActive AND u.Kind = 'ClientUser') " +
            "FROM collab_collaborations c JOIN collab_clients k ON k.Id = c.ClientId " +
            "WHERE c.OfficeId = $office AND c.StartsOn <= '2026-12-31' AND (c.EndsOn IS NULL OR c.EndsOn >= '2026-01-01')";
        command.Parameters.AddWithValue("$office", Office.Office.Value.ToString().ToUpperInvariant());
        var total = 0m;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var users = reader.GetInt32(1);
            total += reader.GetString(0) switch
            {
                "Standard" => 0.80m,
                "Collaborate" => 1.10m,
                _ => 1.65m + Math.Max(0, users - 1) * 1.00m,
            };
        }

        return total;
    }

    [Benchmark(Description = "Collab BillingService.MonthlyStatementAsync (all lines)")]
    public async Task<decimal> Collab()
    {
        await using var scope = Office.Provider.CreateAsyncScope();
        var statement = await scope.ServiceProvider.GetRequiredService<BillingService>().MonthlyStatementAsync(Office.Desk, Office.Office, new YearMonth(2026, 11));
        return statement.Total;
    }
}
