using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Reports;

namespace Collab.Benchmarks;

/// <summary>One promise a benchmark must keep in CI (see targets.json).</summary>
public sealed record BenchmarkGate(string Benchmark, double? MaxRatio, long? MaxAllocatedBytes, string Reason);

/// <summary>
/// Judges a CI benchmark run against benchmarks/targets.json with checks that cannot flap: allocated bytes are
/// deterministic, and time is judged only as a ratio to the baseline measured in the same run, with tolerances
/// wide enough for a noisy machine but tight enough to catch an order-of-magnitude regression.
/// </summary>
public static class BenchmarkGates
{
    public static int Check(IReadOnlyList<Summary> summaries, string targetsFile, TextWriter output)
    {
        var gates = JsonSerializer.Deserialize<GateFile>(File.ReadAllText(targetsFile), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })?.Gates
                    ?? throw new InvalidOperationException($"{targetsFile} has no gates.");
        var rows = summaries.SelectMany(s => s.Reports.Select(r => Row(s, r)))
            .OrderBy(r => r.Name[..r.Name.IndexOf('.', StringComparison.Ordinal)], StringComparer.Ordinal).ThenBy(r => r.Baseline is null ? 0 : 1).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var failures = new List<string>();

        output.WriteLine();
        output.WriteLine($"{"benchmark",-52} {"baseline",-36} {"ratio",7} {"allocated",10}  gate");
        foreach (var row in rows)
        {
            var gate = gates.FirstOrDefault(g => g.Benchmark == row.Name);
            var verdict = gate is null ? "-" : Verdict(row, gate, failures);
            output.WriteLine($"{row.Name,-52} {row.Baseline ?? "(is baseline)",-36} {Format(row.Ratio),7} {Allocated(row.Allocated),10}  {verdict}");
        }

        foreach (var gate in gates.Where(g => rows.All(r => r.Name != g.Benchmark)))
        {
            failures.Add($"{gate.Benchmark}: listed in {targetsFile} but it did not run (renamed, or it crashed).");
        }

        File.WriteAllText(Path.Combine("artifacts", "benchmarks", "ci-gates.json"), JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine();
        foreach (var failure in failures)
        {
            output.WriteLine($"BENCHMARK GATE FAILED: {failure}");
        }

        output.WriteLine(failures.Count == 0 ? $"Benchmark gates: all {gates.Count} kept." : $"Benchmark gates: {failures.Count} broken.");
        return failures.Count == 0 ? 0 : 1;
    }

    private static string Verdict(GateRow row, BenchmarkGate gate, List<string> failures)
    {
        var problems = new List<string>();
        if (row.Mean is null)
        {
            problems.Add("no result (the benchmark failed)");
        }

        if (gate.MaxAllocatedBytes is { } maxBytes && (row.Allocated is null || row.Allocated > maxBytes))
        {
            problems.Add($"allocates {Allocated(row.Allocated)} per operation, more than {maxBytes} B");
        }

        if (gate.MaxRatio is { } maxRatio && (row.Ratio is null || row.Ratio > maxRatio))
        {
            problems.Add($"takes {Format(row.Ratio)}x its baseline {row.Baseline}, more than {maxRatio.ToString(CultureInfo.InvariantCulture)}x");
        }

        if (problems.Count == 0)
        {
            return $"ok ({Describe(gate)})";
        }

        failures.Add($"{row.Name} {string.Join(" and ", problems)}. Why the gate exists: {gate.Reason}");
        return $"FAILED ({Describe(gate)})";
    }

    private static string Describe(BenchmarkGate gate) =>
        string.Join(", ", new[] { gate.MaxAllocatedBytes is { } b ? $"<= {b} B" : null, gate.MaxRatio is { } r ? $"<= {r.ToString(CultureInfo.InvariantCulture)}x" : null }.Where(x => x is not null));

    private static GateRow Row(Summary summary, BenchmarkReport report)
    {
        var descriptor = report.BenchmarkCase.Descriptor;
        var name = $"{descriptor.Type.Name}.{descriptor.WorkloadMethod.Name}";
        var parameters = report.BenchmarkCase.Parameters.DisplayInfo;
        var baseline = descriptor.Baseline
            ? null
            : summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Type == descriptor.Type && r.BenchmarkCase.Descriptor.Baseline
                                                  && r.BenchmarkCase.Parameters.DisplayInfo == parameters);
        var mean = report.ResultStatistics?.Mean;
        var baselineMean = baseline?.ResultStatistics?.Mean;
        var ratio = mean is { } m && baselineMean is { } b && b > 0 ? m / b : (double?)null;
        long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        return new GateRow(name, baseline is null ? null : $"{descriptor.Type.Name}.{baseline.BenchmarkCase.Descriptor.WorkloadMethod.Name}", mean, ratio, allocated);
    }

    private static string Format(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Allocated(long? bytes) => bytes is { } b ? $"{b} B" : "?";

    private sealed record GateFile(List<BenchmarkGate> Gates);

    public sealed record GateRow(string Name, string? Baseline, double? Mean, double? Ratio, long? Allocated);
}
