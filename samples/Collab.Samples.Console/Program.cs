// A guided tour of Collab on the embedded default, SQLite. It starts from an empty database file each run
// and prints what it does: office, client, grant of rights, access answers, revocation, the audit trail.
using Collab;
using Collab.Authorization;
using System.Security.Cryptography;
using System.Text;
using Collab.Backups;
using Collab.Licences;
using Collab.Lifecycle;
using Collab.Links;
using Collab.Persistence.EfCore;
using Collab.Portal;
using Collab.Storage;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Rights;
using Collab.Samples.Console;
using Collab.Notifications;
using Collab.Tiers;
using Collab.Texts;
using Collab.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

// Refusals print in Dutch, as the offices and clients read them; `--lang en` for English (TXT-1).
var language = CollabTexts.LanguageFor(args.SkipWhile(a => a != "--lang").Skip(1).FirstOrDefault() ?? "nl");
var databaseFile = Path.Combine(AppContext.BaseDirectory, "collab-sample.db");
File.Delete(databaseFile);
var backupFolder = Path.Combine(AppContext.BaseDirectory, "collab-sample-backups");
if (Directory.Exists(backupFolder))
{
    Directory.Delete(backupFolder, recursive: true);
}

// The licence desk's signing key; the app trusts its public half (LIC-3). A real vendor keeps the private key elsewhere.
using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
var issuer = new LicenceSigner("snelstart-2026", issuerKey);

var services = new ServiceCollection();
services.AddDbContext<SampleDbContext>(o => o.UseSqlite($"Data Source={databaseFile}"));
services.AddCollab(o =>
        {
            o.DefaultTimeZoneId = "Europe/Amsterdam";
            o.Licences.TrustedKeys.Add(new TrustedLicenceKey { KeyId = issuer.KeyId, PublicKey = issuer.ExportPublicKey() });
            (o.Receipts.KeyId, o.Receipts.PrivateKey) = ("sample-receipts", issuerKey.ExportPkcs8PrivateKeyPem()); // signs approval receipts (SHARE-18); a vendor uses its own key
        })
        .AddEntityFrameworkStores<SampleDbContext>()
        .AddFileSystemBlobStore(backupFolder)
        .AddBackgroundPasses(o => o.Outbox = TimeSpan.FromSeconds(1)); // the outbox, reminders, expiry, polling and retention run themselves
services.AddHealthChecks().AddCollabHealthChecks();
services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance); // a tour prints its own story; a host would log the passes' event ids
services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
services.AddScoped<IBookkeepingData, SampleBookkeeping>();
services.AddSingleton<ConsoleNotificationSender>();
services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<ConsoleNotificationSender>());
await using var provider = services.BuildServiceProvider(validateScopes: true);

await InScope(async sp => { await CollabDatabase.EnsureCreatedAsync(sp.GetRequiredService<SampleDbContext>()); return true; });
var hostedServices = provider.GetServices<IHostedService>().ToList(); // what a generic host would start: Collab's background passes
foreach (var hosted in hostedServices)
{
    await hosted.StartAsync(CancellationToken.None);
}

Console.WriteLine($"Collab sample — SQLite database {databaseFile}, schema version {CollabDatabase.SchemaVersion}");
Console.WriteLine();

// The vendor's provisioning sets up the directory; from then on every call names who acts, and Collab checks it (SEC-3).
var vendor = provider.GetRequiredService<CollabPlatform>().Operator("sample");
var (office, client, company, administration, piet, anna) = await InScope(async sp =>
{
    var registry = sp.GetRequiredService<CollabRegistry>();
    var office = await registry.RegisterOfficeAsync(vendor, "Administratiekantoor De Vries");
    var client = await registry.RegisterClientAsync(vendor, "Bakkerij Bakker");
    var company = await registry.AddCompanyAsync(vendor, client.Id, "Bakkerij Bakker B.V.");
    var administration = await registry.CreateAdministrationAsync(vendor, company.Id, AdministrationNumber.From(1001), "Bakkerij Bakker 2026");
    var piet = await registry.CreateClientUserAsync(vendor, client.Id, "piet@bakkerij-bakker.nl", [company.Id]);
    var anna = await registry.CreateOfficeUserAsync(vendor, office.Id, "anna@devries-administratie.nl");
    return (office, client, company, administration, piet, anna);
});

