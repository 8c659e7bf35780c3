using Collab.Lifecycle;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Collab.Licences;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// LIC-3: verifying one licence file. Baseline: the bare ECDSA P-256 signature check over the same bytes, which
/// no verifier can skip. Collab adds the format split, canonical base64url decoding, the key lookup, reading the
/// JSON content and the SHA-256 fingerprint.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class LicenceVerificationBenchmarks
{
    private LicenceVerifier _verifier = null!;
    private byte[] _file = [];
    private byte[] _signed = [];
    private byte[] _signature = [];
    private ECDsa _publicKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new LicenceSigner("bench", key);
        _file = signer.Sign(new LicenceContent("SN-1", "SnelStart", LicenseeKind.Client, Guid.CreateVersion7(), "Bakkerij Bakker",
            [AdministrationNumber.From(4711)], ["boekhouden", "facturen", "salarissen"], new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)));
        var options = new CollabOptions();
        options.Licences.TrustedKeys.Add(new TrustedLicenceKey { KeyId = "bench", PublicKey = signer.ExportPublicKey() });
        _verifier = new LicenceVerifier(Options.Create(options));
        var lines = Encoding.ASCII.GetString(_file).Split('\n');
        _signed = Encoding.ASCII.GetBytes(lines[0] + "\n" + lines[1]);
        _signature = System.Buffers.Text.Base64Url.DecodeFromChars(lines[2]);
        _publicKey = ECDsa.Create();
        _publicKey.ImportSubjectPublicKeyInfo(Convert.FromBase64String(signer.ExportPublicKey()), out _);
    }

    [Benchmark(Baseline = true, Description = "ECDsa.VerifyData (signature only)")]
    public bool BareSignature() =>
        _publicKey.VerifyData(_signed, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    [Benchmark(Description = "Collab LicenceVerifier.Verify (whole file)")]
    public int Collab() => _verifier.Verify(_file).Content.Modules.Count;

    [GlobalCleanup]
    public void Cleanup() => _publicKey.Dispose();
}

/// <summary>
/// RET-2: the daily deletion and warning scan over 1 000 000 scheduled deletions (100 000 in CI), of which
/// 2 000 have something to do. Baseline: the same query in raw SQL materializing its 500 rows. Collab returns
/// tracked schedules ready to be warned, blocked or completed.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class DeletionScanBenchmarks
{
    private BenchmarkSqlite _database = null!;
    private Instant _now;

    public static IEnumerable<int> Sizes => [CollabBenchmarkConfig.CiMode ? 100_000 : 1_000_000];

    [ParamsSource(nameof(Sizes))]
    public int Administrations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkSqlite.Create();
        var (office, client, company) = _database.SeedOfficeClientCompany();
        _now = Instant.FromUtc(2026, 6, 1, 8, 0);
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var administration = connection.CreateCommand();
        administration.CommandText =
            "INSERT INTO collab_administrations (Id, Number, Name, ClientId, CompanyId, State, Licence, Version) " +
            "VALUES ($id, $number, 'Administratie', $client, $company, 'Live', 'ClientSubscription', 1)";
        var adminId = administration.Parameters.Add("$id", SqliteType.Text);
        var number = administration.Parameters.Add("$number", SqliteType.Integer);
        administration.Parameters.AddWithValue("$client", client.Value.ToString().ToUpperInvariant());
        administration.Parameters.AddWithValue("$company", company.Value.ToString().ToUpperInvariant());
        administration.Prepare();
        using var schedule = connection.CreateCommand();
        schedule.CommandText =
            "INSERT INTO collab_deletions (Id, AdministrationId, AdministrationNumber, AdministrationName, ClientId, OfficeId, CancelledAt, DeleteOn, DueAt, WarningDays, WarningsPassed, NextActionAt, State, Version) " +
            "VALUES ($id, $admin, $number, 'Administratie', $client, $office, $cancelled, $deleteOn, $due, '30,7', 0, $next, 'Scheduled', 1)";
        var scheduleId = schedule.Parameters.Add("$id", SqliteType.Text);
        var scheduleAdmin = schedule.Parameters.Add("$admin", SqliteType.Text);
        var scheduleNumber = schedule.Parameters.Add("$number", SqliteType.Integer);
        schedule.Parameters.AddWithValue("$client", client.Value.ToString().ToUpperInvariant());
        schedule.Parameters.AddWithValue("$office", office.Value.ToString().ToUpperInvariant());
        var cancelled = schedule.Parameters.Add("$cancelled", SqliteType.Integer);
        var deleteOn = schedule.Parameters.Add("$deleteOn", SqliteType.Text);
        var due = schedule.Parameters.Add("$due", SqliteType.Integer);
        var next = schedule.Parameters.Add("$next", SqliteType.Integer);
        schedule.Prepare();
        for (var i = 0; i < Administrations; i++)
        {
            // 2 000 with a warning or deletion due now; the rest spread over the next 500 days.
            var nextAction = i < 2000 ? _now - Duration.FromHours(1 + i) : _now + Duration.FromMinutes(i);
            var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
            adminId.Value = id;
            number.Value = i + 1;
            administration.ExecuteNonQuery();
            scheduleId.Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
            scheduleAdmin.Value = id;
            scheduleNumber.Value = i + 1;
            cancelled.Value = (nextAction - Duration.FromDays(60)).ToUnixTimeTicks();
            deleteOn.Value = nextAction.InUtc().Date.PlusDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            due.Value = (nextAction + Duration.FromDays(30)).ToUnixTimeTicks();
            next.Value = nextAction.ToUnixTimeTicks();
            schedule.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [Benchmark(Baseline = true, Description = "raw SQL: 500 earliest due schedules")]
    public int RawSql() => _database.ReadRows(
        "SELECT Id, AdministrationId, AdministrationNumber, AdministrationName, ClientId, OfficeId, CancelledAt, DeleteOn, DueAt, WarningDays, WarningsPassed, NextActionAt, State, BlockedReason, DeletedAt, DeletionStartedAt, Policy, Version " +
        "FROM collab_deletions WHERE State = 'Scheduled' AND NextActionAt <= $now ORDER BY NextActionAt LIMIT 500",
        p => p.AddWithValue("$now", _now.ToUnixTimeTicks()));

    [Benchmark(Description = "Collab ILifecycleStore.FindDueDeletionWorkAsync (500)")]
    public async Task<int> Collab()
    {
        await using var scope = _database.Provider.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<ILifecycleStore>().FindDueDeletionWorkAsync(_now, 500, CancellationToken.None);
        return found.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();
}
