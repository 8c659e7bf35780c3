using System.Reflection;
using Microsoft.AspNetCore.Http;
using Collab.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

/// <summary>The platform party for a provisioning request, named after the operator (<see cref="CollabAspNetCoreOptions.ProvisioningOperator"/>).</summary>
internal sealed class Platform
{
    private Platform(ActingParty party) => Party = party;

    public ActingParty Party { get; }

    public static ValueTask<Platform?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var services = context.RequestServices;
        var name = services.GetRequiredService<IOptions<CollabAspNetCoreOptions>>().Value.ProvisioningOperator(context);
        var platform = services.GetRequiredService<CollabPlatform>();
        ActingParty party;
        try
        {
            party = platform.Operator(name);
        }
        catch (CollabRefusalException)
        {
            party = platform.Operator("http-provisioning"); // a principal's name Collab would not record (too long, control characters)
        }

        return ValueTask.FromResult<Platform?>(new Platform(party));
    }
}
