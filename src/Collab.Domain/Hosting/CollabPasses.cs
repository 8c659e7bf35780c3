using Collab.Deliverables;
using Collab.Lifecycle;
using Collab.Links;
using Collab.Notifications;
using Collab.Portal;
using Collab.Transfers;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Hosting;

/// <summary>One background pass: its name, how often it runs, and what one run does (in its own DI scope).</summary>
/// <param name="Name">The pass's name, as logs, metrics and the health check show it.</param>
/// <param name="Interval">How often it runs.</param>
/// <param name="Run">One run; returns how many items it handled.</param>
internal sealed record CollabPass(string Name, TimeSpan Interval, Func<IServiceProvider, int, CancellationToken, Task<int>> Run);

/// <summary>The names of Collab's background passes, and what each one runs.</summary>
public static class CollabPasses
{
    /// <summary>Delivers the outbox.</summary>
    public const string Outbox = "outbox";

    /// <summary>Deadline reminders of approval tasks.</summary>
    public const string DeliverableReminders = "deliverable-reminders";

    /// <summary>Expiry of overdue approval tasks.</summary>
    public const string DeliverableExpiry = "deliverable-expiry";

    /// <summary>Questionnaire reminders.</summary>
    public const string QuestionnaireReminders = "questionnaire-reminders";

    /// <summary>Expiry of transfer requests.</summary>
    public const string TransferExpiry = "transfer-expiry";

    /// <summary>Polling of linked apps.</summary>
    public const string LinkPolling = "link-polling";

    /// <summary>Retention: warnings, blocking, deletion.</summary>
    public const string Retention = "retention";

    internal static IReadOnlyList<CollabPass> From(BackgroundPassOptions options) =>
    [
        .. new CollabPass[]
        {
            new(Outbox, options.Outbox, static (sp, max, ct) => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync(max, ct)),
            new(DeliverableReminders, options.DeliverableReminders, static (sp, max, ct) => sp.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync(max, ct)),
            new(DeliverableExpiry, options.DeliverableExpiry, static (sp, max, ct) => sp.GetRequiredService<DeliverablePasses>().ExpireOverdueAsync(max, ct)),
            new(QuestionnaireReminders, options.QuestionnaireReminders, static (sp, max, ct) => sp.GetRequiredService<QuestionPasses>().SendDueRemindersAsync(max, ct)),
            new(TransferExpiry, options.TransferExpiry, static (sp, max, ct) => sp.GetRequiredService<TransferService>().ExpireDueAsync(max, ct)),
            new(LinkPolling, options.LinkPolling, static async (sp, max, ct) => (await sp.GetRequiredService<LinkPollService>().PollDueAsync(max, ct).ConfigureAwait(false)).Sent),
            new(Retention, options.Retention, static async (sp, max, ct) =>
            {
                var result = await sp.GetRequiredService<RetentionPassService>().RunPassAsync(max, ct).ConfigureAwait(false);
                return result.Warned + result.Blocked + result.Deleted;
            }),
        }.Where(p => p.Interval > TimeSpan.Zero),
    ];
}
