// A vendor's smallest real use of the Collab packages: its own DbContext on SQLite, AddCollab, and one action
// of each capability that has landed. Exits non-zero on the first thing that does not work.
using Collab;
using Collab.Authorization;
using System.Security.Cryptography;
using Collab.Licences;
using Collab.Lifecycle;
using Collab.Links;
using Collab.Notifications;
using Collab.Portal;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Mail;
using Collab.Rights;
using Collab.Tiers;
using Collab.Transfers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

var file = Path.Combine(Path.GetTempPath(), $"collab-consumer-{Guid.NewGuid():N}.db");
var services = new ServiceCollection();
services.AddDbContext<ConsumerDbContext>(o => o.UseSqlite($"Data Source={file}"));
// Every approval and rejection is signed (SHARE-18): a vendor keeps its receipt key in its secrets; here one is made for the run.
using var receiptKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
services.AddCollab(o => (o.Receipts.KeyId, o.Receipts.PrivateKey) = ("consumer-receipts", receiptKey.ExportPkcs8PrivateKeyPem()))
    .AddEntityFrameworkStores<ConsumerDbContext>();
services.AddSingleton<INotificationSender, CountingSender>();
await using var provider = services.BuildServiceProvider(validateScopes: true);
await using var scope = provider.CreateAsyncScope();
var sp = scope.ServiceProvider;
await CollabDatabase.EnsureCreatedAsync(sp.GetRequiredService<ConsumerDbContext>());

var actor = sp.GetRequiredService<CollabPlatform>().Operator("consumer"); // provisioning; every other call names a user (SEC-3)
var registry = sp.GetRequiredService<CollabRegistry>();
var office = await registry.RegisterOfficeAsync(actor, "Kantoor");
var newOffice = await registry.RegisterOfficeAsync(actor, "Kantoor Nieuw");
var client = await registry.RegisterClientAsync(actor, "Klant");
var company = await registry.AddCompanyAsync(actor, client.Id, "Klant B.V.");
var admin = await registry.CreateOfficeUserAsync(actor, office.Id, "beheer@kantoor.nl");
var newAdmin = await registry.CreateOfficeUserAsync(actor, newOffice.Id, "beheer@nieuw.nl");
var oldEnvironment = await registry.CreateEnvironmentAsync(actor, office.Id, "Oud", [admin.Id]);
var newEnvironment = await registry.CreateEnvironmentAsync(actor, newOffice.Id, "Nieuw", [newAdmin.Id]);
var administration = await registry.CreateAdministrationAsync(actor, company.Id, AdministrationNumber.From(7), "Boeken", environment: oldEnvironment.Id);
var user = await registry.CreateClientUserAsync(actor, client.Id, "klant@klant.nl", [company.Id]);

// Rights (ONB-3, SEC-1)
await sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(user.Id), office.Id, administration.Id, GrantChannel.Web);
var desk = ActingParty.User(admin.Id);
Require(await sp.GetRequiredService<AccessService>().MayAccessAsync(desk, administration.Id), "granted office has access");

// Tiers (TIER-4, TIER-6, TIER-7)
var tiers = sp.GetRequiredService<TierService>();
await tiers.StartCollaborationAsync(actor, office.Id, client.Id, ClientTier.Standard, new LocalDate(2026, 1, 1));
await tiers.ChangeTierAsync(desk, office.Id, client.Id, ClientTier.CollaborateExtended);
Require(sp.GetRequiredService<TierCatalogue>().FeaturesOf(ClientTier.CollaborateExtended).Contains(Feature.DocumentExchange), "feature check");
// The statement comes from the history (TIER-7): the collaboration took effect now, so this month bills its highest tier.
var thisMonth = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Date.ToYearMonth();
var statement = await sp.GetRequiredService<BillingService>().MonthlyStatementAsync(desk, office.Id, thisMonth);
Require(statement.Total == 1.65m, "statement total");

// Deliverables (SHARE-1, SHARE-12, SHARE-13): the Extended client gets an approval task; approve it
var authoring = sp.GetRequiredService<DeliverableAuthoring>();
var sharing = sp.GetRequiredService<DeliverableSharing>();
var draft = await authoring.DraftAsync(desk, office.Id, company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025));
var shared = await sharing.ShareAsync(desk, draft.Id, new LocalDate(2099, 6, 30));
try
{
    await sharing.ShareAsync(ActingParty.User(newAdmin.Id), draft.Id, new LocalDate(2099, 6, 30)); // another office's user
    Require(false, "another office's user is refused");
}
catch (CollabRefusalException refusal) when (refusal.Code == CollabAuthorization.RefusedCode)
{
}

