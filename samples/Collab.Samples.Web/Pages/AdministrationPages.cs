using System.Text;
using Collab.Backups;
using Collab.Licences;
using Collab.Lifecycle;
using Collab.Registry;
using Collab.Rights;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using static Collab.Samples.Web.Html;

namespace Collab.Samples.Web;

/// <summary>
/// The office's administrations: registering a new client (ONB-1), setting one up under the office licence and
/// importing the client's licence in two steps (LIC-1 … LIC-3), backups and restores (LIC-4 … LIC-7, ONB-5), and the
/// deletion schedule with legal holds (ONB-6, RET-2).
/// </summary>
internal static class AdministrationPages
{
    public static void Map(WebApplication app)
    {
        var office = app.MapGroup("/office").RequireAuthorization();
        office.MapGet("/clients/new", RegisterForm);
        office.MapPost("/clients", async (HttpContext context, [FromForm] string clientName, [FromForm] string companyName, [FromForm] string email, [FromForm] string plan,
            [FromForm] string billing, [FromForm] int number, ClientRegistrationService lifecycle) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var registration = ClientRegistration.WithNewAdministration(clientName, companyName, email, plan, Enum.Parse<BillingParty>(billing, ignoreCase: true),
                AdministrationNumber.From(number), $"{companyName} {DateTime.UtcNow.Year}");
            var result = await lifecycle.RegisterClientAsync(me.Party, me.Office, registration);
            return Page("Client registered", $"""
                <p class="registered">{E(clientName)} is registered on plan {E(result.Subscription.Plan)}, free through <span class="free-through">{E(result.Subscription.FreeThrough)}</span>,
                with administration {E(result.Administration.Number)} in your list. {E(result.ClientUser.Email)} was invited.</p>
                <p><a href="/office/administrations">Your administrations</a></p>
                """);
        });

