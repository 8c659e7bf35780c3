using Collab.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Hosting;

/// <summary>Reads the Collab schema version a database holds; Collab's EF stores register one (<c>AddEntityFrameworkStores</c>).</summary>
public interface ICollabSchemaProbe
{
    /// <summary>The version this Collab needs.</summary>
    int ExpectedVersion { get; }

    /// <summary>The version the database holds, or null when it has no Collab schema.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version.</returns>
    Task<int?> ReadVersionAsync(CancellationToken cancellationToken = default);
}

/// <summary>Where Collab's health checks call a state degraded.</summary>
public sealed class CollabHealthCheckOptions
{
    /// <summary>More pending notifications than this is degraded. Default 1000.</summary>
    public int OutboxBacklog { get; set; } = 1000;

    /// <summary>A pending notification older than this is degraded (the dispatcher is not keeping up). Default 15 minutes.</summary>
    public TimeSpan OutboxOldest { get; set; } = TimeSpan.FromMinutes(15);
}

internal sealed class SchemaHealthCheck(ICollabSchemaProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var found = await probe.ReadVersionAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["expected"] = probe.ExpectedVersion, ["found"] = (object?)found ?? "none" };
        return found == probe.ExpectedVersion
            ? HealthCheckResult.Healthy($"Collab schema version {found}.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, found is null
                ? $"The database has no Collab schema; this Collab needs version {probe.ExpectedVersion}: apply the migrations."
                : $"The database holds Collab schema version {found}; this Collab needs {probe.ExpectedVersion}: apply the migrations.", data: data);
    }
}

internal sealed class OutboxHealthCheck(IOutboxDispatcher outbox, IClock clock, IOptions<CollabHealthCheckOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await outbox.StatusAsync(cancellationToken).ConfigureAwait(false);
        var oldest = status.OldestPendingSince is { } since ? clock.GetCurrentInstant() - since : Duration.Zero;
        var data = new Dictionary<string, object> { ["pending"] = status.Pending, ["oldestPendingSeconds"] = Math.Round(oldest.TotalSeconds), ["deadLetters"] = status.DeadLetters };
        var limits = options.Value;
        if (status.DeadLetters > 0)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{status.DeadLetters} notifications were given up (dead letters): see IOutboxDispatcher.ListDeadLettersAsync.", data: data);
        }

        return status.Pending > limits.OutboxBacklog || oldest.ToTimeSpan() > limits.OutboxOldest
            ? HealthCheckResult.Degraded($"{status.Pending} notifications wait, the oldest for {oldest.TotalMinutes:0} minutes.", data: data)
            : HealthCheckResult.Healthy($"{status.Pending} notifications wait.", data);
    }
}

internal sealed class PassesHealthCheck(IServiceProvider services, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var monitor = services.GetService<BackgroundPassMonitor>();
        if (monitor?.StartedAt is not { } started)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Collab's background passes are not hosted in this process."));
        }

        var late = services.GetRequiredService<IOptions<BackgroundPassOptions>>().Value.LateAfterIntervals;
        var now = time.GetUtcNow();
        var data = new Dictionary<string, object>();
        var lateOnes = new List<string>();
        foreach (var pass in monitor.Snapshot())
        {
            var since = now - (pass.LastCompletedAt ?? started);
            data[$"{pass.Name}.secondsSinceCompleted"] = Math.Round(since.TotalSeconds);
            data[$"{pass.Name}.failures"] = pass.ConsecutiveFailures;
            if (since > pass.Interval * late)
            {
                lateOnes.Add(pass.Name);
            }
        }

        return Task.FromResult(lateOnes.Count == 0
            ? HealthCheckResult.Healthy("Every Collab pass ran on time.", data)
            : HealthCheckResult.Degraded($"Late: {string.Join(", ", lateOnes)} (no completed run for {late} intervals).", data: data));
    }
}
