using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>
/// How Collab stores NodaTime values on a provider without native NodaTime types (SQLite; PostgreSQL without
/// <c>UseNodaTime()</c>), for your own entities too. Collab's own entities get them by convention in
/// <see cref="CollabModelBuilderExtensions.ApplyCollabModel"/>.
/// </summary>
public static class CollabConverters
{
    /// <summary>
    /// Stores an <see cref="Instant"/> as Unix ticks cut to whole microseconds (toward the past), the precision
    /// PostgreSQL's <c>timestamp with time zone</c> keeps, so a value reads back the same on every engine.
    /// </summary>
    public static ValueConverter<Instant, long> Instant { get; } =
        new(value => InstantPrecision.ToMicroseconds(value).ToUnixTimeTicks(), ticks => NodaTime.Instant.FromUnixTimeTicks(ticks));

    /// <summary>Stores a <see cref="LocalDate"/> (ISO calendar, years 1 to 9999) as a date.</summary>
    public static ValueConverter<LocalDate, DateOnly> LocalDate { get; } =
        new(value => value.ToDateOnly(), date => NodaTime.LocalDate.FromDateOnly(date));

    /// <summary>
    /// Cuts an <see cref="Instant"/> to whole microseconds (toward the past) and leaves the rest to a provider that
    /// maps instants natively (PostgreSQL with <c>UseNodaTime()</c>), so values round-trip exactly there too.
    /// </summary>
    public static ValueConverter<Instant, Instant> MicrosecondInstant { get; } =
        new(value => InstantPrecision.ToMicroseconds(value), value => value);
}

/// <summary>The one place that decides how precisely an instant is stored.</summary>
public static class InstantPrecision
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>
    /// The instant cut to whole microseconds, toward the past: what every Collab store keeps. Compare a value you
    /// saved with what you read back through this.
    /// </summary>
    /// <param name="value">The instant.</param>
    /// <returns>The instant without its sub-microsecond ticks.</returns>
    public static Instant ToMicroseconds(Instant value)
    {
        var ticks = value.ToUnixTimeTicks();
        return NodaTime.Instant.FromUnixTimeTicks(ticks - (((ticks % TicksPerMicrosecond) + TicksPerMicrosecond) % TicksPerMicrosecond));
    }
}
