using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Collab.Samples.Web;

/// <summary>
/// What keeps the reference host safe by default, in one place (issue 18): response headers with a per-request style
/// nonce, antiforgery on every state-changing request, refusals mapped by kind, and no one-time link in the logs.
/// </summary>
internal static class Security
{
    private const string NonceKey = "collab-style-nonce";

    /// <summary>The nonce this response's one &lt;style&gt; element carries; the Content-Security-Policy allows no other style and no script at all.</summary>
    public static string StyleNonce(HttpContext? context) =>
        context?.Items[NonceKey] as string ?? string.Empty;

    /// <summary>
    /// Headers on every response. <c>Referrer-Policy: no-referrer</c> everywhere, so a one-time link's token never
    /// reaches another site through the Referer header; no framing; no MIME sniffing; a policy without script.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        // Set when the response starts, so a page the exception handler writes (it clears the headers first) has them too.
        // Images may come from https: an office's logo may be a link to its own site (HouseStyle.LogoReference).
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'none'; img-src 'self' https:; style-src 'nonce-{nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>
    /// One antiforgery check for every POST, PUT, PATCH and DELETE, whatever the endpoint binds. ASP.NET Core's own
    /// middleware checks only endpoints that bind a form, which left consent, execute, approve and confirm open to a
    /// form posted from another site.
    /// </summary>
    public static IApplicationBuilder UseAntiforgeryOnEveryWrite(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)
            || HttpMethods.IsPatch(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await Html.Failure(context, StatusCodes.Status400BadRequest, "form-expired",
                    "This form expired or was not sent from this site, so nothing was done. Go back, reload the page and try again.").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });

    /// <summary>
    /// The request-start and request-finish lines of ASP.NET Core's hosting log carry the full path, and a one-time
    /// link's path is its token. This host keeps them at Warning; a vendor that wants request logs should log the route
    /// pattern, not the path.
    /// </summary>
    public static ILoggingBuilder KeepLinkTokensOutOfLogs(this ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning); // the outbox polls every second: its SQL is noise here
}

/// <summary>
/// Every exception a page lets through ends here: a refusal becomes its status by kind (400, 403, 404, 409, 422) as a
/// page in the reader's language or as problem details for a client that asks for JSON; bad request data is a 400;
/// anything else a 500 that tells nothing about the inside.
/// </summary>
internal sealed class RefusalHandler(ILogger<RefusalHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            CollabRefusalException refusal => Html.Refusal(context, refusal),
            SignedIn.NotForYouException notForYou => Html.Failure(context, StatusCodes.Status403Forbidden, "not-for-you", notForYou.Message),
            BadHttpRequestException bad => Html.Failure(context, bad.StatusCode, "bad-request", "The request was not understood: check what you entered and try again."),
            FormatException or InvalidDataException => Html.Failure(context, StatusCodes.Status400BadRequest, "bad-request", "The request was not understood: check what you entered and try again."),
            _ => null,
        };
        if (result is null)
        {
            logger.LogError(exception, "Unhandled exception on {Route}", context.GetEndpoint()?.DisplayName); // the route pattern, never the path
            result = Html.Failure(context, StatusCodes.Status500InternalServerError, "server-error", "Something went wrong on our side. Nothing you entered is lost: try again in a moment.");
        }

        await result.ExecuteAsync(context);
        return true;
    }
}

/// <summary>Problem details for API clients: the refusal's code and rule as extensions, its reason in the reader's language.</summary>
internal static class Problems
{
    public static bool Wanted(HttpContext context) =>
        context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Value is "application/json" or "application/problem+json");

    public static IResult For(int status, string code, string reason, string? rule = null) => Results.Problem(new ProblemDetails
    {
        Status = status,
        Title = code,
        Detail = reason,
        Extensions = { ["code"] = code, ["rule"] = rule },
    });
}