Row("Office", $"{office.Name} ({office.TimeZoneId})");
Row("Client", $"{client.Name}, company {company.Name}");
Row("Administration", $"{administration.Number} {administration.Name}");
Row("Client user", piet.Email);
Row("Office user", anna.Email);
var desk = ActingParty.User(anna.Id); // Anna acts for the office
Console.WriteLine();

await PrintAccess("Before any grant");

await InScope(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(piet.Id), office.Id, administration.Id, GrantChannel.Web));
Console.WriteLine($"{piet.Email} grants {office.Name} rights to administration {administration.Number} (web, free of charge).");
await PrintAccess("After the grant");

try
{
    await InScope(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(piet.Id), office.Id, administration.Id, GrantChannel.Desktop));
}
catch (CollabRefusalException refusal)
{
    Console.WriteLine($"Granting again is refused [{refusal.Code}, {refusal.Refusal.RuleId}]: {Say(refusal)}");
    Console.WriteLine();
}

await InScope(sp => sp.GetRequiredService<RightsService>().RevokeAsync(ActingParty.User(piet.Id), office.Id, administration.Id));
Console.WriteLine($"{piet.Email} revokes the rights; access ends at once.");
await PrintAccess("After the revocation");

PrintAudit($"Audit trail of administration {administration.Number}", await InScope(sp =>
    sp.GetRequiredService<AuditService>().ForSubjectAsync(ActingParty.User(piet.Id), AuditSubject.Administration(administration.Id), CancellationToken.None)));

// ── Tiers (TIER-1 … TIER-8) ─────────────────────────────────────────────────────────────────────────────
Console.WriteLine("Collaboration tiers");
var january = new LocalDate(2026, 1, 1);
var extraClients = await InScope(async sp =>
{
    var registry = sp.GetRequiredService<CollabRegistry>();
    var tiers = sp.GetRequiredService<TierService>();
    await tiers.StartCollaborationAsync(vendor, office.Id, client.Id, ClientTier.Standard, january);
    var ids = new List<ClientId>();
    foreach (var name in new[] { "Slagerij Smit", "Kapsalon Jansen", "Fietsenmaker De Boer" })
    {
        var c = await registry.RegisterClientAsync(vendor, name);
        await tiers.StartCollaborationAsync(vendor, office.Id, c.Id, ClientTier.Standard, january);
        ids.Add(c.Id);
    }

    return ids;
});
var catalogue = provider.GetRequiredService<TierCatalogue>();
Row("  Standard may share?", Answer(catalogue.FeaturesOf(ClientTier.Standard).Contains(Feature.ShareAndApproveDeliverables)));
var bulk = await InScope(sp => sp.GetRequiredService<TierService>()
    .ChangeTiersAsync(desk, office.Id, [client.Id, .. extraClients, ClientId.New()], ClientTier.Collaborate));
var texts = provider.GetRequiredService<CollabTexts>();
var clientNames = await InScope(async sp =>
{
    var names = new Dictionary<ClientId, string>();
    foreach (var id in bulk.Outcomes.Select(o => o.Client))
    {
        if (await sp.GetRequiredService<CollabRegistry>().FindClientAsync(desk, id) is { } found)
        {
            names[id] = found.Name;
        }
    }

    return names;
});
Console.WriteLine("  Bulk change to Collaborate, one outcome per client:");
foreach (var outcome in bulk.Outcomes)
{
    var name = clientNames.GetValueOrDefault(outcome.Client, outcome.Client.ToString()[..8] + "…");
    var reason = outcome.Refusal is { } refusal ? " — " + texts.Describe(refusal, language) : string.Empty;
    Console.WriteLine($"    {name,-24} {texts.Render("tier.change-status." + outcome.Status, language)}{reason}");
}

// The statement of this month comes from the history (TIER-7): the clients were Standard until the bulk change a moment
// ago, so this month bills the highest of the two; a month that is over never changes, and the office can issue it.
var thisMonth = provider.GetRequiredService<IClock>().GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Date.ToYearMonth();
var statement = await InScope(sp => sp.GetRequiredService<BillingService>().MonthlyStatementAsync(desk, office.Id, thisMonth));
foreach (var text in statement.Render(texts, language))
{
    Console.WriteLine($"    {text}");
}

