using Collab.Registry;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab;

/// <summary>
/// An office's zone and a deadline's reminder moment (RET-1, SHARE-4) for the services that set deadlines: reads the
/// office and asks the <see cref="OfficeCalendar"/>, with <see cref="CollabOptions.ReminderLeadDays"/>; resolved from
/// dependency injection.
/// </summary>
/// <param name="offices">Reads offices (their zone).</param>
/// <param name="calendar">The office calendar.</param>
/// <param name="options">Collab's options: the reminder lead days.</param>
public sealed class OfficeDeadlines(IOfficeStore offices, OfficeCalendar calendar, IOptions<CollabOptions> options)
{
    private readonly int _leadDays = options.Value.ReminderLeadDays;

    /// <summary>The office's zone; an unknown office is refused as not found.</summary>
    internal async Task<DateTimeZone> ZoneAsync(OfficeId office, CancellationToken cancellationToken)
    {
        var found = await offices.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        return calendar.ZoneOf(found);
    }

    /// <summary>The moment the reminder of a task with this deadline day is due (SHARE-4).</summary>
    internal Instant ReminderDueAt(LocalDate deadline, DateTimeZone zone) => Deliverables.Reminders.DueAt(deadline, _leadDays, zone);
}
