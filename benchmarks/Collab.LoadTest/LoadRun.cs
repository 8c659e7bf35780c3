using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Collab.Deliverables;
using Collab.Persistence.EfCore;
using Collab.Samples.Web;
using Collab.Transfers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.LoadTest;

/// <summary>One request's outcome: which operation, how long, and whether it was right.</summary>
internal readonly record struct Sample(string Operation, double Milliseconds, Outcome Outcome);

internal enum Outcome
{
    Ok,
    RefusedAsExpected, // the losing confirmation of a raced link
    Error,
}

/// <summary>One setup's run: every level's samples, the invariants checked afterwards, the errors seen.</summary>
internal sealed record SetupResult(string Setup, IReadOnlyList<LevelResult> Levels, IReadOnlyList<Invariant> Invariants, IReadOnlyList<string> Errors)
{
    public bool Passed => Errors.Count == 0 && Invariants.All(i => i.Held) && Levels.All(l => l.Errors == 0);
}

internal sealed record LevelResult(int Clients, TimeSpan Elapsed, IReadOnlyList<Sample> Samples)
{
    public int Errors => Samples.Count(s => s.Outcome == Outcome.Error);
}

internal sealed record Invariant(string Name, bool Held, string Detail);

/// <summary>
/// One setup end to end: a fresh database, the host instance(s), the workload seeded through the SDK, each
/// concurrency level for its fixed time (or its request cap), then the invariants read back from the database.
/// </summary>
internal static class LoadRun
{
    public static async Task<SetupResult> RunAsync(string setup, LoadOptions options, ThrowawayPostgres? postgres)
    {
        Console.WriteLine($"== {setup}");
        var dataFolder = Path.Combine(Path.GetTempPath(), "collab-load-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataFolder);
        var connection = setup == "sqlite" ? null : await postgres!.CreateDatabaseAsync();
        var hosts = new List<HostProcess>();
        var errors = new ConcurrentQueue<string>();
        try
        {
            hosts.Add(await HostProcess.StartAsync("a", dataFolder, connection)); // migrates and seeds the demo data
            if (setup == "postgres-x2")
            {
                hosts.Add(await HostProcess.StartAsync("b", dataFolder, connection));
            }

            await using var provider = Sdk(dataFolder, connection);
            var spentBefore = await SpentLinksAsync(provider);
            var clock = Stopwatch.StartNew();
            var work = await Workload.SeedAsync(provider, options.Links, options.Transfers);
            Console.WriteLine($"   seeded {options.Links} links and {options.Transfers} transfers through the SDK in {clock.Elapsed.TotalSeconds:F1} s");
            var tracker = new Tracker();
            var addresses = hosts.Select(h => h.Address).ToList();
            var levels = new List<LevelResult>();
            foreach (var clients in options.Levels)
            {
                var level = await RunLevelAsync(addresses, clients, options, work, tracker, errors);
                levels.Add(level);
                Console.WriteLine($"   {clients,3} clients: {level.Samples.Count,6} requests in {level.Elapsed.TotalSeconds:F1} s, {level.Errors} errors");
            }

            var invariants = await CheckAsync(provider, work, tracker, spentBefore, hosts);
            foreach (var invariant in invariants)
            {
                Console.WriteLine($"   {(invariant.Held ? "held  " : "BROKEN")} {invariant.Name}: {invariant.Detail}");
            }

            return new SetupResult(setup, levels, invariants, [.. errors.Take(20)]);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static ServiceProvider Sdk(string dataFolder, string? postgres)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (postgres is null)
        {
            services.AddDbContext<WebDbContext, SqliteWebDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(dataFolder, "collab-web.db")}").AddInterceptors(SqliteBusyTimeout.Instance));
        }
        else
        {
            services.AddDbContext<WebDbContext, PostgresWebDbContext>(o => o.UseNpgsql(postgres, n => n.UseNodaTime()));
        }

        services.AddCollab().AddEntityFrameworkStores<WebDbContext>();
        return services.BuildServiceProvider();
    }

    private static async Task<LevelResult> RunLevelAsync(IReadOnlyList<Uri> hosts, int clients, LoadOptions options, Workload work, Tracker tracker, ConcurrentQueue<string> errors)
    {
        // Every client signs in as the three people it may act for before the clock starts: sign-in is not what is measured.
        var browsers = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Browser.OpenAsync(hosts)));
        var samples = new ConcurrentQueue<Sample>();
        var requests = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(browsers.Select(browser => Task.Run(async () =>
        {
            var random = new Random();
            while (clock.Elapsed < options.PerLevel && Interlocked.Increment(ref requests) <= options.MaxRequestsPerLevel)
            {
                try
                {
                    await browser.NextAsync(random, work, tracker, samples);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    samples.Enqueue(new Sample("transport", 0, Outcome.Error));
                    errors.Enqueue(e.Message);
                }
            }
        })));
        var elapsed = clock.Elapsed;
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }

        foreach (var failed in samples.Where(s => s.Outcome == Outcome.Error).Take(3))
        {
            errors.Enqueue($"{clients} clients: {failed.Operation} failed");
        }

        return new LevelResult(clients, elapsed, [.. samples]);
    }

    private static async Task<int> SpentLinksAsync(IServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebDbContext>().Set<ShareLink>().CountAsync(l => l.SpentAt != null);
    }

    private static async Task<List<Invariant>> CheckAsync(IServiceProvider provider, Workload work, Tracker tracker, int spentBefore, IReadOnlyList<HostProcess> hosts)
    {
        var invariants = new List<Invariant>();
        var confirmed = tracker.LinkWins.Values.Sum();
        var twice = tracker.LinkWins.Count(p => p.Value > 1);
        var raced = tracker.Raced.ToList();
        var racedWrong = raced.Count(t => tracker.LinkWins.GetValueOrDefault(t) != 1);
        invariants.Add(new("no link spent twice", twice == 0 && racedWrong == 0,
            $"{confirmed} confirmations won, {raced.Count} links confirmed twice at once (one win each: {raced.Count - racedWrong}), {twice} links won twice"));

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
            var spent = await db.Set<ShareLink>().CountAsync(l => l.SpentAt != null) - spentBefore;
            invariants.Add(new("every won confirmation spent its link, no other", spent == confirmed, $"{spent} links spent in the database, {confirmed} confirmations answered 200"));

            var requests = await db.Set<TransferRequest>().AsNoTracking().Where(r => work.Transfers.Contains(r.Id)).ToListAsync();
            var lost = requests.Count(r => r.ConsentCount != tracker.ConsentWins.GetValueOrDefault(r.Id));
            var approvedWrong = requests.Count(r => (r.ConsentCount == 3) != (r.State == TransferState.Approved));
            var given = tracker.ConsentWins.Values.Sum();
            invariants.Add(new("no consent lost", lost == 0 && approvedWrong == 0,
                $"{given} consents answered, {requests.Sum(r => r.ConsentCount)} recorded; {requests.Count(r => r.State == TransferState.Approved)} transfers approved; {lost} transfers differ, {approvedWrong} with the wrong state"));
        }

        var (undelivered, dispatched) = await DrainOutboxAsync(provider, TimeSpan.FromSeconds(90));
        var delivered = hosts.SelectMany(h => File.Exists(h.DeliveryLog) ? File.ReadAllLines(h.DeliveryLog) : []).Where(l => l.Length > 0).ToList();
        var duplicates = delivered.GroupBy(d => d).Count(g => g.Count() > 1);
        var missing = dispatched.Except(delivered).Count();
        var extra = delivered.Distinct().Except(dispatched).Count();
        invariants.Add(new("outbox delivered once", undelivered == 0 && duplicates == 0 && missing == 0 && extra == 0,
            $"{dispatched.Count} outbox rows dispatched, {delivered.Count} deliveries logged by {hosts.Count} instance(s); {duplicates} delivered twice, {missing} never, {extra} unknown, {undelivered} still waiting"));
        return invariants;
    }

    // The hosts' outbox pass runs every second; wait for it to deliver everything the run queued.
    private static async Task<(int Undelivered, HashSet<string> Dispatched)> DrainOutboxAsync(IServiceProvider provider, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Id\", \"DispatchedAt\" IS NOT NULL, \"DeadLetteredAt\" IS NOT NULL FROM collab_outbox";
            var dispatched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var waiting = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var id = reader.GetValue(0) is Guid g ? g : Guid.Parse(reader.GetString(0));
                    if (reader.GetBoolean(1))
                    {
                        dispatched.Add(id.ToString("D"));
                    }
                    else if (!reader.GetBoolean(2))
                    {
                        waiting++;
                    }
                }
            }

            if (waiting == 0 || clock.Elapsed > patience)
            {
                return (waiting, dispatched);
            }

            await Task.Delay(1000);
        }
    }
}

