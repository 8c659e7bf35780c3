using System.Globalization;
using System.Security.Claims;
using System.Text;
using Collab.Deliverables;
using Collab.Insights;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using static Collab.Samples.Web.Html;

namespace Collab.Samples.Web;

/// <summary>
/// The deliverable pages (SHARE-13 … SHARE-17): the office shares annual reports and tax returns with a PDF and works
/// from its overview; a client reads a link's PDF once, approves with the dashboard drawn as charts, and sees insights.
/// </summary>
internal static class DeliverablePages
{
    public static void Map(WebApplication app)
    {
        MapOffice(app.MapGroup("/office").RequireAuthorization());
        MapClient(app.MapGroup("/client").RequireAuthorization());
        MapLinkView(app);
        app.MapGet("/portal/{slug}/insights", Insights).RequireAuthorization();
    }

    /// <summary>The office page's share form: any kind, its period, a PDF; the client's one tier picks the channel.</summary>
    public static string ShareForm(HttpContext context, string companyOptions, LocalDate deadline) =>
        Form(context, "/office/deliverables", $"""
            <label>Company <select name="company">{companyOptions}</select></label>
            <label>Kind <select name="kind">{string.Join(string.Empty, Enum.GetNames<DeliverableKind>().Select(k => $"<option>{k}</option>"))}</select></label>
            <label>Year <input name="year" type="number" value="2025"></label>
            <label>Quarter (VAT) <input name="quarter" type="number" min="1" max="4" value="4"></label>
            <label>Title <input name="title" value="Jaarrekening 2025"></label>
            <label>Deadline <input type="date" name="deadline" value="{deadline:yyyy-MM-dd}"></label>
            <label>PDF <input type="file" name="file" accept="application/pdf"></label>
            """, "Share", "share-deliverable", files: true);

    private static void MapOffice(RouteGroupBuilder office)
    {
        office.MapPost("/deliverables", async (HttpContext context, [FromForm] Guid company, [FromForm] string kind, [FromForm] int year, [FromForm] int? quarter,
            [FromForm] string? title, [FromForm] DateOnly deadline, IFormFile? file, IServiceProvider sp) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var chosen = Enum.Parse<DeliverableKind>(kind);
            var period = chosen == DeliverableKind.VatReturn ? ReportingPeriod.Quarter(year, quarter ?? 4) : ReportingPeriod.FinancialYear(year);
            var draft = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(me.Party, me.Office, new CompanyId(company), chosen, period, string.IsNullOrWhiteSpace(title) ? null : title);
            if (file is { Length: > 0 })
            {
                await using var content = file.OpenReadStream();
                await sp.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(me.Party, draft.Id, file.FileName, file.ContentType, content);
            }

            await sp.GetRequiredService<DeliverableSharing>().ShareAsync(me.Party, draft.Id, LocalDate.FromDateOnly(deadline));
            return Results.Redirect("/office");
        });

