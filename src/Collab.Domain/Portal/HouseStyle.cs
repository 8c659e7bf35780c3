using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Collab.Portal;

/// <summary>What an office asks for its house style (SHARE-10). Every field is checked when it is set.</summary>
/// <param name="Slug">The office's name in the portal address: 3 to 63 of a–z, 0–9 and '-', not starting or ending with '-'; unique.</param>
/// <param name="LogoReference">Where the logo is: an https URL, or a blob key of the vendor's storage; null for none.</param>
/// <param name="PrimaryColour">Buttons and links, as #RRGGBB.</param>
/// <param name="TextColour">Body text, as #RRGGBB.</param>
/// <param name="BackgroundColour">Page background, as #RRGGBB.</param>
/// <param name="WelcomeText">Shown on the portal's first page (up to 2 000 characters).</param>
/// <param name="ReminderText">The deadline reminder's text (up to 1 000 characters); placeholders <c>{client}</c>, <c>{title}</c>, <c>{deadline}</c>; null for Collab's own.</param>
/// <param name="EnglishWelcomeText">The welcome text for readers of English (TXT-1); null to show <paramref name="WelcomeText"/> to everyone.</param>
/// <param name="EnglishReminderText">The reminder text for readers of English, with the same placeholders checked; null to send <paramref name="ReminderText"/> to everyone.</param>
public sealed record HouseStyleRequest(string Slug, string? LogoReference, string PrimaryColour, string TextColour, string BackgroundColour, string WelcomeText, string? ReminderText = null,
    string? EnglishWelcomeText = null, string? EnglishReminderText = null);

/// <summary>
/// An office's house style for the client portal (SHARE-10): shown to clients whose tier includes it (TIER-2).
/// Colours must keep text readable: text on background needs a WCAG contrast of at least 4.5:1, the primary colour
/// on the background at least 3:1.
/// </summary>
public sealed partial class HouseStyle : AggregateRoot
{
    /// <summary>The known reminder placeholders.</summary>
    public static IReadOnlyList<string> ReminderPlaceholders { get; } = ["{client}", "{title}", "{deadline}"];

    private HouseStyle()
    {
        Slug = PrimaryColour = TextColour = BackgroundColour = WelcomeText = string.Empty;
    }

    /// <summary>The office.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The portal slug.</summary>
    public string Slug { get; private set; }

    /// <summary>The logo reference, if any.</summary>
    public string? LogoReference { get; private set; }

    /// <summary>The primary colour, #RRGGBB upper-case.</summary>
    public string PrimaryColour { get; private set; }

    /// <summary>The text colour.</summary>
    public string TextColour { get; private set; }

    /// <summary>The background colour.</summary>
    public string BackgroundColour { get; private set; }

    /// <summary>The welcome text.</summary>
    public string WelcomeText { get; private set; }

    /// <summary>The reminder text template, if the office has its own.</summary>
    public string? ReminderText { get; private set; }

    /// <summary>The welcome text for readers of English, if the office wrote one (TXT-1).</summary>
    public string? EnglishWelcomeText { get; private set; }

    /// <summary>The reminder text template for readers of English, if the office wrote one (TXT-1).</summary>
    public string? EnglishReminderText { get; private set; }

    /// <summary>The welcome text in a reader's language: the English one for English readers when there is one.</summary>
    /// <param name="culture">The reader's language.</param>
    /// <returns>The text.</returns>
    public string WelcomeTextFor(CultureInfo culture) => WelcomeTextFor(culture, WelcomeText, EnglishWelcomeText);

    internal static string WelcomeTextFor(CultureInfo culture, string dutch, string? english) => English(culture) && english is not null ? english : dutch;

    /// <summary>The reminder text for a task, with the placeholders filled in; null when the office has none.</summary>
    /// <param name="client">The client's name.</param>
    /// <param name="title">The task's title.</param>
    /// <param name="deadline">Its deadline, written as the reader's language writes dates.</param>
    /// <param name="culture">The reader's language; null for Dutch.</param>
    /// <returns>The text, or null.</returns>
    public string? RenderReminder(string client, string title, LocalDate deadline, CultureInfo? culture = null)
    {
        var english = culture is not null && English(culture);
        var template = english && EnglishReminderText is { } own ? own : ReminderText;
        var date = english ? deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : deadline.ToString("d MMMM yyyy", Texts.CollabTexts.Dutch);
        return template?.Replace("{client}", client, StringComparison.Ordinal)
            .Replace("{title}", title, StringComparison.Ordinal)
            .Replace("{deadline}", date, StringComparison.Ordinal);
    }

