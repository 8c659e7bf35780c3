using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Collab.Evidence;

// The canonical form of a receipt (SHARE-18): fields in this fixed order, UTF-8 written as is (no \u escapes beyond
// what JSON requires), no whitespace. A receipt is checked by reading its values and writing them again, so a
// reformatted copy still verifies while any changed value does not.
internal static class ReceiptJson
{
    private static readonly JsonWriterOptions Canonical = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static readonly string[] Fields =
    [
        "format", "decision", "deliverable.id", "deliverable.kind", "deliverable.title", "deliverable.period", "deliverable.companyId",
        "deliverable.companyName", "deliverable.officeId", "deliverable.revision", "documents", "decidedBy.userId", "decidedBy.name",
        "decidedBy.email", "decidedBy.home", "decidedBy.invitationAcceptedAt", "authentication", "statement.language", "statement.text",
        "decidedAt.utc", "decidedAt.local", "decidedAt.timeZone", "audit.chain", "audit.rowId", "keyId", "signature",
    ];

    public static byte[] Write(ApprovalReceipt r, bool withSignature)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, Canonical))
        {
            w.WriteStartObject();
            w.WriteString("format", ApprovalReceipt.Format);
            w.WriteString("decision", r.Decision);
            w.WriteStartObject("deliverable");
            w.WriteString("id", r.Deliverable.Id);
            w.WriteString("kind", r.Deliverable.Kind);
            w.WriteString("title", r.Deliverable.Title);
            w.WriteString("period", r.Deliverable.Period);
            w.WriteString("companyId", r.Deliverable.CompanyId);
            w.WriteString("companyName", r.Deliverable.CompanyName);
            w.WriteString("officeId", r.Deliverable.OfficeId);
            w.WriteNumber("revision", r.Deliverable.Revision);
            w.WriteEndObject();
            w.WriteStartArray("documents");
            foreach (var d in r.Documents)
            {
                w.WriteStartObject();
                w.WriteString("name", d.Name);
                w.WriteString("sha256", d.Sha256);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("decidedBy");
            w.WriteString("userId", r.DecidedBy.UserId);
            w.WriteString("name", r.DecidedBy.Name);
            w.WriteString("email", r.DecidedBy.Email);
            w.WriteString("home", r.DecidedBy.Home);
            w.WriteString("invitationAcceptedAt", r.DecidedBy.InvitationAcceptedAt);
            w.WriteEndObject();
            w.WriteString("authentication", r.Authentication);
            w.WriteStartObject("statement");
            w.WriteString("language", r.Statement.Language);
            w.WriteString("text", r.Statement.Text);
            w.WriteEndObject();
            w.WriteStartObject("decidedAt");
            w.WriteString("utc", r.DecidedAt.Utc);
            w.WriteString("local", r.DecidedAt.Local);
            w.WriteString("timeZone", r.DecidedAt.TimeZone);
            w.WriteEndObject();
            w.WriteStartObject("audit");
            w.WriteString("chain", r.Audit.Chain);
            w.WriteString("rowId", r.Audit.RowId);
            w.WriteEndObject();
            w.WriteString("keyId", r.KeyId);
            if (withSignature)
            {
                w.WriteString("signature", r.Signature);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Reads leniently (any whitespace, any order) but strictly by name and type: every field of the format must be
    // there with its JSON type; a missing or mistyped one is named. Unknown fields are named too: a receipt carries
    // nothing its signature does not cover.
    public static (ApprovalReceipt? Receipt, List<string> Missing) Read(ReadOnlySpan<byte> json)
    {
        var missing = new List<string>();
        JsonDocument document;
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return (null, missing); // a receipt is UTF-8
        }

        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            return (null, missing);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, missing);
            }

            string S(string path) => Lookup(root, path) is { ValueKind: JsonValueKind.String } e ? e.GetString()! : Missing(path);
            string Missing(string path)
            {
                missing.Add(path);
                return string.Empty;
            }

            var revision = Lookup(root, "deliverable.revision") is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var rev) ? rev : Count(Missing("deliverable.revision"));
            var documents = new List<ReceiptDocument>();
            if (Lookup(root, "documents") is { ValueKind: JsonValueKind.Array } array)
            {
                var i = 0;
                foreach (var d in array.EnumerateArray())
                {
                    var name = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String ? nm.GetString()! : Missing($"documents[{i}].name");
                    var sha = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("sha256", out var sh) && sh.ValueKind == JsonValueKind.String ? sh.GetString()! : Missing($"documents[{i}].sha256");
                    if (d.ValueKind == JsonValueKind.Object && d.EnumerateObject().Any(p => p.Name is not ("name" or "sha256")))
                    {
                        missing.Add($"documents[{i}] (unknown field)");
                    }

                    documents.Add(new ReceiptDocument(name, sha));
                    i++;
                }
            }
            else
            {
                Missing("documents");
            }

            if (S("format") is var format && format.Length > 0 && format != ApprovalReceipt.Format)
            {
                missing.Add("format");
            }

            var receipt = new ApprovalReceipt(
                S("decision"),
                new ReceiptDeliverable(S("deliverable.id"), S("deliverable.kind"), S("deliverable.title"), S("deliverable.period"), S("deliverable.companyId"),
                    S("deliverable.companyName"), S("deliverable.officeId"), revision),
                documents,
                new ReceiptDecider(S("decidedBy.userId"), S("decidedBy.name"), S("decidedBy.email"), S("decidedBy.home"), S("decidedBy.invitationAcceptedAt")),
                S("authentication"),
                new ReceiptStatement(S("statement.language"), S("statement.text")),
                new ReceiptInstant(S("decidedAt.utc"), S("decidedAt.local"), S("decidedAt.timeZone")),
                new ReceiptAuditRow(S("audit.chain"), S("audit.rowId")),
                S("keyId"),
                S("signature"));
            missing.AddRange(Unknown(root));
            return (receipt, missing);
        }
    }

    private static int Count(string _) => 0;

    private static JsonElement? Lookup(JsonElement root, string path)
    {
        var element = root;
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out var next))
            {
                return null;
            }

            element = next;
        }

        return element;
    }

    private static IEnumerable<string> Unknown(JsonElement root)
    {
        var known = Fields.ToHashSet(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var inner in property.Value.EnumerateObject())
                {
                    if (!known.Contains($"{property.Name}.{inner.Name}"))
                    {
                        yield return $"{property.Name}.{inner.Name} (unknown field)";
                    }
                }
            }
            else if (!known.Contains(property.Name))
            {
                yield return $"{property.Name} (unknown field)";
            }
        }
    }
}
