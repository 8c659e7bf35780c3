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
    [ParamsSource(nameof(ClientCounts))]
    public int Clients { get; set; }

    /// <summary>The office sizes to run: 100 000 clients unless a benchmark asks for more sizes.</summary>
    public virtual IEnumerable<int> ClientCounts => [100_000];

    protected LargeOffice Office { get; private set; } = null!;

    /// <summary>Whether tiers are mixed and every tenth client has extra users (else all Standard, no users).</summary>
    protected abstract bool WithUsers { get; }

    [GlobalSetup]
    public void Setup() => Office = LargeOffice.Create(Clients, ClientTier.Standard, WithUsers);

    [GlobalCleanup]
    public void Cleanup() => Office.Dispose();
}
