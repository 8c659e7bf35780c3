using System.Buffers.Text;
using System.Security.Cryptography;

namespace Collab.Evidence;

/// <summary>
/// Checks a receipt (SHARE-18) without Collab's database or services: its signature against the vendor's public key,
/// its key id, that no field is missing, and the SHA-256 of each document file against the receipt.
/// </summary>
public static class ReceiptVerifier
{
    /// <summary>Checks a receipt.</summary>
    /// <param name="receipt">The receipt's bytes (canonical, or the same JSON reformatted).</param>
    /// <param name="publicKey">The vendor's receipt public key: base64 SubjectPublicKeyInfo or PEM.</param>
    /// <param name="documents">The document files to check; none (null or empty) to check the signature only.</param>
    /// <param name="expectedKeyId">The key id the public key belongs to; null to accept the receipt's own.</param>
    /// <returns>Valid, or each thing that differs.</returns>
    /// <exception cref="ArgumentException">The public key cannot be read.</exception>
    public static ReceiptVerification Verify(ReadOnlySpan<byte> receipt, string publicKey, IEnumerable<ReceiptFile>? documents = null, string? expectedKeyId = null)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        using var key = Licences.LicenceVerifier.ReadPublicKey(publicKey);
        return Verify(receipt, key, documents, expectedKeyId);
    }

    /// <summary>Checks a receipt with a public key already read (for checking many receipts with one key).</summary>
    /// <param name="receipt">The receipt's bytes (canonical, or the same JSON reformatted).</param>
    /// <param name="publicKey">The vendor's receipt public key (ECDSA P-256); not disposed.</param>
    /// <param name="documents">The document files to check; none (null or empty) to check the signature only.</param>
    /// <param name="expectedKeyId">The key id the public key belongs to; null to accept the receipt's own.</param>
    /// <returns>Valid, or each thing that differs.</returns>
    public static ReceiptVerification Verify(ReadOnlySpan<byte> receipt, ECDsa publicKey, IEnumerable<ReceiptFile>? documents = null, string? expectedKeyId = null)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var key = publicKey;
        var differences = new List<ReceiptDifference>();
        var (parsed, missing) = ReceiptJson.Read(receipt);
        if (parsed is null)
        {
            return new ReceiptVerification(null, [new ReceiptDifference(ReceiptDifferenceKind.Unreadable, "receipt")]);
        }

        differences.AddRange(missing.Select(m => new ReceiptDifference(ReceiptDifferenceKind.MissingField, m)));
        if (expectedKeyId is not null && !string.Equals(expectedKeyId, parsed.KeyId, StringComparison.Ordinal))
        {
            differences.Add(new ReceiptDifference(ReceiptDifferenceKind.KeyId, parsed.KeyId));
        }

        if (!SignatureHolds(parsed, key))
        {
            differences.Add(new ReceiptDifference(ReceiptDifferenceKind.Signature, "signature"));
        }

        var files = documents?.ToList() ?? [];
        if (files.Count > 0) // none given: the signature only
        {
            CompareDocuments(parsed, files, differences);
        }

        return new ReceiptVerification(parsed, differences);
    }

    private static bool SignatureHolds(ApprovalReceipt receipt, ECDsa key)
    {
        Span<byte> signature = stackalloc byte[64];
        return Base64Url.IsValid(receipt.Signature, out var length) && length == 64
            && Base64Url.DecodeFromChars(receipt.Signature, signature) == 64
            && string.Equals(Base64Url.EncodeToString(signature), receipt.Signature, StringComparison.Ordinal) // one spelling only
            && key.VerifyData(ReceiptJson.Write(receipt, withSignature: false), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static void CompareDocuments(ApprovalReceipt receipt, IEnumerable<ReceiptFile> documents, List<ReceiptDifference> differences)
    {
        var given = documents.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var document in receipt.Documents)
        {
            if (!given.Remove(document.Name, out var file))
            {
                differences.Add(new ReceiptDifference(ReceiptDifferenceKind.DocumentMissing, document.Name));
            }
            else if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(file.Content.Span)), document.Sha256, StringComparison.Ordinal))
            {
                differences.Add(new ReceiptDifference(ReceiptDifferenceKind.DocumentHash, document.Name));
            }
        }

        differences.AddRange(given.Keys.Order(StringComparer.Ordinal).Select(name => new ReceiptDifference(ReceiptDifferenceKind.DocumentNotInReceipt, name)));
    }
}

