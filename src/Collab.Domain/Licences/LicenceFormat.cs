using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Collab.Licences;

/// <summary>
/// The licence file format, version 1: three ASCII lines, each ending in '\n' (a '\r' before it is allowed).
/// <code>
/// COLLAB-LICENCE 1 {key-id}
/// {base64url of the UTF-8 JSON content}
/// {base64url of the ECDSA P-256 / SHA-256 signature, IEEE P1363, 64 bytes}
/// </code>
/// The signature covers the exact bytes of the first two lines joined by '\n', so nothing is decoded or parsed
/// before the signature checks out; base64url must be canonical (no padding, unused bits zero), so no two
/// spellings of the same file exist.
/// </summary>
internal static class LicenceFormat
{
    internal const string Magic = "COLLAB-LICENCE 1 ";
    internal const int SignatureBytes = 64;
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    internal static bool IsValidKeyId(ReadOnlySpan<char> keyId) =>
        keyId.Length is >= 1 and <= 32 && !keyId.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789-");

    internal static string Write(LicenceContent content, string keyId, ECDsa key)
    {
        var header = Magic + keyId;
        var payload = Base64Url.EncodeToString(Serialize(content));
        var signed = Encoding.ASCII.GetBytes(header + "\n" + payload);
        var signature = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return header + "\n" + payload + "\n" + Base64Url.EncodeToString(signature) + "\n";
    }