var lastMonth = await InScope(sp => sp.GetRequiredService<BillingService>().IssueStatementAsync(desk, office.Id, thisMonth.PlusMonths(-1))); // closed: stored as it is
foreach (var text in lastMonth.Render(texts, language))
{
    Console.WriteLine($"    {text}");
}
Console.WriteLine();

// ── Sharing deliverables: annual reports and tax returns (SHARE-1 … SHARE-5, SHARE-11 … SHARE-15) ──────────
Console.WriteLine("Sharing annual reports and tax returns");
var standardClient = extraClients[0];
static Stream Pdf(string text) => new MemoryStream(Collab.Samples.Web.DemoPdf.Create(text)); // a real one-page PDF: a %PDF- header alone is refused (SHARE-14)
var figures = new FinancialFigures(2025,
    new KeyFigures(Revenue: 1_250_000m, GrossMargin: 437_500m, OperatingResult: 118_000m, NetResult: 91_250m, Equity: 310_000m, TotalAssets: 820_000m, CurrentAssets: 365_000m, CurrentLiabilities: 210_000m, Cash: 72_500m),
    new KeyFigures(Revenue: 1_100_000m, GrossMargin: 374_000m, OperatingResult: 96_000m, NetResult: 70_400m, Equity: 255_000m, TotalAssets: 760_000m, CurrentAssets: 330_000m, CurrentLiabilities: 225_000m, Cash: 51_000m));
var (linkShare, approvalShare) = await InScope(async sp =>
{
    var registry = sp.GetRequiredService<CollabRegistry>();
    var tiers = sp.GetRequiredService<TierService>();
    var smitCompany = await registry.AddCompanyAsync(vendor, standardClient, "Slagerij Smit V.O.F.");
    await registry.CreateClientUserAsync(vendor, standardClient, "jan@slagerij-smit.nl", [smitCompany.Id]);
    await tiers.ChangeTierAsync(desk, office.Id, standardClient, ClientTier.Standard);
    var forSmit = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(desk, office.Id, smitCompany.Id, DeliverableKind.VatReturn, ReportingPeriod.Quarter(2025, 4));
    await sp.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(desk, forSmit.Id, "btw-2025-q4.pdf", "application/pdf", Pdf("btw-aangifte"));
    var forBakker = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(desk, office.Id, company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025 Bakkerij Bakker");
    await sp.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(desk, forBakker.Id, "jaarrekening-2025.pdf", "application/pdf", Pdf("jaarrekening"));
    await sp.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(desk, forBakker.Id, figures);
    return (await sp.GetRequiredService<DeliverableSharing>().ShareAsync(desk, forSmit.Id), await sp.GetRequiredService<DeliverableSharing>().ShareAsync(desk, forBakker.Id, new LocalDate(2026, 12, 31)));
});
Row("  Standard client", $"{linkShare.Deliverable.Title}: {linkShare.Mode}, token {linkShare.LinkToken![..12]}… (256 random bits, only a hash stored)");
var landing = await InScope(sp => sp.GetRequiredService<DeliverableLinks>().OpenLinkAsync(linkShare.LinkToken));
Row("  link opened (not spent)", landing.Title);
var view = await InScope(sp => sp.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(linkShare.LinkToken));
var pdf = await InScope(async sp =>
{
    using var content = await sp.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(view.ViewToken, view.Documents[0].Id);
    using var copy = new MemoryStream();
    await content.Content.CopyToAsync(copy);
    return copy.Length;
});
Row("  confirmed view", $"{view.Documents[0].FileName}: {pdf} bytes, SHA-256 checked, handed out once");
try
{
    await InScope(sp => sp.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(view.ViewToken, view.Documents[0].Id));
}
catch (CollabRefusalException refusal)
{
    Row("  second download", $"refused [{refusal.Code}]");
}

try
{
    await InScope(sp => sp.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(linkShare.LinkToken));
}
catch (CollabRefusalException refusal)
{
    Row("  second view", $"refused [{refusal.Code}]: {Say(refusal)}");
}

Row("  Collaborate client", $"{approvalShare.Deliverable.Title}: {approvalShare.Mode}, deadline {approvalShare.Deliverable.Deadline:yyyy-MM-dd}, reminder from {approvalShare.Deliverable.ReminderDueAt}");
var dashboard = (await InScope(sp => sp.GetRequiredService<DeliverableQueries>().DashboardAsync(ActingParty.User(piet.Id), approvalShare.Deliverable.Id)))!.Value;
Row("  dashboard", $"solvency {dashboard.Current.Solvency.Display(3) * 100:0.0} %, current ratio {dashboard.Current.CurrentRatio.Display(2)}, revenue {dashboard.RevenueChange.Display(3) * 100:+0.0;-0.0} % on 2024");
var decided = await InScope(sp => sp.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(piet.Id), approvalShare.Deliverable.Id));
var approvedByOffice = (DeliverableOfficeView)(await InScope(sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(desk, approvalShare.Deliverable.Id)))!;
Row("  approved; documents seen", approvedByOffice.ApprovedDocumentHashes![..16] + "… (their SHA-256, in the audit trail too)");
Row("  client keeps it?", Answer(decided.ApprovedRevisions.Count > 0) + $" (Collaborate: the task is complete and the report leaves the client's view: {decided.Documents.Count} documents, figures {(decided.Figures is null ? "none" : "shown")})");
Console.WriteLine();

