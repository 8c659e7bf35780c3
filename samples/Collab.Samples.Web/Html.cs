using System.Net;
using Collab.Portal;
using Microsoft.AspNetCore.Antiforgery;

namespace Collab.Samples.Web;

/// <summary>Small server-side HTML helpers: one layout, encoded text, and forms that carry the antiforgery token.</summary>
internal static class Html
{
    public static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? string.Empty);

    public static IResult Page(string title, string body, HouseStyle? style = null, int status = 200)
    {
        var primary = style?.PrimaryColour ?? "#2F4F6F";
        var text = style?.TextColour ?? "#1C1C1C";
        var background = style?.BackgroundColour ?? "#FFFFFF";
        var logo = style?.LogoReference is { } reference
            ? $"<img class=\"logo\" alt=\"logo\" src=\"{E(reference.StartsWith("https://", StringComparison.Ordinal) ? reference : "/blobs/" + reference)}\">"
            : string.Empty;
        var html = $$"""
            <!doctype html>
            <html lang="nl">
            <head>
              <meta charset="utf-8">
              <title>{{E(title)}}</title>
              <style>
                body { font-family: system-ui, sans-serif; color: {{text}}; background: {{background}}; margin: 2rem; max-width: 60rem; }
                h1, h2 { color: {{primary}}; }
                a, button { color: {{primary}}; }
                button { background: {{background}}; border: 2px solid {{primary}}; border-radius: 4px; padding: .3rem .8rem; cursor: pointer; }
                table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
                td, th { border-bottom: 1px solid #ccc; padding: .3rem; text-align: left; }
                .logo { height: 48px; }
                .refusal { border-left: 4px solid #B03A2E; padding: .5rem 1rem; }
                .welcome { font-style: italic; }
                .dashboard { display: flex; flex-wrap: wrap; gap: 1rem; }
                label { display: block; margin: .3rem 0; }
              </style>
            </head>
            <body data-primary="{{primary}}">
              <header>{{logo}} <a href="/">Collab web sample</a> · <a href="/mailbox">mailbox</a></header>
              <h1>{{E(title)}}</h1>
              {{body}}
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
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

    public static IResult Refusal(CollabRefusalException refusal, HouseStyle? style = null) => Refusal(Contexts?.HttpContext, refusal, style);

    /// <summary>The refusal page, its reason in the reader's language; the code stays the same in every language.</summary>
    public static IResult Refusal(HttpContext? context, CollabRefusalException refusal, HouseStyle? style = null)
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
        var dutch = context is not null && LanguageOf(context).Name == "nl-NL";
        var title = refusal.Code switch
        {
            "link.spent" => dutch ? "Deze link is al gebruikt" : "This link was already used",
            "link.expired" => dutch ? "Deze link is verlopen" : "This link has expired",
            "link.replaced" => dutch ? "Deze link is vervangen" : "This link was replaced",
            _ => dutch ? "Dat lukte niet" : "That did not work",
        };
        return Page(title, $"""<p class="refusal" data-code="{E(refusal.Code)}">{E(reason)}</p><p><a href="/">Back</a> · <a href="?lang=nl">Nederlands</a> · <a href="?lang=en">English</a></p>""", style, status);
    }
}
