using System.Security.Cryptography;
using System.Text;

namespace Collab.Licences;

/// <summary>
/// The issuer's side: writes and signs licence files with an ECDSA P-256 private key. Runs at the vendor's
/// licence desk, not in the app that imports licences; give that app the public key
/// (<see cref="ExportPublicKey"/>) through <see cref="LicenceOptions.TrustedKeys"/>.
/// </summary>
/// <remarks>Thread-safe for signing; it does not own <c>key</c> and does not dispose it.</remarks>
public sealed class LicenceSigner
{
    private readonly ECDsa _key;
    private readonly Lock _gate = new();

    /// <summary>Creates a signer.</summary>
    /// <param name="keyId">The key's id, written into every file: 1 to 32 characters of a–z, 0–9 and '-'.</param>
    /// <param name="key">An ECDSA key on the P-256 curve with its private part.</param>
    /// <exception cref="ArgumentException">The key id is invalid or the key is not P-256.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public LicenceSigner(string keyId, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(key);
        if (!LicenceFormat.IsValidKeyId(keyId))
        {
            throw new ArgumentException("A key id is 1 to 32 characters of a-z, 0-9 and '-'.", nameof(keyId));
        }

        if (key.KeySize != 256)
        {
            throw new ArgumentException("Licences are signed with ECDSA on the P-256 curve: create the key with ECDsa.Create(ECCurve.NamedCurves.nistP256).", nameof(key));
        }

        KeyId = keyId;
        _key = key;
    }

    /// <summary>The id of the signing key.</summary>
    public string KeyId { get; }

    /// <summary>Writes a signed licence file.</summary>
    /// <param name="content">What the licence says.</param>
    /// <returns>The file's bytes (ASCII).</returns>
    /// <exception cref="CollabRefusalException">The content is invalid (the reason names the field).</exception>
    public byte[] Sign(LicenceContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (LicenceFormat.Check(content) is { } problem)
        {
            throw CollabRefusals.LicenceInvalidContent(problem);
        }

        lock (_gate)
        {
            return Encoding.ASCII.GetBytes(LicenceFormat.Write(content, KeyId, _key));
        }
    }

    /// <summary>The public key to trust, as base64 SubjectPublicKeyInfo for <see cref="TrustedLicenceKey.PublicKey"/>.</summary>
    /// <returns>The public key.</returns>
    public string ExportPublicKey()
    {
        lock (_gate)
        {
            return Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());
        }
    }
}
