using System.Security.Claims;
using Collab.Licences;
using Collab.Links;
using Collab.Notifications;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Collab.Samples.Web.Html;

namespace Collab.Samples.Web;

/// <summary>
/// Builds the web sample: the vendor's host with Collab embedded exactly as the README says, demo data, and
/// server-rendered pages for every capability, for the office and for the client. Tests start it on 127.0.0.1 and drive
/// it with a real browser. The pipeline's safety (headers, antiforgery, refusals, logs) is in Hosting/Security.cs.
/// </summary>
public static class SampleWebApp
{
    public static async Task<WebApplication> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Logging.KeepLinkTokensOutOfLogs();
        var dataFolder = builder.Configuration["Sample:DataFolder"] ?? Path.Combine(builder.Environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(dataFolder);
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        var sqliteFile = Path.Combine(dataFolder, "collab-web.db");
        if (string.IsNullOrEmpty(postgres))
        {
            builder.Services.AddDbContext<WebDbContext, SqliteWebDbContext>(o => o.UseSqlite($"Data Source={sqliteFile}").AddInterceptors(SqliteBusyTimeout.Instance));
        }
        else
        {
            // timestamp with time zone and date columns for NodaTime values
            builder.Services.AddDbContext<WebDbContext, PostgresWebDbContext>(o => o.UseNpgsql(postgres, n => n.UseNodaTime()));
        }

        var licenceDesk = DemoLicences.Desk(dataFolder); // the demo's licence issuer; the app trusts its public key (LIC-3)
        builder.Services.AddCollab(builder.Configuration.GetSection("Collab"))
            .AddEntityFrameworkStores<WebDbContext>()
            .AddFileSystemBlobStore(Path.Combine(dataFolder, "blobs"))
            .AddAuthorizationPolicy<OnlyPartnersChangeTiers>() // a vendor's stricter rule (SEC-3); see docs/authorization.md
            .AddInsightSource<DemoBookkeepingSource>() // client insights from the vendor's own data (SHARE-16)
            .AddInsightSource<DemoBankSource>()
            // Every background pass in this host (issue 20); a demo wants its mail at once, so the outbox runs every second.
            .AddBackgroundPasses(o => o.Outbox = TimeSpan.FromSeconds(1));
        builder.Services.Configure<CollabOptions>(o => o.Licences.TrustedKeys.Add(new TrustedLicenceKey { KeyId = licenceDesk.KeyId, PublicKey = licenceDesk.ExportPublicKey() }));
        builder.Services.AddSingleton(licenceDesk);
        var receiptKey = DemoLicences.ReceiptKey(dataFolder); // signs approval receipts (SHARE-18); a real vendor keeps it in a secret store
        builder.Services.Configure<CollabOptions>(o => (o.Receipts.KeyId, o.Receipts.PrivateKey) = ("demo-receipts", receiptKey));
        builder.Services.AddSingleton<IBookkeepingData>(new DemoBooks(Path.Combine(dataFolder, "books"))); // the vendor's books, for backups and deletions
        builder.Services.AddSingleton<DemoShop>(); // an integration partner's app and the bookkeeping's records (LINK)
        builder.Services.AddSingleton<IExternalApp>(sp => sp.GetRequiredService<DemoShop>());
        builder.Services.AddSingleton<IBookkeepingRecords>(sp => sp.GetRequiredService<DemoShop>().Books);
        builder.Services.AddHealthChecks().AddCollabHealthChecks();
        builder.Services.AddSingleton<Mailbox>();
        builder.Services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<Mailbox>());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        builder.Services.AddAuthorization();
        // Every instance of the host reads the others' sign-in cookies and antiforgery tokens: the keys live in the
        // shared data folder (a vendor's farm keeps them in its own key store).
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys"))).SetApplicationName("Collab.Samples.Web");
        builder.Services.AddAntiforgery(o => o.Cookie.SameSite = SameSiteMode.Strict);
        builder.Services.AddHttpContextAccessor(); // the pages speak the reader's language (TXT-1)
        builder.Services.AddExceptionHandler<RefusalHandler>();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        Html.Contexts = app.Services.GetRequiredService<IHttpContextAccessor>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The provider's migrations (Migrations/Sqlite or Migrations/Postgres) create or upgrade every table,
            // Collab's included; the schema check then refuses to start on a database the code does not match.
            var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging: readers no longer wait for a writer and a commit appends to one file. It is a
                // property of the database file, so setting it once at start-up is enough (benchmarks/README.md, load test).
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            await CollabDatabase.VerifySchemaAsync(db);
            await CollabDatabase.ChainExistingAuditRowsAsync(db); // AUD-2: hashes the audit rows an upgrade from version 4 brought
            if (!await db.Set<Office>().AnyAsync())
            {
                await DemoData.SeedAsync(scope.ServiceProvider); // seeded once, when empty: a restart keeps what people did
            }
        }

        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.MapHealthChecks("/health"); // the orchestrator's probe: schema, outbox, passes
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgeryOnEveryWrite();
        app.UseAntiforgery();
        Map(app);
        return app;
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext context) => Page("Collab web sample", $"""
            <div class="demo" role="note"><p><strong>Demo sign-in.</strong> This stands in for the vendor's own identity provider: anyone may pick a demo user. Never ship it.</p></div>
            <h2>Sign in as a demo user</h2>
            {Form(context, "/login", """<input type="hidden" name="email" value="anna@devries.nl">""", "Anna — office De Vries", "login-anna")}
            {Form(context, "/login", """<input type="hidden" name="email" value="beheer@kantoor-oud.nl">""", "Beheer — Kantoor Oud (the old environment)", "login-oud")}
            {Form(context, "/login", """<input type="hidden" name="email" value="piet@bakkerij-bakker.nl">""", "Piet — client Bakkerij Bakker (Extended)", "login-piet")}
            {Form(context, "/login", """<input type="hidden" name="email" value="kees@groenteboer-visser.nl">""", "Kees — client Groenteboer Visser (Collaborate)", "login-kees")}
            {Form(context, "/login", $"""<input type="hidden" name="email" value="{DemoData.OnlineClientEmail}">""", "Wim — client Webwinkel Wim (online subscription)", "login-wim")}
            {Form(context, "/login", $"""<input type="hidden" name="email" value="{DemoData.StandardClientEmail}">""", "Jan — client Slagerij Smit (Standard)", "login-jan")}
            <p>The client of Slagerij Smit (Standard) gets one-time links by e-mail: sign in as Jan and open your mailbox. Each user sees only the mail sent to them.</p>
            """));

        app.MapPost("/login", async (HttpContext context, [FromForm] string email, IServiceProvider sp) =>
        {
            // The demo's sign-in stands in for the vendor's identity provider, which is platform code: it may look users up.
            var signIn = sp.GetRequiredService<Collab.Authorization.CollabPlatform>().Operator("demo-sign-in");
            var user = await sp.GetRequiredService<CollabRegistry>().FindUserByEmailAsync(signIn, email, context.RequestAborted);
            if (user is not { IsActive: true })
            {
                return Failure(context, 404, "unknown-user", "No such demo user.");
            }

            var identity = new ClaimsIdentity(
                [new Claim(SignedIn.UserClaim, user.Id.Value.ToString()), new Claim(SignedIn.KindClaim, user.Kind == UserKind.OfficeUser ? SignedIn.OfficeKind : "client")],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(new ClaimsPrincipal(identity));
            return Results.Redirect(user.Kind == UserKind.OfficeUser ? "/office" : "/client");
        });

        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync();
            return Results.Redirect("/");
        });

        // The demo's stand-in for each user's own e-mail: a one-time link in a mail is a credential (SHARE-1), so the page
        // needs a sign-in and shows only the mail sent to the signed-in user, never anyone else's links.
        app.MapGet("/mailbox", async (HttpContext context, Mailbox mailbox) =>
        {
            var me = await SignedIn.OfAsync(context);
            var mine = mailbox.Messages.Reverse().Where(n => string.Equals(n.Recipient, me.User.Email, StringComparison.OrdinalIgnoreCase));
            return Page("Mailbox", $"<p class=\"mailbox-owner\">Mail sent to {E(me.User.Email)}.</p>" + Table(["to", "kind", "message", "link"],
                mine.Select(n => new[]
                {
                    E(n.Recipient), E(n.Kind), E(n.Text),
                    n.Kind == NotificationKind.DeliverableReady && n.Reference is { } token ? $"<a class=\"one-time-link\" href=\"/link/{Uri.EscapeDataString(token)}\">open the report</a>" : string.Empty,
                })));
        });

        app.MapGet("/blobs/logos/{name}", async (string name, IBlobStore blobs, CancellationToken ct) =>
            await blobs.OpenReadAsync($"logos/{name}", ct) is { } stream ? Results.Stream(stream, "image/svg+xml") : Results.NotFound());

        OfficePages.Map(app);
        ClientPages.Map(app);
        DeliverablePages.Map(app);
        ReceiptPages.Map(app);
        AdministrationPages.Map(app);
        IntegrationPages.Map(app);
        PortalPages.Map(app);
    }
}
