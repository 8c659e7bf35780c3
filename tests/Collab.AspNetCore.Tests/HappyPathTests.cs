using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Collab.Samples.Web;
using Collab.Tests.Infrastructure;

namespace Collab.AspNetCore.Tests;

/// <summary>Each group's happy path over HTTP, on SQLite and PostgreSQL: provisioning, the client's grant, the office's deliverable and the one-time link.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HappyPathTests(PostgresServer postgres)
{
    // R: SHARE-12 (opening the link does not spend it: confirm still works after open)
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task A_client_grants_an_office_rights_and_the_office_shares_a_report_the_client_opens_once_by_link(Engine engine)
    {
        await using var host = await CollabTestHost.StartAsync(engine, postgres);
        var w = await HttpWorld.SeedAsync(host);

        // client: grant (RIGHTS) and the administrations it reaches
        var grant = await host.OkAsync(w.ClientUser, HttpMethod.Post, "/client/grants", new { office = w.Office, administration = w.Administration, channel = "Web" });
        Assert.Equal(w.Office.ToString(), grant["officeId"]!.GetValue<string>());
        var reach = await host.OkAsync(w.OfficeUser, HttpMethod.Get, $"/client/administrations/{w.Administration}/access");
        Assert.True(reach.GetValue<bool>());

        // office: draft, document, share (SHARE-13, SHARE-14, SHARE-1)
        var draft = await host.OkAsync(w.OfficeUser, HttpMethod.Post, $"/office/offices/{w.Office}/deliverables", new { company = w.Company, kind = "AnnualReport", year = 2025 });
        var deliverable = HttpWorld.Id(draft);
        using (var upload = CollabTestHost.As(w.OfficeUser, HttpMethod.Post, $"/office/deliverables/{deliverable}/documents?fileName=jaarrekening-2025.pdf"))
        {
            upload.Content = new ByteArrayContent(DemoPdf.Create("Jaarrekening 2025"));
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var uploaded = await host.Client.SendAsync(upload);
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        var shared = await host.OkAsync(w.OfficeUser, HttpMethod.Post, $"/office/deliverables/{deliverable}/share", new { });
        var token = shared["linkToken"]!.GetValue<string>();
        var list = await host.OkAsync(w.OfficeUser, HttpMethod.Get, $"/office/offices/{w.Office}/deliverables");
        Assert.Contains(list.AsArray(), d => HttpWorld.Id(d!) == deliverable);
        var overview = await host.OkAsync(w.OfficeUser, HttpMethod.Get, $"/office/offices/{w.Office}/overview/deliverables");
        Assert.Single(overview["items"]!.AsArray());
        await host.OkAsync(w.OfficeUser, HttpMethod.Get, $"/office/offices/{w.Office}/collaborations");
        var tier = await host.OkAsync(w.OfficeUser, HttpMethod.Get, $"/office/offices/{w.Office}/clients/{w.Client}/tier");
        Assert.Equal("Standard", tier.GetValue<string>());
        await host.OkAsync(w.OfficeUser, HttpMethod.Get, $"/office/offices/{w.Office}/statements/2026-03");

        // link: open (not spent, SHARE-12), confirm (spent, SHARE-2), read each document once (SHARE-14)
        var landing = await host.OkAsync(null, HttpMethod.Post, "/link/open", new { token });
        Assert.Equal(deliverable, HttpWorld.Id(landing, "deliverable")); // LinkLanding.Deliverable (0.6.0; "report" before)
        Assert.Matches(@"^\d{4}-\d\d-\d\dT", landing["expiresAt"]!.GetValue<string>()); // NodaTime Instant in ISO form
        var confirmed = await host.OkAsync(null, HttpMethod.Post, "/link/confirm", new { token });
        var viewToken = confirmed["viewToken"]!.GetValue<string>();
        var document = HttpWorld.Id(confirmed["documents"]![0]!);
        using (var read = await host.Client.SendAsync(CollabTestHost.As(null, HttpMethod.Post, $"/link/documents/{document}", new { viewToken })))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal("application/pdf", read.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await read.Content.ReadAsByteArrayAsync())[..5]);
        }

        // client: the portal answers (a Standard client's reports come by link, not as portal tasks); the company's list shows the view
        var tasks = await host.OkAsync(w.ClientUser, HttpMethod.Get, "/client/tasks");
        Assert.NotNull(tasks["items"]);
        var mine = await host.OkAsync(w.ClientUser, HttpMethod.Get, $"/client/companies/{w.Company}/deliverables");
        Assert.Equal("Viewed", mine[0]!["state"]!.GetValue<string>());
    }
}

