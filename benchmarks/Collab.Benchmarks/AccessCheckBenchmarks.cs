using Collab.Authorization;
using BenchmarkDotNet.Attributes;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Rights;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Benchmarks;

/// <summary>
/// "May this office open this administration?" (SEC-1) is asked on every office request that is not
/// cached. Baseline: the same question in hand-written ADO.NET SQL, opening a pooled connection per call as a
/// request must. Also shown: the floor of a prepared command on a connection held open (no request can do
/// that across requests), and Collab with the vendor's DbContext pooled (AddDbContextPool).
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class AccessCheckBenchmarks
{
    private string _file = string.Empty;
    private ServiceProvider _provider = null!;
    private ServiceProvider _pooledProvider = null!;
    private string _rawSql = string.Empty;
    private SqliteConnection _raw = null!;
    private SqliteCommand _rawCommand = null!;
    private OfficeId _office;
    private AdministrationId _administration;
    private ActingParty _officeUser;

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"collab-bench-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddDbContext<BenchmarkDbContext>(o => o.UseSqlite($"Data Source={_file}"));
        services.AddCollab().AddEntityFrameworkStores<BenchmarkDbContext>();
        _provider = services.BuildServiceProvider();
        var pooled = new ServiceCollection();
        pooled.AddDbContextPool<BenchmarkDbContext>(o => o.UseSqlite($"Data Source={_file}"));
        pooled.AddCollab().AddEntityFrameworkStores<BenchmarkDbContext>();
        _pooledProvider = pooled.BuildServiceProvider();
        SeedAsync().GetAwaiter().GetResult();

        _raw = new SqliteConnection($"Data Source={_file}");
        _raw.Open();
        _rawCommand = _raw.CreateCommand();
        _rawSql = _rawCommand.CommandText =
            "SELECT EXISTS (SELECT 1 FROM collab_administrations a WHERE a.Id = $a AND (a.HolderOfficeId = $o OR EXISTS " +
            "(SELECT 1 FROM collab_rights_grants g WHERE g.AdministrationId = a.Id AND g.OfficeId = $o AND g.IsActive)))";
        _rawCommand.Parameters.AddWithValue("$a", _administration.Value.ToString().ToUpperInvariant());
        _rawCommand.Parameters.AddWithValue("$o", _office.Value.ToString().ToUpperInvariant());
        if (!RawSql() || !RawSqlWithUser() || !HeldOpenPreparedCommand() || !Collab().GetAwaiter().GetResult() || !CollabPooledContext().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("Both checks must answer yes for the seeded grant.");
        }
    }

    private async Task SeedAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        await CollabDatabase.EnsureCreatedAsync(scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>());
        var registry = scope.ServiceProvider.GetRequiredService<CollabRegistry>();
        var actor = scope.ServiceProvider.GetRequiredService<CollabPlatform>().Operator("benchmark"); // as a vendor provisions
        var office = await registry.RegisterOfficeAsync(actor, "Kantoor");
        var client = await registry.RegisterClientAsync(actor, "Klant");
        var company = await registry.AddCompanyAsync(actor, client.Id, "Onderneming");
        var administration = await registry.CreateAdministrationAsync(actor, company.Id, AdministrationNumber.From(1), "Administratie");
        var user = await registry.CreateClientUserAsync(actor, client.Id, "klant@example.nl", [company.Id]);
        await scope.ServiceProvider.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(user.Id), office.Id, administration.Id, GrantChannel.Web);
        var officeUser = await registry.CreateOfficeUserAsync(actor, office.Id, "kantoor@example.nl");
        (_office, _administration, _officeUser) = (office.Id, administration.Id, ActingParty.User(officeUser.Id));
    }

    [Benchmark(Baseline = true, Description = "ADO.NET EXISTS, pooled connection per call")]
    public bool RawSql()
    {
        using var connection = new SqliteConnection(_raw.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = _rawSql;
        command.Parameters.AddWithValue("$a", _administration.Value.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$o", _office.Value.ToString().ToUpperInvariant());
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    // What the check costs hand-written when it also asks who is asking (SEC-3), as Collab does: the user's row, then
    // the EXISTS for the user's office, on one pooled connection.
    [Benchmark(Description = "ADO.NET: who asks, then the EXISTS (two statements, one pooled connection)")]
    public bool RawSqlWithUser()
    {
        using var connection = new SqliteConnection(_raw.ConnectionString);
        connection.Open();
        string office;
        using (var user = connection.CreateCommand())
        {
            user.CommandText = "SELECT \"OfficeId\" FROM collab_users WHERE \"Id\" = $u AND \"IsActive\" AND \"Kind\" = 'OfficeUser'";
            user.Parameters.AddWithValue("$u", _officeUser.UserId!.Value.Value.ToString().ToUpperInvariant());
            if (user.ExecuteScalar() is not string found)
            {
                return false;
            }

            office = found;
        }

        using var command = connection.CreateCommand();
        command.CommandText = _rawSql;
        command.Parameters.AddWithValue("$a", _administration.Value.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$o", office);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    [Benchmark(Description = "ADO.NET prepared command, connection held open (floor)")]
    public bool HeldOpenPreparedCommand() => Convert.ToInt64(_rawCommand.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;

    [Benchmark(Description = "Collab MayAccessAsync (who asks, then the check), new scope + DbContext")]
    public async Task<bool> Collab()
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccessService>().MayAccessAsync(_officeUser, _administration);
    }

    [Benchmark(Description = "Collab MayAccessAsync (who asks, then the check), pooled DbContext")]
    public async Task<bool> CollabPooledContext()
    {
        await using var scope = _pooledProvider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccessService>().MayAccessAsync(_officeUser, _administration);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rawCommand.Dispose();
        _raw.Dispose();
        _provider.Dispose();
        _pooledProvider.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
