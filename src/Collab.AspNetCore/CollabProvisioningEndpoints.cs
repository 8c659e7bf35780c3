using Collab;
using Collab.AspNetCore;
using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The vendor's provisioning endpoints: offices, clients, companies, administrations, environments, users and the
/// collaboration between an office and a client, made as the platform (<see cref="CollabPlatform"/>).
/// </summary>
public static class CollabProvisioningEndpoints
{
    /// <summary>
    /// Maps the provisioning endpoints under <paramref name="prefix"/>. They act as the platform, not as the signed-in
    /// user, so the host <b>must</b> guard the group with its own authorization
    /// (<c>.RequireAuthorization("vendor-admin")</c>): Collab cannot tell the vendor's administrator from anyone else.
    /// The audit trail names the operator from <see cref="CollabAspNetCoreOptions.ProvisioningOperator"/>.
    /// </summary>
    /// <param name="endpoints">The app or a parent group.</param>
    /// <param name="prefix">The routes' prefix, such as <c>/platform</c>.</param>
    /// <returns>The group, for the host's authorization.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RouteGroupBuilder MapCollabProvisioningEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/platform")
    {
        var g = CollabGroups.Group(endpoints, prefix, "Collab provisioning");
        g.MapPost("/offices", async (Platform p, NameRequest body, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.RegisterOfficeAsync(p.Party, body.Name, body.TimeZone, ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.RegisterOfficeAsync), "office.*", "time-zone.*", "office-name.*");
        g.MapPut("/offices/{office:guid}/modules", async (Platform p, Guid office, OfficeModules modules, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.SetOfficeModulesAsync(p.Party, new OfficeId(office), modules, ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.SetOfficeModulesAsync), "office.*");
        g.MapPost("/clients", async (Platform p, NameRequest body, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.RegisterClientAsync(p.Party, body.Name, ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.RegisterClientAsync), "client-name.*");
        g.MapPost("/clients/{client:guid}/companies", async (Platform p, Guid client, NameRequest body, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.AddCompanyAsync(p.Party, new ClientId(client), body.Name, ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.AddCompanyAsync), "company.*", "company-name.*");
        g.MapPost("/administrations", async (Platform p, AdministrationRequest body, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.CreateAdministrationAsync(p.Party, body.Company, CollabGroups.Number(body.Number), body.Name, body.Holder, body.Environment, ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.CreateAdministrationAsync), "administration.*", "administration-name.*", "environment.*");
        g.MapPost("/offices/{office:guid}/environments", async (Platform p, Guid office, EnvironmentRequest body, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.CreateEnvironmentAsync(p.Party, new OfficeId(office), body.Name, body.Administrators, ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.CreateEnvironmentAsync), "environment.*", "environment-name.*", "user.*");
        g.MapPost("/offices/{office:guid}/users", async (Platform p, Guid office, EmailRequest body, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.CreateOfficeUserAsync(p.Party, new OfficeId(office), body.Email, ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.CreateOfficeUserAsync), "user.*", "email.*");
        g.MapPost("/clients/{client:guid}/users", async (Platform p, Guid client, ClientUserRequest body, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.CreateClientUserAsync(p.Party, new ClientId(client), body.Email, body.Companies, body.Administrator, ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.CreateClientUserAsync), "user.*", "email.*", "tier.unknown");
        g.MapGet("/users", async (Platform p, string email, CollabRegistry s, CancellationToken ct) =>
            await s.FindUserByEmailAsync(p.Party, email, ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<CollabRegistry>(nameof(CollabRegistry.FindUserByEmailAsync), "email.*");
        g.MapPost("/offices/{office:guid}/collaborations", async (Platform p, Guid office, CollaborationRequest body, TierService s, CancellationToken ct) =>
            TypedResults.Ok(await s.StartCollaborationAsync(p.Party, new OfficeId(office), body.Client, body.Tier, body.StartsOn, ct)))
            .Calls<TierService>(nameof(TierService.StartCollaborationAsync), "collaboration.*", "tier.*");
        return g;
    }
}
