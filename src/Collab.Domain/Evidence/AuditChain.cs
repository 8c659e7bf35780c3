using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;

namespace Collab.Evidence;

/// <summary>
/// The hash chain of the audit trail (AUD-2). The rows of one administration, else of one office, else of the platform,
/// form a chain: each row carries the SHA-256 of its canonical content together with its predecessor's hash, so
/// changing, removing, inserting or reordering a row breaks the chain at that row. Pure code: no database.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of a chain's first row: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The chain of the rows that belong to no administration and no office.</summary>
    public const string Platform = "platform";

    /// <summary>The chain of the rows written before audit rows were chained (schema version 5), in their order.</summary>
    public const string Legacy = "legacy";

    private static readonly JsonWriterOptions Canonical = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The chain of an administration's rows.</summary>
    /// <param name="administration">The administration.</param>
    /// <returns>The chain's key.</returns>
    public static string Of(AdministrationId administration) => "administration:" + administration;

    /// <summary>The chain of an office's rows that belong to no administration.</summary>
    /// <param name="office">The office.</param>
    /// <returns>The chain's key.</returns>
    public static string Of(OfficeId office) => "office:" + office;

    /// <summary>
    /// The hash a row carries: SHA-256, lower-case hex, of the JSON array <c>[chain, id, at (Unix microseconds), actor kind,
    /// actor id, action, subject type, subject id, details, previous hash]</c>, written without whitespace in UTF-8.
    /// </summary>
    /// <param name="row">The row; its own <see cref="AuditChainRow.Hash"/> is ignored.</param>
    /// <returns>The hash.</returns>
    public static string Hash(AuditChainRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer, Canonical);
        writer.Reset(buffer);
        Write(writer, row);
        writer.Flush();
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The canonical bytes <see cref="Hash"/> hashes (for tools that hash on their own).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The bytes.</returns>
    public static byte[] CanonicalBytes(AuditChainRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Canonical))
        {
            Write(writer, row);
        }

        return buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    private static void Write(Utf8JsonWriter writer, AuditChainRow row)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(row.Chain);
        writer.WriteStringValue(row.Id);
        writer.WriteNumberValue(Microseconds(row.At));
        writer.WriteStringValue(ActorKinds.Name(row.ActorKind));
        writer.WriteStringValue(row.ActorId);
        writer.WriteStringValue(Actions.Name(row.Action));
        writer.WriteStringValue(row.SubjectType);
        writer.WriteStringValue(row.SubjectId);
        writer.WriteStringValue(row.Details);
        writer.WriteStringValue(row.PreviousHash);
        writer.WriteEndArray();
    }

    // Databases keep instants to the microsecond (PostgreSQL); the hash covers what survives a round trip.
    private static long Microseconds(Instant at) => at.ToUnixTimeTicks() / 10;

    /// <summary>Checks a chain, oldest row first, and names the first row that was changed, removed or inserted.</summary>
    /// <param name="chain">The chain's key.</param>
    /// <param name="rows">Its rows in position order.</param>
    /// <param name="start">The checkpoint its older rows were deleted under (RET-2), or null when it starts at position 1.</param>
    /// <param name="head">The last position and hash the store recorded for the chain, or null to skip that check.</param>
    /// <returns>Intact, or the first break.</returns>
    public static AuditChainVerification Verify(string chain, IEnumerable<AuditChainRow> rows, AuditCheckpoint? start = null, AuditChainHead? head = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(rows);
        var walk = new Walk(chain, start);
        foreach (var row in rows)
        {
            if (walk.Next(row) is { } broken)
            {
                return broken;
            }
        }

        return walk.End(head);
    }

    /// <summary>
    /// Checks a chain as its rows stream in, oldest first, holding two rows at a time (constant memory, for chains of
    /// millions of rows read straight from the store), and names the first row that was changed, removed or inserted.
    /// </summary>
    /// <param name="chain">The chain's key.</param>
    /// <param name="rows">Its rows in position order; reading stops at the first break.</param>
    /// <param name="start">The checkpoint its older rows were deleted under (RET-2), or null when it starts at position 1.</param>
    /// <param name="head">The last position and hash the store recorded for the chain, or null to skip that check.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>Intact, or the first break.</returns>
    public static async Task<AuditChainVerification> VerifyAsync(string chain, IAsyncEnumerable<AuditChainRow> rows, AuditCheckpoint? start = null, AuditChainHead? head = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(rows);
        var walk = new Walk(chain, start);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (walk.Next(row) is { } broken)
            {
                return broken;
            }
        }

        return walk.End(head);
    }

    // The verification's state: each row is judged when the one after it arrives (an inserted row is told from a
    // removed one by whether the next row links past it), so two rows are held at a time.
    private sealed class Walk(string chain, AuditCheckpoint? start)
    {
        private long _expectedPosition = (start?.Position ?? 0) + 1;
        private string _expectedPrevious = start?.Hash ?? Genesis;
        private string? _beforePrevious;
        private long _count;
        private AuditChainRow? _pending;

        public AuditChainVerification? Next(AuditChainRow row)
        {
            var judged = _pending is null ? null : Judge(_pending, row);
            _pending = row;
            return judged;
        }

        public AuditChainVerification End(AuditChainHead? head)
        {
            if (_pending is not null && Judge(_pending, null) is { } broken)
            {
                return broken;
            }

            if (head is { } h && (h.Position != _expectedPosition - 1 || !string.Equals(h.Hash, _expectedPrevious, StringComparison.Ordinal)))
            {
                return h.Position >= _expectedPosition
                    ? Break(AuditChainBreakKind.Removed, _expectedPosition, null)
                    : Break(AuditChainBreakKind.Changed, _expectedPosition - 1, null);
            }

            return new AuditChainVerification(chain, _count, null);
        }

        private AuditChainVerification? Judge(AuditChainRow row, AuditChainRow? next)
        {
            if (!string.Equals(row.Chain, chain, StringComparison.Ordinal) || row.Position < _expectedPosition)
            {
                return Break(AuditChainBreakKind.Inserted, row.Position, row.Id);
            }

            if (row.Position > _expectedPosition)
            {
                return Break(AuditChainBreakKind.Removed, _expectedPosition, row.Id);
            }

            if (!string.Equals(Hash(row), row.Hash, StringComparison.Ordinal))
            {
                return Break(AuditChainBreakKind.Changed, row.Position, row.Id);
            }

            if (!string.Equals(row.PreviousHash, _expectedPrevious, StringComparison.Ordinal))
            {
                // The row before was put in (it links where this one should), this row was put in (the next one links
                // past it), or rows were taken out here.
                if (_beforePrevious is not null && string.Equals(row.PreviousHash, _beforePrevious, StringComparison.Ordinal))
                {
                    return Break(AuditChainBreakKind.Inserted, row.Position - 1, null);
                }

                return next is not null && string.Equals(next.PreviousHash, _expectedPrevious, StringComparison.Ordinal)
                    ? Break(AuditChainBreakKind.Inserted, row.Position, row.Id)
                    : Break(AuditChainBreakKind.Removed, row.Position, row.Id);
            }

            _beforePrevious = _expectedPrevious;
            _expectedPrevious = row.Hash;
            _expectedPosition++;
            _count++;
            return null;
        }

        private AuditChainVerification Break(AuditChainBreakKind kind, long position, Guid? id) =>
            new(chain, _count, new AuditChainBreak(kind, position, id));
    }

    private static class ActorKinds
    {
        private static readonly Dictionary<ActorKind, string> Names = Enum.GetValues<ActorKind>().ToDictionary(k => k, k => k.ToString());

        public static string Name(ActorKind kind) => Names.TryGetValue(kind, out var name) ? name : ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static class Actions
    {
        // AUD-2: the stored name, which a renamed member keeps, so rows hash the same before and after a rename.
        public static string Name(AuditAction action) => AuditActionNames.Stored(action);
    }
}

