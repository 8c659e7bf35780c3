using Microsoft.Playwright;

namespace Collab.Samples.Web.Tests;

/// <summary>Every capability's page, clicked through as the office and the client would (issue 18), with screenshots.</summary>
[Collection(SampleSiteCollection.Name)]
public sealed class CapabilityTests(SampleSite site)
{
    private static ILocator Section(IPage page, string css, string text) => page.Locator(css, new PageLocatorOptions { HasTextString = text });

    // R: ONB-1, ONB-2
    [SkippableFact]
    public async Task The_office_registers_a_new_client_whose_first_month_is_free_and_an_existing_customer_is_sent_to_rights()
    {
        var page = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(page, "anna");
        await page.GotoAsync("/office/clients/new");
        await page.FillAsync("input[name=clientName]", "Fietsenmaker Fok");
        await page.FillAsync("input[name=companyName]", "Fok Fietsen B.V.");
        await page.FillAsync("input[name=email]", "fok@fok-fietsen.nl");
        await page.SelectOptionAsync("select[name=plan]", "inZicht");
        await page.FillAsync("input[name=number]", "4001");
        await Ui.ShotAsync(page, "register-1-form");
        await page.ClickAsync("#register button");
        await Assertions.Expect(page.Locator(".registered")).ToContainTextAsync("free through");
        await Ui.ShotAsync(page, "register-2-registered");

        await page.GotoAsync("/office/administrations");
        await Assertions.Expect(Section(page, "section.administration", "4001")).ToContainTextAsync("ClientSubscription");

        await page.GotoAsync("/office/clients/new"); // ONB-2: the same address again is an existing customer
        await page.FillAsync("input[name=clientName]", "Fok opnieuw");
        await page.FillAsync("input[name=companyName]", "Fok Twee B.V.");
        await page.FillAsync("input[name=email]", "fok@fok-fietsen.nl");
        await page.FillAsync("input[name=number]", "4002");
        await page.ClickAsync("#register button");
        await Assertions.Expect(page.Locator(".refusal")).ToHaveAttributeAsync("data-code", "registration.existing-customer");
    }

    // R: LIC-3, LIC-2, LIC-4, LIC-7, ONB-5
    [SkippableFact]
    public async Task The_office_imports_the_clients_licence_after_reviewing_it_backs_up_stops_and_restores_into_its_list()
    {
        var page = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(page, "anna");
        await page.GotoAsync("/office/administrations");
        var template = Section(page, "section.administration", "3001");
        await Assertions.Expect(template.Locator(".licence-source")).ToHaveTextAsync("Office");
        var download = await page.RunAndWaitForDownloadAsync(() => template.Locator("a.demo-licence").ClickAsync());
        var licence = await File.ReadAllBytesAsync((await download.PathAsync())!);

        await template.Locator("input[name=file]").SetInputFilesAsync(new FilePayload { Name = "licence.lic", MimeType = "text/plain", Buffer = licence });
        await template.Locator("#read-licence button").ClickAsync();
        await Assertions.Expect(page.Locator(".licensee")).ToHaveTextAsync("Groenteboer Visser"); // step one shows, changes nothing
        await Ui.ShotAsync(page, "licence-1-review");
        await page.FillAsync("input[name=email]", "kees@groenteboer-visser.nl");
        await page.ClickAsync("#confirm-licence button");
        await Assertions.Expect(Section(page, "section.administration", "3001").Locator(".licence-source")).ToHaveTextAsync("ClientFile");

        await Section(page, "section.administration", "3001").Locator("#backup button").ClickAsync();
        await Assertions.Expect(Section(page, "section.administration", "3001").Locator("table.backups tr")).ToHaveCountAsync(2); // header and one backup
        await Assertions.Expect(Section(page, "section.administration", "3001").Locator("table.backups")).ToContainTextAsync("ClientFile"); // LIC-4: the client's licence
        await Section(page, "section.administration", "3001").Locator("#restore button").ClickAsync();
        await Assertions.Expect(page.Locator(".refusal")).ToHaveAttributeAsync("data-code", "backup.number-in-use"); // LIC-7: the number is live
        await page.GotoAsync("/office/administrations");

        await Section(page, "section.administration", "3001").Locator("#stop button").ClickAsync(); // ONB-5: a backup, then released
        await Assertions.Expect(page.Locator(".stopped")).ToContainTextAsync("ClientFile");
        await Ui.ShotAsync(page, "backup-1-released");
        var list = await page.Context.NewPageAsync();
        await list.GotoAsync("/office/administrations");
        await Assertions.Expect(Section(list, "section.administration", "3001")).ToHaveCountAsync(0); // gone from the list
        await page.ClickAsync("#restore-released button");
        await Assertions.Expect(Section(page, "section.administration", "3001").Locator(".administration-state")).ToHaveTextAsync("Live"); // LIC-7: the same number, back in the list
        await Ui.ShotAsync(page, "backup-2-restored");
    }

