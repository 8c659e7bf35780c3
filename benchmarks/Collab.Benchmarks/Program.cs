using BenchmarkDotNet.Running;
using Collab.Benchmarks;

// Full run:  dotnet run -c Release --project benchmarks/Collab.Benchmarks -- --filter '*'
// CI gates:  dotnet run -c Release --project benchmarks/Collab.Benchmarks -- --ci benchmarks/targets.json [--filter '*Matching*']
if (args is ["--ci", var targets, .. var rest])
{
    CollabBenchmarkConfig.CiMode = true;
    var filters = rest is ["--filter", .. var patterns] ? patterns : [];
    return BenchmarkGates.Run(targets, filters, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
