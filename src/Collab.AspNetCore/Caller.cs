using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.AspNetCore;

/// <summary>
/// An endpoint's acting party, bound from the principal through <see cref="ICollabPartyResolver"/>. Binding never
/// fails: a request without one is answered 401 by <see cref="CollabEndpointFilter"/> before the handler runs.
/// </summary>
internal sealed class Caller
{
    private readonly ActingParty? _party;

    private Caller(ActingParty? party) => _party = party;

    public bool SignedIn => _party is not null;

    public ActingParty Party => _party ?? throw new SignInRequiredException();

    public static async ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        new(await context.RequestServices.GetRequiredService<ICollabPartyResolver>().ResolveAsync(context).ConfigureAwait(false));
}

/// <summary>Nobody is signed in, or the principal names no Collab user: 401.</summary>
internal sealed class SignInRequiredException : Exception
{
    public SignInRequiredException()
        : base("Nobody is signed in.")
    {
    }
}