    // R: ONB-6, RET-2
    [SkippableFact]
    public async Task A_client_cancels_the_office_sees_the_deletion_schedule_places_and_lifts_a_legal_hold_and_the_client_reactivates()
    {
        var client = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(client, "wim");
        await client.ClickAsync("#cancel-subscription button");
        await Assertions.Expect(client.Locator(".subscription-state")).ToHaveTextAsync("Cancelled");
        await Assertions.Expect(client.Locator(".deletion-date")).Not.ToBeEmptyAsync();
        await Ui.ShotAsync(client, "retention-1-client-cancelled");

        var office = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(office, "anna");
        await office.GotoAsync("/office/administrations");
        var wim = Section(office, "section.administration", "2001");
        await Assertions.Expect(wim.Locator(".deletion-state")).ToHaveTextAsync("Scheduled");
        await wim.Locator("input[name=reason]").FillAsync("Belastingdienst boekenonderzoek 2026");
        await wim.Locator("#hold button").ClickAsync();
        await Assertions.Expect(Section(office, "section.administration", "2001").Locator(".legal-hold")).ToContainTextAsync("boekenonderzoek");
        await Ui.ShotAsync(office, "retention-2-legal-hold");
        await Section(office, "section.administration", "2001").Locator("#lift-hold button").ClickAsync();
        await Assertions.Expect(Section(office, "section.administration", "2001").Locator(".legal-hold")).ToHaveCountAsync(0);

        await client.ReloadAsync();
        await client.ClickAsync("#reactivate button");
        await Assertions.Expect(client.Locator(".subscription-state")).ToHaveTextAsync("Active");
    }

    // R: LINK-3, LINK-5, LINK-1
    [SkippableFact]
    public async Task The_office_links_a_shop_step_by_step_and_decides_the_ambiguous_match_itself()
    {
        var page = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(page, "anna");
        await page.GotoAsync("/office/links");
        await Ui.SelectByTextAsync(page, "select[name=administration]", "2001");
        await page.ClickAsync("#connect button");
        await Assertions.Expect(page.Locator(".link-step")).ToHaveTextAsync("AdministrationChosen");
        await page.ClickAsync("#confirm-link button");
        await page.ClickAsync("#read button");
        await Assertions.Expect(page.Locator(".match-summary")).ToContainTextAsync("Matched 1, new 1");
        await Assertions.Expect(Ui.Row(page, "shop-jansen").Locator(".outcome")).ToHaveTextAsync("Ambiguous");
        await Assertions.Expect(Ui.Row(page, "shop-mix").Locator(".outcome")).ToHaveTextAsync("Conflicting");
        await Ui.ShotAsync(page, "link-setup-1-matching-review");

        await Ui.Row(page, "shop-jansen").Locator("select[name=choice]").SelectOptionAsync("b-jansen-300");
        await Ui.Row(page, "shop-jansen").Locator("#resolve-shop-jansen button").ClickAsync();
        await Assertions.Expect(page.Locator(".link-step")).ToHaveTextAsync("DataRead");
        await page.ClickAsync("#read button"); // a retried step duplicates nothing
        await Assertions.Expect(page.Locator(".match-summary")).ToContainTextAsync("Matched 2, new 0"); // Smit, created by the first read, is matched now: not created twice
        await Ui.Row(page, "shop-mix").Locator("select[name=choice]").SelectOptionAsync("new");
        await Ui.Row(page, "shop-mix").Locator("#resolve-shop-mix button").ClickAsync();
        await page.ClickAsync("#start button");
        await page.ClickAsync("#finish button");
        await Assertions.Expect(page.Locator(".link-step")).ToHaveTextAsync("Finished");
        await Ui.ShotAsync(page, "link-setup-2-finished");
    }

    // R: SHARE-10
    [SkippableFact]
    public async Task The_house_style_editor_refuses_unreadable_colours_naming_the_contrast_and_saves_readable_ones()
    {
        var page = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(page, "anna");
        await page.GotoAsync("/office/house-style");
        await page.FillAsync("input[name=text]", "#EEEEEE");
        await page.ClickAsync("#house-style button");
        await Assertions.Expect(page.Locator(".refusal")).ToHaveAttributeAsync("data-code", "house-style.text-contrast");
        await Ui.ShotAsync(page, "house-style-1-contrast-refused");

        await page.GotoAsync("/office/house-style");
        await page.FillAsync("input[name=primary]", "#1A5276");
        await page.ClickAsync("#house-style button");
        await Assertions.Expect(page.Locator(".saved")).ToHaveTextAsync("Saved.");
    }

