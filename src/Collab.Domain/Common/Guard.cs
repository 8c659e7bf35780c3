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
            throw Refuse.InvalidInput($"{code}.required", $"The {field} is empty: give a {field} of 1 to {MaxNameLength} characters.");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw Refuse.InvalidInput($"{code}.too-long", $"The {field} has {trimmed.Length} characters: shorten it to at most {MaxNameLength}.");
        }

        VisibleOnly(trimmed, field, code);
        return trimmed;
    }

    /// <summary>
    /// Refuses characters a person cannot see but a screen obeys: control characters (NUL, line breaks, escapes) and the
    /// bidirectional controls that reorder what is shown (<c>evil\u202Egpj.exe</c> reads as <c>evilexe.jpg</c>). The refusal
    /// names the character and where it is.
    /// </summary>
    internal static void VisibleOnly(string value, string field, string code)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || IsBidiControl(c))
            {
                throw Refuse.InvalidInput($"{code}.invisible-character",
                    $"The {field} contains the invisible character U+{(int)c:X4} ({Describe(c)}) at position {i + 1}: remove it and type the text again.");
            }
        }
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string Describe(char c) => c switch
    {
        '\0' => "NUL",
        '\n' or '\r' => "a line break",
        '\t' => "a tab",
        '\u202E' => "RIGHT-TO-LEFT OVERRIDE",
        '\u202D' => "LEFT-TO-RIGHT OVERRIDE",
        _ when char.IsControl(c) => "a control character",
        _ => "a text-direction control",
    };

    /// <summary>A deliberately modest e-mail check: one '@' with text on both sides, no spaces. Stored lower-case.</summary>
    internal static string Email(string? value)
    {
        var trimmed = value?.Trim();
        var at = trimmed?.IndexOf('@') ?? -1;
        if (trimmed is null || at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1
            || trimmed.Length > MaxEmailLength || trimmed.Any(char.IsWhiteSpace))
        {
            throw Refuse.InvalidInput("email.invalid", $"'{value}' is not an e-mail address: give one like name@example.nl of at most {MaxEmailLength} characters.");
        }

        return trimmed.ToLowerInvariant();
    }

    internal static void Id(Guid value, string what)
    {
        if (value == Guid.Empty)
        {
            throw Refuse.InvalidInput($"{what}.empty-id", $"The {what} id is empty: pass the id of an existing {what}.");
        }
    }
}
