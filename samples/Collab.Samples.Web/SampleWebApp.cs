using System.Security.Claims;
using System.Text;
using Collab.Notifications;
using Collab.Persistence.EfCore;
using Collab.Portal;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Storage;
using Collab.Tiers;
using Collab.Transfers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static Collab.Samples.Web.Html;

namespace Collab.Samples.Web;

/// <summary>
/// Builds the web sample: the vendor's host with Collab embedded exactly as the README says, demo data, and a few
/// server-rendered pages for the office and the client. Tests start it on 127.0.0.1 and drive it with a real browser.
/// </summary>
public static class SampleWebApp
{
    internal const string UserClaim = "collab-user";

    public static async Task<WebApplication> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var dataFolder = builder.Configuration["Sample:DataFolder"] ?? Path.Combine(builder.Environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(dataFolder);
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        var sqliteFile = Path.Combine(dataFolder, "collab-web.db");
        if (string.IsNullOrEmpty(postgres))
        {
            builder.Services.AddDbContext<WebDbContext, SqliteWebDbContext>(o => o.UseSqlite($"Data Source={sqliteFile}"));
        }
        else
        {
            // timestamp with time zone and date columns for NodaTime values
            builder.Services.AddDbContext<WebDbContext, PostgresWebDbContext>(o => o.UseNpgsql(postgres, n => n.UseNodaTime()));
        }

        builder.Services.AddCollab(builder.Configuration.GetSection("Collab"))
            .AddEntityFrameworkStores<WebDbContext>()
            .AddFileSystemBlobStore(Path.Combine(dataFolder, "blobs"))
            .AddAuthorizationPolicy<OnlyPartnersChangeTiers>() // a vendor's stricter rule (SEC-3); see docs/authorization.md
            .AddInsightSource<DemoBookkeepingSource>() // client insights from the vendor's own data (SHARE-16)
            .AddInsightSource<DemoBankSource>()
            // Every background pass in this host (issue 20); a demo wants its mail at once, so the outbox runs every second.
            .AddBackgroundPasses(o => o.Outbox = TimeSpan.FromSeconds(1));
        builder.Services.AddHealthChecks().AddCollabHealthChecks();
        builder.Services.AddSingleton<Mailbox>();
        builder.Services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<Mailbox>());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/");
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery();
        builder.Services.AddHttpContextAccessor(); // the refusal page speaks the reader's language (TXT-1)

        var app = builder.Build();
        Html.Contexts = app.Services.GetRequiredService<IHttpContextAccessor>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
            if (string.IsNullOrEmpty(postgres))
            {
                await db.Database.EnsureDeletedAsync(); // the demo's own SQLite file: every start begins from the same story
            }

