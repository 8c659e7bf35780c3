using System.Security.Cryptography;
using Collab.Evidence;

namespace Collab.Tests.Infrastructure;

/// <summary>The vendor's receipt key for tests (SHARE-18): one per test run, its public half for verifiers.</summary>
public static class ReceiptKeys
{
    private static readonly Lazy<(string Private, string Public)> Key = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKeyPem(), Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
    });

    public const string KeyId = "test-receipts";

    public static string PublicKey => Key.Value.Public;

    public static void Apply(CollabOptions options) => (options.Receipts.KeyId, options.Receipts.PrivateKey) = (KeyId, Key.Value.Private);

    public static ReceiptSigner Signer()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(Key.Value.Private);
        return new ReceiptSigner(KeyId, key);
    }
}
