using System.Buffers;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Collab.Authorization;
using Collab.Evidence;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// AUD-2: verifying an audit chain of 1 000 000 rows (recomputing every row's canonical bytes and hash, checking
/// positions and links). Baseline: SHA-256 of the same canonical bytes, already laid out in memory — the hashing
/// alone, which no verifier can skip. Target ≤ 2×.
/// </summary>
[Config(typeof(LargeOperationConfig))]
public class AuditChainVerifyBenchmarks
{
    private const int Rows = 1_000_000;
    private AuditChainRow[] _rows = [];
    private byte[][] _canonical = [];
    private AuditChainHead _head;

    [GlobalSetup]
    public void Setup()
    {
        const string chain = "office:0196d3a4-7f00-7000-8000-000000000001";
        _rows = new AuditChainRow[Rows];
        var previous = AuditChain.Genesis;
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);
        for (var i = 0; i < Rows; i++)
        {
            var row = new AuditChainRow(chain, i + 1, Guid.CreateVersion7(), at + Duration.FromSeconds(i), ActorKind.ClientUser, Guid.NewGuid().ToString(),
                AuditAction.DeliverableApproved, "report", Guid.NewGuid().ToString(), $"keptInHistory=True;revision=1;documents={new string('a', 64)}", previous, "");
            _rows[i] = row with { Hash = previous = AuditChain.Hash(row) };
        }

        _canonical = Array.ConvertAll(_rows, AuditChain.CanonicalBytes);
        _head = new AuditChainHead(Rows, previous);
        if (!Verify())
        {
            throw new InvalidOperationException("The chain must verify.");
        }
    }

    [Benchmark(Baseline = true, Description = "SHA-256 of the same bytes")]
    public int HashOnly() => AuditChainVerifyBenchmarks.HashAll(_canonical);

    // The baseline both chain benchmarks measure against: SHA-256 of each row's canonical bytes, nothing else.
    internal static int HashAll(byte[][] canonical)
    {
        Span<byte> hash = stackalloc byte[32];
        var x = 0;
        foreach (var bytes in canonical)
        {
            SHA256.HashData(bytes, hash);
            x ^= hash[0];
        }

        return x;
    }

    [Benchmark(Description = "AuditChain.Verify, 1 000 000 rows")]
    public bool Verify() => AuditChain.Verify(_rows[0].Chain, _rows, null, _head).IsIntact;
}