/// <summary>The Collaborate tiers' path: an approval task the client decides, house style, and a question batch the client answers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApprovalPathTests(PostgresServer postgres)
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task An_extended_client_approves_a_shared_report_and_answers_the_office_s_questions(Engine engine)
    {
        await using var host = await CollabTestHost.StartAsync(engine, postgres);
        var w = await HttpWorld.SeedAsync(host, tier: "CollaborateExtended");

        var deliverable = HttpWorld.Id(await host.OkAsync(w.OfficeUser, HttpMethod.Post, $"/office/offices/{w.Office}/deliverables", new { company = w.Company, kind = "AnnualReport", year = 2025 }));
        using (var upload = CollabTestHost.As(w.OfficeUser, HttpMethod.Post, $"/office/deliverables/{deliverable}/documents?fileName=jaarrekening.pdf"))
        {
            upload.Content = new ByteArrayContent(DemoPdf.Create("Jaarrekening"));
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            (await host.Client.SendAsync(upload)).EnsureSuccessStatusCode();
        }

        var shared = await host.OkAsync(w.OfficeUser, HttpMethod.Post, $"/office/deliverables/{deliverable}/share", new { deadline = "2026-06-30" });
        Assert.Equal("Approval", shared["mode"]!.GetValue<string>());
        var approved = await host.OkAsync(w.ClientUser, HttpMethod.Post, $"/client/deliverables/{deliverable}/approve");
        Assert.Equal("Approved", approved["state"]!.GetValue<string>());
        var counts = await host.OkAsync(w.OfficeUser, HttpMethod.Get, $"/office/offices/{w.Office}/overview/counts");
        Assert.Equal(1, counts["Approved"]!.GetValue<int>());

        // House style (SHARE-10): the office sets it, its client reads it.
        await host.OkAsync(w.OfficeUser, HttpMethod.Put, $"/office/offices/{w.Office}/house-style",
            new { slug = "devries-" + Guid.NewGuid().ToString("N")[..6], primaryColour = "#1A5276", textColour = "#1C1C1C", backgroundColour = "#FFFFFF", welcomeText = "Welkom" });
        var style = await host.OkAsync(w.ClientUser, HttpMethod.Get, $"/client/clients/{w.Client}/offices/{w.Office}/house-style");
        Assert.Equal("Welkom", style["welcomeText"]!.GetValue<string>());

        // Questions (SHARE-8): the office asks, the client answers.
        var batch = HttpWorld.Id(await host.OkAsync(w.OfficeUser, HttpMethod.Post, $"/office/offices/{w.Office}/question-batches", new { company = w.Company, title = "Jaarwerk 2025" }));
        await host.OkAsync(w.OfficeUser, HttpMethod.Post, $"/office/question-batches/{batch}/questions", new { service = "jaarrekening", question = "Zijn er nieuwe leningen?" });
        await host.OkAsync(w.OfficeUser, HttpMethod.Post, $"/office/question-batches/{batch}/send");
        var answered = await host.OkAsync(w.ClientUser, HttpMethod.Post, $"/client/question-batches/{batch}/questions/1/answer", new { answer = "Nee" });
        Assert.Equal(1, answered["answeredCount"]!.GetValue<int>());
    }
}
