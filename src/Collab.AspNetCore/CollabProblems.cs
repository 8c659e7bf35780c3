using System.Globalization;
using System.Text.Json;
using Collab.Texts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.AspNetCore;

/// <summary>
/// Refusals as RFC 9457 problem details: the kind decides the status, the body carries the refusal's code, its rule id and
/// its reason in the request's language (TXT-1: Dutch unless <c>?lang=en</c> or <c>Accept-Language</c> asks for English).
/// Nothing else leaves: no stack, no exception or type name, no English fallback text in a Dutch answer.
/// </summary>
public static class CollabProblems
{
    /// <summary>The media type of every error body.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>The HTTP status for a refusal kind: invalid input 400, not found 404, forbidden 403, a broken rule 422, a concurrent change 409.</summary>
    /// <param name="kind">The refusal's kind.</param>
    /// <returns>The status code.</returns>
    public static int StatusFor(RefusalKind kind) => kind switch
    {
        RefusalKind.InvalidInput => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.RuleViolation => StatusCodes.Status422UnprocessableEntity,
        RefusalKind.ConcurrencyConflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>
    /// The language a request asks for (TXT-1): <c>?lang=</c> first, then the best <c>Accept-Language</c> entry that is
    /// Dutch or English, else Dutch.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns><see cref="CollabTexts.Dutch"/> or <see cref="CollabTexts.English"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static CultureInfo LanguageOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Supported(request.Query["lang"].ToString()) is { } asked)
        {
            return asked;
        }

        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        return accepted.Select(l => Supported(l.Value.Value)).FirstOrDefault(c => c is not null) ?? CollabTexts.Dutch;
    }

    /// <summary>Writes a refusal as problem details (status by kind; code, its pre-0.6.0 <c>legacyCode</c> when it was renamed, rule id and the reason in the request's language).</summary>
    /// <param name="context">The request.</param>
    /// <param name="refusal">Why Collab refused.</param>
    /// <returns>A task that completes when the body is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Task WriteAsync(HttpContext context, Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(refusal);
        var language = LanguageOf(context.Request);
        var texts = context.RequestServices.GetRequiredService<CollabTexts>();
        var status = StatusFor(refusal.Kind);
        return WriteAsync(context, status, refusal.Code, refusal.RuleId, texts.Describe(refusal, language), language);
    }

    internal static Task WriteAsync(HttpContext context, int status, string code, string? ruleId, string detail, CultureInfo language)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = MediaType;
        response.Headers.ContentLanguage = language.TwoLetterISOLanguageName;
        response.Headers.CacheControl = "no-store";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "about:blank");
            json.WriteString("title", Title(status, language));
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            json.WriteString("code", code);
            if (RefusalCodes.LegacyOf(code) is { } legacy)
            {
                json.WriteString("legacyCode", legacy); // the code before 0.6.0, kept until 0.7.0 (docs/deliverables.md)
            }

            if (ruleId is not null)
            {
                json.WriteString("ruleId", ruleId);
            }

            json.WriteEndObject();
        }

        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).AsTask();
    }

    /// <summary>A problem of the HTTP layer itself (sign-in, rate limit, antiforgery, a failure): its own code and text.</summary>
    internal static Task WriteAsync(HttpContext context, int status, string code)
    {
        var language = LanguageOf(context.Request);
        return WriteAsync(context, status, code, null, HttpTexts.For(code, language), language);
    }

    private static CultureInfo? Supported(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
        : name.StartsWith("nl", StringComparison.OrdinalIgnoreCase) ? CollabTexts.Dutch
        : name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? CollabTexts.English
        : null;

    private static string Title(int status, CultureInfo language)
    {
        var dutch = language.TwoLetterISOLanguageName == "nl";
        return status switch
        {
            400 => dutch ? "Ongeldig verzoek" : "Bad request",
            401 => dutch ? "Niet aangemeld" : "Not signed in",
            403 => dutch ? "Niet toegestaan" : "Forbidden",
            404 => dutch ? "Niet gevonden" : "Not found",
            409 => dutch ? "Tegelijk gewijzigd" : "Conflict",
            422 => dutch ? "Niet mogelijk" : "Not possible",
            429 => dutch ? "Te veel verzoeken" : "Too many requests",
            _ => dutch ? "Er ging iets mis" : "Something went wrong",
        };
    }
}

/// <summary>The few texts the HTTP layer writes itself, in Dutch and English (TXT-1). Collab's own refusals use its catalogue.</summary>
internal static class HttpTexts
{
    internal const string SignInRequired = "http.sign-in-required";
    internal const string TooManyRequests = "http.too-many-requests";
    internal const string FormExpired = "http.form-expired";
    internal const string BadRequest = "http.bad-request";
    internal const string ServerError = "http.server-error";

    private static readonly Dictionary<string, (string Dutch, string English)> Texts = new(StringComparer.Ordinal)
    {
        [SignInRequired] = ("Meld u eerst aan.", "Sign in first."),
        [TooManyRequests] = ("Te veel pogingen: wacht een minuut en probeer het dan opnieuw.", "Too many attempts: wait a minute and try again."),
        [FormExpired] = ("Dit formulier is verlopen of kwam niet van deze site; er is niets gedaan. Laad de pagina opnieuw en probeer het nog eens.",
            "This form expired or was not sent from this site, so nothing was done. Reload the page and try again."),
        [BadRequest] = ("Het verzoek werd niet begrepen: controleer wat u invulde en probeer het opnieuw.", "The request was not understood: check what you entered and try again."),
        [ServerError] = ("Er ging aan onze kant iets mis. Probeer het zo opnieuw.", "Something went wrong on our side. Try again in a moment."),
    };

    internal static IReadOnlyCollection<string> Codes => Texts.Keys;

    internal static string For(string code, CultureInfo language) =>
        language.TwoLetterISOLanguageName == "nl" ? Texts[code].Dutch : Texts[code].English;
}
