using System.Collections.Concurrent;
using Collab.Deliverables;
using Collab.Hosting;
using Collab.Lifecycle;
using Collab.Notifications;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Collab.Tests.Hosting;

/// <summary>Records what was logged, to prove event ids and that no personal data reaches Error level.</summary>
public sealed class CapturingLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, EventId Event, string Message, Exception? Exception)> Entries { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));
    }
}

/// <summary>The one time the scheduler and Collab's business clock read (issue 34): the test database's TimeProvider.</summary>
public sealed class SimulatedTime(TestDatabase db)
{
    public Collab.Stores.Specification.TestTime Provider => db.Clock;

    public void Advance(TimeSpan by) => db.Clock.Advance(by);

    public void Reset(Instant to) => db.Clock.Reset(to);

    /// <summary>Waits (in real time) until every pass of every host has finished its run and waits for a later moment.</summary>
    public async Task IdleAsync(params BackgroundPassMonitor[] monitors)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (monitors.Any(m => m.StartedAt is null || m.Snapshot().Any(p => p.NextRunAt is not { } next || next <= Provider.GetUtcNow())))
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}

/// <summary>Issue 20: the hosted background passes, driven by a fake time provider, on every engine.</summary>
public abstract class BackgroundPassContract(Engine engine, PostgresServer? postgres)
{
    private static readonly LocalDate Start = new(2026, 1, 1);

    private static (IHostedService Host, BackgroundPassMonitor Monitor) HostOf(IServiceProvider services) =>
        (services.GetServices<IHostedService>().Single(), services.GetRequiredService<BackgroundPassMonitor>());

