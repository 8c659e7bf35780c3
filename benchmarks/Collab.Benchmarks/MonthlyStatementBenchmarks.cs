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
        using var command = BillableClients(connection, "c.Tier");
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

    // The same statement hand-written: the ids and names too, one line per client, sorted by name then id (what
    // Collab returns), so the difference from this row is Collab's own cost and not the extra columns.
    [Benchmark(Description = "ADO.NET: all lines, sorted (the statement Collab returns)")]
    public decimal HandWrittenLines()
    {
        using var connection = new SqliteConnection(Office.ConnectionString);
        connection.Open();
        using var command = BillableClients(connection, "c.ClientId, k.Name, c.Tier");
        var lines = new List<Line>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var tier = reader.GetString(2);
                var extra = tier is "Standard" or "Collaborate" ? 0 : Math.Max(0, reader.GetInt32(3) - 1);
                var price = tier switch { "Standard" => 0.80m, "Collaborate" => 1.10m, _ => 1.65m };
                lines.Add(new Line(reader.GetGuid(0), reader.GetString(1), tier, price, extra, price + (extra * 1.00m)));
            }
        }

        lines.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : a.Client.CompareTo(b.Client));
        var total = 0m;
        foreach (var line in lines)
        {
            total += line.Amount;
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

    // The clients billed in 2026 with their active client users, the columns asked for first.
    private SqliteCommand BillableClients(SqliteConnection connection, string columns)
    {
        var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {columns}, (SELECT COUNT(*) FROM collab_users u WHERE u.ClientId = c.ClientId AND u.IsActive AND u.Kind = 'ClientUser') " +
            "FROM collab_collaborations c JOIN collab_clients k ON k.Id = c.ClientId " +
            "WHERE c.OfficeId = $office AND c.StartsOn <= '2026-12-31' AND (c.EndsOn IS NULL OR c.EndsOn >= '2026-01-01')";
        command.Parameters.AddWithValue("$office", Office.Office.Value.ToString().ToUpperInvariant());
        return command;
    }

    private sealed record Line(Guid Client, string Name, string Tier, decimal Price, int ExtraUsers, decimal Amount);
}
