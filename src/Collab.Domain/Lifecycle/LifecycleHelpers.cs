using Collab.Registry;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Lifecycle;

/// <summary>The lifecycle's dates: now, an office's zone and local day (RET-1), the deletion plan and the free months from the options.</summary>
/// <param name="offices">Reads an office's zone.</param>
/// <param name="clock">The clock.</param>
/// <param name="calendar">The office calendar.</param>
/// <param name="options">Collab's options.</param>
public sealed class LifecycleCalendar(IOfficeStore offices, IClock clock, OfficeCalendar calendar, IOptions<CollabOptions> options)
{
    /// <summary>The lifecycle options.</summary>
    internal LifecycleOptions Options { get; } = options.Value.Lifecycle;

    /// <summary>The office calendar.</summary>
    internal OfficeCalendar Calendar => calendar;

    /// <summary>Now.</summary>
    internal Instant Now() => clock.GetCurrentInstant();

    /// <summary>The zone of the office with <paramref name="office"/>'s id.</summary>
    internal async Task<DateTimeZone> ZoneOfAsync(OfficeId office, CancellationToken cancellationToken) =>
        calendar.ZoneOf((await offices.FindOfficeAsync(office, cancellationToken).ConfigureAwait(false))!);

    /// <summary>The local day of <paramref name="now"/> in the office's zone.</summary>
    internal LocalDate Today(Instant now, Office office) => now.InZone(calendar.ZoneOf(office)).Date;

    /// <summary>The deletion plan for a cancellation at <paramref name="now"/> in the office's zone (RET-1).</summary>
    internal DeletionPlan DeletionPlanAt(Instant now, Office office) =>
        DeletionPlan.For(now, calendar.ZoneOf(office), Options.DeletionDelayDays, Options.DeletionWarningDays);
}

/// <summary>Tells a client's own users and its office's users about its administrations (SEC-5, SEC-7).</summary>
/// <param name="users">Reads the recipients.</param>
/// <param name="notifier">Queues the notifications.</param>
public sealed class LifecycleNotifier(IUserStore users, Notifications.CollabNotifier notifier)
{
    /// <summary>Tells the client's own users and the office's users who may act.</summary>
    internal async Task NotifyAsync(ClientId client, OfficeId office, NotificationKind kind, AuditSubject subject, Texts.TextRef text, CancellationToken cancellationToken)
    {
        // The administrations are the client's own: its own users hear of them, never an office's invitee; nobody who has not accepted yet (SEC-5, SEC-7).
        var clientUsers = (await users.ListClientUsersAsync(client, cancellationToken).ConfigureAwait(false)).OfTheClientsOwn();
        notifier.Users(clientUsers.Concat(await users.OfficeUsersAsync(office, cancellationToken).ConfigureAwait(false)).ThatMayAct(), kind, subject, text);
    }
}
