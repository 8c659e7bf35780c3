using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab;

/// <summary>
/// An office's zone and a deadline's reminder moment (RET-1, SHARE-4) for the services that set deadlines: the zone
/// from <see cref="OfficeZones"/>, with <see cref="CollabOptions.ReminderLeadDays"/>; resolved from dependency injection.
/// </summary>
/// <param name="zones">An office's zone.</param>
/// <param name="options">Collab's options: the reminder lead days.</param>
public sealed class OfficeDeadlines(OfficeZones zones, IOptions<CollabOptions> options)
{
    private readonly int _leadDays = options.Value.ReminderLeadDays;

    /// <summary>The office's zone; an unknown office is refused as not found.</summary>
    internal Task<DateTimeZone> ZoneAsync(OfficeId office, CancellationToken cancellationToken) => zones.ZoneOfAsync(office, cancellationToken);

    /// <summary>The moment the reminder of a task with this deadline day is due (SHARE-4).</summary>
    internal Instant ReminderDueAt(LocalDate deadline, DateTimeZone zone) => Deliverables.Reminders.DueAt(deadline, _leadDays, zone);
}