// ── Moving the client to another environment (XFER-1 … XFER-6) ───────────────────────────────────────────
Console.WriteLine("Moving the client between environments");
var sender = provider.GetRequiredService<ConsoleNotificationSender>();
var (request, newEnvironment, newAdmin) = await InScope(async sp =>
{
    var registry = sp.GetRequiredService<CollabRegistry>();
    var newOffice = await registry.RegisterOfficeAsync(vendor, "Accountants Nieuw");
    var oldAdmin = await registry.CreateOfficeUserAsync(vendor, office.Id, "beheer@devries-administratie.nl");
    var newAdmin = await registry.CreateOfficeUserAsync(vendor, newOffice.Id, "beheer@accountants-nieuw.nl");
    var oldEnvironment = await registry.CreateEnvironmentAsync(vendor, office.Id, "Omgeving De Vries", [oldAdmin.Id]);
    var newEnvironment = await registry.CreateEnvironmentAsync(vendor, newOffice.Id, "Omgeving Nieuw", [newAdmin.Id]);
    var books = await registry.CreateAdministrationAsync(vendor, company.Id, AdministrationNumber.From(1002), "Bakkerij Bakker 2027", environment: oldEnvironment.Id);
    var transfers = sp.GetRequiredService<TransferService>();
    var request = await transfers.RequestAsync(ActingParty.User(newAdmin.Id), oldEnvironment.Id, newEnvironment.Id, [books.Id], piet.Email,
        [new BankLink("Rabobank", books.Id, BankLinkManager.PreviousOffice)]);
    await transfers.ConsentAsync(ActingParty.User(oldAdmin.Id), request.Id, TransferParty.OldEnvironmentAdministrator);
    await transfers.ConsentAsync(ActingParty.User(piet.Id), request.Id, TransferParty.Client);
    return (await transfers.ConsentAsync(ActingParty.User(newAdmin.Id), request.Id, TransferParty.NewEnvironmentAdministrator), newEnvironment, newAdmin);
});
Row("  after three consents", request.State.ToString());
var checklist = await InScope(sp => sp.GetRequiredService<TransferService>().ExecuteAsync(ActingParty.User(newAdmin.Id), request.Id, BillingParty.Client));
Row("  executed; billed to", "the client");
Console.WriteLine($"  Follow-up checklist for {newEnvironment.Name}:");
foreach (var item in checklist)
{
    Console.WriteLine($"    [{(item.DoneAt is null ? " " : "x")}] {item.Description}");
}

var delivered = await DeliveredAsync();
Console.WriteLine($"  The hosted outbox pass delivered {delivered} notifications so far, for example:");
foreach (var line in sender.Delivered.Take(3))
{
    Console.WriteLine($"    {line}");
}

Console.WriteLine();
PrintAudit("Audit trail of the transfer", await InScope(sp =>
    sp.GetRequiredService<AuditService>().ForSubjectAsync(ActingParty.User(newAdmin.Id), AuditSubject.Transfer(request.Id), CancellationToken.None)));

