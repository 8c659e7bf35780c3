using System.Globalization;
using System.Text.Json;

namespace Collab.LoadTest;

/// <summary>The load test's report: a table per setup and level, the invariants, a latency plot, and results.json.</summary>
internal static class Report
{
    private static readonly string[] Operations = ["portal", "link-open", "link-confirm", "consent"];

    public static void Write(IReadOnlyList<SetupResult> results, LoadOptions options, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Load test: {options.PerLevel.TotalSeconds:0} s per level (at most {options.MaxRequestsPerLevel} requests), loopback, {Environment.ProcessorCount} cores.");
        output.WriteLine();
        output.WriteLine("| setup | clients | requests | req/s | p50 ms | p95 ms | p99 ms | errors | " + string.Join(" | ", Operations.Select(o => $"{o} p95")) + " |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|" + string.Concat(Operations.Select(_ => "---:|")));
        foreach (var result in results)
        {
            foreach (var level in result.Levels)
            {
                var all = level.Samples.Where(s => s.Operation != "transport").Select(s => s.Milliseconds).Order().ToArray();
                var perOperation = Operations.Select(o => Format(Percentile(level.Samples.Where(s => s.Operation == o).Select(s => s.Milliseconds).Order().ToArray(), 0.95)));
                output.WriteLine($"| {result.Setup} | {level.Clients} | {level.Samples.Count} | {level.Samples.Count / level.Elapsed.TotalSeconds:0} | {Format(Percentile(all, 0.50))} | {Format(Percentile(all, 0.95))} | {Format(Percentile(all, 0.99))} | {level.Errors} | {string.Join(" | ", perOperation)} |");
            }
        }

        output.WriteLine();
        foreach (var result in results)
        {
            output.WriteLine($"{result.Setup}: " + string.Join("; ", result.Invariants.Select(i => $"{(i.Held ? "held" : "BROKEN")}: {i.Name} ({i.Detail})")));
            foreach (var error in result.Errors)
            {
                output.WriteLine($"  error: {error}");
            }
        }

        // A Mermaid chart renders in the Markdown of GitHub and most viewers: p95 latency against clients, one line per setup.
        output.WriteLine();
        output.WriteLine("```mermaid");
        output.WriteLine("xychart-beta");
        output.WriteLine("    title \"p95 latency (ms) against concurrent clients: " + string.Join(", ", results.Select(r => r.Setup)) + "\"");
        output.WriteLine($"    x-axis \"concurrent clients\" [{string.Join(", ", options.Levels)}]");
        output.WriteLine("    y-axis \"p95 ms\"");
        foreach (var result in results)
        {
            output.WriteLine("    line [" + string.Join(", ", result.Levels.Select(l => Format(Percentile(l.Samples.Select(s => s.Milliseconds).Order().ToArray(), 0.95)))) + "]");
        }

        output.WriteLine("```");
        output.WriteLine(results.All(r => r.Passed) ? "Load test passed: no errors, every invariant held." : "LOAD TEST FAILED: see the errors and invariants above.");

        Directory.CreateDirectory(options.Output);
        var json = results.Select(r => new
        {
            r.Setup,
            r.Passed,
            Levels = r.Levels.Select(l => new
            {
                l.Clients,
                Requests = l.Samples.Count,
                Seconds = l.Elapsed.TotalSeconds,
                l.Errors,
                Operations = Operations.Select(o => (o, l.Samples.Where(s => s.Operation == o).Select(s => s.Milliseconds).Order().ToArray()))
                    .Select(p => new { Operation = p.o, Count = p.Item2.Length, P50 = OrNull(Percentile(p.Item2, 0.5)), P95 = OrNull(Percentile(p.Item2, 0.95)), P99 = OrNull(Percentile(p.Item2, 0.99)) }),
            }),
            r.Invariants,
            r.Errors,
        });
        File.WriteAllText(Path.Combine(options.Output, "results.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double? OrNull(double value) => double.IsNaN(value) ? null : value;

    private static string Format(double milliseconds) => double.IsNaN(milliseconds) ? "-" : milliseconds.ToString(milliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
