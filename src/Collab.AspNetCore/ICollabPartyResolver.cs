using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Collab.AspNetCore;

/// <summary>
/// Who acts for a request: turns the host's signed-in principal into Collab's <see cref="ActingParty"/> (SEC-3). The one
/// place a host changes when its users carry their Collab id somewhere else; replace it with
/// <c>services.AddSingleton&lt;ICollabPartyResolver, MyResolver&gt;()</c> after <c>AddCollabAspNetCore()</c>.
/// </summary>
/// <remarks>
/// The party comes from the authenticated principal only, never from a route, query or body value. Collab then looks
/// the user up in its own registry and decides what it may do; a party that names an unknown or deactivated user is refused.
/// </remarks>
public interface ICollabPartyResolver
{
    /// <summary>The party the signed-in principal acts as, or null when nobody is signed in (the endpoint answers 401).</summary>
    /// <param name="context">The request.</param>
    /// <returns>The party, or null.</returns>
    ValueTask<ActingParty?> ResolveAsync(HttpContext context);
}

/// <summary>The default resolver: the authenticated principal's <see cref="CollabAspNetCoreOptions.UserIdClaimType"/> claim, a GUID.</summary>
internal sealed class ClaimPartyResolver(IOptions<CollabAspNetCoreOptions> options) : ICollabPartyResolver
{
    public ValueTask<ActingParty?> ResolveAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true }
            || !Guid.TryParse(user.FindFirstValue(options.Value.UserIdClaimType), out var id) || id == Guid.Empty)
        {
            return ValueTask.FromResult<ActingParty?>(null);
        }

        return ValueTask.FromResult<ActingParty?>(ActingParty.User(new UserId(id)));
    }
}
