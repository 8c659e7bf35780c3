using NodaTime;

namespace Collab.Tests.Infrastructure;

/// <summary>A settable clock (NodaTime.Testing is not on this feed). Thread-safe.</summary>
public sealed class FakeClock(Instant start) : IClock
{
    private long _ticks = start.ToUnixTimeTicks();

    public static FakeClock At(int year, int month, int day, int hour = 12) =>
        new(Instant.FromUtc(year, month, day, hour, 0));

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    public void Advance(Duration by) => Interlocked.Add(ref _ticks, by.BclCompatibleTicks);

    public void Set(Instant instant) => Interlocked.Exchange(ref _ticks, instant.ToUnixTimeTicks());
}
