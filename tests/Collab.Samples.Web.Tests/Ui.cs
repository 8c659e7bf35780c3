using Microsoft.Playwright;

namespace Collab.Samples.Web.Tests;

/// <summary>What every browser test does: a fresh browser context, signing in as a demo user, screenshots, waiting for mail.</summary>
internal static class Ui
{
    public static async Task<IPage> NewPageAsync(SampleSite site, bool bypassCsp = false, string? locale = null)
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress, BypassCSP = bypassCsp, Locale = locale });
        return await context.NewPageAsync();
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleSite.ScreenshotFolder, name + ".png"), FullPage = true });

    public static async Task LoginAsync(IPage page, string who)
    {
        await page.GotoAsync("/");
        await page.ClickAsync($"#login-{who} button");
    }

    public static ILocator Row(IPage page, string text) => page.Locator("tr", new PageLocatorOptions { HasTextString = text });

    public static async Task SelectByTextAsync(IPage page, string select, string startsWith)
    {
        var option = page.Locator($"{select} option").Filter(new LocatorFilterOptions { HasTextString = startsWith });
        await page.SelectOptionAsync(select, await option.First.GetAttributeAsync("value") ?? string.Empty);
    }

    /// <summary>The outbox is delivered by the hosted background passes (every second in the sample): reload until the mail is there.</summary>
    public static async Task<string> MailedLinkAsync(IPage page, string text)
    {
        var row = Row(page, text).Locator("a.one-time-link");
        for (var attempt = 0; attempt < 40 && await row.CountAsync() == 0; attempt++)
        {
            await Task.Delay(250);
            await page.GotoAsync("/mailbox");
        }

        return await row.First.GetAttributeAsync("href") ?? throw new InvalidOperationException($"No mail with '{text}' arrived.");
    }
}
