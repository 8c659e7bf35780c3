using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Collab.Samples.Web.Tests;

/// <summary>The reference host tried as an attacker would (issue 18): forged forms, headers, logs, roles, restarts.</summary>
[Collection(SampleSiteCollection.Name)]
public sealed partial class SecurityTests(SampleSite site)
{
    // R: SEC-3, SEC-2
    [SkippableFact]
    public async Task A_form_posted_from_another_origin_is_refused_on_every_state_changing_route_even_with_the_users_cookies()
    {
        Assert.True(site.WriteRoutes.Count >= 30, $"only {site.WriteRoutes.Count} write routes found");
        var page = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(page, "anna"); // the victim is signed in: its cookies go along with a same-site post

        // The attacker's site: another origin on the loopback, serving a form that submits itself to the target.
        await using var attacker = WebApplication.CreateBuilder().Build();
        attacker.Urls.Add("http://127.0.0.1:0");
        attacker.MapGet("/attack", (string target) => Results.Content(
            $"""<!doctype html><html><body><form id="f" method="post" action="{WebUtility.HtmlEncode(target)}"><input name="email" value="anna@devries.nl"><input name="reason" value="x"><input name="tier" value="Standard"></form><script>document.getElementById('f').submit()</script></body></html>""",
            "text/html"));
        await attacker.StartAsync();
        var evil = attacker.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await page.GotoAsync("/office");
        var before = await page.Locator("main").TextContentAsync();
        var accepted = new List<string>();
        foreach (var route in site.WriteRoutes)
        {
            var path = RouteValue().Replace(route, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "de-vries");
            var response = await page.RunAndWaitForResponseAsync(
                () => page.GotoAsync($"{evil}/attack?target={Uri.EscapeDataString(site.BaseAddress + path)}"),
                r => r.Url.StartsWith(site.BaseAddress, StringComparison.Ordinal) && r.Request.Method == "POST");
            var body = await response.TextAsync();
            if (response.Status != 400 || !body.Contains("data-code=\"form-expired\"", StringComparison.Ordinal))
            {
                accepted.Add($"{route} -> {response.Status}");
            }
        }

        Assert.Empty(accepted);
        await Ui.ShotAsync(page, "security-1-cross-site-form-refused");
        await page.GotoAsync("/office");
        Assert.Equal(before, await page.Locator("main").TextContentAsync()); // no forged consent, share or change landed
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();

    // Issue 18: the headers every page carries, and the link page's referrer policy.
    [SkippableFact]
    public async Task Every_page_sends_a_script_free_content_security_policy_no_referrer_nosniff_and_no_framing()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseAddress) };
        foreach (var path in new[] { "/", "/mailbox", "/link/not-a-token", "/office" })
        {
            using var response = await http.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal); // no script at all
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }

        using var problem = new HttpRequestMessage(HttpMethod.Get, "/link/not-a-token");
        problem.Headers.Accept.ParseAdd("application/json");
        using var json = await http.SendAsync(problem);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, json.StatusCode); // a malformed link is a rule violation (SHARE-1), mapped by its kind
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"code\":\"link.malformed\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // R: SEC-3, SEC-1
    [SkippableFact]
    public async Task The_wrong_kind_of_user_gets_a_403_page_not_a_500_and_signing_out_ends_the_session()
    {
        var client = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(client, "piet");
        var office = await client.GotoAsync("/office/administrations");
        Assert.Equal(403, office!.Status);
        await Assertions.Expect(client.Locator(".refusal")).ToHaveAttributeAsync("data-code", "not-for-you");

        var desk = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(desk, "anna");
        var portal = await desk.GotoAsync("/portal/de-vries");
        Assert.Equal(403, portal!.Status);
        await Ui.ShotAsync(desk, "security-2-office-user-in-a-portal");

        await desk.GotoAsync("/office");
        await desk.ClickAsync("#logout button");
        await Assertions.Expect(desk.Locator("#login-anna")).ToBeVisibleAsync();
        await desk.GotoAsync("/office");
        Assert.EndsWith("/", new Uri(desk.Url).AbsolutePath, StringComparison.Ordinal); // back at the sign-in
        await Assertions.Expect(desk.Locator("#login-anna")).ToBeVisibleAsync();
    }

    // Issue 18: starts every time, and keeps one-time links out of the logs.
    [Fact]
    public async Task The_host_starts_twice_on_one_data_folder_keeps_what_was_done_and_logs_no_link_token()
    {
        var data = Directory.CreateTempSubdirectory("collab-web-restart-").FullName;
        var logs = new CapturedLogs();
        try
        {
            string token;
            await using (var first = await StartAsync(data, logs))
            {
                using var http = new HttpClient { BaseAddress = new Uri(Address(first)) };
                token = await ShareWithSmitAsync(first);
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/link/{Uri.EscapeDataString(token)}")).StatusCode);
                await first.StopAsync();
            }

            await using (var second = await StartAsync(data, logs)) // same folder: migrate, verify, no second seed
            {
                using var http = new HttpClient { BaseAddress = new Uri(Address(second)) };
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/link/{Uri.EscapeDataString(token)}")).StatusCode); // the link outlived the restart
                await using var scope = second.Services.CreateAsyncScope();
                Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<WebDbContext>().Set<Collab.Registry.Office>().CountAsync(o => o.Name == "Administratiekantoor De Vries"));
                await second.StopAsync();
            }

            Assert.NotEmpty(logs.Messages);
            Assert.DoesNotContain(logs.Messages, m => m.Contains(token, StringComparison.Ordinal) || m.Contains(Uri.EscapeDataString(token), StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<WebApplication> StartAsync(string data, CapturedLogs logs)
    {
        var app = await SampleWebApp.CreateAsync(["--urls", "http://127.0.0.1:0", "--Sample:DataFolder", data, "--Logging:LogLevel:Default", "Information"],
            builder => builder.Logging.AddProvider(logs));
        await app.StartAsync();
        return app;
    }

    /// <summary>What the office does on its page, through the services: share an annual report with the Standard client, which gets a link.</summary>
    private static async Task<string> ShareWithSmitAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var anna = await sp.GetRequiredService<Collab.Registry.CollabRegistry>().FindUserByEmailAsync(sp.GetRequiredService<Collab.Authorization.CollabPlatform>().Operator("test"), "anna@devries.nl");
        var desk = Collab.ActingParty.User(anna!.Id);
        var office = anna.OfficeId!.Value;
        var registry = sp.GetRequiredService<Collab.Registry.CollabRegistry>();
        foreach (var collaboration in await sp.GetRequiredService<Collab.Tiers.TierService>().ListCollaborationsAsync(desk, office))
        {
            if ((await registry.ListCompaniesAsync(desk, collaboration.ClientId)).FirstOrDefault(c => c.Name == "Slagerij Smit V.O.F.") is { } smit)
            {
                var draft = await sp.GetRequiredService<Collab.Deliverables.DeliverableAuthoring>().DraftAsync(desk, office, smit.Id, Collab.Deliverables.DeliverableKind.AnnualReport, Collab.Deliverables.ReportingPeriod.FinancialYear(2025), "Herstart");
                return (await sp.GetRequiredService<Collab.Deliverables.DeliverableSharing>().ShareAsync(desk, draft.Id)).LinkToken!;
            }
        }

        throw new InvalidOperationException("The demo has no Slagerij Smit.");
    }

    private static string Address(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Every log message at Information and above, as the host's default configuration writes them.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
