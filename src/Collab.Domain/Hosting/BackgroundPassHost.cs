using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Hosting;

/// <summary>
/// Runs every background pass on its own interval, each run in its own DI scope (issue 20). The waits are jittered so
/// many instances do not fire together, and a failing pass backs off (doubling, up to <see cref="BackgroundPassOptions.MaxBackOff"/>)
/// without stopping the others. Correct with several instances on one database: the passes claim their work
/// themselves (BackgroundPass, the outbox's leases). Time comes from <see cref="TimeProvider"/>, so tests drive it.
/// A wait is <c>Task.Delay</c> on the time provider rather than a <c>PeriodicTimer</c>: each wait differs (jitter,
/// back-off), and a fixed-period timer would queue a tick while a long run is still busy.
/// </summary>
internal sealed partial class BackgroundPassHost(
    IServiceScopeFactory scopes, IOptions<BackgroundPassOptions> options, TimeProvider time, BackgroundPassMonitor monitor, ILogger<BackgroundPassHost> logger) : BackgroundService
{
    private readonly BackgroundPassOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var passes = CollabPasses.From(_options);
        monitor.Start(passes, time.GetUtcNow());
        LogStarting(logger, passes.Count, string.Join(", ", passes.Select(p => $"{p.Name} every {p.Interval}")));
        return Task.WhenAll(passes.Select(p => Task.Run(() => LoopAsync(p, stoppingToken), CancellationToken.None)));
    }

    private async Task LoopAsync(CollabPass pass, CancellationToken stop)
    {
        var failures = 0;
        var wait = TimeSpan.FromTicks((long)(pass.Interval.Ticks * _options.Jitter * Random.Shared.NextDouble())); // the first run: soon, not all at once
        try
        {
            while (!stop.IsCancellationRequested)
            {
                monitor.Update(pass.Name, s => s with { NextRunAt = time.GetUtcNow() + wait });
                await Task.Delay(wait, time, stop).ConfigureAwait(false);
                failures = await RunOnceAsync(pass, failures, stop).ConfigureAwait(false) ? 0 : failures + 1;
                wait = NextWait(pass.Interval, failures);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutdown: the run in progress saw the token; what it claimed it released or its lease runs out.
        }

        LogStopped(logger, pass.Name);
    }

    private async Task<bool> RunOnceAsync(CollabPass pass, int failures, CancellationToken stop)
    {
        var started = time.GetUtcNow();
        monitor.Update(pass.Name, s => s with { LastStartedAt = started, Runs = s.Runs + 1 });
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var items = await pass.Run(scope.ServiceProvider, _options.BatchSize, stop).ConfigureAwait(false);
            var completed = time.GetUtcNow();
            monitor.Update(pass.Name, s => s with { LastCompletedAt = completed, LastItems = items, ConsecutiveFailures = 0 });
            if (items > 0)
            {
                LogCompleted(logger, pass.Name, items, (completed - started).TotalMilliseconds);
            }
            else
            {
                LogIdle(logger, pass.Name);
            }

            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Never the message at Error level: refusals and provider errors can carry names, e-mail addresses or tokens.
            var next = NextWait(pass.Interval, failures + 1);
            monitor.Update(pass.Name, s => s with { ConsecutiveFailures = failures + 1 });
            LogFailed(logger, pass.Name, exception.GetType().Name, (exception as CollabRefusalException)?.Code ?? "-", failures + 1, next);
            LogFailedDetail(logger, pass.Name, exception);
            return false;
        }
    }

    private TimeSpan NextWait(TimeSpan interval, int failures)
    {
        var baseWait = failures == 0 ? interval : TimeSpan.FromTicks(Math.Min(Math.Max(interval.Ticks, _options.MaxBackOff.Ticks), interval.Ticks * (1L << Math.Min(failures, 20))));
        var factor = 1 + (_options.Jitter * ((Random.Shared.NextDouble() * 2) - 1));
        return TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(baseWait.Ticks * factor)));
    }

    [LoggerMessage(EventId = CollabEvents.PassesStarting, Level = LogLevel.Information, Message = "Collab background passes starting: {Count} ({Passes})")]
    private static partial void LogStarting(ILogger logger, int count, string passes);

    [LoggerMessage(EventId = CollabEvents.PassCompleted, Level = LogLevel.Information, Message = "Collab pass {Pass} handled {Items} items in {Milliseconds:0} ms")]
    private static partial void LogCompleted(ILogger logger, string pass, int items, double milliseconds);

    [LoggerMessage(EventId = CollabEvents.PassIdle, Level = LogLevel.Debug, Message = "Collab pass {Pass} found nothing due")]
    private static partial void LogIdle(ILogger logger, string pass);

    [LoggerMessage(EventId = CollabEvents.PassFailed, Level = LogLevel.Error, Message = "Collab pass {Pass} failed ({ExceptionType}, code {Code}); failure {Failures} in a row, next try in {NextTry}")]
    private static partial void LogFailed(ILogger logger, string pass, string exceptionType, string code, int failures, TimeSpan nextTry);

    [LoggerMessage(EventId = CollabEvents.PassFailedDetail, Level = LogLevel.Debug, Message = "Collab pass {Pass} failure detail (may contain personal data)")]
    private static partial void LogFailedDetail(ILogger logger, string pass, Exception exception);

    [LoggerMessage(EventId = CollabEvents.PassStopped, Level = LogLevel.Information, Message = "Collab pass {Pass} stopped")]
    private static partial void LogStopped(ILogger logger, string pass);
}

/// <summary>The event ids of Collab's log messages, stable across versions, so operators can alert on them.</summary>
public static class CollabEvents
{
    /// <summary>The background passes are starting (Information).</summary>
    public const int PassesStarting = 20_100;

    /// <summary>A pass handled items (Information): pass name, count, duration.</summary>
    public const int PassCompleted = 20_101;

    /// <summary>A pass found nothing due (Debug).</summary>
    public const int PassIdle = 20_102;

    /// <summary>A pass failed and backs off (Error): pass name, exception type, refusal code, failures in a row, next try.</summary>
    public const int PassFailed = 20_103;

    /// <summary>The failure's exception (Debug, since its message may hold personal data).</summary>
    public const int PassFailedDetail = 20_104;

    /// <summary>A pass stopped at shutdown (Information).</summary>
    public const int PassStopped = 20_105;
}
