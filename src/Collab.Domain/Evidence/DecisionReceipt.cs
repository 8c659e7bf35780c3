using NodaTime;

namespace Collab.Evidence;

/// <summary>
/// A signed receipt kept with its deliverable (SHARE-18): the canonical JSON exactly as signed, with what finds it.
/// Written in the same save as the decision and its audit row; never changed. For store authors.
/// </summary>
public sealed class DecisionReceipt : AggregateRoot
{
    private DecisionReceipt() => Json = string.Empty;

    /// <summary>The receipt's own id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The deliverable decided on.</summary>
    public DeliverableId DeliverableId { get; private set; }

    /// <summary>The revision decided on.</summary>
    public int Revision { get; private set; }

    /// <summary>Whether it was approved (else rejected).</summary>
    public bool Approved { get; private set; }

    /// <summary>The client user who decided.</summary>
    public UserId DecidedBy { get; private set; }

    /// <summary>When.</summary>
    public Instant DecidedAt { get; private set; }

    /// <summary>The signed receipt, canonical JSON (UTF-8 as text).</summary>
    public string Json { get; private set; }

    internal static DecisionReceipt Keep(DeliverableId deliverable, ApprovalReceipt receipt, UserId decidedBy, Instant at) => new()
    {
        Id = Guid.CreateVersion7(),
        DeliverableId = deliverable,
        Revision = receipt.Deliverable.Revision,
        Approved = receipt.Decision == "approved",
        DecidedBy = decidedBy,
        DecidedAt = at,
        Json = System.Text.Encoding.UTF8.GetString(receipt.ToJson()),
    };
}

/// <summary>Reads kept receipts (SHARE-18); the store port beside <see cref="DecisionReceipt"/>.</summary>
public interface IReceiptStore
{
    /// <summary>The receipts of a deliverable, oldest first.</summary>
    /// <param name="deliverable">The deliverable.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The receipts.</returns>
    Task<IReadOnlyList<DecisionReceipt>> ListReceiptsAsync(DeliverableId deliverable, CancellationToken cancellationToken = default);
}

/// <summary>
/// What the host knows about the person deciding that Collab's registry does not (SHARE-18): how it signed in, and
/// the name it goes by. Register one (scoped) to have them on receipts; without it a receipt says <c>unreported</c>
/// and names the user by its e-mail address.
/// </summary>
public interface IDecisionContext
{
    /// <summary>How the user signed in, as the host's identity provider reports it (for example <c>password+totp</c>, <c>eherkenning</c>).</summary>
    string AuthenticationMethod { get; }

    /// <summary>The signed-in person's name, or null.</summary>
    string? DisplayName { get; }
}

/// <summary>The receipt key (SHARE-18): the vendor's ECDSA P-256 private key and its id.</summary>
public sealed class ReceiptOptions
{
    /// <summary>The key's id, written into every receipt: 1 to 32 characters of a–z, 0–9 and '-'.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary>The private key: PEM (<c>-----BEGIN PRIVATE KEY-----</c> or <c>EC PRIVATE KEY</c>) or base64 PKCS#8. Keep it in a secret store.</summary>
    public string PrivateKey { get; set; } = string.Empty;

    /// <summary>Whether both are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(KeyId) && !string.IsNullOrWhiteSpace(PrivateKey);

    internal ReceiptSigner CreateSigner()
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException(
                "Collab signs a receipt for every approval and rejection (SHARE-18) but has no receipt key: set Collab:Receipts:KeyId and Collab:Receipts:PrivateKey "
                + "(an ECDSA P-256 private key, PEM or base64 PKCS#8). Make one with ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem().");
        }

        var key = System.Security.Cryptography.ECDsa.Create();
        try
        {
            if (PrivateKey.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(PrivateKey);
            }
            else
            {
                key.ImportPkcs8PrivateKey(Convert.FromBase64String(PrivateKey), out _);
            }

            return new ReceiptSigner(KeyId, key);
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidOperationException($"Collab:Receipts:PrivateKey cannot be read as an ECDSA P-256 private key (PEM or base64 PKCS#8): {e.Message}", e);
        }
    }
}