    private static bool English(CultureInfo culture) => Texts.CollabTexts.LanguageFor(culture.Name) == Texts.CollabTexts.English;

    internal static HouseStyle Create(OfficeId office) => new() { OfficeId = office };

    internal void Apply(HouseStyleRequest request, IEnumerable<string> reservedSlugs, Actor actor, Instant now)
    {
        var slug = CheckSlug(request.Slug, reservedSlugs);
        var primary = CheckColour(request.PrimaryColour, "primary colour");
        var text = CheckColour(request.TextColour, "text colour");
        var background = CheckColour(request.BackgroundColour, "background colour");
        var textContrast = Contrast(text, background);
        if (textContrast < 4.5)
        {
            throw CollabRefusals.HouseStyleTextContrast(text, background, textContrast);
        }

        var primaryContrast = Contrast(primary, background);
        if (primaryContrast < 3)
        {
            throw CollabRefusals.HouseStylePrimaryContrast(primary, background, primaryContrast);
        }

        var logo = CheckLogo(request.LogoReference);
        var welcome = request.WelcomeText?.Trim() ?? string.Empty;
        if (welcome.Length > 2000)
        {
            throw CollabRefusals.HouseStyleWelcomeTooLong(welcome.Length);
        }

        var reminder = CheckReminder(request.ReminderText);
        var englishWelcome = request.EnglishWelcomeText?.Trim() is { Length: > 0 } w ? w : null;
        if (englishWelcome is { Length: > 2000 })
        {
            throw CollabRefusals.HouseStyleWelcomeTooLong(englishWelcome.Length);
        }

        var englishReminder = CheckReminder(request.EnglishReminderText); // the same placeholders, checked in each language
        (Slug, LogoReference, PrimaryColour, TextColour, BackgroundColour, WelcomeText, ReminderText) = (slug, logo, primary, text, background, welcome, reminder);
        (EnglishWelcomeText, EnglishReminderText) = (englishWelcome, englishReminder);
        Raise(new Registry.RegistryChanged(now, actor, AuditAction.HouseStyleChanged, AuditSubject.Office(OfficeId),
            $"slug={slug};primary={primary};text={text};background={background};logo={logo ?? "-"}"));
    }

    internal static string CheckSlug(string? slug, IEnumerable<string> reserved)
    {
        var value = slug?.Trim() ?? string.Empty;
        if (!SlugPattern().IsMatch(value) || value.Contains("--", StringComparison.Ordinal))
        {
            throw CollabRefusals.HouseStyleSlugInvalid(slug);
        }

        if (reserved.Contains(value, StringComparer.Ordinal))
        {
            throw CollabRefusals.HouseStyleSlugReserved(value);
        }

        return value;
    }

    internal static string CheckColour(string? colour, string field)
    {
        var value = colour?.Trim() ?? string.Empty;
        if (!ColourPattern().IsMatch(value))
        {
            throw CollabRefusals.HouseStyleColourInvalid(field, colour);
        }

        return value.ToUpperInvariant();
    }

    /// <summary>The WCAG 2 contrast ratio between two #RRGGBB colours, from 1 to 21.</summary>
    /// <param name="first">A colour.</param>
    /// <param name="second">Another colour.</param>
    /// <returns>The ratio.</returns>
    public static double Contrast(string first, string second)
    {
        var a = Luminance(first);
        var b = Luminance(second);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string colour)
    {
        static double Channel(string hex)
        {
            var c = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(colour[1..3])) + (0.7152 * Channel(colour[3..5])) + (0.0722 * Channel(colour[5..7]));
    }

    private static string? CheckLogo(string? logo)
    {
        var value = logo?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // An https address without credentials or characters that could break out of an HTML attribute, or a canonical storage key.
        var isHttps = Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0
                      && !value.Any(c => c is '"' or '\'' or '<' or '>' or '`' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c));
        if (value.Length > 500 || !(isHttps || Storage.BlobKey.IsCanonical(value)))
        {
            throw CollabRefusals.HouseStyleLogoInvalid(logo);
        }

        return value;
    }

    private static string? CheckReminder(string? reminder)
    {
        var value = reminder?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > 1000)
        {
            throw CollabRefusals.HouseStyleReminderTooLong(value.Length);
        }

        foreach (Match placeholder in PlaceholderPattern().Matches(value))
        {
            if (!ReminderPlaceholders.Contains(placeholder.Value, StringComparer.Ordinal))
            {
                throw CollabRefusals.HouseStyleReminderPlaceholder(placeholder.Value, string.Join(", ", ReminderPlaceholders));
            }
        }

        return value;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColourPattern();

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