/// <summary>What the clients won: confirmations per link, consents per transfer, the links raced on purpose.</summary>
internal sealed class Tracker
{
    public ConcurrentDictionary<string, int> LinkWins { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<TransferRequestId, int> ConsentWins { get; } = new();

    public ConcurrentBag<string> Raced { get; } = [];
}

/// <summary>
/// One simulated client: signed in as the client user and both administrators, plus an anonymous browser for links.
/// Each step is one of: the client's portal page (half), a link opened and confirmed (three tenths; one link in ten
/// confirmed twice at once), a consent (a fifth). When links or consents run out, it reads the portal.
/// </summary>
internal sealed class Browser : IDisposable
{
    private readonly Dictionary<string, Session> _people;
    private readonly Session _anonymous;

    private Browser(Dictionary<string, Session> people, Session anonymous)
    {
        _people = people;
        _anonymous = anonymous;
    }

    public static async Task<Browser> OpenAsync(IReadOnlyList<Uri> hosts)
    {
        var people = new Dictionary<string, Session>(StringComparer.Ordinal)
        {
            [Workload.ClientUser] = await Session.SignInAsync(hosts, Workload.ClientUser, "/client"),
            [Workload.OldAdministrator] = await Session.SignInAsync(hosts, Workload.OldAdministrator, "/office"),
            [Workload.OfficeUser] = await Session.SignInAsync(hosts, Workload.OfficeUser, "/office"),
        };
        return new Browser(people, Session.Anonymous(hosts));
    }