/// <summary>A document file handed to <see cref="ReceiptVerifier"/>.</summary>
/// <param name="Name">Its file name, as the receipt names it.</param>
/// <param name="Content">Its bytes.</param>
public sealed record ReceiptFile(string Name, ReadOnlyMemory<byte> Content);

/// <summary>The outcome of checking a receipt.</summary>
/// <param name="Receipt">The receipt as read; null when it was not readable.</param>
/// <param name="Differences">Each thing that differs; empty when the receipt is valid.</param>
public sealed record ReceiptVerification(ApprovalReceipt? Receipt, IReadOnlyList<ReceiptDifference> Differences)
{
    /// <summary>Whether the receipt is valid: signed by the key, complete, and every document given matches.</summary>
    public bool IsValid => Differences.Count == 0;
}

/// <summary>What kind of thing differs in a receipt.</summary>
public enum ReceiptDifferenceKind
{
    /// <summary>The bytes are not a receipt (not JSON, or not an object).</summary>
    Unreadable = 1,

    /// <summary>A field is missing, mistyped or unknown.</summary>
    MissingField = 2,

    /// <summary>The signature does not match the content and the public key.</summary>
    Signature = 3,

    /// <summary>The receipt names another key than the one given.</summary>
    KeyId = 4,

    /// <summary>A document's SHA-256 differs from the receipt.</summary>
    DocumentHash = 5,

    /// <summary>A document the receipt names was not given.</summary>
    DocumentMissing = 6,

    /// <summary>A document was given that the receipt does not name.</summary>
    DocumentNotInReceipt = 7,
}

/// <summary>One thing that differs in a receipt.</summary>
/// <param name="Kind">What kind of thing.</param>
/// <param name="Subject">Which one: a field, a document's name, or the key id the receipt names.</param>
public sealed record ReceiptDifference(ReceiptDifferenceKind Kind, string Subject)
{
    /// <summary>The difference in words, Dutch (<c>nl</c>, the default) or English (<c>en</c>).</summary>
    /// <param name="language"><c>nl</c> or <c>en</c>.</param>
    /// <returns>One sentence.</returns>
    public string Describe(string language = "nl")
    {
        var en = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
        return Kind switch
        {
            ReceiptDifferenceKind.Unreadable => en ? "The file is not a receipt." : "Het bestand is geen ontvangstbewijs.",
            ReceiptDifferenceKind.MissingField => en ? $"The field {Subject} is missing or wrong." : $"Het veld {Subject} ontbreekt of klopt niet.",
            ReceiptDifferenceKind.Signature => en ? "The signature does not match: the receipt was changed or signed with another key." : "De handtekening klopt niet: het ontvangstbewijs is gewijzigd of met een andere sleutel ondertekend.",
            ReceiptDifferenceKind.KeyId => en ? $"The receipt was signed with key {Subject}, not with the key given." : $"Het ontvangstbewijs is ondertekend met sleutel {Subject}, niet met de opgegeven sleutel.",
            ReceiptDifferenceKind.DocumentHash => en ? $"The document {Subject} differs from the one decided on." : $"Het document {Subject} verschilt van het document waarover is beslist.",
            ReceiptDifferenceKind.DocumentMissing => en ? $"The document {Subject} was not given." : $"Het document {Subject} is niet meegegeven.",
            _ => en ? $"The document {Subject} is not in the receipt." : $"Het document {Subject} staat niet op het ontvangstbewijs.",
        };
    }
}
