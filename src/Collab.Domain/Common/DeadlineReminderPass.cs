using Collab.Notifications;
using Collab.Texts;
using Collab.Tiers;
using NodaTime;

namespace Collab;

/// <summary>A task with a deadline whose reminder a pass queues (SHARE-4): a deliverable shared for approval, a questionnaire.</summary>
internal interface IDeadlineTask
{
    OfficeId OfficeId { get; }

    ClientId ClientId { get; }

    CompanyId CompanyId { get; }

    LocalDate? Deadline { get; }

    Instant? ReminderSentAt { get; }

    /// <summary>The client's tier has no reminders when this one falls due (SHARE-11): none is sent, and none will be.</summary>
    void SkipReminder();

    /// <summary>Records the reminder as queued; a task refuses a second one (SHARE-4).</summary>
    void MarkReminderSent(Instant now);
}

/// <summary>What a kind of task's reminder is: its notification kind, subject, title and Collab's own text.</summary>
internal sealed record ReminderRule<T>(NotificationKind Kind, Func<T, AuditSubject> Subject, Func<T, string> Title, Func<T, TextRef> Text);

/// <summary>
/// The one deadline-reminder pass, for every kind of task (SHARE-4): each due task is reminded at most once per reminder
/// rule — a task already reminded is passed over, however often the scheduler runs, however many instances run it, and
/// whatever a store hands back — and only while the client's tier includes <see cref="Feature.DeadlineReminders"/> at that
/// moment (SHARE-11). The text is the office's own when its house style applies (SHARE-10).
/// </summary>
/// <param name="unitOfWork">Saves each task on its own.</param>
/// <param name="clock">The clock.</param>
/// <param name="gate">Reads the client's tier now.</param>
/// <param name="notifier">Queues the reminder for the client's users.</param>
public sealed class DeadlineReminderPass(ICollabUnitOfWork unitOfWork, IClock clock, FeatureGate gate, CollabNotifier notifier)
{
    internal Task<int> RunAsync<T>(IEnumerable<T> due, ReminderRule<T> rule, CancellationToken cancellationToken)
        where T : class, IDeadlineTask =>
        unitOfWork.RunAsync(due, async task =>
        {
            if (task.ReminderSentAt is not null || task.Deadline is not { } deadline)
            {
                return false; // SHARE-4: once per task, even when the scheduler runs twice or a store hands a reminded task back
            }

            if (!await gate.AllowsAsync(task.OfficeId, task.ClientId, Feature.DeadlineReminders, cancellationToken).ConfigureAwait(false))
            {
                task.SkipReminder(); // SHARE-11, TIER-2: the catalogue is data, so a vendor's tier may approve without reminders; read it now
                return false;
            }

            task.MarkReminderSent(clock.GetCurrentInstant());
            var text = await notifier.ReminderTextAsync(task.OfficeId, task.ClientId, rule.Title(task), deadline, rule.Text(task), cancellationToken).ConfigureAwait(false);
            await notifier.ClientUsersAsync(task.OfficeId, task.ClientId, task.CompanyId, rule.Kind, rule.Subject(task), text, null, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