    // The time is made once the database (and its clock) exists; the registration reads it when first resolved.
    private static void Passes(IServiceCollection services, Func<SimulatedTime?> time, Action<BackgroundPassOptions> configure, CapturingLogs? logs = null)
    {
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Debug).AddProvider(logs ?? new CapturingLogs()));
        services.AddCollab().AddBackgroundPasses(o =>
        {
            o.Jitter = 0;
            configure(o);
        });
    }

    // R: SHARE-4, RET-2, LINK-6
    [SkippableFact]
    public async Task Every_pass_runs_on_its_own_interval_in_its_own_scope()
    {
        SimulatedTime? time = null;
        await using var b = await BooksWorld.CreateAsync(engine, postgres, services: s => Passes(s, () => time, o =>
        {
            (o.Outbox, o.DeliverableReminders, o.DeliverableExpiry, o.QuestionnaireReminders) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));
            (o.TransferExpiry, o.LinkPolling, o.Retention) = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
        }));
        time = new SimulatedTime(b.Db);
        var (host, monitor) = HostOf(b.Db.Services);
        await host.StartAsync(CancellationToken.None);
        await time.IdleAsync(monitor);

        for (var step = 0; step < 12; step++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await time.IdleAsync(monitor);
        }

        await host.StopAsync(CancellationToken.None);
        var runs = monitor.Snapshot().ToDictionary(p => p.Name, p => p.Runs);
        Assert.Equal(new Dictionary<string, long>
        {
            [CollabPasses.Outbox] = 13, [CollabPasses.DeliverableReminders] = 7, [CollabPasses.DeliverableExpiry] = 5, [CollabPasses.QuestionnaireReminders] = 4,
            [CollabPasses.TransferExpiry] = 3, [CollabPasses.LinkPolling] = 2, [CollabPasses.Retention] = 2,
        }, runs);
        Assert.All(monitor.Snapshot(), p => Assert.Equal(0, p.ConsecutiveFailures));
    }

    /// <summary>An outbox whose database is down: every call fails, with personal data in the message as real errors carry it.</summary>
    private sealed class BrokenOutbox : IOutboxDispatcher
    {
        public Task<int> DispatchAsync(int max = 100, CancellationToken cancellationToken = default) =>
            throw new CollabRefusalException(new Refusal(RefusalKind.RuleViolation, "test.outage", "The mail relay refused piet@bakker.nl", null));

        public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max = 100, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<OutboxStatus> StatusAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    [SkippableFact]
    public async Task A_failing_pass_backs_off_doubling_and_logs_without_personal_data_while_the_others_keep_their_interval()
    {
        SimulatedTime? time = null;
        var logs = new CapturingLogs();
        await using var b = await BooksWorld.CreateAsync(engine, postgres, services: s =>
        {
            Passes(s, () => time, o => (o.Outbox, o.DeliverableReminders, o.MaxBackOff) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(40)), logs);
            s.AddScoped<IOutboxDispatcher, BrokenOutbox>();
        });
        time = new SimulatedTime(b.Db);
        var (host, monitor) = HostOf(b.Db.Services);
        await host.StartAsync(CancellationToken.None);
        await time.IdleAsync(monitor);

        var outboxStarts = new List<DateTimeOffset>();
        for (var step = 0; step < 30; step++) // 150 seconds
        {
            if (monitor.Snapshot().Single(p => p.Name == CollabPasses.Outbox).LastStartedAt is { } started && !outboxStarts.Contains(started))
            {
                outboxStarts.Add(started);
            }

            time.Advance(TimeSpan.FromSeconds(5));
            await time.IdleAsync(monitor);
        }

        await host.StopAsync(CancellationToken.None);
        var t0 = outboxStarts[0];
        Assert.Equal([0, 10, 30, 70, 110], outboxStarts.Select(s => (s - t0).TotalSeconds).Take(5)); // waits 10, 20, 40, then the 40-second ceiling
        var reminders = monitor.Snapshot().Single(p => p.Name == CollabPasses.DeliverableReminders);
        Assert.Equal((31, 0), (reminders.Runs, reminders.ConsecutiveFailures)); // untouched by the outbox's trouble

        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(CollabEvents.PassFailed, e.Event.Id));
        Assert.All(errors, e => Assert.DoesNotContain("piet@bakker.nl", e.Message, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Null(e.Exception));
        Assert.Contains(errors, e => e.Message.Contains("test.outage", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Event.Id == CollabEvents.PassCompleted || e.Event.Id == CollabEvents.PassIdle);
    }

    [SkippableFact]
    public async Task Shutdown_in_the_middle_of_sending_leaves_no_message_claimed()
    {
        SimulatedTime? time = null;
        await using var b = await BooksWorld.CreateAsync(engine, postgres, services: s => Passes(s, () => time, o =>
            (o.DeliverableReminders, o.DeliverableExpiry, o.QuestionnaireReminders, o.TransferExpiry, o.LinkPolling, o.Retention) =
            (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero)));
        time = new SimulatedTime(b.Db);
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, ClientTier.Standard, Start));
        var draft = await b.Run(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025)));
        await b.Run(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id)); // a DeliverableReady notification waits
        var sending = new TaskCompletionSource();
        b.Sender.HangNextSend = sending;

        var (host, monitor) = HostOf(b.Db.Services);
        await host.StartAsync(CancellationToken.None);
        await sending.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the outbox pass claimed it and is sending
        await host.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await b.Run(sp => sp.GetRequiredService<VendorDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync());
        Assert.Equal(((Instant?)null, (Guid?)null, (Instant?)null, 0), (stored.LeaseUntil, stored.LeaseOwner, stored.DispatchedAt, stored.Attempts));
        Assert.Equal(1, await b.Run(sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync())); // another instance sends it at once
        Assert.Contains(monitor.Snapshot(), p => p.Name == CollabPasses.Outbox && p.ConsecutiveFailures == 0); // a shutdown is not a failure
    }

    // R: SHARE-4, SHARE-3, RET-2, AUD-1
    [SkippableFact]
    public async Task Two_hosts_running_every_pass_for_a_simulated_day_handle_each_item_once()
    {
        SimulatedTime? time = null;
        var fifteen = TimeSpan.FromMinutes(15);
        await using var b = await BooksWorld.CreateAsync(engine, postgres, services: s => Passes(s, () => time, o =>
            (o.Outbox, o.DeliverableReminders, o.DeliverableExpiry, o.QuestionnaireReminders, o.TransferExpiry, o.LinkPolling, o.Retention) =
            (fifteen, fifteen, fifteen, fifteen, fifteen, fifteen, fifteen)));
        time = new SimulatedTime(b.Db);

        // A client's books due for deletion during the day (RET-2) ...
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(World.Vendor, b.W.Office.Id, OfficeModules.AccountantPackage));
        var registered = await b.Run(sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(b.W.Desk, b.W.Office.Id,
            ClientRegistration.WithNewAdministration("Fietsenmaker Fok", "Fok Fietsen B.V.", $"fok.{Guid.NewGuid():N}@fok.nl", "inZicht", BillingParty.Client, TestDatabase.NextNumber(), "Fok 2026")));
        await World.AcceptAsync(b.Db, registered.Invitation);
        b.Books.WriteBooks(registered.Administration.Number, "grootboek Fok"u8.ToArray());
        var schedule = Assert.Single(await b.Run(sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(ActingParty.User(registered.ClientUser.Id), registered.Administration.ClientId)));
        time.Reset(schedule.DueAt - Duration.FromHours(6));

        // ... and approval tasks: one whose reminder is due, one that also expires tonight.
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, ClientTier.Collaborate, Start));
        var today = b.Db.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Date;
        var tasks = new List<DeliverableOfficeView>();
        foreach (var (kind, deadline) in new[] { (DeliverableKind.AnnualReport, today.PlusDays(2)), (DeliverableKind.IncomeTaxReturn, today) })
        {
            tasks.Add(await b.Run(async sp =>
            {
                var draft = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, kind, ReportingPeriod.FinancialYear(2025));
                return (await sp.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id, deadline)).Deliverable;
            }));
        }

        var hosts = new[] { HostOf(b.Db.Services), HostOf(b.Db.NewInstance()) };
        var monitors = hosts.Select(h => h.Monitor).ToArray();
        foreach (var (host, _) in hosts)
        {
            await host.StartAsync(CancellationToken.None);
        }

        await time.IdleAsync(monitors);
        for (var step = 0; step < 24 * 4; step++)
        {
            time.Advance(fifteen);
            await time.IdleAsync(monitors);
        }

        foreach (var (host, _) in hosts)
        {
            await host.StopAsync(CancellationToken.None);
        }

        var sent = b.Sender.Sent.ToList();
        Assert.Equal(sent.Count, sent.Select(n => n.Id).Distinct().Count()); // the outbox, once per message
        Assert.Equal(sent.Count, sent.Select(n => (n.Kind, n.Recipient, n.Subject, n.Text)).Distinct().Count()); // nothing queued twice either
        foreach (var task in tasks)
        {
            Assert.Single(sent, n => n.Kind == NotificationKind.DeadlineReminder && n.Subject == AuditSubject.Deliverable(task.Id) && n.Recipient == b.W.ClientUser.Email);
        }

        var expired = await World.AuditAsync(b.Db, AuditSubject.Deliverable(tasks[1].Id));
        Assert.Single(expired, r => r.Action == AuditAction.DeliverableExpired);
        Assert.DoesNotContain(await World.AuditAsync(b.Db, AuditSubject.Deliverable(tasks[0].Id)), r => r.Action == AuditAction.DeliverableExpired);
        Assert.Single(await World.AuditAsync(b.Db, AuditSubject.Administration(registered.Administration.Id)), r => r.Action == AuditAction.AdministrationDeleted);
        Assert.Null(b.Books.ReadBooks(registered.Administration.Number));
        Assert.Single(sent, n => n.Kind == NotificationKind.AdministrationDeleted && n.Recipient == registered.ClientUser.Email);
        Assert.True(monitors.Sum(m => m.Snapshot().Single(p => p.Name == CollabPasses.Outbox).Runs) >= 2 * 96);
        Assert.Empty(await b.Run(sp => sp.GetRequiredService<IOutboxDispatcher>().ListDeadLettersAsync()));
    }
}

public sealed class BackgroundPassesOnSqlite() : BackgroundPassContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class BackgroundPassesOnPostgres(PostgresServer postgres) : BackgroundPassContract(Engine.Postgres, postgres);