        office.MapGet("/administrations", List);
        office.MapPost("/administrations", async (HttpContext context, [FromForm] Guid company, [FromForm] int number, [FromForm] string name, LicenceService licences) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            await licences.SetUpClientAdministrationAsync(me.Party, me.Office, new CompanyId(company), AdministrationNumber.From(number), name);
            return Results.Redirect("/office/administrations");
        });
        office.MapGet("/administrations/{id:guid}/demo-licence", async (HttpContext context, Guid id, CollabRegistry registry, LicenceSigner desk, IClock clock) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var administration = await registry.FindAdministrationAsync(me.Party, new AdministrationId(id)) ?? throw new BadHttpRequestException("Unknown administration.", 404);
            var client = await registry.FindClientAsync(me.Party, administration.ClientId);
            var file = DemoLicences.For(desk, administration.ClientId, client?.Name ?? "client", administration.Number, clock.GetCurrentInstant().InUtc().Date);
            return Results.File(file, "text/plain", $"licence-{administration.Number.Value}.lic");
        });
        office.MapPost("/administrations/{id:guid}/licence", async (HttpContext context, Guid id, IFormFile file, LicenceImportService licences) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var bytes = await ReadAsync(file);
            var review = await licences.ReadClientLicenceAsync(me.Party, new AdministrationId(id), bytes); // step one: read and show, change nothing (LIC-3)
            var content = review.Licence.Content;
            return Page("Review the client's licence", $"""
                <dl class="licence">
                  <dt>Licensee</dt><dd class="licensee">{E(content.LicenseeName)}</dd>
                  <dt>Modules</dt><dd>{E(string.Join(", ", content.Modules))}</dd>
                  <dt>Valid</dt><dd>{E(content.ValidFrom)} through {E(content.ValidUntil)}</dd>
                  <dt>Administrations</dt><dd>{E(string.Join(", ", content.Administrations))}</dd>
                </dl>
                {Form(context, $"/office/administrations/{id}/licence/confirm", $"""
                    <input type="hidden" name="fingerprint" value="{E(review.Licence.Fingerprint)}">
                    <input type="hidden" name="file" value="{E(Convert.ToBase64String(bytes))}">
                    <label>E-mail of the client user (created when new) <input type="email" name="email" required></label>
                    """, "Confirm the import", "confirm-licence")}
                <p><a href="/office/administrations">Cancel</a></p>
                """);
        });
        office.MapPost("/administrations/{id:guid}/licence/confirm", async (HttpContext context, Guid id, [FromForm] string fingerprint, [FromForm] string file, [FromForm] string email,
            LicenceImportService licences, CollabRegistry registry) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var signIn = context.RequestServices.GetRequiredService<Collab.Authorization.CollabPlatform>().Operator("demo-user-lookup");
            var existing = await registry.FindUserByEmailAsync(signIn, email, context.RequestAborted);
            var user = existing is null ? ImportUser.CreateUser(email) : ImportUser.ExistingUser(existing.Id);
            await licences.ImportClientLicenceAsync(me.Party, new AdministrationId(id), Convert.FromBase64String(file), fingerprint, user); // step two: the reviewed file only
            return Results.Redirect("/office/administrations");
        });
        office.MapPost("/administrations/{id:guid}/backups", async (HttpContext context, Guid id, BackupService backups) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            await backups.MakeBackupAsync(me.Party, new AdministrationId(id));
            return Results.Redirect("/office/administrations");
        });
        office.MapPost("/administrations/{id:guid}/stop", async (HttpContext context, Guid id, BackupService backups) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            var backup = await backups.StopCollaborationAsync(me.Party, me.Office, new AdministrationId(id));
            // ONB-5: the online administration is released; the office keeps the backup and can restore it into its list.
            return Page("Collaboration stopped", $"""
                <p class="stopped">Administration {E(backup.AdministrationNumber)} {E(backup.AdministrationName)} is released. Your backup was made {E(backup.MadeAt)} and carries the {E(backup.Licence)} licence.</p>
                {Form(context, $"/office/backups/{backup.Id.Value}/restore", string.Empty, "Restore it into my list", "restore-released")}
                <p><a href="/office/administrations">Your administrations</a></p>
                """);
        });
        office.MapPost("/backups/{id:guid}/restore", async (HttpContext context, Guid id, BackupRestoreService backups) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            await backups.RestoreAsync(me.Party, new BackupId(id), RestoreTarget.IntoOfficeList(me.Office));
            return Results.Redirect("/office/administrations");
        });
        office.MapPost("/administrations/{id:guid}/hold", async (HttpContext context, Guid id, [FromForm] string reason, RetentionService retention) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            await retention.PlaceLegalHoldAsync(me.Party, new AdministrationId(id), reason);
            return Results.Redirect("/office/administrations");
        });
        office.MapPost("/administrations/{id:guid}/hold/lift", async (HttpContext context, Guid id, RetentionService retention) =>
        {
            var me = await SignedIn.OfficeUserAsync(context);
            await retention.LiftLegalHoldAsync(me.Party, new AdministrationId(id));
            return Results.Redirect("/office/administrations");
        });
    }

    private static async Task<IResult> RegisterForm(HttpContext context, IServiceProvider sp)
    {
        await SignedIn.OfficeUserAsync(context);
        var plans = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CollabOptions>>().Value.Lifecycle.Plans;
        return Page("Register a client", $"""
            <p>For clients that are not customers yet (ONB-2): an existing customer grants your office rights instead. The first calendar month is free.</p>
            {Form(context, "/office/clients", $"""
                <label>Client <input name="clientName" required></label>
                <label>Company <input name="companyName" required></label>
                <label>Client's e-mail <input type="email" name="email" required></label>
                <label>Plan <select name="plan">{string.Join(string.Empty, plans.Select(p => $"<option>{E(p)}</option>"))}</select></label>
                <label>Billed to <select name="billing"><option value="Client">the client</option><option value="Office">the office</option></select></label>
                <label>New administration number <input type="number" name="number" min="1" required></label>
                """, "Register", "register")}
            """);
    }

    private static async Task<IResult> List(HttpContext context, IServiceProvider sp)
    {
        var me = await SignedIn.OfficeUserAsync(context);
        var ct = context.RequestAborted;
        var administrations = await sp.GetRequiredService<AccessService>().ListAsync(me.Party, ct);
        var backups = sp.GetRequiredService<BackupService>();
        var retention = sp.GetRequiredService<RetentionService>();
        var body = new StringBuilder("<p>Every administration your office holds or was granted rights to (SEC-1).</p>");
        foreach (var a in administrations.OrderBy(a => a.Number.Value))
        {
            body.Append($"<section class=\"administration\" aria-labelledby=\"adm-{a.Number.Value}\"><h2 id=\"adm-{a.Number.Value}\">{E(a.Number)} {E(a.Name)}</h2>");
            body.Append($"<p>State <span class=\"administration-state\">{E(a.State)}</span>, licence <span class=\"licence-source\">{E(a.Licence)}</span>{(a.LegalHold is { } hold ? $", <span class=\"legal-hold\">legal hold: {E(hold)}</span>" : string.Empty)}.</p>");
            if (a.Licence == LicenceSource.Office)
            {
                body.Append($"<p><a class=\"demo-licence\" href=\"/office/administrations/{a.Id.Value}/demo-licence\">Download a demo licence file for this client</a></p>");
                body.Append(Form(context, $"/office/administrations/{a.Id.Value}/licence", """<label>The client's licence file <input type="file" name="file" required></label>""", "Read the licence", "read-licence", files: true));
            }

            body.Append(Form(context, $"/office/administrations/{a.Id.Value}/backups", string.Empty, "Make a backup", "backup"));
            body.Append(Form(context, $"/office/administrations/{a.Id.Value}/stop", string.Empty, "Stop collaborating (backup, then release)", "stop"));
            var made = await backups.ListAsync(me.Party, a.Id, ct);
            if (made.Count > 0)
            {
                body.Append(Table(["backup", "made", "purpose", "licence", string.Empty], made.Select(b => new[]
                {
                    E(b.AdministrationNumber), E(b.MadeAt), E(b.Purpose), E(b.Licence), Form(context, $"/office/backups/{b.Id.Value}/restore", string.Empty, "Restore into my list", "restore"),
                }), "backups"));
            }

            var deletions = await retention.ListDeletionsAsync(me.Party, a.Id, ct);
            if (deletions.Count > 0)
            {
                body.Append("<h3>Deletion schedule</h3>").Append(Table(["delete on", "state", "warnings (days before)", "blocked because", "policy"], deletions.Select(d => new[]
                {
                    $"<span class=\"delete-on\">{E(d.DeleteOn)}</span>", $"<span class=\"deletion-state\">{E(d.State)}</span>", E(d.WarningDays), E(d.BlockedReason), E(d.Policy),
                }), "deletions"));
            }

            body.Append(!a.UnderLegalHold
                ? Form(context, $"/office/administrations/{a.Id.Value}/hold", """<label>Reason for a legal hold <input name="reason" required></label>""", "Place a legal hold", "hold")
                : Form(context, $"/office/administrations/{a.Id.Value}/hold/lift", string.Empty, "Lift the legal hold", "lift-hold"));
            body.Append("</section>");
        }

        body.Append("<h2>Set up an administration under your licence</h2>").Append(Form(context, "/office/administrations", $"""
            <label>Company <select name="company">{await PortalPages.CompanyOptionsAsync(context, me)}</select></label>
            <label>Number <input type="number" name="number" min="1" required></label>
            <label>Name <input name="name" value="Sjabloon" required></label>
            """, "Set up", "set-up"));
        return Page("Administrations", body.ToString());
    }

    private static async Task<byte[]> ReadAsync(IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
