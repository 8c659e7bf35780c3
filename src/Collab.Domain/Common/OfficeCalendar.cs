using Collab.Registry;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.TimeZones;

namespace Collab;

/// <summary>
/// The one place that turns instants into an office's local dates and back (RET-1): every deadline, reminder,
/// free month, expiry and deletion day is a local date in the office's IANA time zone, with NodaTime's calendar
/// arithmetic across month ends, leap days and daylight-saving changes. Zones come from the registered
/// <see cref="IDateTimeZoneProvider"/> (TZDB unless the host registered another first). A singleton; thread-safe.
/// </summary>
public sealed class OfficeCalendar
{
    private readonly IDateTimeZoneProvider _zones;

    /// <summary>Creates the calendar; resolved from dependency injection.</summary>
    /// <param name="zones">Where zones come from.</param>
    /// <param name="options">Collab's options: <see cref="CollabOptions.DefaultTimeZoneId"/> for offices not yet known.</param>
    /// <exception cref="ArgumentException">The default zone is not known to <paramref name="zones"/>.</exception>
    public OfficeCalendar(IDateTimeZoneProvider zones, IOptions<CollabOptions> options)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(options);
        _zones = zones;
        DefaultZone = zones.GetZoneOrNull(options.Value.DefaultTimeZoneId)
            ?? throw new ArgumentException($"Collab:DefaultTimeZoneId '{options.Value.DefaultTimeZoneId}' is not a known time zone.", nameof(options));
    }

    /// <summary>The zone of <see cref="CollabOptions.DefaultTimeZoneId"/> (Europe/Amsterdam unless configured).</summary>
    public DateTimeZone DefaultZone { get; }

    /// <summary>The office's time zone.</summary>
    /// <param name="office">The office.</param>
    /// <returns>Its zone; the default zone if its id is no longer known to the provider.</returns>
    public DateTimeZone ZoneOf(Office office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return _zones.GetZoneOrNull(office.TimeZoneId) ?? DefaultZone;
    }

    /// <summary>Finds a zone by its IANA id.</summary>
    /// <param name="zoneId">The id, such as Europe/Amsterdam.</param>
    /// <returns>The zone, or null when the provider does not know it.</returns>
    public DateTimeZone? FindZone(string? zoneId) => string.IsNullOrWhiteSpace(zoneId) ? null : _zones.GetZoneOrNull(zoneId);

    /// <summary>The local date at the office when <paramref name="instant"/> happens.</summary>
    /// <param name="office">The office.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>The office's local date.</returns>
    public LocalDate DateOf(Office office, Instant instant) => instant.InZone(ZoneOf(office)).Date;

    /// <summary>The instant the local <paramref name="date"/> starts at the office.</summary>
    /// <param name="office">The office.</param>
    /// <param name="date">The local date.</param>
    /// <returns>The first instant of that day in the office's zone.</returns>
    public Instant StartOfDay(Office office, LocalDate date) => StartOfDay(date, ZoneOf(office));

    /// <summary>
    /// The instant the local <paramref name="date"/> starts in <paramref name="zone"/>. A DST gap at midnight starts the
    /// day at the gap's end; a day the zone skipped entirely (Samoa, 30 December 2011) starts when the next day starts.
    /// </summary>
    /// <param name="date">The local date.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The day's first instant.</returns>
    public static Instant StartOfDay(LocalDate date, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        try
        {
            return date.AtStartOfDayInZone(zone).ToInstant();
        }
        catch (SkippedTimeException)
        {
            // The whole day was skipped: the lenient resolver moves forward over the gap to the next day's start.
            return zone.ResolveLocal(date.AtMidnight(), Resolvers.LenientResolver).ToInstant();
        }
    }

    /// <summary>The local date a calendar period after <paramref name="date"/>: "90 days" and "one month" as a person counts them.</summary>
    /// <param name="date">The start.</param>
    /// <param name="period">The period, such as <c>Period.FromDays(90)</c> or <c>Period.FromMonths(1)</c>; negative counts back.</param>
    /// <returns>The date; a month from 31 January is the last day of February.</returns>
    public static LocalDate Add(LocalDate date, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return date.Plus(period);
    }
}
