using System.Globalization;

namespace Collab;

/// <summary>Input checks shared by the aggregates; each failure is an InvalidInput refusal that names the field.</summary>
internal static class Guard
{
    internal const int MaxNameLength = CollabLimits.MaxNameLength;
    internal const int MaxEmailLength = CollabLimits.MaxEmailLength;

    internal static string Name(string? value, string field)
    {
        var trimmed = value?.Trim();
        var code = field.Replace(' ', '-'); // codes are language-neutral identifiers: "report-title.too-long"
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new CollabRefusalException(Refuse.Keyed(RefusalKind.InvalidInput, $"{code}.required", "common.required", null, Refuse.Field(field), MaxNameLength));
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new CollabRefusalException(Refuse.Keyed(RefusalKind.InvalidInput, $"{code}.too-long", "common.too-long", null, Refuse.Field(field), trimmed.Length, MaxNameLength));
        }

        VisibleOnly(trimmed, field, code);
        return trimmed;
    }

    /// <summary>
    /// Refuses characters a person cannot see but a screen obeys (SEC-2, SHARE-14): control characters (NUL, line breaks,
    /// escapes), format characters (Unicode category Cf: zero-width spaces and joiners, soft hyphens, the byte-order mark
    /// and the bidirectional controls that reorder what is shown — <c>evil\u202Egpj.exe</c> reads as <c>evilexe.jpg</c>),
    /// line and paragraph separators (U+2028, U+2029) and half a surrogate pair. The refusal names the character and where it is.
    /// </summary>
    internal static void VisibleOnly(string value, string field, string code)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var pair = char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var category = pair ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(value[i], value[i + 1])) : CharUnicodeInfo.GetUnicodeCategory(value[i]);
            if (IsHidden(category))
            {
                var point = pair ? char.ConvertToUtf32(value[i], value[i + 1]) : value[i];
                throw new CollabRefusalException(Refuse.Keyed(RefusalKind.InvalidInput, $"{code}.invisible-character", "common.invisible-character", null,
                    Refuse.Field(field), point.ToString("X4", CultureInfo.InvariantCulture), Describe(value[i], category), i + 1));
            }

            i += pair ? 1 : 0;
        }
    }

    /// <summary>Whether a character of this category is one <see cref="VisibleOnly"/> refuses.</summary>
    internal static bool IsHidden(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string Describe(char c, UnicodeCategory category) => c switch
    {
        '\0' => "NUL",
        '\n' or '\r' or '\u2028' or '\u2029' => "a line break",
        '\t' => "a tab",
        '\u202E' => "RIGHT-TO-LEFT OVERRIDE",
        '\u202D' => "LEFT-TO-RIGHT OVERRIDE",
        '\u200B' => "ZERO WIDTH SPACE",
        _ when category == UnicodeCategory.Control => "a control character",
        _ when IsBidiControl(c) => "a text-direction control",
        _ when category == UnicodeCategory.Surrogate => "half of a character pair",
        _ => "an invisible formatting character",
    };

    /// <summary>A deliberately modest e-mail check: one '@' with text on both sides, no spaces. Stored lower-case.</summary>
    internal static string Email(string? value)
    {
        var trimmed = value?.Trim();
        var at = trimmed?.IndexOf('@') ?? -1;
        if (trimmed is null || at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1
            || trimmed.Length > MaxEmailLength || trimmed.Any(char.IsWhiteSpace))
        {
            throw CollabRefusals.EmailInvalid(value, MaxEmailLength);
        }

        return trimmed.ToLowerInvariant();
    }

    internal static void Id(Guid value, string what)
    {
        if (value == Guid.Empty)
        {
            throw new CollabRefusalException(Refuse.Keyed(RefusalKind.InvalidInput, $"{what}.empty-id", "common.empty-id", null, Refuse.Noun(what)));
        }
    }
}
