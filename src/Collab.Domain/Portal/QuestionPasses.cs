using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;
using NodaTime;

namespace Collab.Portal;

/// <summary>
/// The platform's background pass over questionnaires: deadline reminders by SHARE-4's rule (SHARE-9). Run by the hosted
/// passes (<see cref="Hosting.CollabPasses"/>) or a host's own scheduler; resolved from dependency injection.
/// </summary>
/// <param name="questionnaires">Reads questionnaires.</param>
/// <param name="reminders">The one deadline-reminder pass (SHARE-4).</param>
/// <param name="clock">The clock.</param>
public sealed class QuestionPasses(IQuestionnaireStore questionnaires, DeadlineReminderPass reminders, IClock clock)
{
    private readonly IQuestionnaireStore _questionnaires = questionnaires;
    private readonly DeadlineReminderPass _reminders = reminders;
    private readonly IClock _clock = clock;

    /// <summary>
    /// Queues the deadline reminder of every open questionnaire whose reminder is due (SHARE-4's rule reused), each once,
    /// even with several scheduler instances. The text is the office's house-style reminder when the client's tier includes it;
    /// a tier without <see cref="Feature.DeadlineReminders"/> at that moment gets none (SHARE-11).
    /// </summary>
    /// <param name="max">At most this many per call.</param>
    /// <param name="cancellationToken">Cancels between questionnaires.</param>
    /// <returns>How many reminders this call queued.</returns>
    public async Task<int> SendDueRemindersAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        var due = await _questionnaires.FindDueQuestionnaireRemindersAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false);
        return await _reminders.RunAsync(due, Reminder, cancellationToken).ConfigureAwait(false);
    }

    private static readonly ReminderRule<Questionnaire> Reminder = new(
        NotificationKind.QuestionnaireReminder, q => AuditSubject.Client(q.ClientId), q => q.Name, q => new("notification.questionnaire-reminder", q.Name, q.Deadline!.Value));
}
