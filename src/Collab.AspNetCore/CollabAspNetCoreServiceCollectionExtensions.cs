using Collab;
using Collab.AspNetCore;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Collab's HTTP surface.</summary>
public static class CollabAspNetCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers what Collab's endpoint groups need, once: the party resolver (a claim by default), JSON for Collab's ids,
    /// enums and NodaTime's types on the host's minimal API options, the endpoint filter that maps refusals to problem
    /// details, the token endpoints' rate limits, antiforgery, and Collab's OpenAPI transformers on every document the host
    /// adds with <c>AddOpenApi()</c>. Registers Collab itself too (<c>AddCollab()</c>, which may also be called before or
    /// after to configure it). Safe to call more than once.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Changes the options (claim type, rate limits, provisioning operator); null for the defaults.</param>
    /// <returns>Collab's builder, for the next step such as <c>AddEntityFrameworkStores&lt;TContext&gt;()</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static CollabBuilder AddCollabAspNetCore(this IServiceCollection services, Action<CollabAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CollabAspNetCoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrWhiteSpace(o.UserIdClaimType) && o.TokenPermitsPerAddress > 0 && o.TokenPermitsPerToken > 0 && o.TokenWindow > TimeSpan.Zero && o.ProvisioningOperator is not null,
            "Collab.AspNetCore options: UserIdClaimType must be set, the token limits positive and the window longer than zero.").ValidateOnStart();
        var collab = services.AddCollab();
        if (services.Any(d => d.ServiceType == typeof(CollabAspNetCoreMarker)))
        {
            return collab;
        }

        services.AddSingleton<CollabAspNetCoreMarker>();
        services.TryAddSingleton<ICollabPartyResolver, ClaimPartyResolver>();
        services.AddSingleton<CollabEndpointFilter>();
        services.AddSingleton<TokenRateLimiter>();
        services.AddSingleton<TokenRateLimitFilter>();
        services.AddAntiforgery();
        services.Configure<JsonOptions>(o => CollabJson.Configure(o.SerializerOptions));
        services.ConfigureAll<OpenApiOptions>(o => o.AddCollabRefusals());
        return collab;
    }
}
