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

    // The outbox is delivered by the hosted background passes (every second in the sample): reload until the mail is there.
    private static async Task<string> MailedLinkAsync(IPage page, string text)
    {
        var row = page.Locator("tr", new PageLocatorOptions { HasTextString = text }).Locator("a.one-time-link");
        for (var attempt = 0; attempt < 40 && await row.CountAsync() == 0; attempt++)
        {
            await Task.Delay(250);
            await page.GotoAsync("/mailbox");
        }

        return await row.First.GetAttributeAsync("href") ?? throw new InvalidOperationException($"No mail with '{text}' arrived.");
    }

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
        await page.ClickAsync("#share-deliverable button");
    }

    // R: SHARE-1, SHARE-12 (the race of SHARE-2 is DeliverableSharingContract's, on both engines)
    [SkippableFact]
    public async Task A_Standard_client_opens_its_one_time_link_confirms_and_a_second_visit_says_already_used()
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "anna");
        await ShareAsync(page, "Slagerij Smit", "Jaarrekening 2025 Slagerij");
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { HasTextString = "Jaarrekening 2025 Slagerij" })).ToContainTextAsync("Shared");

        await LoginAsync(page, "jan"); // the mailbox shows only the signed-in user's own mail: Jan of Slagerij Smit
        await page.GotoAsync("/mailbox");
        var link = await MailedLinkAsync(page, "Jaarrekening 2025 Slagerij'");
        await ShotAsync(page, "link-1-mailbox");
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
        await client.ClickAsync("#portal");
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
        ILocator Bakkerij() => page.Locator("section.transfer", new PageLocatorOptions { HasTextString = "Rabobank" }); // the move with the bank link
        await Assertions.Expect(Bakkerij()).ToContainTextAsync("2 of 3 consents");

        await Bakkerij().Locator("#consent button").ClickAsync();
        await Assertions.Expect(Bakkerij().Locator(".transfer-state")).ToHaveTextAsync("Approved");
        await Bakkerij().Locator("#execute button").ClickAsync();

        await Assertions.Expect(Bakkerij().Locator(".transfer-state")).ToHaveTextAsync("Executed");
        await Assertions.Expect(Bakkerij().Locator(".checklist li").First).ToContainTextAsync("Rabobank");
        await ShotAsync(page, "transfer-checklist");
    }

    private static async Task ShareDeliverableAsync(IPage page, string companyStartsWith, string kind, string title, string pdfText, int quarter = 4)
    {
        var option = page.Locator("select[name=company] option").Filter(new LocatorFilterOptions { HasTextString = companyStartsWith });
        await page.SelectOptionAsync("select[name=company]", await option.First.GetAttributeAsync("value") ?? string.Empty);
        await page.SelectOptionAsync("select[name=kind]", kind);
        await page.FillAsync("input[name=quarter]", quarter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("input[name=title]", title);
        await page.SetInputFilesAsync("input[name=file]", new FilePayload { Name = $"{title}.pdf", MimeType = "application/pdf", Buffer = DemoPdf.Create(pdfText) });
        await page.ClickAsync("#share-deliverable button");
    }

    // R: SHARE-1, SEC-3 — a one-time link in a mail is a credential: the demo mailbox shows a user only its own mail.
    [SkippableFact]
    public async Task SHARE1_the_mailbox_shows_only_the_signed_in_users_own_mail_and_nothing_to_a_signed_out_visitor_or_another_user()
    {
        var office = await NewPageAsync();
        await LoginAsync(office, "anna");
        await ShareAsync(office, "Slagerij Smit", "Jaarrekening alleen voor Jan");
        var jan = await NewPageAsync();
        await LoginAsync(jan, "jan");
        var href = await MailedLinkAsync(jan, "Jaarrekening alleen voor Jan");
        var token = href["/link/".Length..];
        await Assertions.Expect(jan.Locator(".mailbox-owner")).ToContainTextAsync("jan@slagerij-smit.nl");

        var visitor = await NewPageAsync();
        var answer = await visitor.GotoAsync("/mailbox");
        Assert.Equal(403, answer!.Status); // sign in first
        await Assertions.Expect(visitor.Locator("a.one-time-link")).ToHaveCountAsync(0);
        Assert.DoesNotContain(token, await visitor.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("jan@slagerij-smit.nl", await visitor.ContentAsync(), StringComparison.Ordinal);
        using (var http = new HttpClient { BaseAddress = new Uri(site.BaseAddress) })
        {
            using var anonymous = await http.GetAsync("/mailbox");
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, anonymous.StatusCode);
            Assert.DoesNotContain(token, await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var piet = await NewPageAsync();
        await LoginAsync(piet, "piet");
        foreach (var other in new[] { office, piet })
        {
            await other.GotoAsync("/mailbox");
            await Assertions.Expect(other.Locator(".mailbox-owner")).ToBeVisibleAsync();
            await Assertions.Expect(other.Locator("tr", new PageLocatorOptions { HasTextString = "Jaarrekening alleen voor Jan" }).Locator("a.one-time-link")).ToHaveCountAsync(0);
            Assert.DoesNotContain(token, await other.ContentAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("jan@slagerij-smit.nl", await other.ContentAsync(), StringComparison.Ordinal);
        }
    }

    // R: SHARE-13, SHARE-14, SHARE-1, TIER-3
    [SkippableFact]
    public async Task The_office_shares_a_VAT_return_and_an_annual_report_with_a_PDF_and_a_Standard_client_downloads_each_once_through_its_link()
    {
        var office = await NewPageAsync();
        await LoginAsync(office, "anna");
        await ShareDeliverableAsync(office, "Slagerij Smit", "VatReturn", "Btw-aangifte 2025-Q3 Slagerij", "Btw Q3", quarter: 3);
        await ShareDeliverableAsync(office, "Slagerij Smit", "AnnualReport", "Slagerij jaarrekening met PDF", "Jaarrekening Slagerij");
        await Assertions.Expect(office.Locator("tr", new PageLocatorOptions { HasTextString = "Btw-aangifte 2025-Q3 Slagerij" })).ToContainTextAsync("TemporaryLink");
        await Assertions.Expect(office.Locator("tr", new PageLocatorOptions { HasTextString = "Slagerij jaarrekening met PDF" })).ToContainTextAsync("TemporaryLink"); // one tier, one channel
        await ShotAsync(office, "deliverable-1-office-shared-both-lines");

        var client = await NewPageAsync();
        await LoginAsync(client, "jan");
        await client.GotoAsync("/mailbox");
        var link = await MailedLinkAsync(client, "Btw-aangifte 2025-Q3 Slagerij");
        await client.GotoAsync(link!);
        await client.ClickAsync("#confirm button");
        await Assertions.Expect(client.Locator("#download button")).ToContainTextAsync("Btw-aangifte 2025-Q3 Slagerij.pdf");
        await ShotAsync(client, "deliverable-2-link-view");

        var download = await client.RunAndWaitForDownloadAsync(() => client.ClickAsync("#download button"));
        var saved = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(DemoPdf.Create("Btw Q3"), saved);

        await client.ClickAsync("#download button"); // a download leaves the view where it was: the same form again, and the document was handed out once
        await Assertions.Expect(client.Locator(".refusal")).ToHaveAttributeAsync("data-code", "link.document-taken");
        await ShotAsync(client, "deliverable-3-second-download-refused");
    }

    // R: SHARE-15, SHARE-5, SHARE-14
    [SkippableFact]
    public async Task A_Collaborate_client_reads_its_annual_report_sees_the_dashboard_as_charts_and_after_approving_no_longer_has_it()
    {
        var client = await NewPageAsync();
        await LoginAsync(client, "kees");
        var task = client.Locator("tr", new PageLocatorOptions { HasTextString = "Jaarrekening 2025" });
        await Assertions.Expect(task.Locator("a.document")).ToHaveTextAsync("jaarrekening-2025-groenteboer-visser.pdf");
        var download = await client.RunAndWaitForDownloadAsync(() => task.Locator("a.document").ClickAsync());
        Assert.Equal(DemoPdf.Create("Jaarrekening 2025 Groenteboer Visser B.V."), await File.ReadAllBytesAsync((await download.PathAsync())!));

        await task.Locator("a.dashboard-link").ClickAsync();
        await Assertions.Expect(client.Locator("svg.chart")).ToHaveCountAsync(14);
        await Assertions.Expect(client.Locator("svg.chart[data-key=solvency] .value").Last).ToHaveTextAsync("37,8 %"); // 310 000 / 820 000, rounded once
        await Assertions.Expect(client.Locator("svg.chart[data-key=current-ratio] .value").First).ToHaveTextAsync("1,47"); // 330 000 / 225 000
        await ShotAsync(client, "dashboard-1-charts");

        await client.GoBackAsync();
        await client.Locator("tr", new PageLocatorOptions { HasTextString = "Jaarrekening 2025" }).Locator("#approve button").ClickAsync();
        await Assertions.Expect(client.Locator("pre.receipt")).ToContainTextAsync("\"decision\":\"approved\""); // SHARE-18: the signed receipt, shown after deciding
        await Assertions.Expect(client.Locator("a.receipt-download")).ToHaveCountAsync(1);
        await client.GotoAsync("/client");
        await Assertions.Expect(client.Locator("tr", new PageLocatorOptions { HasTextString = "Jaarrekening 2025" })).ToHaveCountAsync(0); // SHARE-5: Collaborate loses it
        await ShotAsync(client, "dashboard-2-approved-and-gone");

        var office = await NewPageAsync();
        await LoginAsync(office, "anna");
        var decided = office.Locator("tr", new PageLocatorOptions { HasTextString = "Groenteboer Visser B.V." }).Filter(new LocatorFilterOptions { HasTextString = "Jaarrekening 2025" });
        await Assertions.Expect(decided.Locator(".report-state")).ToHaveTextAsync("Approved");
        var receipt = await office.RunAndWaitForDownloadAsync(() => decided.Locator("a.receipt-download").ClickAsync()); // SHARE-18: the office downloads it
        var parsed = Collab.Evidence.ApprovalReceipt.Parse(await File.ReadAllBytesAsync((await receipt.PathAsync())!));
        Assert.Equal(("approved", "Jaarrekening 2025"), (parsed.Decision, parsed.Deliverable.Title));
    }

    // R: SHARE-16, TIER-8
    [SkippableFact]
    public async Task An_Extended_client_sees_its_insights_combined_over_its_two_companies_with_a_missing_month_as_a_gap()
    {
        var client = await NewPageAsync();
        await LoginAsync(client, "piet");
        await client.ClickAsync("#portal");
        await client.ClickAsync("#insights");
        var combinedRevenue = client.Locator("table.combined tr.series[data-measure=revenue][data-source=boekhouding]");
        await Assertions.Expect(combinedRevenue.Locator("td.point")).ToHaveCountAsync(6);
        await Assertions.Expect(client.Locator("table.per-company tr.series[data-measure=revenue]")).ToHaveCountAsync(2); // both companies
        await Assertions.Expect(client.Locator("table.combined tr.series[data-measure=bank-balance] td.point").Nth(3).Locator(".gap")).ToHaveCountAsync(1); // never a zero
        await Assertions.Expect(client.Locator("svg.insight")).ToHaveCountAsync(3);
        await ShotAsync(client, "insights-1-combined");
    }

    // R: SHARE-17, TIER-5
    [SkippableFact]
    public async Task The_office_overview_filters_and_counts_deliverables_and_changes_the_tier_of_the_selected_clients()
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "anna");
        await page.ClickAsync("#overview");
        await page.SelectOptionAsync("select[name=line]", "Fiscal");
        await page.ClickAsync("#filter button");
        await Assertions.Expect(page.Locator("table.deliverables .line").First).ToHaveTextAsync("Fiscal");
        var lines = await page.Locator("table.deliverables .line").AllTextContentsAsync();
        Assert.All(lines, l => Assert.Equal("Fiscal", l));
        Assert.True(int.Parse(await page.Locator(".count[data-state=Draft]").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 3);
        await ShotAsync(page, "overview-1-fiscal");

        var jansen = page.Locator("table.clients tr", new PageLocatorOptions { HasTextString = "Drukkerij Jansen" });
        await Assertions.Expect(jansen.Locator(".client-tier")).ToHaveTextAsync("Standard");
        await jansen.Locator("input[type=checkbox]").CheckAsync();
        await page.SelectOptionAsync("#bulk select[name=tier]", "Collaborate");
        await page.ClickAsync("#bulk button");
        await Assertions.Expect(page.Locator("table.outcomes .outcome")).ToHaveTextAsync("Changed");
        await ShotAsync(page, "overview-2-bulk-change");

        await page.GotoAsync("/office/overview");
        await Assertions.Expect(page.Locator("table.clients tr", new PageLocatorOptions { HasTextString = "Drukkerij Jansen" }).Locator(".client-tier")).ToHaveTextAsync("Collaborate");
    }

    // Issue 20: the orchestrator's probe answers from Collab's health checks.
    [SkippableFact]
    public async Task The_health_endpoint_reports_the_schema_outbox_and_passes_as_healthy()
    {
        var page = await NewPageAsync();
        var response = await page.GotoAsync("/health");
        Assert.Equal(200, response!.Status);
        Assert.Equal("Healthy", await page.Locator("body").TextContentAsync());
        Assert.Equal(200, (await page.GotoAsync("/health/ready"))!.Status);
    }

    // R: TXT-1
    [SkippableFact]
    public async Task A_refusal_speaks_the_browsers_language_and_the_switch_changes_it_while_the_code_stays()
    {
        Skip.If(site.SkipReason is not null, site.SkipReason);
        var context = await site.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress, Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/link/not-a-token");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dat lukte niet");
        await Assertions.Expect(page.Locator(".refusal")).ToHaveTextAsync("Deze link is niet volledig: open de link uit uw e-mail opnieuw, of vraag uw kantoor om een nieuwe.");
        await ShotAsync(page, "texts-1-dutch-refusal");

        await page.ClickAsync("text=English");
        await Assertions.Expect(page.Locator(".refusal")).ToHaveTextAsync("This link is not complete: open the link from your e-mail again, or ask your office for a new one.");
        await Assertions.Expect(page.Locator(".refusal")).ToHaveAttributeAsync("data-code", "link.malformed");
    }
}
