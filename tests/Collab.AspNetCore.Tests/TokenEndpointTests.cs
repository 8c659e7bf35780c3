using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Collab.Samples.Web;
using Collab.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Collab.AspNetCore.Tests;

/// <summary>
/// The anonymous token endpoints as an attacker meets them: limited per client address and per token, and an unknown, a
/// wrong and a spent token answered with the same status (SHARE-1 keeps a spent link's own words). Antiforgery on
/// cookie-authenticated form posts. The numbers are written to the test output (they are measured, not gated: never time a unit test).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TokenEndpointTests(PostgresServer postgres, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_token_is_limited_per_token_across_addresses_and_an_address_across_tokens()
    {
        await using var host = await CollabTestHost.StartAsync(Engine.Sqlite, postgres, o =>
        {
            o.TokenPermitsPerToken = 10;
            o.TokenPermitsPerAddress = 60;
        });

        // One token from 30 addresses: 10 answered, 20 limited.
        var token = Tokens.Unknown();
        var perToken = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            perToken.Add(await StatusAsync(host, $"10.0.0.{i + 1}", token));
        }

        // One address with 100 different tokens: 60 answered, 40 limited.
        var perAddress = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            perAddress.Add(await StatusAsync(host, "10.0.1.1", Tokens.Unknown()));
        }

        output.WriteLine($"per token (limit 10/min): {perToken.Count(s => s != HttpStatusCode.TooManyRequests)} answered, {perToken.Count(s => s == HttpStatusCode.TooManyRequests)} limited of 30");
        output.WriteLine($"per address (limit 60/min): {perAddress.Count(s => s != HttpStatusCode.TooManyRequests)} answered, {perAddress.Count(s => s == HttpStatusCode.TooManyRequests)} limited of 100");
        Assert.Equal(10, perToken.Count(s => s == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(20, perToken.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(60, perAddress.Count(s => s == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(40, perAddress.Count(s => s == HttpStatusCode.TooManyRequests));

        using var limited = await host.Client.SendAsync(Post("10.0.1.1", Tokens.Unknown()));
        var problem = await Problem.ReadAsync(limited);
        Assert.Equal("http.too-many-requests", problem.Code);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
    }

    // R: SHARE-1 (an unknown and a wrong token alike; a spent one says so)
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task An_unknown_and_a_wrong_token_get_the_same_bytes_and_a_spent_one_the_same_status(Engine engine)
    {
        const int Requests = 200;
        await using var host = await CollabTestHost.StartAsync(engine, postgres, o =>
        {
            o.TokenPermitsPerToken = 10 * Requests;
            o.TokenPermitsPerAddress = 10 * Requests;
        });
        var w = await HttpWorld.SeedAsync(host);
        var deliverable = HttpWorld.Id(await host.OkAsync(w.OfficeUser, HttpMethod.Post, $"/office/offices/{w.Office}/deliverables", new { company = w.Company, kind = "AnnualReport", year = 2025 }));
        using (var upload = CollabTestHost.As(w.OfficeUser, HttpMethod.Post, $"/office/deliverables/{deliverable}/documents?fileName=jaarrekening.pdf"))
        {
            upload.Content = new ByteArrayContent(DemoPdf.Create("Jaarrekening"));
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            (await host.Client.SendAsync(upload)).EnsureSuccessStatusCode();
        }

        var spent = (await host.OkAsync(w.OfficeUser, HttpMethod.Post, $"/office/deliverables/{deliverable}/share", new { }))["linkToken"]!.GetValue<string>();
        await host.OkAsync(null, HttpMethod.Post, "/link/confirm", new { token = spent });

        var kinds = new Dictionary<string, Func<string>>
        {
            ["unknown"] = Tokens.Unknown,
            ["wrong"] = () => Tokens.Wrong(spent),
            ["spent"] = () => spent,
        };
        foreach (var make in kinds.Values)
        {
            await StatusAsync(host, "10.1.0.1", make()); // warm-up
        }

        // Round-robin, so the machine's other load falls on the three kinds alike.
        var seen = kinds.Keys.ToDictionary(k => k, _ => (Statuses: new HashSet<HttpStatusCode>(), Bodies: new HashSet<string>(StringComparer.Ordinal), Times: new List<double>(Requests)));
        for (var i = 0; i < Requests; i++)
        {
            foreach (var (kind, make) in kinds)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await host.Client.SendAsync(Post("10.1.0.1", make(), "/link/confirm"));
                var bytes = await response.Content.ReadAsByteArrayAsync();
                seen[kind].Times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                seen[kind].Statuses.Add(response.StatusCode);
                seen[kind].Bodies.Add(Convert.ToBase64String(bytes));
            }
        }

        var answers = seen.ToDictionary(s => s.Key, s => (s.Value.Statuses, s.Value.Bodies, MedianMs: s.Value.Times.Order().ElementAt(Requests / 2)));
        foreach (var (kind, a) in answers)
        {
            output.WriteLine($"{engine} {kind,-8}: status {string.Join("/", a.Statuses.Select(s => (int)s))}, {a.Bodies.Count} distinct bodies of {string.Join("/", a.Bodies.Select(b => Convert.FromBase64String(b).Length))} bytes, median {a.MedianMs:0.00} ms over {Requests}");
        }

        Assert.All(answers.Values, a => Assert.Equal([HttpStatusCode.UnprocessableEntity], a.Statuses));
        Assert.All(answers.Values, a => Assert.Single(a.Bodies)); // every answer to one kind is byte for byte the same
        Assert.Equal(answers["unknown"].Bodies.Single(), answers["wrong"].Bodies.Single()); // an unknown link and a wrong secret: indistinguishable (SHARE-1)
        Assert.NotEqual(answers["unknown"].Bodies.Single(), answers["spent"].Bodies.Single()); // a spent link says so clearly (SHARE-1)
    }

    [SkippableFact]
    public async Task A_cookie_authenticated_form_post_needs_an_antiforgery_token_and_a_bearer_or_json_request_does_not()
    {
        await using var host = await CollabTestHost.StartAsync(Engine.Sqlite, postgres, map: app =>
        {
            app.MapCollabClientEndpoints("/client").RequireAuthorization();
            app.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                return Results.Ok(new { tokens.FormFieldName, tokens.RequestToken });
            }).RequireAuthorization();
        });
        var user = Guid.NewGuid();
        var path = $"/client/deliverables/{Guid.NewGuid()}/approve";

        // A form another site posts with the user's cookie: refused before Collab acts.
        using var forged = CollabTestHost.As(user, HttpMethod.Post, path, cookie: true);
        forged.Content = new FormUrlEncodedContent([]);
        var refused = await Problem.ReadAsync(await host.Client.SendAsync(forged));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("http.form-expired", refused.Code);

        // The same with the page's antiforgery token: it reaches Collab (which does not know this user: 404).
        using var page = await host.Client.SendAsync(CollabTestHost.As(user, HttpMethod.Get, "/antiforgery", cookie: true));
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var tokens = await page.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        using var genuine = new HttpRequestMessage(HttpMethod.Post, path);
        genuine.Headers.Add("Cookie", $"test-user={user}; {antiforgeryCookie}");
        genuine.Content = new FormUrlEncodedContent([new(tokens!["formFieldName"], tokens["requestToken"])]);
        var passed = await Problem.ReadAsync(await host.Client.SendAsync(genuine));
        Assert.Equal("access.refused", passed.Code);

        // A bearer-authenticated client and a cookie-authenticated JSON request are not forms: no token needed.
        using var bearer = CollabTestHost.As(user, HttpMethod.Post, path);
        bearer.Content = new FormUrlEncodedContent([]);
        Assert.Equal("access.refused", (await Problem.ReadAsync(await host.Client.SendAsync(bearer))).Code);
        Assert.Equal("access.refused", (await Problem.ReadAsync(await host.Client.SendAsync(CollabTestHost.As(user, HttpMethod.Post, path, new { }, cookie: true)))).Code);
    }

    private static HttpRequestMessage Post(string address, string token, string path = "/link/open")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { token }) };
        request.Headers.Add("X-Test-Address", address);
        return request;
    }

    private static async Task<HttpStatusCode> StatusAsync(CollabTestHost host, string address, string token)
    {
        using var response = await host.Client.SendAsync(Post(address, token));
        return response.StatusCode;
    }
}
