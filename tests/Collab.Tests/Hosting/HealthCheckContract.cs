using Collab.Deliverables;
using Collab.Hosting;
using Collab.Notifications;
using Collab.Persistence.EfCore;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Collab.Tests.Hosting;

/// <summary>Issue 20: Collab's health checks — healthy, degraded and unhealthy, with their numbers — on every engine.</summary>
public abstract class HealthCheckContract(Engine engine, PostgresServer? postgres)
{
    private Task<BooksWorld> WorldAsync(Action<IServiceCollection>? more = null, Action<CollabOptions>? options = null) =>
        BooksWorld.CreateAsync(engine, postgres, options, s =>
        {
            s.AddLogging();
            s.AddHealthChecks().AddCollabHealthChecks(o => o.OutboxBacklog = 2);
            more?.Invoke(s);
        });

    private static Task<HealthReport> CheckAsync(IServiceProvider services) => services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    private static async Task ShareThreeAsync(BooksWorld b)
    {
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, ClientTier.Standard, new LocalDate(2026, 1, 1)));
        for (var i = 0; i < 3; i++)
        {
            await b.Run(async sp =>
            {
                var draft = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.VatReturn, ReportingPeriod.Month(2025, 1 + i));
                return await sp.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id);
            });
        }
    }

    [SkippableFact]
    public async Task Healthy_with_the_numbers_in_the_data_and_a_backlog_or_an_old_message_is_degraded()
    {
        await using var b = await WorldAsync();
        var healthy = await CheckAsync(b.Db.Services);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(CollabDatabase.SchemaVersion, healthy.Entries["collab-schema"].Data["found"]);
        Assert.Equal(0, healthy.Entries["collab-outbox"].Data["pending"]);
        Assert.Contains("not hosted", healthy.Entries["collab-passes"].Description, StringComparison.Ordinal);

        await ShareThreeAsync(b);
        var backlog = await CheckAsync(b.Db.Services);
        Assert.Equal(HealthStatus.Degraded, backlog.Entries["collab-outbox"].Status);
        Assert.Equal(3, backlog.Entries["collab-outbox"].Data["pending"]);

        await b.Run(sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync(2));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(b.Db.Services)).Status); // one left, young
        b.Db.Clock.Advance(Duration.FromMinutes(20));
        var old = await CheckAsync(b.Db.Services);
        Assert.Equal(HealthStatus.Degraded, old.Entries["collab-outbox"].Status);
        Assert.Equal(1200d, old.Entries["collab-outbox"].Data["oldestPendingSeconds"]);
    }

    [SkippableFact]
    public async Task Dead_letters_and_an_outdated_schema_are_unhealthy()
    {
        await using var b = await WorldAsync(options: o => o.NotificationMaxAttempts = 1);
        await ShareThreeAsync(b);
        b.Sender.FailuresToSimulate = 1;
        await b.Run(sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1));
        var dead = await CheckAsync(b.Db.Services);
        Assert.Equal(HealthStatus.Unhealthy, dead.Entries["collab-outbox"].Status);
        Assert.Equal(1, dead.Entries["collab-outbox"].Data["deadLetters"]);

        await b.Run(sp => sp.GetRequiredService<VendorDbContext>().Set<CollabSchemaInfo>().ExecuteUpdateAsync(u => u.SetProperty(x => x.Version, CollabDatabase.SchemaVersion - 1)));
        var outdated = await CheckAsync(b.Db.Services);
        Assert.Equal(HealthStatus.Unhealthy, outdated.Entries["collab-schema"].Status);
        Assert.Equal(CollabDatabase.SchemaVersion - 1, outdated.Entries["collab-schema"].Data["found"]);
        Assert.Contains("apply the migrations", outdated.Entries["collab-schema"].Description, StringComparison.Ordinal);
    }

    /// <summary>An outbox that cannot reach its database: the pass never completes.</summary>
    private sealed class DownOutbox : IOutboxDispatcher
    {
        public Task<int> DispatchAsync(int max = 100, CancellationToken cancellationToken = default) => throw new TimeoutException("database unreachable");

        public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int max = 100, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<DeadLetter>>([]);

        public Task<OutboxStatus> StatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(new OutboxStatus(0, null, 0));
    }

    [SkippableFact]
    public async Task A_pass_without_a_completed_run_for_three_intervals_is_degraded()
    {
        SimulatedTime? time = null;
        await using var b = await WorldAsync(s =>
        {
            s.AddCollab().AddBackgroundPasses(o => (o.Jitter, o.Outbox, o.MaxBackOff) = (0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));
            s.AddScoped<IOutboxDispatcher, DownOutbox>();
        });
        time = new SimulatedTime(b.Db);
        var host = b.Db.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<BackgroundPassHost>().Single();
        var monitor = b.Db.Services.GetRequiredService<BackgroundPassMonitor>();
        await host.StartAsync(CancellationToken.None);
        await time.IdleAsync(monitor);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(b.Db.Services)).Entries["collab-passes"].Status);

        for (var step = 0; step < 4; step++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await time.IdleAsync(monitor);
        }

        var late = (await CheckAsync(b.Db.Services)).Entries["collab-passes"];
        await host.StopAsync(CancellationToken.None);
        Assert.Equal(HealthStatus.Degraded, late.Status);
        Assert.Contains(CollabPasses.Outbox, late.Description, StringComparison.Ordinal);
        Assert.Equal(40d, late.Data[$"{CollabPasses.Outbox}.secondsSinceCompleted"]);
        Assert.Equal(5, late.Data[$"{CollabPasses.Outbox}.failures"]);
        Assert.Equal(0, late.Data[$"{CollabPasses.DeliverableReminders}.failures"]);
    }
}

public sealed class HealthChecksOnSqlite() : HealthCheckContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class HealthChecksOnPostgres(PostgresServer postgres) : HealthCheckContract(Engine.Postgres, postgres);
