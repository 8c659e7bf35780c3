using System.Security.Cryptography;
using Collab.Evidence;
using Collab.Tests.Infrastructure;

namespace Collab.Tests.Evidence;

/// <summary>The collab-verify command (SHARE-18): Dutch first, English on request, an exit code per outcome.</summary>
public sealed class VerifyToolTests
{
    // R: SHARE-18
    [Fact]
    public void SHARE18_collab_verify_says_valid_or_names_what_differs_with_its_exit_code()
    {
        var folder = Directory.CreateTempSubdirectory("collab-verify-").FullName;
        var pdf = TestDocuments.Pdf("Jaarrekening 2025");
        var receipt = ReceiptKeys.Signer().Sign(new ApprovalReceipt("approved",
            new ReceiptDeliverable(Guid.NewGuid().ToString(), "AnnualReport", "Jaarrekening 2025", "2025", Guid.NewGuid().ToString(), "Bakkerij Bakker", Guid.NewGuid().ToString(), 1),
            [new ReceiptDocument("jaarrekening.pdf", Convert.ToHexStringLower(SHA256.HashData(pdf)))],
            new ReceiptDecider(Guid.NewGuid().ToString(), "Bea Bakker", "bea@bakker.nl", "client", "platform"), "password",
            new ReceiptStatement("nl", "Ik geef akkoord"), new ReceiptInstant("2026-03-01T10:00:00Z", "2026-03-01T11:00:00+01:00", "Europe/Amsterdam"),
            new ReceiptAuditRow("office:x", Guid.NewGuid().ToString()), "", ""));
        var (json, key, document) = (Path.Combine(folder, "ontvangstbewijs.json"), Path.Combine(folder, "key.pem"), Path.Combine(folder, "jaarrekening.pdf"));
        File.WriteAllBytes(json, receipt.ToJson());
        File.WriteAllText(key, ReceiptKeys.Signer().ExportPublicKeyPem());
        File.WriteAllBytes(document, pdf);

        var (code, text) = Run(json, "--key", key, document);
        Assert.Equal(0, code);
        Assert.StartsWith("Geldig: Bea Bakker <bea@bakker.nl> heeft 'Jaarrekening 2025' (versie 1) akkoord gegeven op 2026-03-01T11:00:00+01:00", text, StringComparison.Ordinal);

        (code, text) = Run(json, "--key", key); // no documents: the signature only, and it says so
        Assert.Equal(0, code);
        Assert.Contains("alleen de handtekening is gecontroleerd", text, StringComparison.Ordinal);

        pdf[^5] ^= 1;
        File.WriteAllBytes(document, pdf);
        (code, text) = Run(json, "--key", key, document, "--key-id", "other", "--lang", "en");
        Assert.Equal(1, code);
        Assert.Equal(["Not valid:", "- The receipt was signed with key test-receipts, not with the key given.", "- The document jaarrekening.pdf differs from the one decided on."],
            text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, Run(json).Code); // no key
        Assert.Equal(2, Run(json, "--key", Path.Combine(folder, "missing.pem")).Code);
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Collab.Verify.Program.Run(args, output, error);
        return (code, output.ToString());
    }
}
