namespace Collab.Hosting;

/// <summary>
/// How often each of Collab's background passes runs, set with <c>AddCollab().AddBackgroundPasses(o => …)</c>. Every
/// interval is 1 second to 7 days; a pass set to <see cref="TimeSpan.Zero"/> is not run by this host (another host may).
/// </summary>
public sealed class BackgroundPassOptions
{
    /// <summary>The outbox: delivers queued notifications. Default every 5 seconds.</summary>
    public TimeSpan Outbox { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deadline reminders of approval tasks (SHARE-4). Default every 5 minutes.</summary>
    public TimeSpan DeliverableReminders { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Expiry of approval tasks whose deadline passed (SHARE-3, RET-3). Default every 5 minutes.</summary>
    public TimeSpan DeliverableExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Questionnaire reminders (SHARE-9). Default every 5 minutes.</summary>
    public TimeSpan QuestionnaireReminders { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Expiry of transfer requests (XFER-2, RET-3). Default every 5 minutes.</summary>
    public TimeSpan TransferExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Polling of linked apps (LINK-6). Default every minute: each link is polled only when its own interval
    /// (<see cref="CollabOptions.LinkPollIntervalMinutes"/>) has passed, so this is how soon a due link is seen.
    /// </summary>
    public TimeSpan LinkPolling { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Retention: warnings, blocking and deletion on their calendar days (RET-2). Default every hour.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far each wait is moved at random, as a fraction of the interval (0 … 0.5), so many instances do not fire
    /// together. Default 0.1 (±10 %).
    /// </summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>The longest wait after repeated failures of a pass (the wait doubles per failure, from its interval). Default 15 minutes.</summary>
    public TimeSpan MaxBackOff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many items one run of a pass handles at most. Default 200.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>The health check calls a pass late when it has not completed for this many intervals (plus the back-off). Default 3.</summary>
    public double LateAfterIntervals { get; set; } = 3;

    internal IEnumerable<string> Validate()
    {
        foreach (var (name, interval) in Intervals())
        {
            if (interval != TimeSpan.Zero && (interval < TimeSpan.FromSeconds(1) || interval > TimeSpan.FromDays(7)))
            {
                yield return $"Collab background pass '{name}' runs every {interval}: use 1 second to 7 days, or TimeSpan.Zero to leave it to another host.";
            }
        }

        if (Jitter is < 0 or > 0.5 || double.IsNaN(Jitter))
        {
            yield return $"Collab background passes: Jitter is {Jitter}: use 0 to 0.5.";
        }

        if (BatchSize is < 1 or > 10_000)
        {
            yield return $"Collab background passes: BatchSize is {BatchSize}: use 1 to 10000.";
        }

        if (MaxBackOff < TimeSpan.FromSeconds(1) || LateAfterIntervals < 1 || double.IsNaN(LateAfterIntervals))
        {
            yield return "Collab background passes: MaxBackOff must be at least 1 second and LateAfterIntervals at least 1.";
        }
    }

    internal IEnumerable<(string Name, TimeSpan Interval)> Intervals() =>
    [
        (CollabPasses.Outbox, Outbox), (CollabPasses.DeliverableReminders, DeliverableReminders), (CollabPasses.DeliverableExpiry, DeliverableExpiry),
        (CollabPasses.QuestionnaireReminders, QuestionnaireReminders), (CollabPasses.TransferExpiry, TransferExpiry), (CollabPasses.LinkPolling, LinkPolling),
        (CollabPasses.Retention, Retention),
    ];
}
