using System.Text.Json;
using Microsoft.Playwright;

namespace Collab.Samples.Web.Tests;

/// <summary>
/// Every page through axe-core (issue 18): no serious or critical violation. axe is injected from the copy npm installed
/// next to the tests (the Content-Security-Policy is bypassed for the injection only; the other tests run under it).
/// </summary>
[Collection(SampleSiteCollection.Name)]
public sealed class AccessibilityTests(SampleSite site)
{
    private static readonly string AxeFile = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    private static async Task<List<string>> ViolationsAsync(IPage page)
    {
        Assert.True(File.Exists(AxeFile), $"{AxeFile} is missing: the test project's build installs axe-core with npm (apt-get install npm).");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeFile });
        var json = await page.EvaluateAsync<string>("""
            async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`))
            """);
        return JsonSerializer.Deserialize<List<string>>(json)!;
    }

    private static async Task CheckAsync(IPage page, string path, List<string> found, string shot)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Status < 500, $"{path} answered {response.Status}");
        found.AddRange((await ViolationsAsync(page)).Select(v => $"{path}: {v}"));
        await Ui.ShotAsync(page, $"axe-{shot}");
    }

    // Issue 18: labels, headings, names and contrast on every page, for the office, the client and the public.
    [SkippableFact]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violation()
    {
        var found = new List<string>();
        var visitor = await Ui.NewPageAsync(site, bypassCsp: true);
        await CheckAsync(visitor, "/", found, "home");
        await CheckAsync(visitor, "/mailbox", found, "mailbox");
        await CheckAsync(visitor, "/link/not-a-token", found, "refusal");

        var office = await Ui.NewPageAsync(site, bypassCsp: true);
        await Ui.LoginAsync(office, "anna");
        foreach (var (path, shot) in new[]
                 {
                     ("/office", "office"), ("/office/overview", "overview"), ("/office/clients/new", "register"), ("/office/administrations", "administrations"),
                     ("/office/links", "links"), ("/office/questionnaires", "questionnaires"), ("/office/house-style", "house-style"),
                 })
        {
            await CheckAsync(office, path, found, shot);
        }

        await office.GotoAsync("/office/links");
        await Ui.SelectByTextAsync(office, "select[name=administration]", "2001");
        await office.FillAsync("input[name=app]", "boekingen"); // another app: the shop may already be linked to 2001
        await office.ClickAsync("#connect button");
        found.AddRange((await ViolationsAsync(office)).Select(v => $"link step: {v}"));
        await office.GotoAsync("/office");
        await Ui.SelectByTextAsync(office, "select[name=company]", "Slagerij Smit");
        await office.FillAsync("input[name=title]", "Jaarrekening voor axe");
        await office.ClickAsync("#share-deliverable button");

        await Ui.LoginAsync(visitor, "jan"); // the mailbox is the signed-in user's own
        await CheckAsync(visitor, "/mailbox", found, "mailbox-signed-in");
        var link = await Ui.MailedLinkAsync(visitor, "Jaarrekening voor axe");
        await CheckAsync(visitor, link, found, "link-landing");
        await visitor.ClickAsync("#confirm button");
        found.AddRange((await ViolationsAsync(visitor)).Select(v => $"link view: {v}"));

        var piet = await Ui.NewPageAsync(site, bypassCsp: true);
        await Ui.LoginAsync(piet, "piet");
        foreach (var (path, shot) in new[] { ("/client", "client"), ("/portal/de-vries", "portal"), ("/portal/de-vries/insights", "insights") })
        {
            await CheckAsync(piet, path, found, shot);
        }

        var kees = await Ui.NewPageAsync(site, bypassCsp: true);
        await Ui.LoginAsync(kees, "kees");
        found.AddRange((await ViolationsAsync(kees)).Select(v => $"/client (Collaborate): {v}"));
        if (await kees.Locator("a.dashboard-link").CountAsync() > 0)
        {
            await kees.Locator("a.dashboard-link").First.ClickAsync();
            found.AddRange((await ViolationsAsync(kees)).Select(v => $"dashboard: {v}"));
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    // Issue 18: the pages need nothing the Content-Security-Policy forbids (no script, no style without the nonce).
    [SkippableFact]
    public async Task The_pages_break_no_content_security_rule()
    {
        var page = await Ui.NewPageAsync(site);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await Ui.LoginAsync(page, "anna");
        foreach (var path in new[] { "/office", "/office/overview", "/office/administrations", "/office/house-style" })
        {
            await page.GotoAsync(path);
        }

        await Ui.LoginAsync(page, "piet");
        foreach (var path in new[] { "/client", "/portal/de-vries/insights", "/portal/de-vries" })
        {
            await page.GotoAsync(path);
        }

        var colour = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).color");
        Assert.Equal("rgb(26, 82, 118)", colour); // the nonce'd style sheet applied: #1A5276, the office's primary colour
        Assert.Empty(violations);
    }
}
