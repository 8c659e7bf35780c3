using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Extensions;

namespace Collab;

/// <summary>
/// Collab's <see cref="IClock"/> is made from the registered <see cref="TimeProvider"/> (NodaTime's
/// <c>TimeProvider.ToClock()</c>), so there is one source of time. A vendor's own <see cref="IClock"/> is refused:
/// when registered before <c>AddCollab</c>, by <c>AddCollab</c>; when registered after it, at start-up (options validation).
/// </summary>
internal static class OneClock
{
    internal const string Message =
        "Collab makes its NodaTime IClock from the registered TimeProvider, so rules, links and background passes read one time: " +
        "register a TimeProvider (for example FakeTimeProvider in tests) instead of an IClock.";

    private static readonly Type ClockType = TimeProvider.System.ToClock().GetType();

    internal static readonly ServiceDescriptor Descriptor = ServiceDescriptor.Singleton<IClock>(Create);

    private static IClock Create(IServiceProvider services) => services.GetRequiredService<TimeProvider>().ToClock();

    internal static void RefuseForeignClock(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IClock) && !ReferenceEquals(d, Descriptor)))
        {
            throw new InvalidOperationException(Message);
        }
    }

    /// <summary>True when the clocks resolved are exactly Collab's own, made from the TimeProvider.</summary>
    internal static bool IsOnlyOurs(IEnumerable<IClock> clocks) => clocks.Select(c => c.GetType()).ToList() is [var only] && only == ClockType;
}
