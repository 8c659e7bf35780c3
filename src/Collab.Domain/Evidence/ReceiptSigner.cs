using System.Buffers.Text;
using System.Security.Cryptography;

namespace Collab.Evidence;

/// <summary>
/// Signs receipts (SHARE-18) with the vendor's receipt key: ECDSA P-256 over SHA-256 of the receipt's canonical JSON
/// without its <c>signature</c> field, written as JWS ES256 writes signatures (IEEE P1363, base64url). Give verifiers
/// the public key (<see cref="ExportPublicKey"/>).
/// </summary>
/// <remarks>Thread-safe; it does not own <c>key</c> and does not dispose it.</remarks>
public sealed class ReceiptSigner
{
    private readonly ECDsa _key;
    private readonly Lock _gate = new();

    /// <summary>Creates a signer.</summary>
    /// <param name="keyId">The key's id, written into every receipt: 1 to 32 characters of a–z, 0–9 and '-'.</param>
    /// <param name="key">An ECDSA key on the P-256 curve with its private part.</param>
    /// <exception cref="ArgumentException">The key id is invalid or the key is not P-256.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ReceiptSigner(string keyId, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(key);
        if (!Licences.LicenceFormat.IsValidKeyId(keyId))
        {
            throw new ArgumentException("A receipt key id is 1 to 32 characters of a-z, 0-9 and '-'.", nameof(keyId));
        }

        if (key.KeySize != 256)
        {
            throw new ArgumentException("Receipts are signed with ECDSA on the P-256 curve: create the key with ECDsa.Create(ECCurve.NamedCurves.nistP256).", nameof(key));
        }

        (KeyId, _key) = (keyId, key);
    }

    /// <summary>The id of the signing key.</summary>
    public string KeyId { get; }

    /// <summary>Signs a receipt: sets its key id and signature.</summary>
    /// <param name="receipt">The receipt; its <see cref="ApprovalReceipt.KeyId"/> and <see cref="ApprovalReceipt.Signature"/> are replaced.</param>
    /// <returns>The signed receipt.</returns>
    public ApprovalReceipt Sign(ApprovalReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var unsigned = receipt with { KeyId = KeyId, Signature = string.Empty };
        var payload = ReceiptJson.Write(unsigned, withSignature: false);
        byte[] signature;
        lock (_gate)
        {
            signature = _key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        return unsigned with { Signature = Base64Url.EncodeToString(signature) };
    }

    /// <summary>Signs the checkpoint left when a chain's oldest rows are deleted (AUD-2, RET-2).</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="position">The last deleted row's position.</param>
    /// <param name="hash">The last deleted row's hash.</param>
    /// <param name="deletedAt">When they were deleted.</param>
    /// <returns>The signed checkpoint.</returns>
    public AuditCheckpoint SignCheckpoint(string chain, long position, string hash, NodaTime.Instant deletedAt)
    {
        var unsigned = new AuditCheckpoint(chain, position, hash, deletedAt, KeyId, string.Empty);
        lock (_gate)
        {
            return unsigned with { Signature = Base64Url.EncodeToString(_key.SignData(unsigned.Payload(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)) };
        }
    }

    /// <summary>The public key verifiers need, as base64 SubjectPublicKeyInfo.</summary>
    /// <returns>The public key.</returns>
    public string ExportPublicKey()
    {
        lock (_gate)
        {
            return Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());
        }
    }

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), for a file next to the receipts.</summary>
    /// <returns>The PEM text.</returns>
    public string ExportPublicKeyPem()
    {
        lock (_gate)
        {
            return _key.ExportSubjectPublicKeyInfoPem();
        }
    }
}