/// <summary>One row of an audit chain, as stored (AUD-2).</summary>
/// <param name="Chain">The chain's key (<see cref="AuditChain.Of(AdministrationId)"/>, <see cref="AuditChain.Of(OfficeId)"/> or <see cref="AuditChain.Platform"/>).</param>
/// <param name="Position">Its place in the chain, from 1.</param>
/// <param name="Id">The row's id.</param>
/// <param name="At">When.</param>
/// <param name="ActorKind">Who acted: the kind.</param>
/// <param name="ActorId">Who acted: the id.</param>
/// <param name="Action">What was done.</param>
/// <param name="SubjectType">What it was done to: the type.</param>
/// <param name="SubjectId">What it was done to: the id.</param>
/// <param name="Details">The recorded details.</param>
/// <param name="PreviousHash">The predecessor's hash, or <see cref="AuditChain.Genesis"/>.</param>
/// <param name="Hash">This row's hash (<see cref="AuditChain.Hash"/>).</param>
public sealed record AuditChainRow(
    string Chain, long Position, Guid Id, Instant At, ActorKind ActorKind, string ActorId, AuditAction Action,
    string SubjectType, string SubjectId, string Details, string PreviousHash, string Hash);

/// <summary>Where a chain stands: its last position and that row's hash.</summary>
/// <param name="Position">The last position, 0 for an empty chain.</param>
/// <param name="Hash">The last row's hash, or <see cref="AuditChain.Genesis"/>.</param>
public readonly record struct AuditChainHead(long Position, string Hash);