// ── Licences and backups (LIC-1 … LIC-7, ONB-5) ───────────────────────────────────────────────────────────
Console.WriteLine("Licences and backups");
await InScope(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(vendor, office.Id, OfficeModules.AccountantPackage | OfficeModules.EAccountancy));
var template = await InScope(async sp =>
{
    var set = await sp.GetRequiredService<LicenceService>().SetUpClientAdministrationAsync(desk, office.Id, company.Id, AdministrationNumber.From(1003), "Bakkerij Bakker (sjabloon)");
    var db = sp.GetRequiredService<SampleDbContext>();
    db.Add(new LedgerBooks { Number = 1003, Journal = Encoding.UTF8.GetBytes("2026-01-02 kas 1000 / omzet 8000 …"), LastYearEnd = new LocalDate(2025, 12, 31) });
    await db.SaveChangesAsync();
    return set;
});
Row("  set up, office licence", $"{template.Number} {template.Name} (LIC-1, E-Accountancy)");
var licenceFile = issuer.Sign(new LicenceContent("SN-2026-1003", "SnelStart", LicenseeKind.Client, client.Id.Value, client.Name,
    [template.Number], ["boekhouden", "facturen"], new LocalDate(2026, 1, 1), new LocalDate(2027, 12, 31)));
var review = await InScope(sp => sp.GetRequiredService<LicenceImportService>().ReadClientLicenceAsync(desk, template.Id, licenceFile));
Row("  step 1, review", $"{review.Licence.Content.LicenseeName}: {string.Join(", ", review.Licence.Content.Modules)}, valid {review.Licence.Content.ValidFrom:yyyy-MM-dd} to {review.Licence.Content.ValidUntil:yyyy-MM-dd}");
await InScope(sp => sp.GetRequiredService<LicenceImportService>().ImportClientLicenceAsync(desk, template.Id, licenceFile, review.Licence.Fingerprint, ImportUser.ExistingUser(piet.Id)));
Row("  step 2, confirmed", $"runs under the client's licence now, user {piet.Email}");
var lines = Encoding.ASCII.GetString(licenceFile).Split('\n');
var forged = Encoding.ASCII.GetBytes($"{lines[0]}\n{lines[1][..20]}{(lines[1][20] == 'x' ? 'y' : 'x')}{lines[1][21..]}\n{lines[2]}\n"); // one character of the content changed
try
{
    await InScope(sp => sp.GetRequiredService<LicenceImportService>().ReadClientLicenceAsync(desk, template.Id, forged));
}
catch (CollabRefusalException refusal)
{
    Row("  an altered file", $"refused [{refusal.Code}]");
}

var backup = await InScope(sp => sp.GetRequiredService<BackupService>().StopCollaborationAsync(desk, office.Id, template.Id));
Row("  office stops: backup", $"{backup.SizeBytes} bytes, sha256 {backup.Sha256[..16]}…, carries the {backup.Licence} licence (LIC-4)");
Row("  online administration", "released (ONB-5)");
var restored = await InScope(sp => sp.GetRequiredService<BackupRestoreService>().RestoreAsync(ActingParty.User(piet.Id), backup.Id, RestoreTarget.AtClient));
Row("  restored at the client", $"number {restored.Number}, the same (LIC-7), state {restored.State}");
Console.WriteLine();

// ── Online collaboration lifecycle (ONB-1, ONB-2, ONB-6, RET-1, RET-2) ─────────────────────────────────────
Console.WriteLine("Online collaboration lifecycle");
var registered = await InScope(sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(desk, office.Id,
    ClientRegistration.WithNewAdministration("Fietsenmaker Fok", "Fok Fietsen B.V.", "info@fok-fietsen.nl", "inZicht", BillingParty.Client, AdministrationNumber.From(2001), "Fok Fietsen 2026")));
Row("  registered", $"{registered.ClientUser.Email} on {registered.Subscription.Plan}, billed to the {registered.Subscription.BillingParty}");
Row("  free through", $"{registered.Subscription.FreeThrough:yyyy-MM-dd} (one calendar month from {registered.Subscription.RegisteredOn:yyyy-MM-dd})");
var accepted = await InScope(sp => sp.GetRequiredService<InvitationService>().AcceptAsync(ActingParty.User(registered.ClientUser.Id), registered.Invitation.Token));
Row("  invitation accepted", $"{accepted.Email} acts for the client from {accepted.AcceptedAt:yyyy-MM-dd HH:mm} UTC, as its administrator (SEC-5, SEC-7)");
try
{
    await InScope(sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(desk, office.Id,
        ClientRegistration.WithNewAdministration("Fok", "Fok B.V.", "info@fok-fietsen.nl", "inKaart", BillingParty.Office, AdministrationNumber.From(2002), "Fok")));
}
catch (CollabRefusalException refusal)
{
    Row("  registering again", $"refused [{refusal.Refusal.RuleId}]: {Say(refusal)}");
}

