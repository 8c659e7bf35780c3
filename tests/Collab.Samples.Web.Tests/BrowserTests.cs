using Microsoft.Playwright;

namespace Collab.Samples.Web.Tests;

/// <summary>The web sample's flows, clicked through in a real browser: what a vendor's office and client would do.</summary>
[Collection(SampleSiteCollection.Name)]
public sealed class BrowserTests(SampleSite site)
{
    private async Task<IPage> NewPageAsync()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress });
        return await context.NewPageAsync();
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleSite.ScreenshotFolder, name + ".png"), FullPage = true });

    private static async Task LoginAsync(IPage page, string who)
    {
        await page.GotoAsync("/");
        await page.ClickAsync($"#login-{who} button");
    }

    private static async Task ShareAsync(IPage page, string companyStartsWith, string title)
    {
        var option = page.Locator("select[name=company] option").Filter(new LocatorFilterOptions { HasTextString = companyStartsWith });
        await page.SelectOptionAsync("select[name=company]", await option.First.GetAttributeAsync("value") ?? string.Empty);
        await page.FillAsync("input[name=title]", title);
        await page.ClickAsync("#share-report button");
    }

    // R: SHARE-1, SHARE-12, SHARE-2
    [SkippableFact]
    public async Task A_Standard_client_opens_its_one_time_link_confirms_and_a_second_visit_says_already_used()
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "anna");
        await ShareAsync(page, "Slagerij Smit", "Jaarrekening 2025 Slagerij");
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { HasTextString = "Jaarrekening 2025 Slagerij" })).ToContainTextAsync("Shared");

        await page.GotoAsync("/mailbox");
        await ShotAsync(page, "link-1-mailbox");
        var link = await page.Locator("tr", new PageLocatorOptions { HasTextString = "jan@slagerij-smit.nl" }).Locator("a.one-time-link").First.GetAttributeAsync("href");
        await page.GotoAsync(link!);
        await Assertions.Expect(page.Locator(".report-title")).ToHaveTextAsync("Jaarrekening 2025 Slagerij");
        await ShotAsync(page, "link-2-landing");

        await page.GotoAsync(link!); // opening again (a mail scanner, a preview) does not spend it
        await page.ClickAsync("#confirm button");
        await Assertions.Expect(page.Locator(".viewed")).ToContainTextAsync("You are viewing");
        await ShotAsync(page, "link-3-viewed");

        await page.GotoAsync(link!);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This link was already used");
        await Assertions.Expect(page.Locator(".refusal")).ToHaveAttributeAsync("data-code", "link.spent");
        await ShotAsync(page, "link-4-already-used");
    }

    // R: SHARE-3, SHARE-6, SHARE-10, TIER-8
    [SkippableFact]
    public async Task An_Extended_client_approves_in_its_house_styled_portal_which_shows_every_company_and_the_office_sees_it()
    {
        var office = await NewPageAsync();
        await LoginAsync(office, "anna");
        await ShareAsync(office, "Bakkerij Bakker B.V.", "Jaarrekening 2025 Bakkerij");

        var client = await NewPageAsync();
        await LoginAsync(client, "piet");
        await Assertions.Expect(client.Locator(".welcome")).ToHaveTextAsync("Welkom in het klantportaal van Administratiekantoor De Vries.");
        await Assertions.Expect(client.Locator("body")).ToHaveAttributeAsync("data-primary", "#1A5276");
        await Assertions.Expect(client.Locator("img.logo")).ToBeVisibleAsync();
        var row = client.Locator("tr", new PageLocatorOptions { HasTextString = "Jaarrekening 2025 Bakkerij" });
        await Assertions.Expect(row.Locator(".deadline")).ToContainTextAsync("approve by");
        await Assertions.Expect(client.Locator("tr", new PageLocatorOptions { HasTextString = "taxatierapport-2025.pdf" })).ToContainTextAsync("Bakker Vastgoed B.V.");
        await ShotAsync(client, "portal-1-open-approval");

        await row.Locator("#approve button").ClickAsync();
        await Assertions.Expect(client.Locator("tr", new PageLocatorOptions { HasTextString = "Jaarrekening 2025 Bakkerij" }).Locator(".item-status")).ToHaveTextAsync("Approved");
        await ShotAsync(client, "portal-2-approved");

        await office.ReloadAsync();
        await Assertions.Expect(office.Locator("tr", new PageLocatorOptions { HasTextString = "Jaarrekening 2025 Bakkerij" }).Locator(".report-state")).ToHaveTextAsync("Approved");
        await ShotAsync(office, "portal-3-office-sees-approved");
    }

    // R: XFER-2, XFER-5
    [SkippableFact]
    public async Task The_office_gives_the_third_consent_executes_the_transfer_and_sees_the_follow_up_checklist()
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "anna");
        await Assertions.Expect(page.Locator(".transfer")).ToContainTextAsync("2 of 3 consents");

        await page.ClickAsync("#consent button");
        await Assertions.Expect(page.Locator(".transfer-state")).ToHaveTextAsync("Approved");
        await page.ClickAsync("#execute button");

        await Assertions.Expect(page.Locator(".transfer-state")).ToHaveTextAsync("Executed");
        await Assertions.Expect(page.Locator(".checklist li").First).ToContainTextAsync("Rabobank");
        await ShotAsync(page, "transfer-checklist");
    }
}
