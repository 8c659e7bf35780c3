using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collab.AspNetCore.Tests;

/// <summary>
/// Every refusal kind provoked through a real endpoint (409 through a probe: a concurrent change cannot be provoked on
/// demand) → its status and RFC 9457 problem details, in Dutch by default and in English on request (TXT-1); each
/// observed code is one the endpoint's OpenAPI operation lists.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RefusalTests(PostgresServer postgres)
{
    // R: TXT-1 (Dutch unless English is asked for; codes language-neutral)
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task Each_refusal_kind_answers_its_status_with_code_rule_and_reason_in_dutch_or_english(Engine engine)
    {
        await using var host = await CollabTestHost.StartAsync(engine, postgres, map: MapWithProbe);
        var openApi = await OpenApiDocument.ReadAsync(host);
        var w = await HttpWorld.SeedAsync(host);
        var invitation = await host.OkAsync(w.OfficeUser, HttpMethod.Post, $"/office/offices/{w.Office}/invitations", new { email = $"nieuw.{Guid.NewGuid():N}@devries.nl" });
        var invitee = HttpWorld.Id(invitation, "user");
        var unknownDeliverable = Guid.NewGuid();
        var unknownToken = Tokens.Unknown();

        var cases = new (HttpStatusCode Status, Func<string?, HttpRequestMessage> Request)[]
        {
            (HttpStatusCode.BadRequest, lang => CollabTestHost.As(null, HttpMethod.Post, "/platform/offices" + lang, new { name = "" })),
            (HttpStatusCode.NotFound, lang => CollabTestHost.As(w.OfficeUser, HttpMethod.Post, $"/office/deliverables/{unknownDeliverable}/share" + lang, new { })),
            (HttpStatusCode.Forbidden, lang => CollabTestHost.As(invitee, HttpMethod.Post, "/link/invitations/accept" + lang, new { token = "not-the-invitation" })),
            (HttpStatusCode.UnprocessableEntity, lang => CollabTestHost.As(null, HttpMethod.Post, "/link/confirm" + lang, new { token = unknownToken })),
            (HttpStatusCode.Conflict, lang => CollabTestHost.As(w.OfficeUser, HttpMethod.Post, "/probe/conflict" + lang)),
        };
        foreach (var (status, request) in cases)
        {
            using var dutch = await host.Client.SendAsync(request(null));
            var nl = await Problem.ReadAsync(dutch);
            using var englishHeader = request(null);
            englishHeader.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
            using var viaHeader = await host.Client.SendAsync(englishHeader);
            var en = await Problem.ReadAsync(viaHeader);
            using var viaQuery = await host.Client.SendAsync(request("?lang=en"));
            var query = await Problem.ReadAsync(viaQuery);

            Assert.Equal(status, nl.Status);
            Assert.Equal(status, en.Status);
            Assert.Equal(nl.Code, en.Code); // codes are language-neutral (TXT-1)
            Assert.Equal(nl.RuleId, en.RuleId);
            Assert.Equal("nl", nl.ContentLanguage);
            Assert.Equal("en", en.ContentLanguage);
            Assert.NotEqual(nl.Detail, en.Detail);
            Assert.Equal(en.Detail, query.Detail);
            Assert.DoesNotContain(nl.Code, nl.Detail, StringComparison.Ordinal); // a person reads the detail: no code or rule id in it
            openApi.AssertDocuments(nl);
        }

        // The right token, by the invitee, after the wrong one (SEC-7): accepted.
        var accepted = await host.OkAsync(invitee, HttpMethod.Post, "/link/invitations/accept", new { token = invitation["token"]!.GetValue<string>() });
        Assert.Equal(invitee, HttpWorld.Id(accepted));
    }

    [SkippableFact]
    public async Task The_link_refusal_reads_as_the_catalogue_says_in_both_languages()
    {
        await using var host = await CollabTestHost.StartAsync(Engine.Sqlite, postgres);
        var token = Tokens.Unknown();
        using var nl = await host.Client.PostAsJsonAsync("/link/open", new { token });
        using var en = await host.Client.PostAsJsonAsync("/link/open?lang=en", new { token });
        var dutch = await Problem.ReadAsync(nl);
        var english = await Problem.ReadAsync(en);
        Assert.Equal("link.unknown", dutch.Code);
        Assert.Equal("SHARE-1", dutch.RuleId);
        Assert.StartsWith("Deze link is onbekend", dutch.Detail, StringComparison.Ordinal);
        Assert.StartsWith("This link is not known", english.Detail, StringComparison.Ordinal);
        Assert.Equal("Niet mogelijk", dutch.Body["title"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task An_unexpected_failure_is_a_generic_500_that_names_nothing_inside()
    {
        await using var host = await CollabTestHost.StartAsync(Engine.Sqlite, postgres, map: MapWithProbe);
        using var response = await host.Client.SendAsync(CollabTestHost.As(Guid.NewGuid(), HttpMethod.Post, "/probe/crash"));
        var problem = await Problem.ReadAsync(response);
        Assert.Equal(HttpStatusCode.InternalServerError, problem.Status);
        Assert.Equal("http.server-error", problem.Code);
        Assert.DoesNotContain("secret", System.Text.Encoding.UTF8.GetString(problem.Bytes), StringComparison.OrdinalIgnoreCase);
    }

    // R: SEC-3 (the party is the principal, never a value in the request)
    [SkippableFact]
    public async Task Nobody_signed_in_is_a_401_problem_and_a_party_named_in_the_body_is_ignored()
    {
        await using var host = await CollabTestHost.StartAsync(Engine.Sqlite, postgres);
        using var anonymous = await host.Client.PostAsJsonAsync("/link/invitations/accept", new { token = "x" });
        var problem = await Problem.ReadAsync(anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, problem.Status);
        Assert.Equal("http.sign-in-required", problem.Code);

        // An attacker (another client's user) names the real client administrator in the body: Collab acts as the signed-in user only (SEC-3).
        var w = await HttpWorld.SeedAsync(host);
        using var forged = await host.Client.SendAsync(CollabTestHost.As(w.OtherClientUser, HttpMethod.Post, "/client/grants",
            new { office = w.Office, administration = w.Administration, channel = "Web", party = w.ClientUser, userId = w.ClientUser }));
        var refused = await Problem.ReadAsync(forged);
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Equal("access.refused", refused.Code);
        using var peek = await host.Client.SendAsync(CollabTestHost.As(w.OtherClientUser, HttpMethod.Get, $"/client/companies/{w.Company}/deliverables"));
        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
    }

    /// <summary>The default groups plus a probe group that throws what no real endpoint can be made to throw on demand.</summary>
    internal static void MapWithProbe(WebApplication app)
    {
        app.MapCollabProvisioningEndpoints("/platform");
        app.MapCollabOfficeEndpoints("/office").RequireAuthorization();
        app.MapCollabClientEndpoints("/client").RequireAuthorization();
        app.MapCollabLinkEndpoints("/link");
        var probe = CollabGroups.Group(app, "/probe", "probe");
        probe.MapPost("/conflict", IResult () => throw new CollabRefusalException(new Refusal(RefusalKind.ConcurrencyConflict, "store.concurrent-change", "Someone else changed it.")))
            .WithRefusals("store.concurrent-change");
        probe.MapPost("/crash", IResult () => throw new InvalidOperationException("secret connection string"))
            .WithRefusals("http.server-error");
    }
}
