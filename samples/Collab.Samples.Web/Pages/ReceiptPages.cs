using Collab.Evidence;
using static Collab.Samples.Web.Html;

namespace Collab.Samples.Web;

/// <summary>
/// Receipts (SHARE-18): after deciding, a client sees its signed receipt and can save it; the office downloads a
/// deliverable's receipts. Both read through <see cref="EvidenceService"/>, which checks who asks (SEC-3).
/// </summary>
internal static class ReceiptPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/client/deliverables/{id:guid}/receipt", async (HttpContext context, Guid id, EvidenceService evidence) =>
        {
            var me = await SignedIn.ClientUserAsync(context);
            var receipt = (await evidence.ListReceiptsAsync(me.Party, new DeliverableId(id))).LastOrDefault();
            var en = LanguageOf(context).TwoLetterISOLanguageName == "en";
            if (receipt is null)
            {
                return Page(en ? "Receipt" : "Ontvangstbewijs", en ? "<p>There is no receipt yet.</p>" : "<p>Er is nog geen ontvangstbewijs.</p>");
            }

            return Page(en ? "Your receipt" : "Uw ontvangstbewijs", $"""
                <p>{(en ? "Your decision is recorded and signed. Keep this receipt: anyone can check it with <code>collab-verify</code>, without us."
                        : "Uw beslissing is vastgelegd en ondertekend. Bewaar dit ontvangstbewijs: iedereen kan het controleren met <code>collab-verify</code>, zonder ons.")}</p>
                <p><a class="receipt-download" href="/client/deliverables/{id}/receipt.json" download>{(en ? "Download receipt" : "Ontvangstbewijs downloaden")}</a></p>
                <pre class="receipt">{E(receipt.Json)}</pre>
                """);
        }).RequireAuthorization();

        app.MapGet("/client/deliverables/{id:guid}/receipt.json", async (HttpContext context, Guid id, EvidenceService evidence) =>
            Download((await evidence.ListReceiptsAsync((await SignedIn.ClientUserAsync(context)).Party, new DeliverableId(id))).LastOrDefault())).RequireAuthorization();

        app.MapGet("/office/deliverables/{id:guid}/receipt.json", async (HttpContext context, Guid id, EvidenceService evidence) =>
            Download((await evidence.ListReceiptsAsync((await SignedIn.OfficeUserAsync(context)).Party, new DeliverableId(id))).LastOrDefault())).RequireAuthorization();
    }

    private static IResult Download(ReceiptView? receipt) => receipt is null
        ? Results.NotFound()
        : Results.File(System.Text.Encoding.UTF8.GetBytes(receipt.Json), "application/json", $"ontvangstbewijs-{receipt.Deliverable.Value}-r{receipt.Revision}.json");
}
