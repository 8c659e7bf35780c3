using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Collab.Benchmarks;

/// <summary>One promise a benchmark must keep in CI (see targets.json).</summary>
public sealed record BenchmarkGate(string Benchmark, double? MaxRatio, long? MaxAllocatedBytes, string Reason);

/// <summary>
/// Runs the CI benchmarks and judges them against benchmarks/targets.json with checks that catch a 2× regression
/// without flapping on a noisy 2-core machine: allocated bytes are deterministic and judged exactly; time is judged
/// as the ratio of medians to the baseline measured in the same run. A time gate broken in the first pass is not
/// believed yet: its class runs twice more, and the gate is judged on the median of the three ratios. A real
/// regression breaks every pass; noise rarely breaks two of three.
/// </summary>
public static class BenchmarkGates
{
    /// <summary>How many passes a time gate broken in the first one gets in all.</summary>
    public const int Confirmations = 3;

    public static int Run(string targetsFile, IReadOnlyList<string> filters, TextWriter output)
    {
        var gates = Load(targetsFile);
        var types = typeof(BenchmarkGates).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsPublic: true } && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false)))
            .Where(t => filters.Count == 0 || filters.Any(f => Matches(t.Name, f)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();
        WarmUp(types.FirstOrDefault(), output);
        var passes = new List<List<GateRow>> { Measure(types, gates) };
        for (var pass = 2; pass <= Confirmations; pass++)
        {
            var suspects = types.Where(t => passes[0].Any(r => r.Class == t.Name && BrokenTime(r, gates))).ToArray();
            if (suspects.Length == 0)
            {
                break;
            }

            output.WriteLine($"Pass {pass} of {Confirmations} for gates broken in the first: {string.Join(", ", suspects.Select(t => t.Name))}");
            passes.Add(Measure(suspects, gates));
        }

        return Judge(gates, passes, filters.Count > 0, targetsFile, output);
    }

    // The jobs run in this process, so the first class measured meets EF's code still at tier-0 JIT (its first pass
    // read 35-54x where later passes read 8-11x, and always cost two confirmation passes). Calling its benchmarks for a
    // few seconds first lets tiered compilation finish; later classes share the same code. Classes whose iterations use
    // items up (an iteration set-up) are not called outside BenchmarkDotNet.
    private static void WarmUp(Type? type, TextWriter output)
    {
        static System.Reflection.MethodInfo? With<T>(Type t)
            where T : Attribute => t.GetMethods().FirstOrDefault(m => m.IsDefined(typeof(T), false));

        if (type is null || With<BenchmarkDotNet.Attributes.IterationSetupAttribute>(type) is not null
            || type.GetProperties().Any(p => p.IsDefined(typeof(BenchmarkDotNet.Attributes.ParamsSourceAttribute), false) || p.IsDefined(typeof(BenchmarkDotNet.Attributes.ParamsAttribute), false)))
        {
            return;
        }

        var instance = Activator.CreateInstance(type)!;
        var methods = type.GetMethods().Where(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false)).ToArray();
        With<BenchmarkDotNet.Attributes.GlobalSetupAttribute>(type)?.Invoke(instance, null);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(WarmUpSeconds))
            {
                foreach (var method in methods)
                {
                    if (method.Invoke(instance, null) is Task task)
                    {
                        task.GetAwaiter().GetResult();
                    }
                }
            }
        }
        finally
        {
            With<BenchmarkDotNet.Attributes.GlobalCleanupAttribute>(type)?.Invoke(instance, null);
        }

        output.WriteLine($"Warmed up {type.Name} for {WarmUpSeconds} s before measuring.");
    }

    /// <summary>How long the first class is called before the first pass.</summary>
    public const int WarmUpSeconds = 4;

    private static bool Matches(string name, string pattern) =>
        pattern.Trim('*').Length == 0 || name.Contains(pattern.Trim('*').Split('.')[0], StringComparison.OrdinalIgnoreCase);

    private static List<BenchmarkGate> Load(string targetsFile) =>
        JsonSerializer.Deserialize<GateFile>(File.ReadAllText(targetsFile), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })?.Gates
        ?? throw new InvalidOperationException($"{targetsFile} has no gates.");

    // Only what a gate judges runs in CI: the gated methods and their baselines. The comparison rows of the full run
    // (Stateless, FeatureManagement, the held-open command) are minutes CI does not need.
    private static List<GateRow> Measure(Type[] types, List<BenchmarkGate> gates)
    {
        var config = DefaultConfig.Instance
            .AddExporter(JsonExporter.Brief)
            .WithArtifactsPath(Path.Combine("artifacts", "benchmarks"))
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile)
            .AddFilter(new SimpleFilter(c => c.Descriptor.Baseline || gates.Any(g => g.Benchmark == $"{c.Descriptor.Type.Name}.{c.Descriptor.WorkloadMethod.Name}")));
        var summaries = BenchmarkRunner.Run(types, config);
        return summaries.SelectMany(s => s.Reports.Select(r => Row(s, r))).ToList();
    }

    private static bool BrokenTime(GateRow row, List<BenchmarkGate> gates) =>
        gates.FirstOrDefault(g => g.Benchmark == row.Name) is { MaxRatio: { } max } && (row.Ratio is null || row.Ratio > max);

    private static int Judge(List<BenchmarkGate> gates, List<List<GateRow>> passes, bool filtered, string targetsFile, TextWriter output)
    {
        var failures = new List<string>();
        var judged = new List<JudgedRow>();
        output.WriteLine();
        output.WriteLine($"{"benchmark",-62} {"baseline",-28} {"ratio",7} {"passes",-18} {"allocated",12}  gate");
        foreach (var row in passes[0].OrderBy(r => r.Class, StringComparer.Ordinal).ThenBy(r => r.Baseline is null ? 0 : 1).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            var ratios = passes.Select(p => p.FirstOrDefault(r => r.Key == row.Key)?.Ratio).Where(r => r is not null).Select(r => r!.Value).ToList();
            var ratio = ratios.Count == 0 ? (double?)null : Median(ratios);
            var gate = gates.FirstOrDefault(g => g.Benchmark == row.Name);
            var verdict = gate is null ? "-" : Verdict(row, ratio, gate, failures);
            judged.Add(new JudgedRow(row.Key, row.Baseline, ratio, ratios, row.Allocated, verdict));
            var shown = ratios.Count > 1 ? string.Join(" ", ratios.Select(r => Format(r))) : "";
            output.WriteLine($"{row.Key,-62} {row.Baseline ?? "(is baseline)",-28} {Format(ratio),7} {shown,-18} {Allocated(row.Allocated),12}  {verdict}");
        }

        if (!filtered)
        {
            foreach (var gate in gates.Where(g => passes[0].All(r => r.Name != g.Benchmark)))
            {
                failures.Add($"{gate.Benchmark}: listed in {targetsFile} but it did not run (renamed, or it crashed).");
            }
        }

        Directory.CreateDirectory(Path.Combine("artifacts", "benchmarks"));
        File.WriteAllText(Path.Combine("artifacts", "benchmarks", "ci-gates.json"), JsonSerializer.Serialize(judged, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine();
        foreach (var failure in failures)
        {
            output.WriteLine($"BENCHMARK GATE FAILED: {failure}");
        }

        var count = filtered ? judged.Count(j => j.Verdict != "-") : gates.Count;
        output.WriteLine(failures.Count == 0 ? $"Benchmark gates: all {count} kept." : $"Benchmark gates: {failures.Count} broken.");
        return failures.Count == 0 ? 0 : 1;
    }

    private static string Verdict(GateRow row, double? ratio, BenchmarkGate gate, List<string> failures)
    {
        var problems = new List<string>();
        if (row.Median is null)
        {
            problems.Add("no result (the benchmark failed)");
        }

        if (gate.MaxAllocatedBytes is { } maxBytes && (row.Allocated is null || row.Allocated > maxBytes))
        {
            problems.Add($"allocates {Allocated(row.Allocated)} per operation, more than {maxBytes} B");
        }

        if (gate.MaxRatio is { } maxRatio && (ratio is null || ratio > maxRatio))
        {
            problems.Add($"takes {Format(ratio)}x its baseline {row.Baseline}, more than {maxRatio.ToString(CultureInfo.InvariantCulture)}x");
        }

        if (problems.Count == 0)
        {
            return $"ok ({Describe(gate)})";
        }

        failures.Add($"{row.Key} {string.Join(" and ", problems)}. Why the gate exists: {gate.Reason}");
        return $"FAILED ({Describe(gate)})";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Describe(BenchmarkGate gate) =>
        string.Join(", ", new[] { gate.MaxAllocatedBytes is { } b ? $"<= {b} B" : null, gate.MaxRatio is { } r ? $"<= {r.ToString(CultureInfo.InvariantCulture)}x" : null }.Where(x => x is not null));

    // Time is the median iteration, not the mean: one iteration caught by a page-cache flush or another process
    // moves a mean of five by a fifth of its excess, and a median not at all.
    private static GateRow Row(Summary summary, BenchmarkReport report)
    {
        var descriptor = report.BenchmarkCase.Descriptor;
        var name = $"{descriptor.Type.Name}.{descriptor.WorkloadMethod.Name}";
        var parameters = report.BenchmarkCase.Parameters.DisplayInfo;
        var baseline = descriptor.Baseline
            ? null
            : summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Type == descriptor.Type && r.BenchmarkCase.Descriptor.Baseline
                                                  && r.BenchmarkCase.Parameters.DisplayInfo == parameters);
        var median = report.ResultStatistics?.Median;
        var baselineMedian = baseline?.ResultStatistics?.Median;
        var ratio = median is { } m && baselineMedian is { } b && b > 0 ? m / b : (double?)null;
        long? allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        var key = string.IsNullOrEmpty(parameters) ? name : $"{name} {parameters}";
        return new GateRow(descriptor.Type.Name, name, key, baseline is null ? null : baseline.BenchmarkCase.Descriptor.WorkloadMethod.Name, median, ratio, allocated);
    }

    private static string Format(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Allocated(long? bytes) => bytes is { } b ? $"{b} B" : "?";

    private sealed record GateFile(List<BenchmarkGate> Gates);

    private sealed record GateRow(string Class, string Name, string Key, string? Baseline, double? Median, double? Ratio, long? Allocated);

    public sealed record JudgedRow(string Benchmark, string? Baseline, double? Ratio, IReadOnlyList<double> Passes, long? Allocated, string Verdict);
}
