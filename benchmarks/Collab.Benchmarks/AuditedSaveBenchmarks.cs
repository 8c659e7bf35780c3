using BenchmarkDotNet.Attributes;
using Collab.Authorization;
using Collab.Lifecycle;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Benchmarks;

/// <summary>
/// AUD-2: an audited save with the audit chain against the same save without it, on SQLite. Each operation places a
/// legal hold on an administration and lifts it again through <see cref="RetentionService"/> (an office user with the client's rights acts): per
/// save, the administration is read by its id, changed under its version and saved with one audit row. Collab chains
/// that row into the administration's chain (one compare-and-swap of the chain's head and a SHA-256 per row); the
/// baseline is the same Collab, the same database schema (SQLite with its write-ahead log, as docs/embedding.md advises, commits not synced to disk on either side) and the same calls with the benchmark-only
/// <c>UnchainedAuditForBenchmarks</c> registered, which writes the row unchained. Target ≤ 1.10×.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class AuditedSaveBenchmarks
{
    private Side _chained = null!;
    private Side _unchained = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chained = Side.Create(chained: true);
        _unchained = Side.Create(chained: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _chained.Dispose();
        _unchained.Dispose();
    }

    [Benchmark(Baseline = true, Description = "hold placed and lifted, audit rows unchained")]
    public Task Unchained() => _unchained.PlaceAndLiftAsync();

    [Benchmark(Description = "hold placed and lifted, audit rows chained (AUD-2)")]
    public Task Collab() => _chained.PlaceAndLiftAsync();

    private sealed class Side : IDisposable
    {
        private readonly string _file;
        private readonly ServiceProvider _provider;
        private readonly ActingParty _platform;
        private readonly AdministrationId _administration;

        private Side(string file, ServiceProvider provider, ActingParty platform, AdministrationId administration)
        {
            (_file, _provider, _platform, _administration) = (file, provider, platform, administration);
        }

        public static Side Create(bool chained)
        {
            var file = Path.Combine(Path.GetTempPath(), $"collab-bench-{Guid.NewGuid():N}.db");
            var services = new ServiceCollection();
            services.AddDbContextPool<BenchmarkDbContext>(o => o.UseSqlite($"Data Source={file}").AddInterceptors(NoSync.Instance));
            if (!chained)
            {
                services.AddSingleton<UnchainedAuditForBenchmarks>();
            }

            services.AddCollab().AddEntityFrameworkStores<BenchmarkDbContext>();
            var provider = services.BuildServiceProvider();
            using var scope = provider.CreateScope();
            var context = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
            CollabDatabase.EnsureCreatedAsync(context).GetAwaiter().GetResult();
            context.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;"); // as docs/embedding.md has a SQLite host do

            var registry = scope.ServiceProvider.GetRequiredService<CollabRegistry>();
            var platform = scope.ServiceProvider.GetRequiredService<CollabPlatform>().Operator("bench");
            var office = registry.RegisterOfficeAsync(platform, "Kantoor").GetAwaiter().GetResult().Id;
            var client = registry.RegisterClientAsync(platform, "Klant").GetAwaiter().GetResult().Id;
            var company = registry.AddCompanyAsync(platform, client, "Klant B.V.").GetAwaiter().GetResult().Id;
            var administration = registry.CreateAdministrationAsync(platform, company, AdministrationNumber.From(1), "Administratie").GetAwaiter().GetResult().Id;
            var user = registry.CreateClientUserAsync(platform, client, "klant@example.nl", [company]).GetAwaiter().GetResult().Id;
            scope.ServiceProvider.GetRequiredService<Rights.RightsService>().GrantAsync(ActingParty.User(user), office, administration, Rights.GrantChannel.Web).GetAwaiter().GetResult();
            var desk = registry.CreateOfficeUserAsync(platform, office, "kantoor@example.nl").GetAwaiter().GetResult().Id;
            var side = new Side(file, provider, ActingParty.User(desk), administration);
            side.PlaceAndLiftAsync().GetAwaiter().GetResult();
            return side;
        }

        public async Task PlaceAndLiftAsync()
        {
            await using (var scope = _provider.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<RetentionService>().PlaceLegalHoldAsync(_platform, _administration, "onderzoek").ConfigureAwait(false);
            }

            await using (var scope = _provider.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<RetentionService>().LiftLegalHoldAsync(_platform, _administration).ConfigureAwait(false);
            }
        }

        public void Dispose()
        {
            _provider.Dispose();
            SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
    }

    // Commits are not synced to disk, on both sides: on this shared machine a synced commit took 15-290 ms and drowned
    // what is compared. Without the disk, the save is its statements and EF's work, and the chain's share is largest.
    private sealed class NoSync : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public static readonly NoSync Instance = new();

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) => Off(connection);

        public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Off(connection);
            return Task.CompletedTask;
        }

        private static void Off(System.Data.Common.DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=OFF;";
            command.ExecuteNonQuery();
        }
    }
}
