using System.Text;
using Collab.Links;
using Collab.Rights;
using Microsoft.AspNetCore.Mvc;
using static Collab.Samples.Web.Html;

namespace Collab.Samples.Web;

/// <summary>
/// Linking an app's administration to a bookkeeping administration step by step (LINK-1 … LINK-5): connect, choose,
/// confirm, read all data with the customer matching for a person to review, start synchronisation, finish. Every step
/// can be retried; ambiguous and conflicting matches are decided here, never guessed.
/// </summary>
internal static class IntegrationPages
{
    public static void Map(WebApplication app)
    {
        var office = app.MapGroup("/office/links").RequireAuthorization();
        office.MapGet("/", Start);
        office.MapPost("/", async (HttpContext context, [FromForm] string app, [FromForm] string external, [FromForm] Guid administration, [FromForm] string edition, LinkService links) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var link = await links.ConnectAsync(me.Party, app, external);
            await links.ChooseAdministrationAsync(me.Party, link.Id, new AdministrationId(administration), Enum.Parse<BookkeepingEdition>(edition));
            return Results.Redirect($"/office/links/{link.Id.Value}");
        });
        office.MapGet("/{id:guid}", Step);
        office.MapPost("/{id:guid}/confirm", (HttpContext context, Guid id, LinkService links) => Advance(context, id, (me, link) => links.ConfirmAsync(me.Party, link)));
        office.MapPost("/{id:guid}/read", async (HttpContext context, Guid id, LinkService links) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var result = await links.ReadAllDataAsync(me.Party, new LinkId(id));
            return Page("Customer matching", Review(context, id, result));
        });
        office.MapPost("/{id:guid}/resolve", async (HttpContext context, Guid id, [FromForm] string appId, [FromForm] string choice, LinkService links) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            await links.ResolveMatchAsync(me.Party, new LinkId(id), SyncEntityKind.Customer, appId, choice == "new" ? null : choice);
            return Results.Redirect($"/office/links/{id}");
        });
        office.MapPost("/{id:guid}/start", (HttpContext context, Guid id, LinkService links) => Advance(context, id, (me, link) => links.StartSynchronisationAsync(me.Party, link)));
        office.MapPost("/{id:guid}/finish", (HttpContext context, Guid id, LinkService links) => Advance(context, id, (me, link) => links.FinishAsync(me.Party, link)));
    }

    private static async Task<IResult> Advance(HttpContext context, Guid id, Func<SignedIn, LinkId, Task<IntegrationLinkView>> step)
    {
        var me = await SignedIn.OfficeUserAsync(context);
        await step(me, new LinkId(id));
        return Results.Redirect($"/office/links/{id}");
    }

    private static async Task<IResult> Start(HttpContext context, AccessService access)
    {
        var me = await SignedIn.OfficeUserAsync(context);
        var administrations = await access.ListAsync(me.Party, context.RequestAborted);
        var options = string.Join(string.Empty, administrations.OrderBy(a => a.Number.Value).Select(a => $"<option value=\"{a.Id.Value}\">{E(a.Number)} {E(a.Name)}</option>"));
        return Page("Link an app", $"""
            <p>One app administration links to one bookkeeping administration, and back, per app (LINK-1). The client needs plan inKaart or higher (LINK-2).</p>
            {Form(context, "/office/links", $"""
                <label>App <input name="app" value="webshop" required></label>
                <label>The app's administration <input name="external" value="shop-{Guid.NewGuid().ToString("N")[..6]}" required></label>
                <label>Bookkeeping administration <select name="administration">{options}</select></label>
                <label>Edition <select name="edition"><option>Web</option><option>Desktop</option></select></label>
                """, "Connect and choose", "connect")}
            """);
    }

    private static async Task<IResult> Step(HttpContext context, Guid id, LinkService links)
    {
        var me = await SignedIn.OfficeUserAsync(context);
        var link = await links.FindAsync(me.Party, new LinkId(id)) ?? throw new BadHttpRequestException("Unknown link.", 404);
        var next = link.Step switch
        {
            LinkStep.AdministrationChosen => Form(context, $"/office/links/{id}/confirm", string.Empty, "Confirm the link", "confirm-link"),
            LinkStep.Confirmed => Form(context, $"/office/links/{id}/read", string.Empty, "Read all data", "read"),
            LinkStep.DataRead => Form(context, $"/office/links/{id}/read", string.Empty, "Read all data again (changes nothing twice)", "read") + Form(context, $"/office/links/{id}/start", string.Empty, "Start synchronisation", "start"),
            LinkStep.Synchronising => Form(context, $"/office/links/{id}/finish", string.Empty, "Finish", "finish"),
            _ => string.Empty,
        };
        return Page($"Link {link.App} · {link.ExternalAdministration}", $"""
            <ol class="steps">{string.Join(string.Empty, Enum.GetValues<LinkStep>().Where(s => s is not LinkStep.Removed and not 0).Select(s => $"<li{(s == link.Step ? " aria-current=\"step\" class=\"current\"" : string.Empty)}>{E(s)}</li>"))}</ol>
            <p>Now at <span class="link-step">{E(link.Step)}</span>, administration {E(link.AdministrationNumber)}.</p>
            {next}
            <p><a href="/office/links">Link another</a></p>
            """);
    }

    private static string Review(HttpContext context, Guid id, ReadAllResult result)
    {
        var body = new StringBuilder($"""
            <p class="match-summary">Matched {result.Count(SyncEntityKind.Customer, MatchOutcome.Matched)}, new {result.Count(SyncEntityKind.Customer, MatchOutcome.New)},
            ambiguous {result.Count(SyncEntityKind.Customer, MatchOutcome.Ambiguous)}, conflicting {result.Count(SyncEntityKind.Customer, MatchOutcome.Conflicting)}.
            Nothing was duplicated; a person decides what is not certain (LINK-5).</p>
            """);
        var rows = result.Matches.Where(m => m.Kind == SyncEntityKind.Customer).Select(m =>
        {
            var decide = m.Match.Outcome is MatchOutcome.Ambiguous or MatchOutcome.Conflicting
                ? Form(context, $"/office/links/{id}/resolve", $"""
                    <input type="hidden" name="appId" value="{E(m.Match.AppCustomerId)}">
                    <label>Same customer as <select name="choice">{string.Join(string.Empty, m.Match.Candidates.Select(c => $"<option value=\"{E(c)}\">{E(c)}</option>"))}<option value="new">none: a new customer</option></select></label>
                    """, "Decide", $"resolve-{m.Match.AppCustomerId}")
                : string.Empty;
            return new[] { E(m.Match.AppCustomerId), $"<span class=\"outcome\">{E(m.Match.Outcome)}</span>", E(m.Match.BookkeepingId), E(string.Join(", ", m.Match.Candidates)), decide };
        });
        body.Append(Table(["app customer", "outcome", "bookkeeping customer", "candidates", "decision"], rows, "matches"));
        body.Append($"<p><a href=\"/office/links/{id}\">Back to the link</a></p>");
        return body.ToString();
    }
}
