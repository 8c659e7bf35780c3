using Collab.Authorization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Transfers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>A consent is given once per party, so every invocation needs a request of its own: a fixed invocation count, requests made per iteration.</summary>
public sealed class ConsentConfig() : OneItemPerInvocationConfig(RequestsPerIteration, "consent")
{
    public const int RequestsPerIteration = 300;
}

/// <summary>
/// XFER-2/XFER-3: the old environment's administrator consents to a transfer, end to end, on SQLite (and on PostgreSQL
/// when <c>COLLAB_BENCH_POSTGRES</c> holds a connection string). Baseline: hand-written ADO.NET doing the same reads
/// and writes on a pooled connection — the request, the acting user, both environments and the people to tell; then,
/// in one transaction, the request's consent under its version, the audit row and one outbox row per person — with
/// no state machine, no texts in the recipient's language and no check of who acts beyond the administrator column.
/// </summary>
[Config(typeof(ConsentConfig))]
public class TransferConsentBenchmarks
{
    private readonly Queue<TransferRequestId> _requests = new();
    private string _file = string.Empty;
    private string _connectionString = string.Empty;
    private ServiceProvider _provider = null!;
    private TransferSeed _seed = null!;
    private int _round;

    [ParamsSource(nameof(Engines))]
    public string Engine { get; set; } = "sqlite";

    public static IEnumerable<string> Engines => LinkRedemptionBenchmarks.Engines;

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
        _seed = TransferSeed.CreateAsync(_provider).GetAwaiter().GetResult();
    }

    // Through the public API, as a vendor's environment administrator would: each iteration a client of its own (so the
    // open-request check of XFER-1 looks at this iteration's requests only) and one administration per request.
    [IterationSetup]
    public void FreshRequests()
    {
        _requests.Clear();
        var platform = _provider.GetRequiredService<CollabPlatform>().Operator("bench");
        var round = ++_round;
        var email = $"klant{round}@bakker.nl";
        CompanyId company;
        using (var scope = _provider.CreateScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<CollabRegistry>();
            var client = registry.RegisterClientAsync(platform, $"Bakkerij {round}").GetAwaiter().GetResult();
            company = registry.AddCompanyAsync(platform, client.Id, $"Bakkerij {round} B.V.").GetAwaiter().GetResult().Id;
            registry.CreateClientUserAsync(platform, client.Id, email, [company]).GetAwaiter().GetResult();
        }

        for (var i = 0; i < ConsentConfig.RequestsPerIteration; i++)
        {
            using var scope = _provider.CreateScope();
            var sp = scope.ServiceProvider;
            var number = AdministrationNumber.From(10_000 + (round * ConsentConfig.RequestsPerIteration) + i);
            var administration = sp.GetRequiredService<CollabRegistry>().CreateAdministrationAsync(platform, company, number, $"Administratie {number}", environment: _seed.From).GetAwaiter().GetResult();
            var request = sp.GetRequiredService<TransferService>()
                .RequestAsync(ActingParty.User(_seed.OldAdmin), _seed.From, _seed.To, [administration.Id], email).GetAwaiter().GetResult();
            _requests.Enqueue(request.Id);
        }
    }

    [Benchmark(Baseline = true, Description = "ADO.NET: the same reads, then consent + audit + outbox in one transaction")]
    public bool HandWritten()
    {
        using var connection = Engine == "postgres" ? (System.Data.Common.DbConnection)new Npgsql.NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        connection.Open();
        return new HandWrittenConsent(connection, Engine == "postgres").Consent(_requests.Dequeue(), _seed.OldAdmin)
            ? true
            : throw new InvalidOperationException("The hand-written consent must succeed on a fresh request.");
    }

    [Benchmark(Description = "Collab TransferService.ConsentAsync (pooled DbContext)")]
    public async Task<bool> Collab()
    {
        await using var scope = _provider.CreateAsyncScope();
        var request = await scope.ServiceProvider.GetRequiredService<TransferService>()
            .ConsentAsync(ActingParty.User(_seed.OldAdmin), _requests.Dequeue(), TransferParty.OldEnvironmentAdministrator);
        return request.ConsentCount == 1;
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

/// <summary>Two offices with an environment each, a client with an administration in the old one and a client user.</summary>
internal sealed record TransferSeed(ClientId Client, EnvironmentId From, EnvironmentId To, AdministrationId Administration, string ClientEmail, UserId OldAdmin)
{
    public static async Task<TransferSeed> CreateAsync(IServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await CollabDatabase.EnsureCreatedAsync(sp.GetRequiredService<BenchmarkDbContext>());
        var registry = sp.GetRequiredService<CollabRegistry>();
        var vendor = sp.GetRequiredService<CollabPlatform>().Operator("bench");
        var oldOffice = await registry.RegisterOfficeAsync(vendor, "Kantoor Oud");
        var newOffice = await registry.RegisterOfficeAsync(vendor, "Kantoor Nieuw");
        var oldAdmin = await registry.CreateOfficeUserAsync(vendor, oldOffice.Id, "beheer@oud.nl");
        var newAdmin = await registry.CreateOfficeUserAsync(vendor, newOffice.Id, "beheer@nieuw.nl");
        var from = await registry.CreateEnvironmentAsync(vendor, oldOffice.Id, "Omgeving Oud", [oldAdmin.Id]);
        var to = await registry.CreateEnvironmentAsync(vendor, newOffice.Id, "Omgeving Nieuw", [newAdmin.Id]);
        var client = await registry.RegisterClientAsync(vendor, "Bakkerij Bakker");
        var company = await registry.AddCompanyAsync(vendor, client.Id, "Bakkerij Bakker B.V.");
        var administration = await registry.CreateAdministrationAsync(vendor, company.Id, AdministrationNumber.From(1), "Bakkerij 2026", environment: from.Id);
        var clientUser = await registry.CreateClientUserAsync(vendor, client.Id, "piet@bakker.nl", [company.Id]);
        return new TransferSeed(client.Id, from.Id, to.Id, administration.Id, clientUser.Email, oldAdmin.Id);
    }
}