/// <summary>
/// SHARE-18: a receipt signed and verified (canonical JSON written, ECDSA P-256 signature, then read, rewritten and
/// checked) against a bare ECDSA P-256 sign and verify of the same bytes, both with the key already loaded. Target ≤ 1.5×.
/// A third row verifies from the public key as text (what collab-verify does once per file): that adds reading the key.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class ReceiptBenchmarks
{
    private ECDsa _key = null!;
    private ReceiptSigner _signer = null!;
    private ApprovalReceipt _unsigned = null!;
    private string _publicKey = string.Empty;
    private byte[] _payload = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _signer = new ReceiptSigner("bench", _key);
        _publicKey = _signer.ExportPublicKey();
        _unsigned = new ApprovalReceipt("approved",
            new ReceiptDeliverable(Guid.NewGuid().ToString(), "AnnualReport", "Jaarrekening 2025", "2025", Guid.NewGuid().ToString(), "Bakkerij Bakker B.V.", Guid.NewGuid().ToString(), 2),
            [new ReceiptDocument("jaarrekening.pdf", new string('a', 64)), new ReceiptDocument("toelichting.pdf", new string('b', 64))],
            new ReceiptDecider(Guid.NewGuid().ToString(), "Bea Bakker", "bea@bakker.nl", "client", "2026-01-02T03:04:05Z"), "password+totp",
            new ReceiptStatement("nl", "Ik geef akkoord op 'Jaarrekening 2025' (versie 2) met de genoemde documenten."),
            new ReceiptInstant("2026-03-01T10:00:00Z", "2026-03-01T11:00:00+01:00", "Europe/Amsterdam"),
            new ReceiptAuditRow("office:" + Guid.NewGuid(), Guid.NewGuid().ToString()), "", "");
        _payload = _signer.Sign(_unsigned).ToJson();
        if (!Receipt() || !BareEcdsa())
        {
            throw new InvalidOperationException("Both must verify.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Baseline = true, Description = "bare ECDSA P-256 sign + verify")]
    public bool BareEcdsa()
    {
        var signature = _key.SignData(_payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return _key.VerifyData(_payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    [Benchmark(Description = "receipt signed + verified")]
    public bool Receipt() => ReceiptVerifier.Verify(_signer.Sign(_unsigned).ToJson(), _key).IsValid;

    [Benchmark(Description = "receipt signed + verified, key read from text")]
    public bool ReceiptWithKeyText() => ReceiptVerifier.Verify(_signer.Sign(_unsigned).ToJson(), _publicKey).IsValid;
}

/// <summary>
/// AUD-2 end to end: <see cref="EvidenceService.VerifyAuditAsync"/> verifying a chain stored in SQLite — read as a stream
/// (one query, row by row, constant memory), every row's canonical bytes written and hashed, positions, links and the
/// head checked. Baseline: SHA-256 of the same rows' canonical bytes, already laid out in memory. Target ≤ 2×.
/// 1 000 000 rows in the full run, 100 000 in CI (generating a million rows takes a minute).
/// </summary>
[Config(typeof(LargeOperationConfig))]
public class StoredAuditChainVerifyBenchmarks
{
    private BenchmarkSqlite _database = null!;
    private byte[][] _canonical = [];
    private ActingParty _platform;

    [ParamsSource(nameof(Sizes))]
    public int Rows { get; set; }

    public static IEnumerable<int> Sizes => CollabBenchmarkConfig.CiMode ? [100_000] : [1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkSqlite.Create();
        _canonical = new byte[Rows][];
        using (var scope = _database.Provider.CreateScope())
        {
            _platform = scope.ServiceProvider.GetRequiredService<CollabPlatform>().Operator("bench");
            var context = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            var previous = AuditChain.Genesis;
            var at = Instant.FromUtc(2026, 1, 1, 0, 0);
            const int batch = 10_000;
            for (var start = 0; start < Rows; start += batch)
            {
                using var transaction = context.Database.BeginTransaction();
                for (var i = start; i < Math.Min(Rows, start + batch); i++)
                {
                    var row = new Persistence.EfCore.AuditEntry
                    {
                        Id = Guid.CreateVersion7(), Chain = AuditChain.Platform, ChainPosition = i + 1, PreviousHash = previous, At = at + Duration.FromSeconds(i),
                        ActorKind = ActorKind.ClientUser, ActorId = Guid.NewGuid().ToString(), Action = AuditAction.DeliverableApproved, SubjectType = "report",
                        SubjectId = Guid.NewGuid().ToString(), Details = $"keptInHistory=True;revision=1;documents={new string('a', 64)}",
                    };
                    var chained = row.ToChainRow();
                    row.Hash = previous = AuditChain.Hash(chained);
                    _canonical[i] = AuditChain.CanonicalBytes(chained);
                    context.Add(row);
                }

                context.SaveChanges();
                transaction.Commit();
                context.ChangeTracker.Clear();
            }

            context.Add(new Persistence.EfCore.AuditChainHeadEntry { Chain = AuditChain.Platform, Position = Rows, Hash = previous });
            context.SaveChanges();
        }

        if (!Verify().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("The stored chain must verify.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true, Description = "SHA-256 of the same bytes, in memory")]
    public int HashOnly() => AuditChainVerifyBenchmarks.HashAll(_canonical);

    [Benchmark(Description = "EvidenceService.VerifyAuditAsync, streamed from SQLite")]
    public async Task<bool> Verify()
    {
        await using var scope = _database.Provider.CreateAsyncScope();
        var verified = await scope.ServiceProvider.GetRequiredService<EvidenceService>().VerifyAuditAsync(_platform, AuditChain.Platform).ConfigureAwait(false);
        return verified.IsIntact && verified.RowsVerified == Rows;
    }
}