/// <summary>
/// What is left of a chain's deleted rows (AUD-2, RET-2): the last deleted row's position and hash and when they were
/// deleted, signed with the vendor's receipt key, so the rows after it still verify.
/// </summary>
/// <param name="Chain">The chain.</param>
/// <param name="Position">The last deleted row's position.</param>
/// <param name="Hash">The last deleted row's hash.</param>
/// <param name="DeletedAt">When they were deleted.</param>
/// <param name="KeyId">The signing key's id.</param>
/// <param name="Signature">ECDSA P-256 over <see cref="Payload"/>, base64url.</param>
public sealed record AuditCheckpoint(string Chain, long Position, string Hash, Instant DeletedAt, string KeyId, string Signature)
{
    /// <summary>The signed text: <c>collab-checkpoint/1|chain|position|hash|Unix microseconds</c>, UTF-8.</summary>
    /// <returns>The bytes.</returns>
    public byte[] Payload() => System.Text.Encoding.UTF8.GetBytes(
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"collab-checkpoint/1|{Chain}|{Position}|{Hash}|{DeletedAt.ToUnixTimeTicks() / 10}"));

    /// <summary>Whether the signature holds for the public key.</summary>
    /// <param name="publicKey">The receipt public key: base64 SubjectPublicKeyInfo or PEM.</param>
    /// <returns>True when it does.</returns>
    public bool IsSignedBy(string publicKey)
    {
        using var key = Licences.LicenceVerifier.ReadPublicKey(publicKey);
        Span<byte> signature = stackalloc byte[64];
        return System.Buffers.Text.Base64Url.IsValid(Signature, out var length) && length == 64
            && System.Buffers.Text.Base64Url.DecodeFromChars(Signature, signature) == 64
            && key.VerifyData(Payload(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}

/// <summary>What kind of break a chain has.</summary>
public enum AuditChainBreakKind
{
    /// <summary>A row's content no longer matches its hash.</summary>
    Changed = 1,

    /// <summary>A row is missing here (a gap, or the next row links past it).</summary>
    Removed = 2,

    /// <summary>A row was put in here (a repeated position, or it links where another row should).</summary>
    Inserted = 3,
}

/// <summary>The first break in a chain.</summary>
/// <param name="Kind">Changed, removed or inserted.</param>
/// <param name="Position">The position of the row that was changed or inserted, or where a row is missing.</param>
/// <param name="RowId">The row found there, when there is one.</param>
public sealed record AuditChainBreak(AuditChainBreakKind Kind, long Position, Guid? RowId);

/// <summary>The outcome of verifying a chain.</summary>
/// <param name="Chain">The chain.</param>
/// <param name="RowsVerified">How many rows verified before the first break (all, when intact).</param>
/// <param name="FirstBreak">The first break; null when the chain is intact.</param>
public sealed record AuditChainVerification(string Chain, long RowsVerified, AuditChainBreak? FirstBreak)
{
    /// <summary>Whether the chain is intact.</summary>
    public bool IsIntact => FirstBreak is null;
}

/// <summary>Which chain an aggregate's audit rows go in (AUD-2).</summary>
public static class AuditChains
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<object, string>> Rules = new();

    /// <summary>
    /// The chain of the rows an aggregate's events become: its administration's when it belongs to one, else its
    /// office's, else <see cref="AuditChain.Platform"/>.
    /// </summary>
    /// <param name="aggregate">The aggregate that raised the events.</param>
    /// <returns>The chain's key.</returns>
    public static string For(AggregateRoot aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return Rules.GetOrAdd(aggregate.GetType(), Rule)(aggregate);
    }

    private static Func<object, string> Rule(Type type)
    {
        var properties = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
        var administration = Find(properties, typeof(AdministrationId), "AdministrationId");
        var office = Find(properties, typeof(OfficeId), "OfficeId");
        return aggregate =>
            administration?.GetValue(aggregate) is AdministrationId a && a != default ? AuditChain.Of(a)
            : office?.GetValue(aggregate) is OfficeId o && o != default ? AuditChain.Of(o)
            : AuditChain.Platform;
    }

    // The aggregate's own id (an Administration's, an Office's) or the id it refers to, by type, nullable or not.
    private static System.Reflection.PropertyInfo? Find(System.Reflection.PropertyInfo[] properties, Type id, string name) =>
        properties.FirstOrDefault(p => p.Name == "Id" && (p.PropertyType == id || Nullable.GetUnderlyingType(p.PropertyType) == id))
        ?? properties.FirstOrDefault(p => p.Name == name && (p.PropertyType == id || Nullable.GetUnderlyingType(p.PropertyType) == id));
}
