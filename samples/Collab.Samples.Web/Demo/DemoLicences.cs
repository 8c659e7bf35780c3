using System.Security.Cryptography;
using Collab.Licences;
using NodaTime;

namespace Collab.Samples.Web;

/// <summary>
/// The demo's licence desk (LIC-3): it signs licence files for the demo's clients, and the app trusts its public key.
/// The key is kept in the data folder so licences issued before a restart stay valid. A real vendor's desk is its own
/// system: the app only ever holds the public key.
/// </summary>
internal static class DemoLicences
{
    public static LicenceSigner Desk(string dataFolder)
    {
        var file = Path.Combine(dataFolder, "licence-desk.key");
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(file))
        {
            key.ImportPkcs8PrivateKey(File.ReadAllBytes(file), out _);
        }
        else
        {
            File.WriteAllBytes(file, key.ExportPkcs8PrivateKey());
        }

        return new LicenceSigner("demo-desk", key);
    }

    /// <summary>The demo's receipt key (SHARE-18), PEM, kept next to the data; its public half is written to <c>receipt-key.pub.pem</c> for collab-verify.</summary>
    /// <param name="dataFolder">The demo's data folder.</param>
    /// <returns>The private key as PEM.</returns>
    public static string ReceiptKey(string dataFolder)
    {
        var file = Path.Combine(dataFolder, "receipt.key.pem");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(file))
        {
            key.ImportFromPem(File.ReadAllText(file));
        }
        else
        {
            File.WriteAllText(file, key.ExportPkcs8PrivateKeyPem());
        }

        File.WriteAllText(Path.Combine(dataFolder, "receipt-key.pub.pem"), key.ExportSubjectPublicKeyInfoPem());
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>A licence file for a client's administration, valid this calendar year.</summary>
    public static byte[] For(LicenceSigner desk, ClientId client, string clientName, AdministrationNumber number, LocalDate today) =>
        desk.Sign(new LicenceContent($"DEMO-{number.Value}", "Collab demo", LicenseeKind.Client, client.Value, clientName, [number], ["boekhouden", "facturen"],
            new LocalDate(today.Year, 1, 1), new LocalDate(today.Year, 12, 31)));
}