var scheduled = await InScope(sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(ActingParty.User(registered.ClientUser.Id), registered.Administration.ClientId));
foreach (var deletion in scheduled)
{
    Row("  client cancels", $"administration {deletion.AdministrationNumber} is deleted on {deletion.DeleteOn:yyyy-MM-dd}, warnings {deletion.WarningDays} days before");
}

var pass = await InScope(sp => sp.GetRequiredService<RetentionPassService>().RunPassAsync());
Row("  today's deletion pass", $"{pass.Warned} warned, {pass.Blocked} blocked, {pass.Deleted} deleted (nothing is due yet)");
await InScope(sp => sp.GetRequiredService<SubscriptionService>().ReactivateSubscriptionAsync(ActingParty.User(registered.ClientUser.Id), registered.Administration.ClientId));
Row("  client reactivates", "deletion called off (RET-2)");
Console.WriteLine();

// ── Integration links: matching customers on first link (LINK-5) ────────────────────────────────────────────
Console.WriteLine("Matching a web shop's customers to the bookkeeping's on first link");
SyncRecord[] shop = [new(SyncEntityKind.Customer, "s1", 1, "Bakkerij Bakker", "1001"), new(SyncEntityKind.Customer, "s2", 1, "Jansen"),
    new(SyncEntityKind.Customer, "s3", 1, "Cafe\u0301  Noord"), new(SyncEntityKind.Customer, "s4", 1, "Smit", "2002"), new(SyncEntityKind.Customer, "s5", 1, "Van Dijk")];
SyncRecord[] ledger = [new(SyncEntityKind.Customer, "k1", 1, "Bakkerij Bakker B.V.", "1001"), new(SyncEntityKind.Customer, "k2", 1, "Jansen", "3001"),
    new(SyncEntityKind.Customer, "k3", 1, "Jansen", "3002"), new(SyncEntityKind.Customer, "k4", 1, "Café Noord"), new(SyncEntityKind.Customer, "k5", 1, "De Boer", "2002"),
    new(SyncEntityKind.Customer, "k6", 1, "Smit")];
foreach (var match in CustomerMatcher.Match(shop, ledger))
{
    var name = shop.Single(c => c.Id == match.AppCustomerId).Name;
    Row($"  {name}", match.Outcome switch
    {
        MatchOutcome.Matched => $"matched to {match.BookkeepingId}",
        MatchOutcome.New => "new: created in the bookkeeping",
        _ => $"{match.Outcome.ToString().ToLowerInvariant()}: candidates {string.Join(", ", match.Candidates)}, a person decides",
    });
}

Console.WriteLine();

// ── The client portal (SHARE-6 … SHARE-10, TIER-8) ─────────────────────────────────────────────────────────────
Console.WriteLine("The client portal (CollaborateExtended)");
await InScope(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(desk, office.Id, client.Id, ClientTier.CollaborateExtended));
Row("  tier", $"{client.Name} moves to CollaborateExtended: the portal's features come with it");
await InScope(sp => sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(desk, office.Id,
    new HouseStyleRequest("devries", null, "#1A5276", "#1C1C1C", "#FFFFFF", "Welkom bij Administratiekantoor De Vries.", "Beste {client}, graag uw reactie op '{title}' voor {deadline}.")));
Row("  house style", "portal address 'devries', colours checked for contrast, own reminder text");
var second = await InScope(sp => sp.GetRequiredService<CollabRegistry>().AddCompanyAsync(vendor, client.Id, "Bakkerij Bakker Vastgoed B.V."));
await InScope(sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(vendor, piet.Id, second.Id));
var shared = await InScope(sp => sp.GetRequiredService<PortalDocuments>().UploadDocumentAsync(ActingParty.User(anna.Id), office.Id, second.Id, "taxatierapport.pdf", "application/pdf",
    Pdf("taxatie pand Dorpsstraat")));
