using System.Globalization;
using NodaTime;

namespace Collab.Portal;

/// <summary>
/// One line of a client user's portal history (SHARE-5, SEC-6): what was shared or asked, by which office, and whether the
/// client still has to act. A copy taken at the read.
/// </summary>
/// <param name="Id">The id of the thing itself (report, document, batch or questionnaire).</param>
/// <param name="Kind">What it is.</param>
/// <param name="OfficeId">The office that shared it, or that it was sent to.</param>
/// <param name="ClientId">The client.</param>
/// <param name="CompanyId">The company it belongs to.</param>
/// <param name="Title">Its title as shown.</param>
/// <param name="SharedAt">When it was shared; the history is ordered by it, newest first.</param>
/// <param name="OpenAction">Whether the client still has to act (approve, answer, complete).</param>
/// <param name="Deadline">The deadline of the open action, if any.</param>
/// <param name="Status">A short status word, such as <c>Shared</c>, <c>Approved</c>, <c>3/5 answered</c>.</param>
public sealed record PortalItemView(
    Guid Id, PortalItemKind Kind, OfficeId OfficeId, ClientId ClientId, CompanyId CompanyId, string Title, Instant SharedAt, bool OpenAction, LocalDate? Deadline,
    string Status)
{
    internal static PortalItemView Of(PortalItem i) => new(i.Id, i.Kind, i.OfficeId, i.ClientId, i.CompanyId, i.Title, i.SharedAt, i.OpenAction, i.Deadline, i.Status);
}

/// <summary>
/// A document exchanged through the portal (SHARE-7) as its readers — the office it was exchanged with and the client users
/// that may see that office's work for the company — see it (SEC-6): its metadata and fingerprint, never where the content lies
/// in the vendor's blob store. A copy taken at the read.
/// </summary>
/// <param name="Id">The document's id.</param>
/// <param name="OfficeId">The office it was exchanged with.</param>
/// <param name="ClientId">The client.</param>
/// <param name="CompanyId">The company it concerns.</param>
/// <param name="Direction">Which way it went.</param>
/// <param name="FileName">The file name as uploaded.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="SizeBytes">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex; checked on every read.</param>
/// <param name="UploadedAt">When it was uploaded.</param>
/// <param name="UploadedBy">Who uploaded it.</param>
public sealed record PortalDocumentView(
    DocumentId Id, OfficeId OfficeId, ClientId ClientId, CompanyId CompanyId, DocumentDirection Direction, string FileName, string ContentType, long SizeBytes,
    string Sha256, Instant UploadedAt, UserId UploadedBy)
{
    internal static PortalDocumentView Of(PortalDocument d) =>
        new(d.Id, d.OfficeId, d.ClientId, d.CompanyId, d.Direction, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedAt, d.UploadedBy);
}

/// <summary>
/// An office's house style as the office itself sees it in its editor (SHARE-10, SEC-6): everything it set, its reminder texts
/// included. Clients and the portal's sign-in page get a <see cref="PortalBranding"/> instead. A copy taken at the read.
/// </summary>
/// <param name="OfficeId">The office.</param>
/// <param name="Slug">The office's name in the portal address.</param>
/// <param name="LogoReference">Where the logo is; null for none.</param>
/// <param name="PrimaryColour">Buttons and links, as #RRGGBB.</param>
/// <param name="TextColour">Body text, as #RRGGBB.</param>
/// <param name="BackgroundColour">Page background, as #RRGGBB.</param>
/// <param name="WelcomeText">Shown on the portal's first page.</param>
/// <param name="ReminderText">The deadline reminder's text template; null for Collab's own.</param>
/// <param name="EnglishWelcomeText">The welcome text for readers of English (TXT-1), if any.</param>
/// <param name="EnglishReminderText">The reminder text template for readers of English, if any.</param>
public sealed record HouseStyleView(
    OfficeId OfficeId, string Slug, string? LogoReference, string PrimaryColour, string TextColour, string BackgroundColour, string WelcomeText, string? ReminderText,
    string? EnglishWelcomeText, string? EnglishReminderText)
{
    /// <summary>The welcome text in a reader's language: the English one for English readers when there is one.</summary>
    /// <param name="culture">The reader's language.</param>
    /// <returns>The text.</returns>
    public string WelcomeTextFor(CultureInfo culture) => HouseStyle.WelcomeTextFor(culture, WelcomeText, EnglishWelcomeText);

    internal static HouseStyleView Of(HouseStyle s) => new(
        s.OfficeId, s.Slug, s.LogoReference, s.PrimaryColour, s.TextColour, s.BackgroundColour, s.WelcomeText, s.ReminderText, s.EnglishWelcomeText, s.EnglishReminderText);
}

/// <summary>
/// An office's house style as a client and the portal's public sign-in page see it (SHARE-10, TIER-2, SEC-6): the look and the
/// welcome, never the office's reminder templates. A copy taken at the read.
/// </summary>
/// <param name="OfficeId">The office.</param>
/// <param name="Slug">The office's name in the portal address.</param>
/// <param name="LogoReference">Where the logo is; null for none.</param>
/// <param name="PrimaryColour">Buttons and links, as #RRGGBB.</param>
/// <param name="TextColour">Body text, as #RRGGBB.</param>
/// <param name="BackgroundColour">Page background, as #RRGGBB.</param>
/// <param name="WelcomeText">Shown on the portal's first page.</param>
/// <param name="EnglishWelcomeText">The welcome text for readers of English (TXT-1), if any.</param>
public sealed record PortalBranding(
    OfficeId OfficeId, string Slug, string? LogoReference, string PrimaryColour, string TextColour, string BackgroundColour, string WelcomeText, string? EnglishWelcomeText)
{
    /// <summary>The welcome text in a reader's language: the English one for English readers when there is one.</summary>
    /// <param name="culture">The reader's language.</param>
    /// <returns>The text.</returns>
    public string WelcomeTextFor(CultureInfo culture) => HouseStyle.WelcomeTextFor(culture, WelcomeText, EnglishWelcomeText);

    internal static PortalBranding Of(HouseStyle s) => new(s.OfficeId, s.Slug, s.LogoReference, s.PrimaryColour, s.TextColour, s.BackgroundColour, s.WelcomeText, s.EnglishWelcomeText);
}
