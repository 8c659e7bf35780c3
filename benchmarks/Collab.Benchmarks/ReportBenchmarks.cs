using Collab.Authorization;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Tiers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>Redeeming spends a link, so every invocation needs a fresh one: a fixed invocation count, links made per iteration.</summary>
public sealed class RedemptionConfig() : OneItemPerInvocationConfig(LinksPerIteration, "redeem")
{
    public const int LinksPerIteration = 400;
}

/// <summary>
/// SHARE-2: redeeming a one-time link, on SQLite and — when <c>COLLAB_BENCH_POSTGRES</c> holds a connection string —
/// on PostgreSQL. Baseline: the least any implementation must do, one conditional UPDATE (unspent, unexpired) on a
/// pooled connection opened per call. Collab's <c>ConfirmViewAsync</c> also parses
/// the token, checks its hash in constant time, marks the report viewed, writes the audit rows and the office's
/// notifications, all in one transaction (pooled DbContext).
/// </summary>
[Config(typeof(RedemptionConfig))]
public class LinkRedemptionBenchmarks
{
    private string _file = string.Empty;
    private string _connectionString = string.Empty;
    private ServiceProvider _provider = null!;
    private ActingParty _desk;
    private OfficeId _office;
    private CompanyId _company;

    public static IEnumerable<string> Engines =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("COLLAB_BENCH_POSTGRES")) ? ["sqlite"] : ["sqlite", "postgres"];

    [ParamsSource(nameof(Engines))]
    public string Engine { get; set; } = "sqlite";
    private readonly Queue<string> _tokens = new();
    private readonly Queue<Guid> _linkIds = new();

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"collab-bench-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        if (Engine == "postgres")
        {
            _connectionString = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("COLLAB_BENCH_POSTGRES")) { Database = $"bench_{Guid.NewGuid():N}" }.ConnectionString;
            services.AddDbContextPool<BenchmarkDbContext>(o => o.UseNpgsql(_connectionString, n => n.UseNodaTime()));
        }
        else
        {
            _connectionString = $"Data Source={_file}";
            services.AddDbContextPool<BenchmarkDbContext>(o => o.UseSqlite(_connectionString));
        }

        services.AddCollab().AddEntityFrameworkStores<BenchmarkDbContext>();
        _provider = services.BuildServiceProvider();
        using var scope = _provider.CreateScope();
        var sp = scope.ServiceProvider;
        CollabDatabase.EnsureCreatedAsync(sp.GetRequiredService<BenchmarkDbContext>()).GetAwaiter().GetResult();
        var actor = sp.GetRequiredService<CollabPlatform>().Operator("bench");
        var registry = sp.GetRequiredService<CollabRegistry>();
        var office = registry.RegisterOfficeAsync(actor, "Kantoor").GetAwaiter().GetResult();
        var desk = ActingParty.User(registry.CreateOfficeUserAsync(actor, office.Id, "kantoor@example.nl").GetAwaiter().GetResult().Id);
        var client = registry.RegisterClientAsync(actor, "Klant").GetAwaiter().GetResult();
        var company = registry.AddCompanyAsync(actor, client.Id, "Klant B.V.").GetAwaiter().GetResult();
        registry.CreateClientUserAsync(actor, client.Id, "klant@example.nl", [company.Id]).GetAwaiter().GetResult();
        sp.GetRequiredService<TierService>().StartCollaborationAsync(actor, office.Id, client.Id, ClientTier.Standard, new LocalDate(2026, 1, 1)).GetAwaiter().GetResult();
        (_desk, _office, _company) = (desk, office.Id, company.Id);
    }

    // Through the public API, as a vendor's office would: a deliverable shared by link, viewed once and given a fresh link,
    // so the measured redemption finds a report already viewed (as every redemption after the first did when the links
    // were made directly on one report) and does the same work: the link spent, the audit, the office's notification.
    [IterationSetup]
    public void FreshLinks()
    {
        _tokens.Clear();
        _linkIds.Clear();
        for (var i = 0; i < RedemptionConfig.LinksPerIteration; i++)
        {
            using var scope = _provider.CreateScope();
            var draft = scope.ServiceProvider.GetRequiredService<DeliverableAuthoring>().DraftAsync(_desk, _office, _company, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening").GetAwaiter().GetResult();
            var first = scope.ServiceProvider.GetRequiredService<DeliverableSharing>().ShareAsync(_desk, draft.Id).GetAwaiter().GetResult().LinkToken!;
            scope.ServiceProvider.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(first).GetAwaiter().GetResult();
            var token = scope.ServiceProvider.GetRequiredService<DeliverableSharing>().ReissueLinkAsync(_desk, draft.Id).GetAwaiter().GetResult();
            _tokens.Enqueue(token);
            _linkIds.Enqueue(new Guid(System.Buffers.Text.Base64Url.DecodeFromChars(token).AsSpan(0, 16))); // a token is the link's id and its secret (ShareLink)
        }
    }

    [Benchmark(Baseline = true, Description = "ADO.NET conditional UPDATE, pooled connection per call")]
    public bool HandWrittenUpdate()
    {
        using System.Data.Common.DbConnection connection = Engine == "postgres" ? new Npgsql.NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE collab_deliverable_links SET \"SpentAt\" = @now, \"Version\" = \"Version\" + 1 WHERE \"Id\" = @id AND \"SpentAt\" IS NULL AND \"ReplacedAt\" IS NULL AND \"ExpiresAt\" > @now";
        var now = command.CreateParameter();
        var instant = SystemClock.Instance.GetCurrentInstant();
        // PostgreSQL keeps instants as timestamp with time zone (schema 2), SQLite as Unix ticks.
        (now.ParameterName, now.Value) = ("@now", Engine == "postgres" ? instant.ToDateTimeUtc() : instant.ToUnixTimeTicks());
        var id = command.CreateParameter();
        var link = _linkIds.Dequeue();
        (id.ParameterName, id.Value) = ("@id", Engine == "postgres" ? link : link.ToString().ToUpperInvariant());
        command.Parameters.Add(now);
        command.Parameters.Add(id);
        return command.ExecuteNonQuery() == 1;
    }

    // The floor of a redemption that reads and records what Collab does (HandWrittenRedemption): how far the bare
    // UPDATE is from any full redemption, and how far Collab is from hand-written code doing the same.
    [Benchmark(Description = "ADO.NET: the same reads, then link + audit + outbox in one transaction")]
    public bool HandWrittenRedemption()
    {
        using System.Data.Common.DbConnection connection = Engine == "postgres" ? new Npgsql.NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        connection.Open();
        _linkIds.Dequeue();
        return new HandWrittenRedemption(connection, Engine == "postgres").Redeem(_tokens.Dequeue());
    }

    [Benchmark(Description = "Collab DeliverableLinks.ConfirmViewAsync (pooled DbContext)")]
    public async Task<bool> Collab()
    {
        await using var scope = _provider.CreateAsyncScope();
        var deliverable = await scope.ServiceProvider.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(_tokens.Dequeue());
        return deliverable.Deliverable.State == DeliverableState.Viewed;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Engine == "postgres")
        {
            using var scope = _provider.CreateScope();
            scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().Database.EnsureDeleted();
        }

        _provider.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}

