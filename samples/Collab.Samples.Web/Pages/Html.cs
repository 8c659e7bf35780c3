using System.Net;
using Collab.Portal;
using Microsoft.AspNetCore.Antiforgery;

namespace Collab.Samples.Web;

/// <summary>Small server-side HTML helpers: one layout, encoded text, and forms that carry the antiforgery token.</summary>
internal static class Html
{
    public static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? string.Empty);

    /// <summary>One layout for every page: headings, a navigation for the signed-in party, and sign-out.</summary>
    public static IResult Page(string title, string body, PortalBranding? style = null, int status = 200)
    {
        var context = Contexts?.HttpContext;
        // Stored colours go into CSS: only a colour HouseStyle accepted (#RRGGBB) is written, never the raw value.
        var primary = CssColour(style?.PrimaryColour, "#2F4F6F");
        var text = CssColour(style?.TextColour, "#1C1C1C");
        var background = CssColour(style?.BackgroundColour, "#FFFFFF");
        var logo = style?.LogoReference is { } reference
            ? $"<img class=\"logo\" alt=\"{E(style.Slug)}\" src=\"{E(reference.StartsWith("https://", StringComparison.Ordinal) ? reference : "/blobs/" + reference)}\">"
            : string.Empty;
        var language = context is null ? "nl" : LanguageOf(context).TwoLetterISOLanguageName;
        var html = $$"""
            <!doctype html>
            <html lang="{{language}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{E(title)}} · Collab web sample</title>
              <style nonce="{{E(Security.StyleNonce(context))}}">
                body { font-family: system-ui, sans-serif; color: {{text}}; background: {{background}}; margin: 2rem; max-width: 64rem; }
                h1, h2, h3 { color: {{primary}}; }
                a { color: {{primary}}; }
                button { color: {{text}}; background: {{background}}; border: 2px solid {{primary}}; border-radius: 4px; padding: .3rem .8rem; cursor: pointer; }
                button:focus, a:focus, input:focus, select:focus, textarea:focus { outline: 3px solid {{primary}}; outline-offset: 2px; }
                table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
                td, th { border-bottom: 1px solid #767676; padding: .3rem; text-align: left; }
                form { margin: .3rem 0; }
                nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .8rem; }
                .logo { height: 48px; }
                .refusal { border-left: 4px solid #B03A2E; padding: .5rem 1rem; }
                .demo { border: 2px dashed #767676; padding: .5rem 1rem; }
                .welcome { font-style: italic; }
                .dashboard { display: flex; flex-wrap: wrap; gap: 1rem; }
                label { display: block; margin: .3rem 0; }
              </style>
            </head>
            <body data-primary="{{primary}}">
              <header>{{logo}}{{Navigation(context)}}</header>
              <main>
              <h1>{{E(title)}}</h1>
              {{body}}
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>A colour for CSS: the stored value when it is exactly #RRGGBB, else the fallback. Nothing else reaches a style sheet.</summary>
    public static string CssColour(string? value, string fallback) =>
        value is { Length: 7 } && value[0] == '#' && value.AsSpan(1).ContainsAnyExcept("0123456789abcdefABCDEF") is false ? value : fallback;

    private static string Navigation(HttpContext? context)
    {
        if (context?.User.Identity?.IsAuthenticated != true)
        {
            return """<nav aria-label="site"><ul><li><a href="/">Collab web sample</a></li></ul></nav>""";
        }

        var office = context.User.HasClaim(SignedIn.KindClaim, SignedIn.OfficeKind);
        var links = office
            ? """<li><a href="/office">Office</a></li><li><a href="/office/overview">Overview</a></li><li><a href="/office/clients/new">Register a client</a></li><li><a href="/office/administrations">Administrations</a></li><li><a href="/office/links">Links</a></li><li><a href="/office/questionnaires">Questionnaires</a></li><li><a href="/office/house-style">House style</a></li>"""
            : """<li><a href="/client">Your tasks</a></li><li><a href="/client/portal">Portal</a></li>""";
        return $"""<nav aria-label="site"><ul>{links}<li><a href="/mailbox">Mailbox</a></li><li>{Form(context, "/logout", string.Empty, "Sign out", "logout")}</li></ul></nav>""";
    }

    public static string Form(HttpContext context, string action, string inner, string button, string? id = null, bool files = false)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var encoding = files ? " enctype=\"multipart/form-data\"" : string.Empty;
        return $"""<form method="post" action="{E(action)}"{encoding}{(id is null ? string.Empty : $" id=\"{E(id)}\"")}><input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">{inner}<button type="submit">{E(button)}</button></form>""";
    }

    public static string Table(string[] headers, IEnumerable<string[]> rows, string? css = null) =>
        $"<table{(css is null ? string.Empty : $" class=\"{E(css)}\"")}><tr>{string.Join(string.Empty, headers.Select(h => $"<th>{E(h)}</th>"))}</tr>"
        + string.Join(string.Empty, rows.Select(r => $"<tr>{string.Join(string.Empty, r.Select(c => $"<td>{c}</td>"))}</tr>")) + "</table>";

    /// <summary>The reader's language (TXT-1): <c>?lang=</c> or the <c>lang</c> cookie when set, else the browser's Accept-Language, else Dutch.</summary>
    public static System.Globalization.CultureInfo LanguageOf(HttpContext context)
    {
        var chosen = context.Request.Query["lang"].FirstOrDefault() ?? context.Request.Cookies["lang"];
        if (chosen is null)
        {
            var accepted = context.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
            chosen = accepted?.Value.Value;
        }

        return Collab.Texts.CollabTexts.LanguageFor(chosen);
    }

    /// <summary>Set when the app is built: the refusal page reads the request's language through it.</summary>
    public static IHttpContextAccessor? Contexts { get; set; }

    /// <summary>The refusal page, its reason in the reader's language; the code stays the same in every language. JSON clients get problem details.</summary>
    public static IResult Refusal(HttpContext? context, CollabRefusalException refusal, PortalBranding? style = null)
    {
        var reason = context is null ? refusal.Message
            : context.RequestServices.GetRequiredService<Collab.Texts.CollabTexts>().Describe(refusal.Refusal, LanguageOf(context));
        var status = refusal.Kind switch
        {
            RefusalKind.InvalidInput => 400,
            RefusalKind.Forbidden => 403,
            RefusalKind.NotFound => 404,
            RefusalKind.ConcurrencyConflict => 409,
            _ => 422,
        };
        if (context is not null && Problems.Wanted(context))
        {
            return Problems.For(status, refusal.Code, reason, refusal.Refusal.RuleId);
        }

        var dutch = context is not null && LanguageOf(context).Name == "nl-NL";
        var title = refusal.Code switch
        {
            "link.spent" => dutch ? "Deze link is al gebruikt" : "This link was already used",
            "link.expired" => dutch ? "Deze link is verlopen" : "This link has expired",
            "link.replaced" => dutch ? "Deze link is vervangen" : "This link was replaced",
            _ => dutch ? "Dat lukte niet" : "That did not work",
        };
        return Page(title, $"""<p class="refusal" role="alert" data-code="{E(refusal.Code)}">{E(reason)}</p><p><a href="/">Back</a> · <a href="?lang=nl" hreflang="nl">Nederlands</a> · <a href="?lang=en" hreflang="en">English</a></p>""", style, status);
    }

    /// <summary>A failure that is not a Collab refusal (an expired form, a page for the other kind of user, bad request data): same shape, same status rules.</summary>
    public static IResult Failure(HttpContext context, int status, string code, string reason) =>
        Problems.Wanted(context)
            ? Problems.For(status, code, reason)
            : Page(status == 500 ? "Something went wrong" : "That did not work", $"""<p class="refusal" role="alert" data-code="{E(code)}">{E(reason)}</p><p><a href="/">Back</a></p>""", status: status);
}
