using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace Collab.Texts;

/// <summary>A text someone wrote in each language themselves (an office's own reminder, SHARE-10): rendered for the reader's language.</summary>
/// <param name="Render">The text for a language.</param>
internal sealed record PerLanguage(Func<CultureInfo, string> Render);

/// <summary>A text of the catalogue used as a value inside another text, such as a field's name; rendered in the same language.</summary>
/// <param name="Key">The catalogue key.</param>
/// <param name="Arguments">Its own values, if it has placeholders.</param>
public readonly record struct TextRef(string Key, params object?[] Arguments);

/// <summary>
/// A vendor's own texts (TXT-1): return a template for a key and a language to replace Collab's, or null to keep it.
/// Register with <c>AddCollab().AddTextOverrides&lt;T&gt;()</c>. A template uses the same numbered placeholders
/// (<c>{0}</c>, <c>{1:d MMMM yyyy}</c>) as Collab's; <see cref="CollabTexts.Keys"/> lists the keys.
/// </summary>
public interface ICollabTextOverrides
{
    /// <summary>The vendor's template for a key in a language, or null.</summary>
    /// <param name="key">The key, such as <c>link.spent</c>.</param>
    /// <param name="culture">The language (<c>nl-NL</c> or <c>en-GB</c>).</param>
    /// <returns>The template, or null for Collab's own.</returns>
    string? Find(string key, CultureInfo culture);
}

/// <summary>
/// Collab's text catalogue (TXT-1): every text a person reads, in Dutch and English, from the assembly's resources
/// (<c>CollabTexts.resx</c>, <c>CollabTexts.nl.resx</c>) through .NET's <see cref="ResourceManager"/> — no dependency,
/// and usable where no service provider is at hand (an aggregate refusing a change). Values are formatted for the
/// language: dates as "15 december 2026", amounts as "€ 1,65". A vendor replaces any text per language through
/// <see cref="ICollabTextOverrides"/>. Resolved from dependency injection.
/// </summary>
/// <remarks>
/// An <see cref="IStringLocalizer"/> too (issue 34), and registered as <see cref="IStringLocalizer{T}"/> of
/// <see cref="CollabTexts"/>: a host shows Collab's texts the way it shows its own, in
/// <see cref="CultureInfo.CurrentUICulture"/> (Dutch for <c>nl</c>, English otherwise), with the vendor's overrides applied.
/// </remarks>
public sealed class CollabTexts : IStringLocalizer
{
    private const string Location = "Collab.Texts.CollabTexts";
    private static readonly ResourceManager Resources = new(Location, typeof(CollabTexts).Assembly);
    private readonly ICollabTextOverrides[] _overrides;

    /// <summary>Creates the catalogue; resolved from dependency injection.</summary>
    /// <param name="overrides">The vendor's overrides, applied in registration order (the first that answers wins).</param>
    public CollabTexts(IEnumerable<ICollabTextOverrides> overrides) => _overrides = [.. overrides];

    /// <summary>Dutch (the Netherlands): the default for an office in the Netherlands.</summary>
    public static CultureInfo Dutch { get; } = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>English.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The languages Collab has every text in.</summary>
    public static IReadOnlyList<CultureInfo> Languages { get; } = [Dutch, English];

    /// <summary>Every key of the catalogue.</summary>
    public static IReadOnlyList<string> Keys { get; } = ReadKeys();

    /// <summary>The supported language closest to a requested one: Dutch for <c>nl</c>, <c>nl-BE</c> …; English for any other.</summary>
    /// <param name="requested">A culture or language name such as <c>nl</c> or <c>en-US</c>; null for Dutch.</param>
    /// <returns>Dutch or English.</returns>
    public static CultureInfo LanguageFor(string? requested) =>
        requested is null || requested.StartsWith("nl", StringComparison.OrdinalIgnoreCase) ? Dutch : English;

    /// <summary>A refusal's text in a language, for the person who made the request.</summary>
    /// <param name="refusal">The refusal.</param>
    /// <param name="culture">Dutch or English (others fall back to English).</param>
    /// <returns>The text; the refusal's code and arguments do not change with the language.</returns>
    public string Describe(Refusal refusal, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var key = refusal.TextKey ?? refusal.Code;
        return Find(key, culture) is null ? refusal.Reason : Render(key, culture, [.. refusal.Arguments ?? []]);
    }

    /// <summary>A refusal's text in a user's own language (Dutch unless the user chose English): the default for the acting user.</summary>
    /// <param name="refusal">The refusal.</param>
    /// <param name="reader">The user who reads it.</param>
    /// <returns>The text.</returns>
    public string Describe(Refusal refusal, Registry.CollabUser reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Describe(refusal, LanguageFor(reader.Language));
    }

