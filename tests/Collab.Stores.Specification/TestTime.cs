using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Extensions;

namespace Collab.Stores.Specification;

/// <summary>
/// The tests' one source of time (issue 34): a <see cref="FakeTimeProvider"/> registered as the <see cref="TimeProvider"/>;
/// Collab's <see cref="IClock"/> is made from it, so moving it moves the rules and the background passes' timers alike.
/// The NodaTime-shaped members are those of NodaTime's FakeClock, which the tests used before.
/// </summary>
public sealed class TestTime(Instant start) : FakeTimeProvider(start.ToDateTimeOffset())
{
    /// <summary>Now, as an <see cref="Instant"/>.</summary>
    public Instant GetCurrentInstant() => GetUtcNow().ToInstant();

    /// <summary>Moves time forward; due timers fire.</summary>
    public void Advance(Duration by) => Advance(by.ToTimeSpan());

    /// <summary>Moves time forward by whole minutes.</summary>
    public void AdvanceMinutes(long minutes) => Advance(Duration.FromMinutes(minutes));

    /// <summary>Sets the time: forward like <see cref="Advance(Duration)"/>, backward without firing timers.</summary>
    public void Reset(Instant to)
    {
        if (to >= GetCurrentInstant())
        {
            SetUtcNow(to.ToDateTimeOffset());
        }
        else
        {
            AdjustTime(to.ToDateTimeOffset());
        }
    }
}
