using NodaTime;

namespace Collab.Deliverables;

/// <summary>
/// Deadline arithmetic on local dates in the office's time zone (SHARE-4, RET-1): the reminder is due on the
/// local date <c>deadline − lead time</c>, from the start of that day; an approval task is open through its
/// deadline day and expires when the next local day starts. DST gaps at midnight are handled by NodaTime's
/// start-of-day rules, so the instants fall on the intended local date; a local date that never existed in the
/// zone (Samoa skipped 30 December 2011) starts when the next existing day starts.
/// </summary>
public static class Reminders
{
    /// <summary>The local date the reminder is due: <paramref name="deadline"/> minus <paramref name="leadDays"/> calendar days.</summary>
    /// <param name="deadline">The last day of the task.</param>
    /// <param name="leadDays">How many days before the deadline, zero or more.</param>
    /// <returns>The reminder date, never after the deadline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leadDays"/> is negative.</exception>
    public static LocalDate ReminderDate(LocalDate deadline, int leadDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leadDays);
        return deadline.PlusDays(-leadDays);
    }

    /// <summary>The instant the reminder becomes due: the start of its local day in the office's zone.</summary>
    /// <param name="deadline">The last day of the task.</param>
    /// <param name="leadDays">Days before the deadline.</param>
    /// <param name="zone">The office's time zone.</param>
    /// <returns>The instant.</returns>
    public static Instant DueAt(LocalDate deadline, int leadDays, DateTimeZone zone) => OfficeCalendar.StartOfDay(ReminderDate(deadline, leadDays), zone);

    /// <summary>The instant a task with this deadline day expires: the start of the next local day in the office's zone.</summary>
    /// <param name="deadline">The last day of the task.</param>
    /// <param name="zone">The office's time zone.</param>
    /// <returns>The instant.</returns>
    public static Instant DeadlinePassesAt(LocalDate deadline, DateTimeZone zone) => OfficeCalendar.StartOfDay(deadline.PlusDays(1), zone);
}
