namespace Collab.Storage;

/// <summary>
/// The one spelling of a blob key: segments of lower-case letters, digits, '-' and '.', joined by single '/', at most
/// 200 characters. No empty segment (<c>a//b</c>, <c>a/</c>), no <c>.</c> or <c>..</c> segment (<c>./x</c>, <c>a/./b</c>),
/// no leading '/'. One blob has one key, so two spellings can never alias one file, and no key leaves the store's root.
/// </summary>
public static class BlobKey
{
    /// <summary>The longest key.</summary>
    public const int MaxLength = 200;

    /// <summary>Whether a key is canonical.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when it is spelled the one allowed way.</returns>
    public static bool IsCanonical(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Refuses a key that is not canonical, with a reason that says what a key looks like.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CollabRefusalException"><c>blob-key.invalid</c>: the key is not canonical.</exception>
    public static string Check(string? key) => IsCanonical(key)
        ? key!
        : throw new CollabRefusalException(new Refusal(RefusalKind.InvalidInput, "blob-key.invalid",
            $"'{key}' is not a storage key: use segments of lower-case letters, digits, '-' and '.', joined by single '/', up to {MaxLength} characters, without '.' or '..' segments.", null, null, [key, MaxLength])); // text: the catalogue's "blob-key.invalid"
}
