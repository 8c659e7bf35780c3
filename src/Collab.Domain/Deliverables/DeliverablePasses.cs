using Collab.Notifications;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>
/// The deliverables' background passes, run from a scheduler (see <c>CollabPasses</c>): deadline reminders of open
/// approval tasks (SHARE-4, through the one <see cref="DeadlineReminderPass"/>) and the expiry of tasks whose deadline
/// passed (SHARE-3, RET-3). Safe with several instances.
/// </summary>
/// <param name="store">Finds the due tasks.</param>
/// <param name="reminders">The one deadline-reminder pass.</param>
/// <param name="notifier">Tells the office of an expiry.</param>
/// <param name="unitOfWork">Saves each task on its own.</param>
/// <param name="clock">The clock.</param>
public sealed class DeliverablePasses(IDeliverableStore store, DeadlineReminderPass reminders, CollabNotifier notifier, ICollabUnitOfWork unitOfWork, IClock clock)
{
    private static readonly ReminderRule<Deliverable> Reminder = new(
        NotificationKind.DeadlineReminder, d => AuditSubject.Deliverable(d.Id), d => d.Title, d => new("notification.approval-reminder", d.Title, d.Deadline!.Value));

    private readonly IDeliverableStore _store = store;
    private readonly DeadlineReminderPass _reminders = reminders;
    private readonly CollabNotifier _notifier = notifier;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;

    /// <summary>
    /// Queues the deadline reminder of every open approval task whose reminder is due (SHARE-4), each at most
    /// once, even when several scheduler instances run this at the same time. Run it from a scheduler. A client whose
    /// tier has no <see cref="Tiers.Feature.DeadlineReminders"/> at that moment gets none (SHARE-11).
    /// </summary>
    /// <param name="max">At most this many per call.</param>
    /// <param name="cancellationToken">Cancels between tasks.</param>
    /// <returns>How many reminders this call queued.</returns>
    public async Task<int> SendDueRemindersAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        var due = await _store.FindDueRemindersAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false);
        return await _reminders.RunAsync(due, Reminder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks approval tasks whose deadline passed as expired (SHARE-3, RET-3). Safe with several instances.</summary>
    /// <param name="max">At most this many per call.</param>
    /// <param name="cancellationToken">Cancels between tasks.</param>
    /// <returns>How many this call expired.</returns>
    public async Task<int> ExpireOverdueAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        var due = await _store.FindOverdueAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false);
        return await _unitOfWork.RunAsync(due, async deliverable =>
        {
            deliverable.Expire(_clock.GetCurrentInstant());
            await _notifier.OfficeUsersAsync(deliverable.OfficeId, NotificationKind.DeliverableDecided, AuditSubject.Deliverable(deliverable.Id), new("notification.report-expired", deliverable.Title), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