Require(shared.Mode == ShareMode.Approval, "approval task for an Extended client");
var approved = await sharing.ApproveAsync(ActingParty.User(user.Id), draft.Id); // the client's own view of it (SEC-6)
Require(approved.State == DeliverableState.Approved, "approval");
Require(approved.ApprovedRevisions.Count == 1 && approved.ApprovedRevisions[0].Revision == 1, "an Extended client keeps the approved revision in its history (SHARE-5)");

// Transfers (XFER-1..4) and the outbox
var transfers = sp.GetRequiredService<TransferService>();
var request = await transfers.RequestAsync(ActingParty.User(newAdmin.Id), oldEnvironment.Id, newEnvironment.Id, [administration.Id], user.Email);
await transfers.ConsentAsync(ActingParty.User(admin.Id), request.Id, TransferParty.OldEnvironmentAdministrator);
await transfers.ConsentAsync(ActingParty.User(user.Id), request.Id, TransferParty.Client);
await transfers.ConsentAsync(ActingParty.User(newAdmin.Id), request.Id, TransferParty.NewEnvironmentAdministrator);
var checklist = await transfers.ExecuteAsync(ActingParty.User(newAdmin.Id), request.Id, BillingParty.Client);
Require(checklist.Count == 3, "follow-up checklist");
Require(await sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync() > 0, "notifications delivered");

// Licences (LIC-3): a file signed by the issuer verifies
using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
var signer = new LicenceSigner("consumer", issuerKey);
var licence = signer.Sign(new LicenceContent("1", "Vendor", LicenseeKind.Client, client.Id.Value, "Klant", [administration.Number], ["boekhouden"],
    new LocalDate(2026, 1, 1), new LocalDate(2099, 12, 31)));
var trusted = new CollabOptions();
trusted.Licences.TrustedKeys.Add(new TrustedLicenceKey { KeyId = "consumer", PublicKey = signer.ExportPublicKey() });
Require(new LicenceVerifier(Microsoft.Extensions.Options.Options.Create(trusted)).Verify(licence).Content.LicenseeId == client.Id.Value, "licence verifies");

// Online lifecycle (ONB-1, ONB-6): register a client, cancel, deletion scheduled 90 days on
await registry.SetOfficeModulesAsync(actor, office.Id, OfficeModules.AccountantPackage);
var online = sp.GetRequiredService<ClientRegistrationService>();
var registered = await online.RegisterClientAsync(desk, office.Id,
    ClientRegistration.WithNewAdministration("Online klant", "Online B.V.", "online@klant.nl", "inKaart", BillingParty.Client, AdministrationNumber.From(8), "Online"));
// SEC-5, SEC-7: the registered client's first user is its own administrator and acts once it accepts its invitation.
Require(registered.ClientUser.IsClientAdministrator && registered.ClientUser.Acceptance == UserAcceptance.Pending, "registration invites the client's administrator");
await sp.GetRequiredService<InvitationService>().AcceptAsync(ActingParty.User(registered.ClientUser.Id), registered.Invitation.Token);
var deletions = await sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(ActingParty.User(registered.ClientUser.Id), registered.Administration.ClientId);
Require(deletions.Count == 1 && deletions[0].DeleteOn == registered.Subscription.RegisteredOn.PlusDays(90), "deletion scheduled");

// Links (LINK-5): matching by number, never guessing between two names
var matches = CustomerMatcher.Match(
    [new SyncRecord(SyncEntityKind.Customer, "a1", 1, "Bakker", "100"), new SyncRecord(SyncEntityKind.Customer, "a2", 1, "Jansen")],
    [new SyncRecord(SyncEntityKind.Customer, "b1", 1, "Bakker B.V.", "100"), new SyncRecord(SyncEntityKind.Customer, "b2", 1, "Jansen"), new SyncRecord(SyncEntityKind.Customer, "b3", 1, "Jansen")]);
Require(matches[0].BookkeepingId == "b1" && matches[1].Outcome == MatchOutcome.Ambiguous, "customer matching");

// Portal (SHARE-10): a house style with readable colours; an unreadable one is refused
var portal = sp.GetRequiredService<PortalService>();
var style = await sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(desk, office.Id, new HouseStyleRequest("kantoor", null, "#1A5276", "#1C1C1C", "#FFFFFF", "Welkom"));
Require((await portal.FindBySlugAsync("kantoor"))?.OfficeId == office.Id, "house style by slug");
try
{
    await sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(desk, office.Id, new HouseStyleRequest("kantoor", null, "#1A5276", "#EEEEEE", "#FFFFFF", "Welkom"));
    Require(false, "low contrast refused");
}
catch (CollabRefusalException refusal) when (refusal.Code == "house-style.text-contrast")
{
}