    /// <summary>Splits a file into its signed part, key id, payload and signature, or refuses it as malformed.</summary>
    internal static (ReadOnlyMemory<byte> Signed, string KeyId, byte[] Payload, byte[] Signature) Split(ReadOnlyMemory<byte> file)
    {
        var bytes = file.Span;
        var firstEnd = bytes.IndexOf((byte)'\n');
        if (firstEnd < 0)
        {
            throw Malformed("it has no line breaks");
        }

        var secondEnd = bytes[(firstEnd + 1)..].IndexOf((byte)'\n');
        if (secondEnd < 0)
        {
            throw Malformed("it ends after the first line");
        }

        secondEnd += firstEnd + 1;
        var third = bytes[(secondEnd + 1)..];
        var thirdEnd = third.IndexOf((byte)'\n');
        if (thirdEnd < 0 || thirdEnd != third.Length - 1)
        {
            throw Malformed(thirdEnd < 0 ? "it is cut off in the signature line" : "there is text after the signature line");
        }

        var header = TrimCarriageReturn(bytes[..firstEnd]);
        var payloadText = TrimCarriageReturn(bytes[(firstEnd + 1)..secondEnd]);
        var signatureText = TrimCarriageReturn(third[..thirdEnd]);
        if (!header.StartsWith("COLLAB-LICENCE "u8))
        {
            throw Malformed("it does not start with 'COLLAB-LICENCE'");
        }

        if (!header.StartsWith("COLLAB-LICENCE 1 "u8))
        {
            throw Malformed("its format version is not 1; ask the issuer for a version 1 file");
        }

        var keyBytes = header[Magic.Length..];
        Span<char> keyChars = stackalloc char[Math.Min(keyBytes.Length, 64)];
        if (keyBytes.Length > 32 || Encoding.ASCII.GetChars(keyBytes, keyChars) != keyBytes.Length || !IsValidKeyId(keyChars[..keyBytes.Length]))
        {
            throw Malformed("its key id is not 1 to 32 characters of a-z, 0-9 and '-'");
        }

        var payload = DecodeCanonical(payloadText, "content");
        var signature = DecodeCanonical(signatureText, "signature");
        if (signature.Length != SignatureBytes)
        {
            throw Malformed($"its signature has {signature.Length} bytes instead of {SignatureBytes}");
        }

        // The signed part is exactly "header\npayload" as written; a '\r' from a Windows editor is not signed.
        var signed = header.Length == firstEnd && payloadText.Length == secondEnd - firstEnd - 1
            ? file[..secondEnd]
            : new ReadOnlyMemory<byte>([.. header, (byte)'\n', .. payloadText]);
        return (signed, new string(keyChars[..keyBytes.Length]), payload, signature);
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private static byte[] DecodeCanonical(ReadOnlySpan<byte> text, string part)
    {
        if (text.IsEmpty)
        {
            throw Malformed($"its {part} line is empty");
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        var status = Base64Url.DecodeFromUtf8(text, buffer, out var consumed, out var written);
        if (status != System.Buffers.OperationStatus.Done || consumed != text.Length)
        {
            throw Malformed($"its {part} line is not base64url");
        }

        // Reject non-canonical spellings (padding, non-zero unused bits), so one licence has one spelling.
        // A pooled buffer, never the stack: a line may be as long as the file allows (LicenceOptions.MaxFileBytes).
        var again = System.Buffers.ArrayPool<byte>.Shared.Rent(text.Length);
        try
        {
            if (Base64Url.EncodeToUtf8(buffer.AsSpan(0, written), again, out _, out var length) != System.Buffers.OperationStatus.Done
                || !again.AsSpan(0, length).SequenceEqual(text))
            {
                throw Malformed($"its {part} line is not canonical base64url");
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(again);
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    internal static byte[] Serialize(LicenceContent content)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("v", 1);
            json.WriteString("serial", content.Serial);
            json.WriteString("issuer", content.Issuer);
            json.WriteStartObject("licensee");
            json.WriteString("kind", content.LicenseeKind == LicenseeKind.Client ? "client" : "office");
            json.WriteString("id", content.LicenseeId);
            json.WriteString("name", content.LicenseeName);
            json.WriteEndObject();
            json.WriteStartArray("administrations");
            foreach (var number in content.Administrations)
            {
                json.WriteNumberValue(number.Value);
            }

            json.WriteEndArray();
            json.WriteStartArray("modules");
            foreach (var module in content.Modules)
            {
                json.WriteStringValue(module);
            }

            json.WriteEndArray();
            json.WriteString("validFrom", DatePattern.Format(content.ValidFrom));
            json.WriteString("validUntil", DatePattern.Format(content.ValidUntil));
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Reads signed content. Only an issuer's bug can fail here, but it still gets a refusal, never another exception.</summary>
    internal static LicenceContent Deserialize(byte[] payload)
    {
        try
        {
            // One key, one meaning: a signed licence with "licensee" twice would let a reader and a signer disagree.
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 4, AllowDuplicateProperties = false });
            var root = document.RootElement;
            if (root.GetProperty("v").GetInt32() != 1)
            {
                throw Content("its content version is not 1");
            }

            var licensee = root.GetProperty("licensee");
            var kind = licensee.GetProperty("kind").GetString() switch
            {
                "client" => LicenseeKind.Client,
                "office" => LicenseeKind.Office,
                _ => throw Content("its licensee kind is neither client nor office"),
            };
            var administrations = root.GetProperty("administrations").EnumerateArray()
                .Select(e => AdministrationNumber.From(e.GetInt32())).ToList();
            var modules = root.GetProperty("modules").EnumerateArray().Select(e => e.GetString() ?? throw Content("a module is not text")).ToList();
            var content = new LicenceContent(
                root.GetProperty("serial").GetString() ?? throw Content("the serial is missing"),
                root.GetProperty("issuer").GetString() ?? throw Content("the issuer is missing"),
                kind,
                licensee.GetProperty("id").GetGuid(),
                licensee.GetProperty("name").GetString() ?? throw Content("the licensee name is missing"),
                administrations,
                modules,
                DatePattern.Parse(root.GetProperty("validFrom").GetString() ?? string.Empty).GetValueOrThrow(),
                DatePattern.Parse(root.GetProperty("validUntil").GetString() ?? string.Empty).GetValueOrThrow());
            var problem = Check(content);
            return problem is null ? content : throw Content(problem);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or UnparsableValueException or CollabRefusalException { Code: "administration.number-out-of-range" })
        {
            throw Content($"its content cannot be read ({e.GetType().Name})");
        }
    }

    /// <summary>What is wrong with content an issuer wants to sign or Collab has read; null when nothing.</summary>
    internal static string? Check(LicenceContent content)
    {
        static bool Text(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Length <= max;
        if (!Text(content.Serial, 64)) return "the serial must be 1 to 64 characters";
        if (!Text(content.Issuer, 200)) return "the issuer must be 1 to 200 characters";
        if (!Text(content.LicenseeName, 200)) return "the licensee name must be 1 to 200 characters";
        if (content.LicenseeKind is not (LicenseeKind.Client or LicenseeKind.Office)) return "the licensee kind must be Client or Office";
        if (content.LicenseeId == Guid.Empty) return "the licensee id is empty";
        if (content.Administrations.Count is < 1 or > 100) return "it must cover 1 to 100 administration numbers";
        if (content.Administrations.Any(n => n.Value == 0) || content.Administrations.Distinct().Count() != content.Administrations.Count) return "its administration numbers must be valid and distinct";
        if (content.Modules.Count > 50 || content.Modules.Any(m => !Text(m, 64))) return "it may name at most 50 modules of 1 to 64 characters";
        if (content.ValidUntil < content.ValidFrom) return "its validity ends before it starts";
        return null;
    }

    internal static string Fingerprint(ReadOnlySpan<byte> file)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(file, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static CollabRefusalException Malformed(string why) =>
        CollabRefusals.LicenceMalformed(why);

    private static CollabRefusalException Content(string why) =>
        CollabRefusals.LicenceUnreadableContent(why);

    internal static string Describe(LicenceContent c) => string.Create(CultureInfo.InvariantCulture,
        $"serial={c.Serial};issuer={c.Issuer};licensee={c.LicenseeKind}:{c.LicenseeId};administrations={string.Join(',', c.Administrations)};modules={string.Join(',', c.Modules)};valid={c.ValidFrom:yyyy-MM-dd}..{c.ValidUntil:yyyy-MM-dd}");
}
