using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;
using Collab.Benchmarks;

// Full run:  dotnet run -c Release --project benchmarks/Collab.Benchmarks -- --filter '*'
// CI gates:  dotnet run -c Release --project benchmarks/Collab.Benchmarks -- --ci benchmarks/targets.json
if (args is ["--ci", var targets, ..])
{
    CollabBenchmarkConfig.CiMode = true;
    var config = DefaultConfig.Instance
        .AddExporter(JsonExporter.Brief)
        .WithArtifactsPath(Path.Combine("artifacts", "benchmarks"))
        .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).RunAll(config).ToList();
    return BenchmarkGates.Check(summaries, targets, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