        office.MapGet("/deliverables/{id:guid}/documents/{document:guid}", async (HttpContext context, Guid id, Guid document, IServiceProvider sp) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var content = await sp.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(me.Party, new DeliverableId(id), new DocumentId(document));
            return File(content);
        });

        // The office overview (SHARE-17): filters, counts per state, keyset pages, and clients selected for a bulk tier change (TIER-5).
        office.MapGet("/overview", async (HttpContext context, string? line, string? state, string? year, string? after, IServiceProvider sp) =>
        {
            // An empty form field is "any": read the query leniently instead of refusing the page.
            int? yearFilter = int.TryParse(year, CultureInfo.InvariantCulture, out var y) ? y : null;
            DeliverableId? cursor = Guid.TryParse(after, out var a) ? new DeliverableId(a) : null;
            var me = await SignedIn.OfficeUserAsync(context);
            var officeId = me.Office;
            var overview = sp.GetRequiredService<OfficeOverviewService>();
            var filter = new DeliverableFilter(
                States: Enum.TryParse<DeliverableState>(state, out var s) ? [s] : null,
                Line: Enum.TryParse<ServiceLine>(line, out var l) ? l : null,
                Year: yearFilter);
            var counts = await overview.CountsByStateAsync(me.Party, officeId, filter);
            var page = await overview.DeliverablesAsync(me.Party, officeId, filter, after: cursor, pageSize: 10);
            var clients = await overview.ClientsAsync(me.Party, officeId, pageSize: 100);
            var names = clients.Items.ToDictionary(c => c.Client, c => c.Name);

            var body = new StringBuilder("<p><a href=\"/office\">Back to the office</a></p>");
            body.Append($"""
                <form method="get" action="/office/overview" id="filter">
                  <label>Line <select name="line"><option value="">all</option>{Options(Enum.GetNames<ServiceLine>(), line)}</select></label>
                  <label>State <select name="state"><option value="">all</option>{Options(Enum.GetNames<DeliverableState>(), state)}</select></label>
                  <label>Year <input name="year" type="number" value="{E(year)}"></label>
                  <button type="submit">Filter</button>
                </form>
                """);
            body.Append("<h2>Counts per state</h2>").Append(Table(["state", "count"], counts.Select(c => new[] { E(c.Key), $"<span class=\"count\" data-state=\"{E(c.Key)}\">{c.Value}</span>" }), "counts"));
            body.Append("<h2>Deliverables</h2>").Append(Table(["title", "client", "line", "period", "state", "deadline"], page.Items.Select(d => new[]
            {
                $"<span class=\"deliverable-title\">{E(d.Title)}</span>", E(names.GetValueOrDefault(d.ClientId)), $"<span class=\"line\">{E(d.Line)}</span>", E(d.Period), $"<span class=\"report-state\">{E(d.State)}</span>{ReceiptLink(d.Id, d.State)}", E(d.Deadline),
            }), "deliverables"));
            if (page.Next is { } next)
            {
                body.Append($"""<p><a class="next" href="/office/overview?line={E(line)}&state={E(state)}&year={E(year)}&after={next.Value}">Next page</a></p>""");
            }

            var rows = clients.Items.Select(c => new[]
            {
                $"""<input type="checkbox" name="clients" value="{c.Client.Value}" form="bulk" data-tier="{E(c.Tier)}" aria-label="Select {E(c.Name)}">""", $"<span class=\"client-name\">{E(c.Name)}</span>", $"<span class=\"client-tier\">{E(c.Tier)}</span>",
            });
            body.Append("<h2>Clients</h2>").Append(Table([string.Empty, "client", "tier"], rows, "clients"));
            body.Append(Form(context, "/office/overview/tiers", $"""<label>New tier <select name="tier">{Options(Enum.GetNames<ClientTier>(), null)}</select></label>""", "Change the selected clients' tier", "bulk"));
            return Page("Office overview", body.ToString());
        });

        office.MapPost("/overview/tiers", async (HttpContext context, [FromForm] Guid[] clients, [FromForm] string tier, IServiceProvider sp) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var result = await sp.GetRequiredService<TierService>().ChangeTiersAsync(me.Party, me.Office, clients.Select(c => new ClientId(c)).ToList(), Enum.Parse<ClientTier>(tier));
            var rows = result.Outcomes.Select(o => new[] { E(o.Client), $"<span class=\"outcome\">{E(o.Status)}</span>", E(o.Refusal?.Reason) });
            return Page("Bulk tier change", Table(["client", "outcome", "reason"], rows, "outcomes") + "<p><a href=\"/office/overview\">Back to the overview</a></p>");
        });
    }

    private static void MapLinkView(WebApplication app)
    {
        // Opening is not spending (SHARE-12): the landing page shows what the link is for, and only the client's
        // deliberate confirmation spends it. The token is in the path: the host keeps request paths out of its logs,
        // and every page sends Referrer-Policy: no-referrer (Hosting/Security.cs).
        app.MapGet("/link/{token}", async (HttpContext context, string token, DeliverableLinks deliverables) =>
        {
            var landing = await deliverables.OpenLinkAsync(token);
            return Page("Your report is ready", $"""
                <p>Deliverable <strong class="report-title">{E(landing.Title)}</strong>. This link works once, until {E(landing.ExpiresAt)}.</p>
                {Form(context, $"/link/{Uri.EscapeDataString(token)}/confirm", string.Empty, "Open the report", "confirm")}
                """);
        });

        app.MapPost("/link/{token}/confirm", async (HttpContext context, string token, DeliverableLinks deliverables) =>
        {
            var view = await deliverables.ConfirmViewAsync(token);
            return Page(view.Deliverable.Title, LinkView(context, view));
        });

        // The view token lives in this page's forms only: it is never part of a URL that could be mailed or logged.
        app.MapPost("/link/view/{document:guid}", async ([FromForm] string view, Guid document, IServiceProvider sp) =>
            File(await sp.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(view, new DocumentId(document))));
    }

    public static string LinkView(HttpContext context, ConfirmedView view) =>
        $"""
        <p class="viewed">You are viewing <strong>{E(view.Deliverable.Title)}</strong>. The link is now used up.</p>
        <p>Download each document once, until {E(view.ViewEndsAt)}:</p>
        {string.Join(string.Empty, view.Documents.Select(d => Form(context, $"/link/view/{d.Id.Value}", $"""<input type="hidden" name="view" value="{E(view.ViewToken)}">""", $"Download {d.FileName}", "download")))}
        """;

    private static void MapClient(RouteGroupBuilder client)
    {
        client.MapGet("/deliverables/{id:guid}/documents/{document:guid}", async (HttpContext context, Guid id, Guid document, IServiceProvider sp) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            return File(await sp.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(me.Party, new DeliverableId(id), new DocumentId(document)));
        });

        client.MapGet("/deliverables/{id:guid}/dashboard", async (HttpContext context, Guid id, IServiceProvider sp) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            var dashboard = await sp.GetRequiredService<DeliverableQueries>().DashboardAsync(me.Party, new DeliverableId(id));
            var deliverable = await sp.GetRequiredService<DeliverableQueries>().FindAsync(me.Party, new DeliverableId(id));
            return Page($"Dashboard {deliverable?.Title}", dashboard is { } d ? Charts.Dashboard(d.ToSeries()) : "<p>No figures yet.</p>");
        });

        client.MapPost("/deliverables/{id:guid}/approve", async (HttpContext context, Guid id, IServiceProvider sp) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            await sp.GetRequiredService<DeliverableSharing>().ApproveAsync(me.Party, new DeliverableId(id));
            return Results.Redirect($"/client/deliverables/{id}/receipt"); // the signed receipt of the decision (SHARE-18)
        });
    }

    /// <summary>A client's tasks, for every company it may reach: what its channel lets it see now (SHARE-5, SHARE-14).</summary>
    public static async Task<string> TasksAsync(HttpContext context, SignedIn me)
    {
        var registry = context.RequestServices.GetRequiredService<CollabRegistry>();
        var body = new StringBuilder();
        foreach (var company in await registry.ListCompaniesAsync(me.Party, me.Client, context.RequestAborted)) // only those the user may reach (SEC-1)
        {
            var rows = new List<string[]>();
            // The client's own view of each deliverable (SEC-6): documents and figures only as its channel and tier allow now.
            foreach (var d in (await context.RequestServices.GetRequiredService<DeliverableQueries>().ListForCompanyAsync(me.Party, company.Id)).OfType<DeliverableClientView>())
            {
                if (!await context.RequestServices.GetRequiredService<DeliverableQueries>().ClientMayViewAsync(me.Party, d.Id))
                {
                    continue;
                }

                string Link(DeliverableDocumentInfo doc) => $"""<a class="document" href="/client/deliverables/{d.Id.Value}/documents/{doc.Id.Value}">{E(doc.FileName)}</a>""";
                var earlier = d.ApprovedRevisions.Where(r => r.Revision != d.Revision)
                    .Select(r => $"""<span class="approved-revision">revision {r.Revision}, approved: {string.Join(" ", r.Documents.Select(Link))}</span>""");
                var links = string.Join(" ", d.Documents.Select(Link).Concat(earlier));
                var dashboard = d.Figures is null ? string.Empty : $"""<a class="dashboard-link" href="/client/deliverables/{d.Id.Value}/dashboard">dashboard</a>""";
                var approve = d.MayDecide ? Form(context, $"/client/deliverables/{d.Id.Value}/approve", string.Empty, "Approve", "approve") : string.Empty;
                rows.Add([$"<span class=\"task-title\">{E(d.Title)}</span>", $"<span class=\"task-state\">{E(d.State)}</span>", E(d.Deadline), links, dashboard, approve]);
            }

            body.Append($"<h2>{E(company.Name)}</h2>").Append(Table(["title", "state", "deadline", "documents", string.Empty, string.Empty], rows, "tasks"));
        }

        return body.ToString();
    }

    private static async Task<IResult> Insights(HttpContext context, string slug, IServiceProvider sp)
    {
        var me = await SignedIn.ClientUserAsync(context);
        var today = sp.GetRequiredService<IClock>().GetCurrentInstant().InUtc().Date;
        var to = new YearMonth(today.Year, today.Month).PlusMonths(-1);
        var insights = await sp.GetRequiredService<InsightService>().ForClientUserAsync(me.Party, to.PlusMonths(-5), to);
        var companies = (await sp.GetRequiredService<CollabRegistry>().ListCompaniesAsync(me.Party, me.Client)).ToDictionary(c => c.Id, c => c.Name);
        var months = insights.Combined.FirstOrDefault()?.Points.Select(p => p.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray() ?? [];
        string Row(InsightSeries s, string who) =>
            $"<tr class=\"series\" data-measure=\"{E(s.Measure)}\" data-source=\"{E(s.Source)}\" data-company=\"{E(who)}\"><td>{E(Charts.Label(s.Measure))}</td><td>{E(s.Source)}</td><td>{E(who)}</td>"
            + string.Join(string.Empty, s.Points.Select(p => $"<td class=\"point\">{(p.Value is { } v ? E(v.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))) : "<span class=\"gap\">—</span>")}</td>")) + "</tr>";
        var header = "<tr><th>measure</th><th>source</th><th>company</th>" + string.Join(string.Empty, months.Select(m => $"<th>{m}</th>")) + "</tr>";
        var body = new StringBuilder($"<p>Every company you may reach, combined: {string.Join(", ", insights.Companies.Select(c => E(companies.GetValueOrDefault(c))))}. A dash is a month a source does not have: a gap, not zero.</p>");
        body.Append("<h2>Combined</h2><table class=\"combined\">").Append(header).AppendJoin(string.Empty, insights.Combined.Select(s => Row(s, "all"))).Append("</table>");
        body.AppendJoin(string.Empty, insights.Combined.Select(Charts.Months));
        body.Append("<h2>Per company</h2><table class=\"per-company\">").Append(header).AppendJoin(string.Empty, insights.PerCompany.Select(s => Row(s, companies.GetValueOrDefault(s.Company!.Value) ?? "?"))).Append("</table>");
        body.Append($"<p><a href=\"/portal/{E(slug)}\">Back to the portal</a></p>");
        return Page("Insights", body.ToString());
    }

    private static string Options(IEnumerable<string> values, string? selected) =>
        string.Join(string.Empty, values.Select(v => $"<option{(v == selected ? " selected" : string.Empty)}>{E(v)}</option>"));

    // A decided deliverable's signed receipt (SHARE-18), for the office to download.
    internal static string ReceiptLink(DeliverableId id, DeliverableState state) => state is DeliverableState.Approved or DeliverableState.Rejected
        ? $""" <a class="receipt-download" href="/office/deliverables/{id.Value}/receipt.json" download>ontvangstbewijs</a>"""
        : string.Empty;

    private static IResult File(DocumentContent content) =>
        Results.Stream(content.Content, content.Document.ContentType, content.Document.FileName); // the stream checks the SHA-256 as it goes

}
