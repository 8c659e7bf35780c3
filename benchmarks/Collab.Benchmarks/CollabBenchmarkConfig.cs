using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Collab.Benchmarks;

/// <summary>
/// The job of the small, fast benchmarks: BenchmarkDotNet's default for a full run, and a short in-process job
/// when <see cref="CiMode"/> is on (no separate build per benchmark; the CI budget is minutes).
/// </summary>
public sealed class CollabBenchmarkConfig : ManualConfig
{
    public CollabBenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddJob(CiMode
            ? Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ci-short")
            : Job.Default);
    }

    /// <summary>Set by <c>--ci</c> before any benchmark runs.</summary>
    public static bool CiMode { get; set; }
}

/// <summary>
/// The job of the 100 000-client benchmarks: a few long invocations (each one a whole bulk operation) instead of
/// many short ones; in CI, in-process with fewer iterations.
/// </summary>
public sealed class LargeOperationConfig : ManualConfig
{
    public LargeOperationConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        var job = Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithInvocationCount(1).WithUnrollFactor(1);
        AddJob(CollabBenchmarkConfig.CiMode
            ? job.WithWarmupCount(1).WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance).WithId("ci-large")
            : job.WithWarmupCount(1).WithIterationCount(5).WithId("large"));
    }
}
