using System.Text;
using Collab.Deliverables;
using Collab.Registry;
using Collab.Tiers;
using Collab.Transfers;
using NodaTime;
using static Collab.Samples.Web.Html;

namespace Collab.Samples.Web;

/// <summary>
/// The office's home page: its deliverables, the share form, and its transfers (XFER) with the actions its user's role
/// in each allows (the old environment's administrator, the new one's, the requester), and the follow-up checklist.
/// </summary>
internal static class OfficePages
{
    public static void Map(WebApplication app)
    {
        var office = app.MapGroup("/office").RequireAuthorization();
        office.MapGet("/", Home);
        office.MapPost("/transfers/{id:guid}/consent", async (HttpContext context, Guid id, TransferService transfers) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var request = await transfers.FindAsync(me.Party, new TransferRequestId(id), context.RequestAborted);
            var role = request is null ? null : await RoleAsync(context, me, request);
            // The page names the role; Collab checks it, and refuses a user who is not that party (XFER-3).
            await transfers.ConsentAsync(me.Party, new TransferRequestId(id), role ?? TransferParty.NewEnvironmentAdministrator);
            return Results.Redirect("/office");
        });
        office.MapPost("/transfers/{id:guid}/execute", async (HttpContext context, Guid id, TransferService transfers) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            await transfers.ExecuteAsync(me.Party, new TransferRequestId(id), BillingParty.Client);
            return Results.Redirect("/office");
        });
        office.MapPost("/transfers/{id:guid}/cancel", async (HttpContext context, Guid id, TransferService transfers) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            await transfers.CancelAsync(me.Party, new TransferRequestId(id));
            return Results.Redirect("/office");
        });
        office.MapPost("/transfers/{id:guid}/follow-up/{position:int}", async (HttpContext context, Guid id, int position, TransferService transfers) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            await transfers.TickFollowUpAsync(me.Party, new TransferRequestId(id), position);
            return Results.Redirect("/office");
        });
    }

    private static async Task<IResult> Home(HttpContext context, IServiceProvider sp)
    {
        var me = await SignedIn.OfficeUserAsync(context);
        var ct = context.RequestAborted;
        var registry = sp.GetRequiredService<CollabRegistry>();
        var office = await registry.FindOfficeAsync(me.Party, me.Office, ct);
        var deliverables = await sp.GetRequiredService<DeliverableQueries>().ListForOfficeAsync(me.Party, me.Office, cancellationToken: ct);
        var companies = new List<(CompanyId Id, string Name, ClientTier Tier)>();
        foreach (var collaboration in await sp.GetRequiredService<TierService>().ListCollaborationsAsync(me.Party, me.Office, ct))
        {
            companies.AddRange((await registry.ListCompaniesAsync(me.Party, collaboration.ClientId, ct)).Select(c => (c.Id, c.Name, collaboration.Tier)));
        }

        var body = new StringBuilder($"<p>Signed in as {E(me.User.Email)}. <a href=\"/office/overview\" id=\"overview\">Office overview</a></p>");
        if (companies.Count > 0)
        {
            body.Append("<h2>Annual reports and tax returns</h2>");
            body.Append(Table(["title", "company", "state", "mode", "deadline", "documents"], deliverables.OrderBy(r => r.Title).Select(r => new[]
            {
                E(r.Title), E(companies.FirstOrDefault(c => c.Id == r.CompanyId).Name), $"<span class=\"report-state\">{E(r.State)}</span>{DeliverablePages.ReceiptLink(r.Id, r.State)}", E(r.Mode), E(r.Deadline),
                string.Join(" ", r.Documents.Select(d => $"<a href=\"/office/deliverables/{r.Id.Value}/documents/{d.Id.Value}\">{E(d.FileName)}</a>")),
            })));
            var options = string.Join(string.Empty, companies.Select(c => $"<option value=\"{c.Id.Value}\">{E(c.Name)} ({E(c.Tier)})</option>"));
            var deadline = sp.GetRequiredService<IClock>().GetCurrentInstant().InUtc().Date.PlusDays(14);
            body.Append("<h2>Share an annual report or a tax return</h2>").Append(DeliverablePages.ShareForm(context, options, deadline));
        }

        body.Append("<h2>Transfers</h2>");
        var transfers = sp.GetRequiredService<TransferService>();
        var texts = sp.GetRequiredService<Collab.Texts.CollabTexts>();
        foreach (var transfer in await transfers.ListForOfficeAsync(me.Party, me.Office, ct))
        {
            var role = await RoleAsync(context, me, transfer);
            body.Append($"<section class=\"transfer\" aria-label=\"transfer of {E(transfer.ClientEmail)}\"><p>Client {E(transfer.ClientEmail)} — state <span class=\"transfer-state\">{E(transfer.State)}</span>, {transfer.ConsentCount} of 3 consents; bank links <span class=\"banks\">{E(transfer.BankLinks.Count == 0 ? "none" : string.Join(", ", transfer.BankLinks.Select(b => b.Bank)))}</span>; you are <span class=\"transfer-role\">{E(role?.ToString() ?? "an observer")}</span>.</p>");
            var consented = role switch
            {
                TransferParty.OldEnvironmentAdministrator => transfer.OldAdministratorConsentAt is not null,
                TransferParty.NewEnvironmentAdministrator => transfer.NewAdministratorConsentAt is not null,
                _ => true,
            };
            if (transfer.State == TransferState.AwaitingConsents && !consented)
            {
                body.Append(Form(context, $"/office/transfers/{transfer.Id.Value}/consent", string.Empty, $"Consent as {role}", "consent"));
            }

            if (transfer.State == TransferState.AwaitingConsents && transfer.RequestedBy == me.User.Id)
            {
                body.Append(Form(context, $"/office/transfers/{transfer.Id.Value}/cancel", string.Empty, "Cancel the request", "cancel-transfer"));
            }

            if (transfer.State == TransferState.Approved && role == TransferParty.NewEnvironmentAdministrator)
            {
                body.Append(Form(context, $"/office/transfers/{transfer.Id.Value}/execute", string.Empty, "Execute the transfer", "execute"));
            }

            if (transfer.State == TransferState.Executed && role == TransferParty.NewEnvironmentAdministrator)
            {
                var items = await transfers.FollowUpAsync(me.Party, transfer.Id, ct);
                body.Append("<h3>Follow-up checklist</h3><ul class=\"checklist\">");
                foreach (var item in items)
                {
                    var text = E(item.Describe(texts, LanguageOf(context)));
                    body.Append(item.DoneAt is null
                        ? $"<li class=\"open\">{text} {Form(context, $"/office/transfers/{transfer.Id.Value}/follow-up/{item.Position}", string.Empty, "Done", $"tick-{item.Position}")}</li>"
                        : $"<li class=\"done\">{text} (done)</li>");
                }

                body.Append("</ul>");
            }

            body.Append("</section>");
        }

        return Page(office?.Name ?? "Office", body.ToString());
    }

    /// <summary>Which of the three parties the signed-in office user is for this transfer, read from the environments' administrators.</summary>
    private static async Task<TransferParty?> RoleAsync(HttpContext context, SignedIn me, TransferView transfer)
    {
        var registry = context.RequestServices.GetRequiredService<CollabRegistry>();
        if ((await registry.FindEnvironmentAsync(me.Party, transfer.FromEnvironment, context.RequestAborted))?.IsAdministrator(me.User.Id) == true)
        {
            return TransferParty.OldEnvironmentAdministrator;
        }

        return (await registry.FindEnvironmentAsync(me.Party, transfer.ToEnvironment, context.RequestAborted))?.IsAdministrator(me.User.Id) == true
            ? TransferParty.NewEnvironmentAdministrator
            : null;
    }
}
