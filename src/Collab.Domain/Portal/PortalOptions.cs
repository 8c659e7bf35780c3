namespace Collab.Portal;

/// <summary>Client portal settings (SHARE-6 … SHARE-10), bound under <c>Collab:Portal</c>.</summary>
public sealed class PortalOptions
{
    /// <summary>The largest document accepted, in bytes (SHARE-7). Default 25 MiB; 1 KiB to 2 GiB.</summary>
    public long MaxDocumentBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>
    /// The content types whose content Collab checks (SHARE-14), and so the only ones <see cref="AllowedContentTypes"/> may
    /// list: <c>application/pdf</c> (parses as a PDF with at least one page), <c>image/png</c> (signature, header, image
    /// data and end chunk), <c>image/jpeg</c> (start, frame header, scan and end markers), <c>text/csv</c> and
    /// <c>text/plain</c> (valid UTF-8 without NUL), XLSX and DOCX (a ZIP package with its content types and workbook or
    /// document part, without macros).
    /// </summary>
    public static IReadOnlyList<string> CheckedContentTypes => DocumentChecks.Checked;

    /// <summary>
    /// The content types accepted for documents (SHARE-7), each one of <see cref="CheckedContentTypes"/>, whose content is
    /// checked against it (SHARE-14). Default all of them: PDF, PNG, JPEG, CSV, plain text, XLSX and DOCX.
    /// </summary>
    public IList<string> AllowedContentTypes { get; set; } =
    [
        "application/pdf", "image/png", "image/jpeg", "text/csv", "text/plain",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ];

    /// <summary>Portal slugs no office may take, because the vendor's own addresses use them (SHARE-10).</summary>
    public IList<string> ReservedSlugs { get; set; } = ["admin", "api", "app", "assets", "login", "logout", "portal", "static", "www", "collab"];

    internal static IEnumerable<string> Validate(PortalOptions o, string path)
    {
        if (o.MaxDocumentBytes is < 1024 or > 2L * 1024 * 1024 * 1024)
        {
            yield return $"{path}:MaxDocumentBytes is {o.MaxDocumentBytes}: use 1024 bytes to 2 GiB.";
        }

        if (o.AllowedContentTypes is null || o.AllowedContentTypes.Count == 0 || o.AllowedContentTypes.Any(t => string.IsNullOrWhiteSpace(t) || !t.Contains('/', StringComparison.Ordinal)))
        {
            yield return $"{path}:AllowedContentTypes must list at least one content type such as application/pdf.";
        }
        else if (o.AllowedContentTypes.FirstOrDefault(t => !DocumentChecks.Checked.Contains(t.Trim().ToLowerInvariant())) is { } other)
        {
            yield return $"{path}:AllowedContentTypes lists {other}, whose content Collab cannot check (SHARE-14): list only {string.Join(", ", DocumentChecks.Checked)}.";
        }
    }
}
