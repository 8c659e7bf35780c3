using Collab.Registry;
using NodaTime;

namespace Collab;

/// <summary>An office's time zone by its id (RET-1): the office read from its store, its zone from the office calendar.</summary>
/// <param name="offices">Reads offices.</param>
/// <param name="calendar">The office calendar.</param>
public sealed class OfficeZones(IOfficeStore offices, OfficeCalendar calendar)
{
    /// <summary>The office's zone; an unknown office is refused as not found.</summary>
    internal async Task<DateTimeZone> ZoneOfAsync(OfficeId office, CancellationToken cancellationToken)
    {
        var found = await offices.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        return calendar.ZoneOf(found);
    }
}
