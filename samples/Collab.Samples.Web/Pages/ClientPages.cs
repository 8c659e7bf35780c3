using System.Text;
using Collab.Lifecycle;
using Collab.Transfers;
using static Collab.Samples.Web.Html;

namespace Collab.Samples.Web;

/// <summary>
/// The client's own pages: its tasks (deliverables to read or approve), the transfers that wait for its consent (XFER-2),
/// and its online subscription with the deletion it schedules when cancelled (ONB-6, RET-2).
/// </summary>
internal static class ClientPages
{
    public static void Map(WebApplication app)
    {
        var client = app.MapGroup("/client").RequireAuthorization();
        client.MapGet("/", Home);
        client.MapGet("/portal", () => Results.Redirect($"/portal/{DemoData.Slug}"));
        client.MapPost("/transfers/{id:guid}/consent", async (HttpContext context, Guid id, TransferService transfers) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            await transfers.ConsentAsync(me.Party, new TransferRequestId(id), TransferParty.Client);
            return Results.Redirect("/client");
        });
        client.MapPost("/subscription/cancel", async (HttpContext context, SubscriptionService lifecycle) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            await lifecycle.CancelSubscriptionAsync(me.Party, me.Client);
            return Results.Redirect("/client");
        });
        client.MapPost("/subscription/reactivate", async (HttpContext context, SubscriptionService lifecycle) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            await lifecycle.ReactivateSubscriptionAsync(me.Party, me.Client);
            return Results.Redirect("/client");
        });
    }

    private static async Task<IResult> Home(HttpContext context, IServiceProvider sp)
    {
        var me = await SignedIn.ClientUserAsync(context);
        var body = new StringBuilder($"<p>Signed in as {E(me.User.Email)}. <a href=\"/client/portal\" id=\"portal\">Your portal</a></p>");
        body.Append(await DeliverablePages.TasksAsync(context, me));

        var open = await sp.GetRequiredService<TransferService>().ListOpenForClientAsync(me.Party, me.Client, context.RequestAborted);
        if (open.Count > 0)
        {
            body.Append("<h2>Moves waiting for your consent</h2>");
            foreach (var transfer in open)
            {
                body.Append($"<p class=\"transfer\">A move of your administrations to another environment, requested {E(transfer.RequestedAt.InUtc().Date)}: {transfer.ConsentCount} of 3 consents.</p>");
                if (transfer.ClientConsentAt is null)
                {
                    body.Append(Form(context, $"/client/transfers/{transfer.Id.Value}/consent", string.Empty, "I consent to this move", "client-consent"));
                }
            }
        }

        var lifecycle = sp.GetRequiredService<SubscriptionService>();
        if (await lifecycle.FindSubscriptionAsync(me.Party, me.Client, context.RequestAborted) is { } subscription)
        {
            body.Append($"<h2>Your subscription</h2><p>Plan {E(subscription.Plan)}, <span class=\"subscription-state\">{E(subscription.State)}</span>");
            if (subscription.DeletionDate is { } day)
            {
                body.Append($", your online administration is deleted on <span class=\"deletion-date\">{E(day)}</span>. Make a full backup before that day");
            }

            body.Append(".</p>");
            body.Append(subscription.State == SubscriptionState.Cancelled
                ? Form(context, "/client/subscription/reactivate", string.Empty, "Reactivate my subscription", "reactivate")
                : Form(context, "/client/subscription/cancel", string.Empty, "Cancel my subscription", "cancel-subscription"));
        }

        return Page("Your tasks", body.ToString());
    }
}
