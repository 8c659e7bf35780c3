using System.Security.Cryptography;
using Collab.Licences;
using NodaTime;

namespace Collab.Tests.Infrastructure;

/// <summary>An issuer's signing key for tests, and licences signed with it.</summary>
public sealed class LicenceKeys
{
    private static readonly Lazy<LicenceKeys> Shared = new(() => new LicenceKeys("test-issuer"));

    public LicenceKeys(string keyId) => Signer = new LicenceSigner(keyId, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static LicenceKeys Trusted => Shared.Value;

    public LicenceSigner Signer { get; }

    public TrustedLicenceKey AsTrusted() => new() { KeyId = Signer.KeyId, PublicKey = Signer.ExportPublicKey() };

    public static LicenceContent ClientLicence(ClientId client, AdministrationNumber number, LocalDate? from = null, LocalDate? until = null) =>
        new("SN-2026-0001", "SnelStart", LicenseeKind.Client, client.Value, "Bakkerij Bakker", [number], ["boekhouden", "facturen"],
            from ?? new LocalDate(2026, 1, 1), until ?? new LocalDate(2026, 12, 31));

    public byte[] Sign(LicenceContent content) => Signer.Sign(content);
}
