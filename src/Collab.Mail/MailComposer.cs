using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Utils;

namespace Collab.Mail;

/// <summary>
/// Turns a notification into a MIME message: multipart/alternative with the plain text and an HTML part built from
/// that same text, every value HTML-encoded (the notification's own HTML is not copied in, so no value reaches the
/// HTML unencoded whoever composed the notification).
/// </summary>
internal static partial class MailComposer
{
    private const string Dutch = "nl-NL";
    private const string English = "en-GB";
    private const string DefaultText = "#1C1C1C";
    private const string DefaultBackground = "#FFFFFF";
    private const string DefaultLink = "#1A5276";
    private static readonly string[] LogoTypes = ["image/png", "image/jpeg", "image/gif"];

    internal static MimeMessage Compose(Notification notification, CollabMailOptions options, MailHouseStyle? style)
    {
        style = style is not null && IsUsable(style) ? style : null;
        var language = LanguageOf(notification.Language);
        var english = language == English;
        var subject = SingleLine(notification.Title is { Length: > 0 } title ? title : FirstLine(notification.Text));
        var link = LinkFor(notification, options);
        var label = LinkLabel(notification.Kind, english);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        message.Subject = subject;
        // The same notification always gets the same Message-Id: a duplicate delivery (at-least-once) is recognisable.
        message.MessageId = $"{notification.Id:N}@{DomainOf(options.FromAddress)}";
        message.Headers.Add("Auto-Submitted", "auto-generated"); // RFC 3834: no auto-replies to a notification

        var text = notification.Text.ReplaceLineEndings("\n");
        var body = new BodyBuilder { TextBody = link is null ? text : $"{text}\n\n{label}: {link}\n" };
        string? logoId = null;
        if (style?.Logo is { Length: > 0 } logo && LogoTypes.Contains(style.LogoContentType, StringComparer.OrdinalIgnoreCase))
        {
            var resource = body.LinkedResources.Add("logo", logo.ToArray(), ContentType.Parse(style.LogoContentType));
            resource.ContentId = logoId = MimeUtils.GenerateMessageId(DomainOf(options.FromAddress));
        }

        body.HtmlBody = Html(subject, text, language, link, label, style, logoId);
        message.Body = body.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, language); // written in the message's own header block
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            part.Headers.Add(HeaderId.ContentLanguage, language);
        }

        return message;
    }

    /// <summary>Whether a house style's colours are usable; a style that is not is left out rather than written into the page.</summary>
    internal static bool IsUsable(MailHouseStyle style) =>
        Colour().IsMatch(style.PrimaryColour) && Colour().IsMatch(style.TextColour) && Colour().IsMatch(style.BackgroundColour);

    internal static string? LinkFor(Notification notification, CollabMailOptions options) =>
        notification.Reference is { Length: > 0 } reference && options.Links.TryGetValue(notification.Kind, out var template)
            ? template.Replace("{reference}", Uri.EscapeDataString(reference), StringComparison.Ordinal)
            : null;

    private static string Html(string subject, string text, string language, string? link, string label, MailHouseStyle? style, string? logoId)
    {
        var foreground = style?.TextColour ?? DefaultText;
        var background = style?.BackgroundColour ?? DefaultBackground;
        var accent = style?.PrimaryColour ?? DefaultLink;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head>\n");
        html.Append(CultureInfo.InvariantCulture, $"<body style=\"margin:0;padding:24px;background-color:{background};color:{foreground};font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5\">\n");
        if (style is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"office\" style=\"border-bottom:3px solid {accent};padding-bottom:12px;margin-bottom:16px\">");
            if (logoId is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<img src=\"cid:{Encode(logoId)}\" alt=\"{Encode(style.OfficeName)}\" height=\"48\" style=\"vertical-align:middle;margin-right:12px\">");
            }

            html.Append(CultureInfo.InvariantCulture, $"<strong style=\"color:{accent};font-size:18px\">{Encode(style.OfficeName)}</strong></div>\n");
        }

        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(Encode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        }

        if (link is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(link)}\" style=\"color:{accent};font-weight:bold\">{Encode(label)}</a></p>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string LanguageOf(string? language) =>
        language is { } l && l.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Dutch;

    private static string LinkLabel(NotificationKind kind, bool english) => kind switch
    {
        NotificationKind.DeliverableReady => english ? "Open the report" : "Rapport openen",
        NotificationKind.UserInvitation or NotificationKind.EnvironmentInvitation => english ? "Open the invitation" : "Uitnodiging openen",
        _ => english ? "Open" : "Openen",
    };

    private static string FirstLine(string text)
    {
        var line = text.ReplaceLineEndings("\n").Split('\n', 2)[0];
        return line.Length > 120 ? line[..120] : line;
    }

    // A header never carries a line break or another control character, whatever the title holds (no header injection).
    private static string SingleLine(string value) => new(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static string DomainOf(string address) =>
        MailboxAddress.TryParse(address, out var mailbox) && mailbox.Domain is { Length: > 0 } domain ? domain : "collab.invalid";

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Colour();
}