// Mail (Collab.Mail): one notification sent over SMTP to a real server on loopback, parsed where it arrived
var mailbox = new LoopbackMailbox();
var smtpPort = FreePort();
using var stopSmtp = new CancellationTokenSource();
var smtpServices = new SmtpServer.ComponentModel.ServiceProvider();
smtpServices.Add(mailbox);
var smtp = new SmtpServer.SmtpServer(new SmtpServer.SmtpServerOptionsBuilder().ServerName("localhost")
    .Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, smtpPort))).Build(), smtpServices);
var smtpRunning = smtp.StartAsync(stopSmtp.Token);
var mailServices = new ServiceCollection();
mailServices.AddCollabMail(o =>
{
    (o.Host, o.Port, o.Security, o.FromAddress) = ("127.0.0.1", smtpPort, MailSecurity.None, "noreply@kantoor.nl");
    o.Links[NotificationKind.DeliverableReady] = "https://portal.kantoor.nl/link/{reference}";
});
await using (var mailProvider = mailServices.BuildServiceProvider(validateScopes: true))
await using (var mailScope = mailProvider.CreateAsyncScope())
{
    var notification = new Notification(Guid.NewGuid(), NotificationKind.DeliverableReady, "klant@klant.nl", AuditSubject.Deliverable(draft.Id), "Uw 'Jaarrekening' staat klaar.", "t0ken", "Uw rapport staat klaar", null, "nl-NL");
    await mailScope.ServiceProvider.GetRequiredService<INotificationSender>().SendAsync(notification, CancellationToken.None);
    var received = mailbox.Messages.Single();
    Require(received.Subject == "Uw rapport staat klaar" && received.MessageId == $"{notification.Id:N}@kantoor.nl", "mail headers");
    Require(received.TextBody is { } plain && plain.Contains("https://portal.kantoor.nl/link/t0ken", StringComparison.Ordinal) && received.HtmlBody is { } html && html.Contains("staat klaar", StringComparison.Ordinal), "mail parts");
}

stopSmtp.Cancel();
smtp.Shutdown();
await smtpRunning.ContinueWith(_ => { }, TaskScheduler.Default);

// The HTTP surface (Collab.AspNetCore): the client and link groups in process (TestServer), one call — an unknown
// one-time link answered as problem details in English, with its code and rule.
var web = WebApplication.CreateSlimBuilder();
web.WebHost.UseTestServer();
web.Logging.ClearProviders();
web.Services.AddDbContext<ConsumerDbContext>(o => o.UseSqlite($"Data Source={file}"));
web.Services.AddCollabAspNetCore().AddEntityFrameworkStores<ConsumerDbContext>();
await using (var host = web.Build())
{
    host.MapCollabClientEndpoints("/client");
    host.MapCollabLinkEndpoints("/link");
    await host.StartAsync();
    using var answer = await host.GetTestClient().PostAsJsonAsync("/link/open?lang=en", new { token = Convert.ToBase64String(new byte[48]).Replace('+', '-').Replace('/', '_') });
    var problem = await answer.Content.ReadFromJsonAsync<Dictionary<string, object>>();
    Require((int)answer.StatusCode == 422 && answer.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && problem?["code"]?.ToString() == "link.unknown" && problem["ruleId"]?.ToString() == "SHARE-1"
            && problem["detail"]?.ToString()?.StartsWith("This link is not known", StringComparison.Ordinal) == true, "an unknown link over HTTP is a 422 problem in English");
    await host.StopAsync();
}

Console.WriteLine($"consumer: Collab {typeof(CollabRegistry).Assembly.GetName().Version} works from its packages (rights, tiers, deliverables, transfers, outbox, licences, lifecycle, links, portal, mail, HTTP).");
File.Delete(file);
return 0;

static int FreePort()
{
    using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    probe.Start();
    return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
}

static void Require(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException($"consumer check failed: {what}");
    }
}

public sealed class ConsumerDbContext(DbContextOptions<ConsumerDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyCollabModel();
}

public sealed class CountingSender : INotificationSender
{
    public Task SendAsync(Notification notification, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class LoopbackMailbox : SmtpServer.Storage.MessageStore
{
    public System.Collections.Concurrent.ConcurrentQueue<MimeKit.MimeMessage> Messages { get; } = [];

    public override Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(SmtpServer.ISessionContext context, SmtpServer.IMessageTransaction transaction,
        System.Buffers.ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(System.Buffers.BuffersExtensions.ToArray(buffer));
        Messages.Enqueue(MimeKit.MimeMessage.Load(stream, cancellationToken));
        return Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
    }
}