            // The provider's migrations (Migrations/Sqlite or Migrations/Postgres) create or upgrade every table,
            // Collab's included; the schema check then refuses to start on a database the code does not match.
            await db.Database.MigrateAsync();
            await CollabDatabase.VerifySchemaAsync(db);
            if (!await db.Set<Office>().AnyAsync())
            {
                await DemoData.SeedAsync(scope.ServiceProvider); // a PostgreSQL database is never dropped: seeded once, when empty
            }
        }

        app.MapHealthChecks("/health"); // the orchestrator's probe: schema, outbox, passes
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        Map(app);
        return app;
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext context) => Page("Collab web sample", $"""
            <p>Sign in as one of the demo users.</p>
            {Form(context, "/login", """<input type="hidden" name="email" value="anna@devries.nl">""", "Anna — office De Vries", "login-anna")}
            {Form(context, "/login", """<input type="hidden" name="email" value="piet@bakkerij-bakker.nl">""", "Piet — client Bakkerij Bakker (Extended)", "login-piet")}
            {Form(context, "/login", """<input type="hidden" name="email" value="kees@groenteboer-visser.nl">""", "Kees — client Groenteboer Visser (Collaborate)", "login-kees")}
            <p>The client of Slagerij Smit (Standard) gets one-time links by e-mail: see the <a href="/mailbox">mailbox</a>.</p>
            """));

        app.MapPost("/login", async (HttpContext context, [FromForm] string email, IServiceProvider sp) =>
        {
            // The demo's sign-in stands in for the vendor's identity provider, which is platform code: it may look users up.
            var signIn = sp.GetRequiredService<Collab.Authorization.CollabPlatform>().Operator("demo-sign-in");
            var user = await sp.GetRequiredService<CollabRegistry>().FindUserByEmailAsync(signIn, email, context.RequestAborted);
            if (user is null)
            {
                return Page("Unknown user", "<p class=\"refusal\">No such demo user.</p>", status: 404);
            }

            var identity = new ClaimsIdentity([new Claim(UserClaim, user.Id.Value.ToString())], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(new ClaimsPrincipal(identity));
            // Extended clients have the permanent portal (SHARE-6); the others work from their tasks.
            return Results.Redirect(user.Kind == UserKind.OfficeUser ? "/office" : email == DemoData.ExtendedClientEmail ? $"/portal/{DemoData.Slug}" : "/client");
        });

        app.MapGet("/mailbox", (Mailbox mailbox) => Page("Mailbox", Table(["to", "kind", "message", "link"],
            mailbox.Messages.Reverse().Select(n => new[]
            {
                E(n.Recipient), E(n.Kind), E(n.Text),
                n.Kind == NotificationKind.ReportReady && n.Reference is { } token ? $"<a class=\"one-time-link\" href=\"/link/{Uri.EscapeDataString(token)}\">open the report</a>" : string.Empty,
            }))));

        app.MapGet("/blobs/logos/{name}", async (string name, IBlobStore blobs, CancellationToken ct) =>
            await blobs.OpenReadAsync($"logos/{name}", ct) is { } stream ? Results.Stream(stream, "image/svg+xml") : Results.NotFound());

        MapOffice(app);
        MapLinks(app);
        MapPortal(app);
        DeliverablePages.Map(app);
    }

    private static void MapOffice(WebApplication app)
    {
        var office = app.MapGroup("/office").RequireAuthorization();
        office.MapGet("/", async (HttpContext context, IServiceProvider sp) =>
        {
            var user = await CurrentUserAsync(context, sp);
            var me = ActingParty.User(user.Id);
            var officeId = user.OfficeId!.Value;
            var ct = context.RequestAborted;
            var reports = await sp.GetRequiredService<DeliverableService>().ListForOfficeAsync(me, officeId, cancellationToken: ct);
            var registry = sp.GetRequiredService<CollabRegistry>();
            var companies = new List<(CompanyId Id, string Name, ClientTier Tier)>();
            foreach (var collaboration in await sp.GetRequiredService<TierService>().ListCollaborationsAsync(me, officeId, ct))
            {
                companies.AddRange((await registry.ListCompaniesAsync(me, collaboration.ClientId, ct)).Select(c => (c.Id, c.Name, collaboration.Tier)));
            }

            var transfers = await sp.GetRequiredService<TransferService>().ListForOfficeAsync(me, officeId, ct);
            var body = new StringBuilder($"<p>Signed in as {E(user.Email)}. <a href=\"/office/overview\" id=\"overview\">Office overview</a></p><h2>Annual reports and tax returns</h2>");
            body.Append(Table(["title", "company", "state", "mode", "deadline", "documents"], reports.OrderBy(r => r.Title).Select(r => new[]
            {
                E(r.Title), E(companies.FirstOrDefault(c => c.Id == r.CompanyId).Name), $"<span class=\"report-state\">{E(r.State)}</span>", E(r.Mode), E(r.Deadline),
                string.Join(" ", r.Documents.Select(d => $"<a href=\"/office/deliverables/{r.Id.Value}/documents/{d.Id.Value}\">{E(d.FileName)}</a>")),
            })));
            var options = string.Join(string.Empty, companies.Select(c => $"<option value=\"{c.Id.Value}\">{E(c.Name)} ({E(c.Tier)})</option>"));
            var deadline = sp.GetRequiredService<IClock>().GetCurrentInstant().InUtc().Date.PlusDays(14);
            body.Append("<h2>Share an annual report or a tax return</h2>").Append(DeliverablePages.ShareForm(context, options, deadline));
            body.Append("<h2>Transfers</h2>");
            foreach (var transfer in transfers)
            {
                body.Append($"<p class=\"transfer\">Client {E(transfer.ClientEmail)} — state <span class=\"transfer-state\">{E(transfer.State)}</span>, {transfer.ConsentCount} of 3 consents.</p>");
                if (transfer.State == TransferState.AwaitingConsents)
                {
                    body.Append(Form(context, $"/office/transfers/{transfer.Id.Value}/consent", string.Empty, "Consent as the new environment's administrator", "consent"));
                }
                else if (transfer.State == TransferState.Approved)
                {
                    body.Append(Form(context, $"/office/transfers/{transfer.Id.Value}/execute", string.Empty, "Execute the transfer", "execute"));
                }
                else if (transfer.State == TransferState.Executed)
                {
                    var items = await sp.GetRequiredService<TransferService>().FollowUpAsync(me, transfer.Id, ct);
                    body.Append("<h3>Follow-up checklist</h3><ul class=\"checklist\">")
                        .AppendJoin(string.Empty, items.Select(i => $"<li>{E(i.Describe(sp.GetRequiredService<Collab.Texts.CollabTexts>(), LanguageOf(context)))}</li>")).Append("</ul>");
                }
            }

            return Page("Office De Vries", body.ToString());
        });

        office.MapPost("/transfers/{id:guid}/consent", (HttpContext context, Guid id, IServiceProvider sp) => Guarded(async () =>
        {
            var user = await CurrentUserAsync(context, sp);
            await sp.GetRequiredService<TransferService>().ConsentAsync(ActingParty.User(user.Id), new TransferRequestId(id), TransferParty.NewEnvironmentAdministrator);
            return Results.Redirect("/office");
        }));

        office.MapPost("/transfers/{id:guid}/execute", (HttpContext context, Guid id, IServiceProvider sp) => Guarded(async () =>
        {
            var user = await CurrentUserAsync(context, sp);
            await sp.GetRequiredService<TransferService>().ExecuteAsync(ActingParty.User(user.Id), new TransferRequestId(id), BillingParty.Client);
            return Results.Redirect("/office");
        }));
    }

    private static void MapLinks(WebApplication app)
    {
        // Opening is not spending (SHARE-12): the landing page shows what the link is for, and only the client's
        // deliberate confirmation spends it.
        app.MapGet("/link/{token}", (HttpContext context, string token, DeliverableService reports) => Guarded(async () =>
        {
            var landing = await reports.OpenLinkAsync(token);
            return Page("Your report is ready", $"""
                <p>Report <strong class="report-title">{E(landing.Title)}</strong>. This link works once, until {E(landing.ExpiresAt)}.</p>
                {Form(context, $"/link/{Uri.EscapeDataString(token)}/confirm", string.Empty, "Open the report", "confirm")}
                """);
        }));

        app.MapPost("/link/{token}/confirm", (HttpContext context, string token, DeliverableService reports, IServiceProvider sp) => Guarded(async () =>
        {
            var view = await reports.ConfirmViewAsync(token);
            return Page(view.Deliverable.Title, DeliverablePages.LinkView(context, view));
        }));
    }

    private static void MapPortal(WebApplication app)
    {
        var portal = app.MapGroup("/portal/{slug}").RequireAuthorization();
        portal.MapGet("/", async (HttpContext context, string slug, IServiceProvider sp) =>
        {
            var user = await CurrentUserAsync(context, sp);
            var portalService = sp.GetRequiredService<PortalService>();
            var owner = await portalService.FindBySlugAsync(slug) ?? throw new BadHttpRequestException("Unknown portal.", 404);
            var me = ActingParty.User(user.Id);
            var style = await portalService.HouseStyleForClientAsync(me, owner.OfficeId, user.ClientId!.Value);
            var page = await portalService.HistoryAsync(me, null, 50);
            var companyNames = (await sp.GetRequiredService<CollabRegistry>().ListCompaniesAsync(me, user.ClientId!.Value, context.RequestAborted)).ToDictionary(c => c.Id, c => c.Name);
            var rows = page.Items.Select(i => new[]
            {
                E(i.Kind), $"<span class=\"item-title\">{E(i.Title)}</span>", E(companyNames.GetValueOrDefault(i.CompanyId)), $"<span class=\"item-status\">{E(i.Status)}</span>",
                i.Deadline is { } d ? $"<span class=\"deadline\">approve by {d:yyyy-MM-dd}</span>" : string.Empty,
                i.Kind == PortalItemKind.Deliverable && i.OpenAction ? Form(context, $"/portal/{slug}/reports/{i.Id}/approve", string.Empty, "Approve", "approve") : string.Empty,
            });
            return Page($"Portal of {style?.Slug ?? slug}", $"""
                <p class="welcome">{E(style?.WelcomeTextFor(LanguageOf(context)))}</p>
                <p>Signed in as {E(user.Email)}: everything of every company you may reach. <a href="/client" id="tasks">Your tasks</a> · <a href="/portal/{E(slug)}/insights" id="insights">Insights</a></p>
                {Table(["kind", "title", "company", "status", "deadline", string.Empty], rows)}
                """, style);
        });

        portal.MapPost("/reports/{id:guid}/approve", (HttpContext context, string slug, Guid id, IServiceProvider sp) => Guarded(async () =>
        {
            var user = await CurrentUserAsync(context, sp);
            await sp.GetRequiredService<DeliverableService>().ApproveAsync(ActingParty.User(user.Id), new DeliverableId(id));
            return Results.Redirect($"/portal/{slug}");
        }));
    }

    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (CollabRefusalException refusal)
        {
            return Refusal(refusal);
        }
    }

    private static async Task<CollabUser> CurrentUserAsync(HttpContext context, IServiceProvider sp)
    {
        var id = Guid.Parse(context.User.FindFirstValue(UserClaim) ?? throw new BadHttpRequestException("Sign in first.", 401));
        return await sp.GetRequiredService<CollabRegistry>().FindUserAsync(ActingParty.User(new UserId(id)), new UserId(id), context.RequestAborted)
               ?? throw new BadHttpRequestException("Unknown user.", 401);
    }
}