var batch = await InScope(sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(desk, office.Id, company.Id, "Vragen bij de jaarstukken 2026"));
await InScope(sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(desk, batch.Id, "jaarrekening", "Is de voorraad op 31 december geteld?"));
await InScope(sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(desk, batch.Id, "aangifte Vpb", "Zijn er giften gedaan?"));
await InScope(sp => sp.GetRequiredService<QuestionBatches>().SendBatchAsync(desk, batch.Id));
await InScope(sp => sp.GetRequiredService<QuestionAnswers>().AnswerAsync(ActingParty.User(piet.Id), batch.Id, 1, "Ja."));
var history = await InScope(sp => sp.GetRequiredService<PortalService>().HistoryAsync(ActingParty.User(piet.Id)));
Console.WriteLine($"  {piet.Email} sees, across both companies (one login, TIER-8):");
foreach (var item in history.Items)
{
    Console.WriteLine($"    {item.SharedAt:yyyy-MM-dd HH:mm}  {item.Kind,-14} {item.Title,-34} {item.Status}{(item.OpenAction ? "  (waits for you)" : string.Empty)}");
}

Row("  document checksum", $"{shared.Sha256[..16]}… verified when read");
Console.WriteLine();
PrintAudit($"Audit trail of administration {template.Number}", await InScope(sp =>
    sp.GetRequiredService<AuditService>().ForSubjectAsync(desk, AuditSubject.Administration(template.Id), CancellationToken.None)));

// ── Running in production: the hosted passes and the health checks (issue 20) ────────────────────────────────
Console.WriteLine();
Console.WriteLine("Health (what an orchestrator's probe sees)");
await DeliveredAsync();
var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
foreach (var (name, entry) in health.Entries)
{
    Row($"  {name}", $"{entry.Status}: {entry.Description}");
}

foreach (var status in provider.GetRequiredService<Collab.Hosting.BackgroundPassMonitor>().Snapshot())
{
    Row($"  pass {status.Name}", $"every {status.Interval}, {status.Runs} runs, last handled {status.LastItems}");
}

foreach (var hosted in hostedServices)
{
    await hosted.StopAsync(CancellationToken.None); // a clean stop: no notification stays claimed
}

return 0;

static void PrintAudit(string title, IReadOnlyList<AuditRecord> trail)
{
    Console.WriteLine($"{title}:");
    Console.WriteLine($"  {"instant (UTC)",-22} {"action",-26} {"actor",-12} details");
    foreach (var record in trail)
    {
        var details = record.Details.Length > 70 ? record.Details[..70] + "…" : record.Details;
        Console.WriteLine($"  {record.At:yyyy-MM-dd HH:mm:ss}{"",3} {record.Action,-26} {record.Actor.Kind,-12} {details}");
    }

    Console.WriteLine();
}

async Task PrintAccess(string moment)
{
    var (annaMay, pietMay, list) = await InScope(async sp =>
    {
        var access = sp.GetRequiredService<AccessService>();
        return (await access.MayAccessAsync(ActingParty.User(anna.Id), administration.Id),
                await access.MayAccessAsync(ActingParty.User(piet.Id), administration.Id),
                await access.ListAsync(ActingParty.User(anna.Id)));
    });
    Console.WriteLine($"{moment}:");
    Row("  office user may access", Answer(annaMay));
    Row("  client user may access", Answer(pietMay));
    Row("  office's list", list.Count == 0 ? "(empty)" : string.Join(", ", list.Select(a => $"{a.Number} {a.Name}")));
    Console.WriteLine();
}

// The outbox pass runs every second: wait until what is queued has gone out (the tour reads the sender's log).
async Task<int> DeliveredAsync()
{
    for (var attempt = 0; attempt < 100; attempt++)
    {
        var pending = (await InScope(sp => sp.GetRequiredService<IOutboxDispatcher>().StatusAsync())).Pending;
        if (pending == 0)
        {
            break;
        }

        await Task.Delay(100);
    }

    return sender.Delivered.Count;
}

async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
{
    await using var scope = provider.CreateAsyncScope();
    return await work(scope.ServiceProvider);
}

string Say(CollabRefusalException refusal) => provider.GetRequiredService<CollabTexts>().Describe(refusal.Refusal, language);

static string Answer(bool yes) => yes ? "yes" : "no";

static void Row(string label, string value) => Console.WriteLine($"{label,-26} {value}");
