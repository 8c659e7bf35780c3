using BenchmarkDotNet.Attributes;
using Collab.Tiers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// TIER-7: the statement of November 2026 for an office with a year of history on SQLite — every client changes tier twice
/// in 2026 (tiers mixed), every tenth client is Extended with three client users of whom one leaves during the year.
/// Baseline: hand-written SQL that computes the same lines from the same history (the tier in effect at the month's start,
/// the highest tier taking effect in it, the users active on some day of it), read with ADO.NET and sorted as Collab sorts.
/// Runs at 10 000 and 100 000 clients to show how it grows (CI gates the 100 000 case only).
/// </summary>
public class MonthlyStatementBenchmarks : LargeOfficeBenchmark
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    private static readonly YearMonth Month = new(2026, 11);

    protected override bool WithUsers => true;

    public override IEnumerable<int> ClientCounts => CollabBenchmarkConfig.CiMode ? [100_000] : [10_000, 100_000];

    [Benchmark(Baseline = true, Description = "ADO.NET: the same lines from the same history, sorted")]
    public decimal HandWrittenLines()
    {
        using var connection = new SqliteConnection(Office.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$office", Office.Office.Value.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$start", Amsterdam.AtStartOfDay(Month.OnDayOfMonth(1)).ToInstant().ToUnixTimeTicks());
        command.Parameters.AddWithValue("$end", Amsterdam.AtStartOfDay(Month.PlusMonths(1).OnDayOfMonth(1)).ToInstant().ToUnixTimeTicks());
        var lines = new List<Line>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var tier = Math.Max(reader.IsDBNull(2) ? 0 : reader.GetInt32(2), reader.IsDBNull(3) ? 0 : reader.GetInt32(3));
                var extra = tier == 3 ? Math.Max(0, reader.GetInt32(4) - 1) : 0;
                var price = tier switch { 1 => 0.80m, 2 => 1.10m, _ => 1.65m };
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

    [Benchmark(Description = "Collab BillingService.MonthlyStatementAsync (all lines, from the history)")]
    public async Task<decimal> Collab()
    {
        await using var scope = Office.Provider.CreateAsyncScope();
        var statement = await scope.ServiceProvider.GetRequiredService<BillingService>().MonthlyStatementAsync(Office.Desk, Office.Office, Month);
        return statement.Total;
    }

    // The collaborations that ran in [start, end) with the tier in effect at the start, the highest tier set inside the month
    // (before the end, not replaced at the same instant) and the client users active at some moment of it.
    private const string Sql =
        """
        SELECT c.ClientId, k.Name,
          (SELECT h.Tier FROM collab_tier_history h WHERE h.OfficeId = c.OfficeId AND h.ClientId = c.ClientId AND h."From" <= $start
            ORDER BY h."From" DESC, h.Sequence DESC LIMIT 1),
          (SELECT MAX(h.Tier) FROM collab_tier_history h WHERE h.OfficeId = c.OfficeId AND h.ClientId = c.ClientId AND h."From" > $start AND h."From" < $end
            AND (c.EndsAt IS NULL OR h."From" < c.EndsAt)
            AND NOT EXISTS (SELECT 1 FROM collab_tier_history n WHERE n.OfficeId = h.OfficeId AND n.ClientId = h.ClientId AND n."From" = h."From" AND n.Sequence > h.Sequence)),
          (SELECT COUNT(*) FROM collab_client_user_history a WHERE a.ClientId = c.ClientId AND a.Active AND a.At < $end
            AND NOT EXISTS (SELECT 1 FROM collab_client_user_history d WHERE d.UserId = a.UserId AND NOT d.Active AND (d.At <= $start OR d.At <= a.At)))
        FROM collab_collaborations c JOIN collab_clients k ON k.Id = c.ClientId
        WHERE c.OfficeId = $office AND c.StartsAt < $end AND (c.EndsAt IS NULL OR (c.EndsAt > $start AND c.EndsAt > c.StartsAt))
        """;

    private sealed record Line(Guid Client, string Name, int Tier, decimal Price, int ExtraUsers, decimal Amount);
}
