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

        return trimmed;
    }

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
