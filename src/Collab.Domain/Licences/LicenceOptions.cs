namespace Collab.Licences;

/// <summary>Which issuers' signatures Collab trusts on licence files (LIC-3).</summary>
public sealed class LicenceOptions
{
    /// <summary>The public keys of trusted issuers. A file signed by any other key is refused.</summary>
    public IList<TrustedLicenceKey> TrustedKeys { get; } = new List<TrustedLicenceKey>();

    /// <summary>The largest licence file accepted, in bytes. Default 16 384; 1 024 to 1 048 576.</summary>
    public int MaxFileBytes { get; set; } = 16 * 1024;
}

/// <summary>One trusted issuer key.</summary>
public sealed class TrustedLicenceKey
{
    /// <summary>The key's id as written in licence files: 1 to 32 characters of a–z, 0–9 and '-'.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary>
    /// The ECDSA P-256 public key: base64 of its SubjectPublicKeyInfo, or the same in PEM
    /// (<c>-----BEGIN PUBLIC KEY-----</c>), as <see cref="LicenceSigner.ExportPublicKey"/> gives it.
    /// </summary>
    public string PublicKey { get; set; } = string.Empty;
}

/// <summary>Storage limits for licence files.</summary>
internal static class LicenceOptionsLimits
{
    /// <summary>The largest licence file kept with an administration (the option's upper bound).</summary>
    internal const int MaxStoredFileChars = CollabLimits.MaxStoredLicenceFileChars;
}
