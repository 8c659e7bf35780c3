namespace Collab.Hosting;

/// <summary>What one background pass last did, as the monitor saw it.</summary>
/// <param name="Name">The pass.</param>
/// <param name="Interval">How often it should run.</param>
/// <param name="LastStartedAt">When its last run started.</param>
/// <param name="LastCompletedAt">When its last run completed without an error.</param>
/// <param name="LastItems">How many items its last completed run handled.</param>
/// <param name="ConsecutiveFailures">How many runs failed since the last completed one.</param>
/// <param name="Runs">Runs since the host started.</param>
/// <param name="NextRunAt">When the next run is due.</param>
public sealed record PassStatus(string Name, TimeSpan Interval, DateTimeOffset? LastStartedAt, DateTimeOffset? LastCompletedAt, int LastItems, int ConsecutiveFailures, long Runs, DateTimeOffset? NextRunAt);

/// <summary>
/// The background passes' state in this process, for the health check and for operators' pages. Registered by
/// <c>AddBackgroundPasses()</c>; thread-safe.
/// </summary>
public sealed class BackgroundPassMonitor
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PassStatus> _passes = new(StringComparer.Ordinal);

    /// <summary>When the host started its passes; null until it did.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Every pass's status, by name.</summary>
    /// <returns>A copy.</returns>
    public IReadOnlyList<PassStatus> Snapshot()
    {
        lock (_gate)
        {
            return [.. _passes.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];
        }
    }

    internal void Start(IEnumerable<CollabPass> passes, DateTimeOffset now)
    {
        lock (_gate)
        {
            StartedAt = now;
            foreach (var pass in passes)
            {
                _passes[pass.Name] = new PassStatus(pass.Name, pass.Interval, null, null, 0, 0, 0, null);
            }
        }
    }

    internal void Update(string name, Func<PassStatus, PassStatus> change)
    {
        lock (_gate)
        {
            _passes[name] = change(_passes[name]);
        }
    }
}
