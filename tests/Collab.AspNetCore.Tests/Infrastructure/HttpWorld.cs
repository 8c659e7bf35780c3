using System.Text.Json.Nodes;
using Collab.Tests.Infrastructure;

namespace Collab.AspNetCore.Tests;

/// <summary>A small directory provisioned over HTTP, through the provisioning group, as a vendor's admin console would.</summary>
public sealed record HttpWorld(Guid Office, Guid Client, Guid Company, Guid Administration, Guid OfficeUser, Guid ClientUser, Guid OtherClientUser, Guid OtherCompany)
{
    public static async Task<HttpWorld> SeedAsync(CollabTestHost host, string tier = "Standard")
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var office = Id(await host.OkAsync(null, HttpMethod.Post, "/platform/offices", new { name = "Kantoor De Vries" }));
        var client = Id(await host.OkAsync(null, HttpMethod.Post, "/platform/clients", new { name = "Bakkerij Bakker" }));
        var company = Id(await host.OkAsync(null, HttpMethod.Post, $"/platform/clients/{client}/companies", new { name = "Bakkerij Bakker B.V." }));
        var administration = Id(await host.OkAsync(null, HttpMethod.Post, "/platform/administrations",
            new { company, number = TestDatabase.NextNumber().Value, name = "Bakkerij 2026" }));
        var officeUser = Id(await host.OkAsync(null, HttpMethod.Post, $"/platform/offices/{office}/users", new { email = $"anna.{tag}@devries.nl" }));
        var clientUser = Id(await host.OkAsync(null, HttpMethod.Post, $"/platform/clients/{client}/users",
            new { email = $"piet.{tag}@bakker.nl", companies = new[] { company }, administrator = true }));
        await host.OkAsync(null, HttpMethod.Post, $"/platform/offices/{office}/collaborations", new { client, tier, startsOn = "2026-01-01" });
        var otherClient = Id(await host.OkAsync(null, HttpMethod.Post, "/platform/clients", new { name = "Slagerij Smit" }));
        var otherCompany = Id(await host.OkAsync(null, HttpMethod.Post, $"/platform/clients/{otherClient}/companies", new { name = "Slagerij Smit V.O.F." }));
        var otherClientUser = Id(await host.OkAsync(null, HttpMethod.Post, $"/platform/clients/{otherClient}/users",
            new { email = $"jan.{tag}@smit.nl", companies = new[] { otherCompany } }));
        return new HttpWorld(office, client, company, administration, officeUser, clientUser, otherClientUser, otherCompany);
    }

    /// <summary>An id in a response: a plain GUID string (not <c>{"value":…}</c>).</summary>
    public static Guid Id(JsonNode node, string property = "id") => Guid.Parse(node[property]!.GetValue<string>());
}