/// <summary>
/// SHARE-4: the scheduler's scan for due reminders over a large table of approval tasks (1 000 000 in full runs,
/// 100 000 in CI), of which 2 000 are due. Baseline: the same query in raw SQL, reading the 500 oldest due rows
/// into row objects. Collab returns tracked aggregates (NodaTime, ids and enums converted) ready to be changed.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class ReminderScanBenchmarks
{
    private BenchmarkSqlite _database = null!;
    private Instant _now;

    public static IEnumerable<int> Sizes => [CollabBenchmarkConfig.CiMode ? 100_000 : 1_000_000];

    [ParamsSource(nameof(Sizes))]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkSqlite.Create();
        var (office, client, company) = _database.SeedOfficeClientCompany();
        _now = Instant.FromUtc(2026, 6, 1, 8, 0);
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText =
            "INSERT INTO collab_deliverables (Id, OfficeId, ClientId, CompanyId, Title, Kind, Revision, State, Mode, Deadline, DeadlinePassesAt, ReminderDueAt, KeptInHistory, PeriodLength, PeriodNumber, PeriodYear, Version) " +
            "VALUES ($id, $office, $client, $company, 'Jaarrekening', 'AnnualReport', 1, 'Shared', 'Approval', $deadline, $passes, $due, 0, 'Year', 0, 2025, 1)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$office", office.Value.ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$client", client.Value.ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$company", company.Value.ToString().ToUpperInvariant());
        var deadline = insert.Parameters.Add("$deadline", SqliteType.Text);
        var passes = insert.Parameters.Add("$passes", SqliteType.Integer);
        var due = insert.Parameters.Add("$due", SqliteType.Integer);
        insert.Prepare();
        for (var i = 0; i < Tasks; i++)
        {
            // 2 000 due now; the rest due over the next 500 days.
            var reminder = i < 2000 ? _now - Duration.FromHours(1 + i) : _now + Duration.FromMinutes(i);
            id.Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
            deadline.Value = reminder.InUtc().Date.PlusDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            passes.Value = (reminder + Duration.FromDays(4)).ToUnixTimeTicks();
            due.Value = reminder.ToUnixTimeTicks();
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [Benchmark(Baseline = true, Description = "raw SQL: 500 oldest due reminders")]
    public int RawSql() => _database.ReadRows(
        "SELECT d.*, x.* FROM (SELECT * FROM collab_deliverables WHERE State IN ('Shared', 'Viewed') AND ReminderSentAt IS NULL AND ReminderDueAt <= $now ORDER BY ReminderDueAt LIMIT 500) AS d " +
        "LEFT JOIN collab_deliverable_documents AS x ON x.DeliverableId = d.Id ORDER BY d.ReminderDueAt, d.Id, x.Id", // a deliverable is read with its documents
        p => p.AddWithValue("$now", _now.ToUnixTimeTicks()));

    [Benchmark(Description = "Collab IDeliverableStore.FindDueRemindersAsync (500)")]
    public async Task<int> Collab()
    {
        await using var scope = _database.Provider.CreateAsyncScope();
        var due = await scope.ServiceProvider.GetRequiredService<IDeliverableStore>().FindDueRemindersAsync(_now, 500, CancellationToken.None);
        return due.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();
}
