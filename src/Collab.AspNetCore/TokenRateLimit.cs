using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Collab.AspNetCore;

/// <summary>A request body that carries a one-time token: the rate limit counts per token as well as per address.</summary>
internal interface ITokenRequest
{
    string Token { get; }
}

/// <summary>
/// The limits on the anonymous token endpoints (open, confirm, read once, accept): a fixed window per client address
/// and one per token, chained, so neither one address trying many tokens nor many addresses trying one token get far.
/// Tokens are counted by their SHA-256, never kept as they are.
/// </summary>
internal sealed class TokenRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(string Address, string Token)> _limiter;

    public TokenRateLimiter(IOptions<CollabAspNetCoreOptions> options)
    {
        var o = options.Value;
        var byAddress = PartitionedRateLimiter.Create<(string Address, string Token), string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key.Address, _ => Window(o.TokenPermitsPerAddress, o.TokenWindow)));
        var byToken = PartitionedRateLimiter.Create<(string Address, string Token), string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key.Token, _ => Window(o.TokenPermitsPerToken, o.TokenWindow)));
        _limiter = PartitionedRateLimiter.CreateChained(byAddress, byToken);
    }

    public bool TryAcquire(HttpContext context, string? token)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));
        using var lease = _limiter.AttemptAcquire((address, hash));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}

/// <summary>Answers 429 (problem details, <c>Retry-After</c>) when a token request is over either limit.</summary>
internal sealed class TokenRateLimitFilter(TokenRateLimiter limiter, IOptions<CollabAspNetCoreOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var token = invocation.Arguments.OfType<ITokenRequest>().FirstOrDefault()?.Token;
        if (!limiter.TryAcquire(invocation.HttpContext, token))
        {
            invocation.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.Value.TokenWindow.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new ProblemResult(StatusCodes.Status429TooManyRequests, HttpTexts.TooManyRequests);
        }

        return await next(invocation).ConfigureAwait(false);
    }
}
