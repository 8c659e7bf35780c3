using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collab.AspNetCore;

/// <summary>
/// The filter every Collab group runs first: 401 when the endpoint needs a party and the principal names none; the
/// antiforgery check on a cookie-authenticated form post; every refusal as problem details; anything else a 500 that
/// says nothing about the inside (the exception goes to the log with the route pattern, never the path: a path can hold a token).
/// </summary>
internal sealed class CollabEndpointFilter(ILogger<CollabEndpointFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        try
        {
            if (invocation.Arguments.OfType<Caller>().Any(c => !c.SignedIn))
            {
                return Problem(StatusCodes.Status401Unauthorized, HttpTexts.SignInRequired);
            }

            if (NeedsAntiforgery(context) && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return Problem(StatusCodes.Status400BadRequest, HttpTexts.FormExpired);
            }

            return await next(invocation).ConfigureAwait(false);
        }
        catch (CollabRefusalException refusal)
        {
            return new ProblemResult(refusal.Refusal);
        }
        catch (SignInRequiredException)
        {
            return Problem(StatusCodes.Status401Unauthorized, HttpTexts.SignInRequired);
        }
        catch (BadHttpRequestException bad)
        {
            return Problem(bad.StatusCode, HttpTexts.BadRequest);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Collab endpoint {Endpoint} failed", context.GetEndpoint()?.DisplayName);
            return Problem(StatusCodes.Status500InternalServerError, HttpTexts.ServerError);
        }
    }

    /// <summary>
    /// A write that a page on another site could make the browser send with the user's cookies: an authenticated request
    /// without an Authorization header (so its credential is ambient), with a body a cross-site form can send
    /// (form encodings, text/plain or none). A JSON body cannot be sent cross-site without the host's CORS consent.
    /// </summary>
    internal static bool NeedsAntiforgery(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || context.User.Identity is not { IsAuthenticated: true } || request.Headers.Authorization.Count > 0)
        {
            return false;
        }

        var type = request.ContentType;
        return string.IsNullOrEmpty(type)
               || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
               || type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
               || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);
    }

    private static ProblemResult Problem(int status, string code) => new(status, code);
}

/// <summary>An <see cref="IResult"/> that writes Collab's problem details.</summary>
internal sealed class ProblemResult : IResult
{
    private readonly Refusal? _refusal;
    private readonly int _status;
    private readonly string _code = string.Empty;

    public ProblemResult(Refusal refusal) => _refusal = refusal;

    public ProblemResult(int status, string code)
    {
        _status = status;
        _code = code;
    }

    public Task ExecuteAsync(HttpContext httpContext) =>
        _refusal is not null ? CollabProblems.WriteAsync(httpContext, _refusal) : CollabProblems.WriteAsync(httpContext, _status, _code);
}
