using System.Buffers.Text;
using System.Security.Cryptography;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>
/// A temporary link to a report (SHARE-1). The token is 16 bytes of link id and 32 random bytes (256 bits),
/// base64url-encoded; only the SHA-256 hash of the random part is stored and it is compared in constant time.
/// Opening the link is not spending it (mail scanners and previews open links): only the client's confirmed
/// view spends it, exactly once (SHARE-2, SHARE-12). It also stops at its expiry instant.
/// </summary>
public sealed class ShareLink : AggregateRoot
{
    private const int SecretBytes = 32;
    private const int TokenBytes = 16 + SecretBytes;

    private string _handedOut = string.Empty;

    private ShareLink() => SecretHash = [];

    /// <summary>The link's id (the first part of its token).</summary>
    public Guid Id { get; private set; }

    /// <summary>The report it opens.</summary>
    public DeliverableId DeliverableId { get; private set; }

    /// <summary>When it was issued.</summary>
    public Instant IssuedAt { get; private set; }

    /// <summary>When it stops working even if unused.</summary>
    public Instant ExpiresAt { get; private set; }

    /// <summary>When it was first opened (not spent).</summary>
    public Instant? FirstOpenedAt { get; private set; }

    /// <summary>When the client's confirmed view spent it.</summary>
    public Instant? SpentAt { get; private set; }

    /// <summary>When the office replaced it with a fresh link.</summary>
    public Instant? ReplacedAt { get; private set; }

    /// <summary>
    /// For store authors: the SHA-256 of the token's secret part (32 bytes). The token itself is never stored;
    /// <see cref="DeliverableLinks"/> compares a presented token with this hash in constant time. Not to be modified.
    /// </summary>
    public byte[] SecretHash { get; private set; }

    /// <summary>Until when the confirmed view may fetch the deliverable's documents, each once; null until spent (SHARE-14).</summary>
    public Instant? ViewEndsAt { get; private set; }

    /// <summary>For store authors: the SHA-256 of the view token's secret part, set when the link is spent. Not to be modified.</summary>
    public byte[]? ViewSecretHash { get; private set; }

    /// <summary>The documents already handed out through this link's view, each at most once.</summary>
    public IReadOnlyList<DocumentId> HandedOut => _handedOut.Length == 0 ? [] : _handedOut.Split(',').Select(g => new DocumentId(Guid.Parse(g))).ToList();

    /// <summary>Issues a link and returns its token; the token exists only in the caller's hands and the notification.</summary>
    internal static (ShareLink Link, string Token) Issue(DeliverableId deliverable, Instant now, Instant expiresAt)
    {
        var id = Guid.CreateVersion7();
        Span<byte> token = stackalloc byte[TokenBytes];
        id.TryWriteBytes(token[..16]);
        RandomNumberGenerator.Fill(token[16..]);
        var link = new ShareLink { Id = id, DeliverableId = deliverable, IssuedAt = now, ExpiresAt = expiresAt, SecretHash = SHA256.HashData(token[16..]) };
        return (link, Base64Url.EncodeToString(token));
    }

    /// <summary>Reads the link id out of a token, or null when the token is not one of Collab's.</summary>
    internal static Guid? ParseId(string? token, out byte[] secret)
    {
        secret = [];
        if (token is null || token.Length != Base64Url.GetEncodedLength(TokenBytes))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[TokenBytes];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenBytes)
        {
            return null;
        }