    public async Task NextAsync(Random random, Workload work, Tracker tracker, ConcurrentQueue<Sample> samples)
    {
        var roll = random.NextDouble();
        if (roll < 0.03 && work.RacedLinks.TryDequeue(out var raced))
        {
            await LinkAsync(raced, twice: true, tracker, samples);
        }
        else if (roll < 0.30 && work.Links.TryDequeue(out var link))
        {
            await LinkAsync(link, twice: false, tracker, samples);
        }
        else if (roll < 0.50 && work.Consents.TryDequeue(out var consent))
        {
            var clock = Stopwatch.StartNew();
            var answer = await _people[consent.Email].PostAsync(consent.Path);
            var ok = answer.Status == HttpStatusCode.Redirect;
            if (ok)
            {
                tracker.ConsentWins.AddOrUpdate(consent.Transfer, 1, (_, n) => n + 1);
            }

            samples.Enqueue(new Sample("consent", clock.Elapsed.TotalMilliseconds, ok ? Outcome.Ok : Outcome.Error));
        }
        else
        {
            var clock = Stopwatch.StartNew();
            var answer = await _people[Workload.ClientUser].GetAsync($"/portal/{DemoData.Slug}");
            samples.Enqueue(new Sample("portal", clock.Elapsed.TotalMilliseconds, answer.Status == HttpStatusCode.OK ? Outcome.Ok : Outcome.Error));
        }
    }

    private async Task LinkAsync(string token, bool twice, Tracker tracker, ConcurrentQueue<Sample> samples)
    {
        var path = $"/link/{Uri.EscapeDataString(token)}";
        var clock = Stopwatch.StartNew();
        var landing = await _anonymous.GetAsync(path);
        samples.Enqueue(new Sample("link-open", clock.Elapsed.TotalMilliseconds, landing.Status == HttpStatusCode.OK ? Outcome.Ok : Outcome.Error));
        if (landing.Status != HttpStatusCode.OK)
        {
            return;
        }

        if (twice)
        {
            tracker.Raced.Add(token);
        }

        var confirmations = await Task.WhenAll(Enumerable.Range(0, twice ? 2 : 1).Select(async _ =>
        {
            var started = Stopwatch.StartNew();
            var answer = await _anonymous.PostAsync($"{path}/confirm");
            return (answer.Status, started.Elapsed.TotalMilliseconds);
        }));
        var wins = confirmations.Count(c => c.Status == HttpStatusCode.OK);
        tracker.LinkWins.AddOrUpdate(token, wins, (_, n) => n + wins);
        foreach (var (status, milliseconds) in confirmations)
        {
            // Of two confirmations at once exactly one wins; the other is refused (4xx), never a server error.
            var outcome = status == HttpStatusCode.OK ? Outcome.Ok
                : twice && wins == 1 && (int)status is >= 400 and < 500 ? Outcome.RefusedAsExpected
                : Outcome.Error;
            samples.Enqueue(new Sample("link-confirm", milliseconds, outcome));
        }
    }

    public void Dispose()
    {
        foreach (var session in _people.Values)
        {
            session.Dispose();
        }

        _anonymous.Dispose();
    }
}
