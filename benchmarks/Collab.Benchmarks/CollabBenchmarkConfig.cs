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
            ? Job.ShortRun.WithIterationCount(CiIterations).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(CiIterationMilliseconds)).WithToolchain(InProcessEmitToolchain.Instance).WithId("ci-short")
            : Job.Default);
    }

    /// <summary>Set by <c>--ci</c> before any benchmark runs.</summary>
    public static bool CiMode { get; set; }

    /// <summary>Iterations per benchmark in CI: the gates judge their median, so one disturbed iteration does not move it.</summary>
    public const int CiIterations = 5;

    /// <summary>
    /// How long one CI iteration of a small benchmark runs: a fifth of BenchmarkDotNet's default, so the whole gate run
    /// stays a few minutes while each iteration still holds thousands of operations (millions for the sub-ns checks).
    /// </summary>
    public const int CiIterationMilliseconds = 100;
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
            ? job.WithWarmupCount(1).WithIterationCount(CollabBenchmarkConfig.CiIterations).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true)).WithId("ci-large")
            : job.WithWarmupCount(1).WithIterationCount(5).WithId("large"));
    }
}

/// <summary>
/// The job of benchmarks whose operation uses something up (a link is spent once, a party consents once): a fixed
/// invocation count, so the iteration set-up can make exactly that many fresh items; in CI, in-process.
/// </summary>
public abstract class OneItemPerInvocationConfig : ManualConfig
{
    protected OneItemPerInvocationConfig(int itemsPerIteration, string id)
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        var job = Job.Default.WithInvocationCount(itemsPerIteration).WithUnrollFactor(1);
        AddJob(CollabBenchmarkConfig.CiMode
            ? job.WithWarmupCount(1).WithIterationCount(CollabBenchmarkConfig.CiIterations).WithToolchain(InProcessEmitToolchain.Instance).WithId($"ci-{id}")
            : job.WithWarmupCount(2).WithIterationCount(10).WithId(id));
    }
}