    /// <summary>Renders a text of the catalogue in a language.</summary>
    /// <param name="key">The key.</param>
    /// <param name="culture">Dutch or English.</param>
    /// <param name="arguments">Its values.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">The key is not in the catalogue.</exception>
    public string Render(string key, CultureInfo culture, params object?[] arguments)
    {
        var language = LanguageFor(culture?.Name);
        var template = Template(key, language) ?? throw new KeyNotFoundException($"'{key}' is not a Collab text: see CollabTexts.Keys.");
        return Format(template, language, arguments, t => Nested(t, language, k => Render(k, language, t.Arguments ?? [])));
    }

    /// <summary>A text's template in <see cref="CultureInfo.CurrentUICulture"/>'s language, the vendor's overrides first.</summary>
    /// <param name="name">The key, such as <c>link.spent</c>.</param>
    /// <returns>The template; <see cref="LocalizedString.ResourceNotFound"/> (and the key as the value) for a key Collab lacks.</returns>
    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var template = Template(name, LanguageFor(CultureInfo.CurrentUICulture.Name));
            return new LocalizedString(name, template ?? name, template is null, Location);
        }
    }

    /// <summary>A text in <see cref="CultureInfo.CurrentUICulture"/>'s language with its values, formatted as <see cref="Render"/> does.</summary>
    /// <param name="name">The key.</param>
    /// <param name="arguments">Its values.</param>
    /// <returns>The text; <see cref="LocalizedString.ResourceNotFound"/> (and the key as the value) for a key Collab lacks.</returns>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var language = LanguageFor(CultureInfo.CurrentUICulture.Name);
            return Template(name, language) is null
                ? new LocalizedString(name, name, true, Location)
                : new LocalizedString(name, Render(name, language, arguments), false, Location);
        }
    }

    /// <summary>Every text of the catalogue as a template in <see cref="CultureInfo.CurrentUICulture"/>'s language.</summary>
    /// <param name="includeParentCultures">Ignored: every key has a Dutch and an English text (TXT-1).</param>
    /// <returns>One string per key of <see cref="Keys"/>.</returns>
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => Keys.Select(key => this[key]);

    private string? Template(string key, CultureInfo language) =>
        _overrides.Select(o => o.Find(key, language)).FirstOrDefault(t => t is not null) ?? Find(key, language);

    /// <summary>The English text of a key with Collab's own resources: what a refusal's <see cref="Refusal.Reason"/> holds.</summary>
    internal static string InEnglish(string key, object?[] arguments)
    {
        var template = Find(key, English) ?? throw new KeyNotFoundException($"'{key}' is missing from CollabTexts.resx: add it (and its Dutch text).");
        return Format(template, English, arguments, t => Nested(t, English, k => InEnglish(k, t.Arguments ?? [])));
    }

    /// <summary>The template of a key in a language, or null.</summary>
    internal static string? Find(string key, CultureInfo culture) => Resources.GetString(key, culture.Name == "nl-NL" ? Dutch : CultureInfo.InvariantCulture);

    // A value inside a sentence: a thing's or field's name the catalogue lacks (a vendor's own subject type) is shown as
    // written, never an error inside an error.
    private static string Nested(TextRef text, CultureInfo culture, Func<string, string> render) =>
        Find(text.Key, culture) is null && text.Key.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 && text.Arguments is not { Length: > 0 }
            ? text.Key[(dot + 1)..].Replace('-', ' ')
            : render(text.Key);

    private static string Format(string template, CultureInfo culture, object?[] arguments, Func<TextRef, string> nested)
    {
        var values = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i] switch
            {
                TextRef text => nested(text),
                PerLanguage own => own.Render(culture),
                IEnumerable<TextRef> texts => string.Join("; ", texts.Select(nested)),
                _ => arguments[i],
            };
        }

        return string.Format(culture, template, values);
    }

    private static string[] ReadKeys()
    {
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException("Collab's text resources are missing from the assembly.");
        return [.. set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];
    }
}

/// <summary>Collab's texts as <see cref="IStringLocalizer{T}"/>, the shape hosts inject (issue 34); the catalogue answers.</summary>
internal sealed class CollabStringLocalizer(CollabTexts texts) : IStringLocalizer<CollabTexts>
{
    public LocalizedString this[string name] => texts[name];

    public LocalizedString this[string name, params object[] arguments] => texts[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => texts.GetAllStrings(includeParentCultures);
}

/// <summary>
/// A vendor's texts in the standard shape (issue 34): an <see cref="IStringLocalizer{T}"/> of the vendor's (resources
/// through <c>AddLocalization()</c>, a database, anything) asked for Collab's keys in the reader's language; a key it
/// does not have keeps Collab's text.
/// </summary>
internal sealed class StringLocalizerTextOverrides<TResource>(IStringLocalizer<TResource> localizer) : ICollabTextOverrides
{
    public string? Find(string key, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture; // IStringLocalizer answers in the current UI culture
        try
        {
            return localizer[key] is { ResourceNotFound: false } found ? found.Value : null;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
