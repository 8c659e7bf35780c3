using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Evidence;
using Collab.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Collab.Tests.Evidence;

/// <summary>Receipts (SHARE-18): any change is detected and named; a receipt survives a JSON round trip.</summary>
public sealed class ReceiptProperties
{
    private static readonly ReceiptSigner Signer = ReceiptKeys.Signer();

    // Texts reach the edges: empty, quotes, backslashes, control characters, non-ASCII, emoji (surrogate pairs).
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Elements("", "Jaarrekening 2025", "\"quoted\" \\ back", "tab\tnew\nline\u0001", "€ 1.234,56 — één", "😀 emoji", "<script>&amp;</script>"),
        ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get));

    private static readonly Gen<byte[]> Content = Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n));

    private static Gen<(ApprovalReceipt Receipt, Dictionary<string, byte[]> Files)> Receipts() =>
        from title in Text
        from name in Text
        from statement in Text
        from approved in ArbMap.Default.GeneratorFor<bool>()
        from revision in Gen.Choose(1, 1000)
        from count in Gen.Choose(0, 4)
        from contents in Gen.ArrayOf(Content, count)
        select (Compose(title, name, statement, approved, revision, contents), contents.Select((c, i) => ($"doc{i}.pdf", c)).ToDictionary(p => p.Item1, p => p.c));

    private static ApprovalReceipt Compose(string title, string name, string statement, bool approved, int revision, byte[][] contents) => Signer.Sign(new ApprovalReceipt(
        approved ? "approved" : "rejected",
        new ReceiptDeliverable(Guid.NewGuid().ToString(), "AnnualReport", title, "2025", Guid.NewGuid().ToString(), name, Guid.NewGuid().ToString(), revision),
        [.. contents.Select((c, i) => new ReceiptDocument($"doc{i}.pdf", Convert.ToHexStringLower(SHA256.HashData(c))))],
        new ReceiptDecider(Guid.NewGuid().ToString(), name, "klant@example.nl", "client", "2026-01-02T03:04:05Z"),
        "password+totp",
        new ReceiptStatement("nl", statement),
        new ReceiptInstant("2026-03-01T10:00:00Z", "2026-03-01T11:00:00+01:00", "Europe/Amsterdam"),
        new ReceiptAuditRow("office:" + Guid.NewGuid(), Guid.NewGuid().ToString()),
        string.Empty,
        string.Empty));

    private static IEnumerable<ReceiptFile> Files(Dictionary<string, byte[]> files) => files.Select(f => new ReceiptFile(f.Key, f.Value));

    // R: SHARE-18
    [Property(MaxTest = 100)]
    public Property SHARE18_a_signed_receipt_verifies_as_written_and_after_a_json_round_trip() =>
        Prop.ForAll(Receipts().ToArbitrary(), x =>
        {
            var json = x.Receipt.ToJson();
            var reformatted = Encoding.UTF8.GetBytes(JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            var parsed = ApprovalReceipt.Parse(reformatted);
            return ReceiptVerifier.Verify(json, Signer.ExportPublicKey(), Files(x.Files), Signer.KeyId).IsValid
                && ReceiptVerifier.Verify(reformatted, Signer.ExportPublicKeyPem(), Files(x.Files)).IsValid
                && parsed.Equals(x.Receipt) && parsed.ToJson().AsSpan().SequenceEqual(json);
        });

    // R: SHARE-18 — one byte of the receipt changed, anywhere, to anything: never valid, and what differs is named.
    [Property(MaxTest = 300)]
    public Property SHARE18_changing_any_byte_of_a_receipt_is_detected_and_named() =>
        Prop.ForAll(Receipts().ToArbitrary(), ArbMap.Default.ArbFor<PositiveInt>(), ArbMap.Default.ArbFor<byte>(), (x, at, value) =>
        {
            var json = x.Receipt.ToJson();
            var i = at.Get % json.Length;
            var changed = json.ToArray();
            changed[i] = value == json[i] ? (byte)(value ^ 0x20) : value;
            var result = ReceiptVerifier.Verify(changed, Signer.ExportPublicKey(), Files(x.Files), Signer.KeyId);
            return !result.IsValid && result.Differences.All(d => d.Describe("nl").Length > 0 && d.Describe("en").Length > 0);
        });

    // R: SHARE-18 — one byte of one document changed: that document is named, nothing else.
    [Property(MaxTest = 100)]
    public Property SHARE18_changing_any_byte_of_a_document_names_that_document() =>
        Prop.ForAll(Receipts().Where(x => x.Files.Values.Any(c => c.Length > 0)).ToArbitrary(), ArbMap.Default.ArbFor<PositiveInt>(), (x, at) =>
        {
            var (name, content) = x.Files.First(f => f.Value.Length > 0);
            var changed = new Dictionary<string, byte[]>(x.Files) { [name] = content.ToArray() };
            changed[name][at.Get % content.Length] ^= 0x01;
            var result = ReceiptVerifier.Verify(x.Receipt.ToJson(), Signer.ExportPublicKey(), Files(changed));
            return result.Differences.SequenceEqual([new ReceiptDifference(ReceiptDifferenceKind.DocumentHash, name)]);
        });

    // R: SHARE-18
    [Fact]
    public void SHARE18_another_key_a_wrong_key_id_a_missing_field_and_missing_or_extra_documents_are_each_named()
    {
        var receipt = Compose("Jaarrekening", "Bakker", "Akkoord", true, 2, [[1, 2, 3]]);
        var json = receipt.ToJson();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal([new ReceiptDifference(ReceiptDifferenceKind.Signature, "signature")],
            ReceiptVerifier.Verify(json, Convert.ToBase64String(other.ExportSubjectPublicKeyInfo())).Differences);
        Assert.Equal([new ReceiptDifference(ReceiptDifferenceKind.KeyId, ReceiptKeys.KeyId)],
            ReceiptVerifier.Verify(json, Signer.ExportPublicKey(), expectedKeyId: "another-key").Differences);

        var node = JsonNode.Parse(json)!.AsObject();
        node["decidedBy"]!.AsObject().Remove("email");
        var missing = ReceiptVerifier.Verify(Encoding.UTF8.GetBytes(node.ToJsonString()), Signer.ExportPublicKey());
        Assert.Contains(new ReceiptDifference(ReceiptDifferenceKind.MissingField, "decidedBy.email"), missing.Differences);
        Assert.Contains(new ReceiptDifference(ReceiptDifferenceKind.Signature, "signature"), missing.Differences);

        var documents = ReceiptVerifier.Verify(json, Signer.ExportPublicKey(), [new ReceiptFile("other.pdf", new byte[] { 9 })]);
        Assert.Equal([new ReceiptDifference(ReceiptDifferenceKind.DocumentMissing, "doc0.pdf"), new ReceiptDifference(ReceiptDifferenceKind.DocumentNotInReceipt, "other.pdf")], documents.Differences);
        Assert.Equal([ReceiptDifferenceKind.Unreadable], ReceiptVerifier.Verify("not json"u8, Signer.ExportPublicKey()).Differences.Select(d => d.Kind));
        Assert.StartsWith("De handtekening klopt niet", new ReceiptDifference(ReceiptDifferenceKind.Signature, "signature").Describe(), StringComparison.Ordinal);
    }

    // R: SHARE-18 — the canonical form: fixed order, UTF-8 as is, no whitespace.
    [Fact]
    public void SHARE18_the_canonical_json_has_a_fixed_field_order_plain_utf8_and_no_whitespace()
    {
        var text = Encoding.UTF8.GetString(Compose("Jaarrekening één", "Bakker", "Akkoord", true, 2, []).ToJson());
        Assert.StartsWith("{\"format\":\"collab-receipt/1\",\"decision\":\"approved\",\"deliverable\":{\"id\":", text, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Jaarrekening één\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        Assert.Matches("\"keyId\":\"test-receipts\",\"signature\":\"[A-Za-z0-9_-]{86}\"}$", text);
    }
}
