using BenchmarkDotNet.Attributes;
using Collab.Tiers;

namespace Collab.Benchmarks;

/// <summary>
/// Base of the benchmarks over an office with 100 000 clients: one SQLite file per benchmark process, and few
/// long invocations (each one is a whole bulk operation) instead of many short ones.
/// </summary>
[Config(typeof(LargeOperationConfig))]
public abstract class LargeOfficeBenchmark
{
    [Params(100_000)]
    public int Clients { get; set; }

    protected LargeOffice Office { get; private set; } = null!;

    /// <summary>Whether tiers are mixed and every tenth client has extra users (else all Standard, no users).</summary>
    protected abstract bool WithUsers { get; }

    [GlobalSetup]
    public void Setup() => Office = LargeOffice.Create(Clients, ClientTier.Standard, WithUsers);

    [GlobalCleanup]
    public void Cleanup() => Office.Dispose();
}