        secret = bytes[16..].ToArray();
        return new Guid(bytes[..16]);
    }

    /// <summary>
    /// The one comparison every presented token goes through (SHARE-1): the secret is hashed and compared in constant time
    /// with the stored hash, or, when there is none (an unknown link id, a view not opened yet), with a fixed dummy hash,
    /// so an unknown id and a wrong secret take the same path and the same time.
    /// </summary>
    internal static bool SecretMatches(ReadOnlySpan<byte> secret, byte[]? storedHash)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(secret, hash);
        var equal = CryptographicOperations.FixedTimeEquals(hash, storedHash is { Length: SHA256.HashSizeInBytes } ? storedHash : DummyHash);
        TokenComparisons.Counted();
        return equal & (storedHash is not null);
    }

    // Random per process: no presented secret can be known to hash to it.
    private static readonly byte[] DummyHash = RandomNumberGenerator.GetBytes(SHA256.HashSizeInBytes);

    /// <summary>Why the link cannot be used now, or null when it can. The reasons reveal nothing about the report.</summary>
    internal CollabRefusalException? Unusable(Instant now) =>
        SpentAt is not null ? CollabRefusals.LinkSpent()
        : ReplacedAt is not null ? CollabRefusals.LinkReplaced()
        : now >= ExpiresAt ? CollabRefusals.LinkExpired()
        : null;

    internal void Open(Instant now)
    {
        if (FirstOpenedAt is null)
        {
            FirstOpenedAt = now;
            Raise(new DeliverableChanged(now, Actor.System("link"), AuditAction.LinkOpened, DeliverableId, $"link={Id}"));
        }
    }

    /// <summary>
    /// Spends the link and opens its view: a second token, returned once, with which the client fetches each document
    /// of the deliverable once until <paramref name="viewEndsAt"/> (SHARE-14).
    /// </summary>
    internal string Spend(Instant now, Instant viewEndsAt)
    {
        SpentAt = now;
        ViewEndsAt = viewEndsAt;
        Span<byte> token = stackalloc byte[TokenBytes];
        Id.TryWriteBytes(token[..16]);
        RandomNumberGenerator.Fill(token[16..]);
        ViewSecretHash = SHA256.HashData(token[16..]);
        Raise(new DeliverableChanged(now, Actor.System("link"), AuditAction.LinkViewed, DeliverableId, $"link={Id};viewEndsAt={viewEndsAt}"));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Hands a document out through the view whose secret <see cref="SecretMatches"/> accepted: before the view ends, once per document.</summary>
    internal void HandOut(DocumentId document, string sha256, Instant now)
    {
        if (ViewSecretHash is null)
        {
            throw CollabRefusals.LinkViewUnknown();
        }

        if (ReplacedAt is not null)
        {
            throw CollabRefusals.LinkReplaced();
        }

        if (now >= ViewEndsAt)
        {
            throw CollabRefusals.LinkViewEnded();
        }

        if (HandedOut.Contains(document))
        {
            throw CollabRefusals.LinkDocumentTaken();
        }

        _handedOut = _handedOut.Length == 0 ? document.Value.ToString() : $"{_handedOut},{document.Value}";
        Raise(new DeliverableChanged(now, Actor.System("link"), AuditAction.DocumentReadThroughLink, DeliverableId, $"link={Id};document={document};sha256={sha256}"));
    }

    internal void Replace(Actor actor, Guid replacement, Instant now)
    {
        ReplacedAt = now;
        Raise(new DeliverableChanged(now, actor, AuditAction.LinkReissued, DeliverableId, $"link={Id};replacement={replacement}"));
    }
}

/// <summary>
/// Test seam (SHARE-1): counts the token comparisons made in the current asynchronous flow, so a test can prove that an
/// unknown link id and a wrong secret both pay for the hash comparison. Counts nothing unless a test started counting.
/// </summary>
internal static class TokenComparisons
{
    private static readonly AsyncLocal<System.Runtime.CompilerServices.StrongBox<int>?> Counter = new();

    /// <summary>Starts counting in this flow and returns the box the count goes into.</summary>
    internal static System.Runtime.CompilerServices.StrongBox<int> Start() => Counter.Value = new System.Runtime.CompilerServices.StrongBox<int>();

    internal static void Counted()
    {
        if (Counter.Value is { } box)
        {
            box.Value++;
        }
    }
}