    // R: SHARE-7, SHARE-8, SHARE-9, SHARE-6
    [SkippableFact]
    public async Task The_office_sends_questions_a_questionnaire_and_a_document_and_the_client_answers_completes_and_sends_one_back()
    {
        var office = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(office, "anna");
        await office.GotoAsync("/office/questionnaires");
        await Ui.SelectByTextAsync(office, "#send-questions select[name=company]", "Bakkerij Bakker B.V.");
        await office.ClickAsync("#send-questions button");
        await Ui.SelectByTextAsync(office, "#send-document select[name=company]", "Bakkerij Bakker B.V.");
        await office.SetInputFilesAsync("#send-document input[name=file]", new FilePayload { Name = "specificatie-2025.pdf", MimeType = "application/pdf", Buffer = DemoPdf.Create("Specificatie 2025") });
        await office.ClickAsync("#send-document button");
        await Ui.SelectByTextAsync(office, "#send-questionnaire select[name=company]", "Bakkerij Bakker B.V.");
        await office.ClickAsync("#send-questionnaire button");
        await Assertions.Expect(office.Locator("table.progress .questionnaire-state")).ToHaveTextAsync("Open");

        var client = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(client, "piet");
        await client.GotoAsync("/client/portal");
        var document = await client.RunAndWaitForDownloadAsync(() => Ui.Row(client, "specificatie-2025.pdf").Locator("a.document").ClickAsync());
        Assert.Equal(DemoPdf.Create("Specificatie 2025"), await File.ReadAllBytesAsync((await document.PathAsync())!));

        await Ui.Row(client, "Vragen bij de jaarstukken 2025").Locator("a.questions").ClickAsync();
        await client.Locator("#answer-1 input[name=answer]").FillAsync("Ja, op 31 december.");
        await client.ClickAsync("#answer-1 button");
        await client.Locator("#answer-2 input[name=answer]").FillAsync("Nee.");
        await client.ClickAsync("#answer-2 button");
        await Assertions.Expect(client.Locator(".batch-status")).ToHaveTextAsync("2/2 answered");

        await client.GotoAsync("/client/portal");
        await Ui.Row(client, "Aangifte inkomstenbelasting 2025").Locator("a.questionnaire").First.ClickAsync();
        await client.SelectOptionAsync("select[name=q-auto-zaak]", "yes");
        await client.FillAsync("input[name=q-rente]", "8123.45");
        await client.CheckAsync("input[name=complete]");
        await Ui.ShotAsync(client, "portal-questionnaire-1-filled");
        await client.ClickAsync("#answers button");
        await Assertions.Expect(client.Locator(".questionnaire-state")).ToHaveTextAsync("Completed");

        await client.GotoAsync("/client/portal");
        await Ui.SelectByTextAsync(client, "#upload select[name=company]", "Bakker Vastgoed B.V.");
        await client.SetInputFilesAsync("#upload input[name=file]", new FilePayload { Name = "huurcontract.pdf", MimeType = "application/pdf", Buffer = DemoPdf.Create("Huurcontract") });
        await client.ClickAsync("#upload button");
        await Assertions.Expect(Ui.Row(client, "huurcontract.pdf")).ToContainTextAsync("ToOffice");
        await Ui.ShotAsync(client, "portal-documents-both-ways");

        await office.ReloadAsync();
        await Assertions.Expect(office.Locator("table.progress .questionnaire-state")).ToHaveTextAsync("Completed");
    }

    // R: XFER-2, XFER-3, XFER-5
    [SkippableFact]
    public async Task Each_of_the_three_parties_consents_on_its_own_page_and_the_new_office_ticks_off_the_checklist()
    {
        var old = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(old, "oud");
        var estate = Section(old, "section.transfer", "bank links none");
        await Assertions.Expect(estate.Locator(".transfer-role")).ToHaveTextAsync("OldEnvironmentAdministrator");
        await estate.Locator("#consent button").ClickAsync();
        await Assertions.Expect(Section(old, "section.transfer", "bank links none")).ToContainTextAsync("1 of 3 consents");

        var client = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(client, "piet");
        await client.ClickAsync("#client-consent button");
        await Ui.ShotAsync(client, "transfer-2-client-consented");

        var desk = await Ui.NewPageAsync(site);
        await Ui.LoginAsync(desk, "anna");
        await Section(desk, "section.transfer", "bank links none").Locator("#consent button").ClickAsync();
        await Assertions.Expect(Section(desk, "section.transfer", "bank links none").Locator(".transfer-state")).ToHaveTextAsync("Approved");
        await Section(desk, "section.transfer", "bank links none").Locator("#execute button").ClickAsync();
        var done = Section(desk, "section.transfer", "bank links none");
        await Assertions.Expect(done.Locator(".transfer-state")).ToHaveTextAsync("Executed");
        await done.Locator(".checklist li.open button").First.ClickAsync();
        await Assertions.Expect(Section(desk, "section.transfer", "bank links none").Locator(".checklist li.done")).ToHaveCountAsync(1);
        await Ui.ShotAsync(desk, "transfer-3-checklist-ticked");
    }
}
