using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Collab.Licences;

/// <summary>
/// Checks a licence file's form and signature against the trusted keys (LIC-3) before anything in it is
/// believed. It never throws anything but <see cref="CollabRefusalException"/> for any file, and the work is
/// bounded by <see cref="LicenceOptions.MaxFileBytes"/>. Whether the licence fits an administration (licensee,
/// number, validity) is the import's check, <see cref="LicenceService"/>.
/// </summary>
/// <remarks>Thread-safe; registered as a singleton.</remarks>
public sealed class LicenceVerifier
{
    private readonly Dictionary<string, KeyPool> _keys;
    private readonly int _maxBytes;

    /// <summary>Creates the verifier from Collab's options.</summary>
    /// <param name="options">Collab's options; <see cref="CollabOptions.Licences"/> holds the trusted keys.</param>
    /// <exception cref="ArgumentException">A trusted key cannot be read (options validation reports this at start-up first).</exception>
    public LicenceVerifier(IOptions<CollabOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var licences = options.Value.Licences;
        _maxBytes = licences.MaxFileBytes;
        _keys = licences.TrustedKeys.ToDictionary(k => k.KeyId, k => new KeyPool(ReadPublicKey(k.PublicKey)), StringComparer.Ordinal);
    }

    /// <summary>Verifies a licence file.</summary>
    /// <param name="file">The file's bytes.</param>
    /// <returns>What the licence says, with the signing key and the file's fingerprint.</returns>
    /// <exception cref="CollabRefusalException">
    /// Code <c>licence.empty</c>, <c>licence.too-large</c>, <c>licence.malformed</c>, <c>licence.unknown-issuer</c>,
    /// <c>licence.tampered</c> or <c>licence.unreadable-content</c>; each reason says what to do.
    /// </exception>
    public VerifiedLicence Verify(ReadOnlyMemory<byte> file)
    {
        if (file.IsEmpty)
        {
            throw CollabRefusals.LicenceEmpty();
        }

        if (file.Length > _maxBytes)
        {
            throw CollabRefusals.LicenceTooLarge(file.Length, _maxBytes);
        }

        var (signed, keyId, payload, signature) = LicenceFormat.Split(file);
        if (!_keys.TryGetValue(keyId, out var pool))
        {
            throw CollabRefusals.LicenceUnknownIssuer(keyId);
        }

        if (!pool.Verify(signed.Span, signature))
        {
            throw CollabRefusals.LicenceTampered();
        }

        return new VerifiedLicence(LicenceFormat.Deserialize(payload), keyId, LicenceFormat.Fingerprint(file.Span));
    }

    internal static ECDsa ReadPublicKey(string text)
    {
        var key = ECDsa.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(text);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(text), out _);
            }

            if (key.KeySize != 256)
            {
                throw new ArgumentException("The key is not on the P-256 curve.");
            }

            return key;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new ArgumentException($"Trusted licence key cannot be read: {e.Message} Use the value LicenceSigner.ExportPublicKey() gives.", e);
        }
    }

    // ECDsa instances are not documented as safe for concurrent use, so each verification borrows one.
    private sealed class KeyPool(ECDsa first)
    {
        private readonly byte[] _publicKey = first.ExportSubjectPublicKeyInfo();
        private readonly ConcurrentBag<ECDsa> _idle = [first];

        public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
        {
            if (!_idle.TryTake(out var key))
            {
                key = ECDsa.Create();
                key.ImportSubjectPublicKeyInfo(_publicKey, out _);
            }

            try
            {
                return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }
            finally
            {
                _idle.Add(key);
            }
        }
    }
}
