using System.Text;
using Collab.Deliverables;
using Collab.Portal;
using Collab.Registry;
using Collab.Storage;
using Collab.Tiers;
using Collab.Transfers;
using NodaTime;

namespace Collab.Samples.Web;

/// <summary>The demo story: office De Vries, an Extended client with two companies, a Standard client, a house style, and a transfer awaiting the office's consent.</summary>
internal static class DemoData
{
    public const string Slug = "de-vries";

    public const string ExtendedClientEmail = "piet@bakkerij-bakker.nl";

    public const string OnlineClientEmail = "wim@webwinkel-wim.nl";

    /// <summary>The user of Slagerij Smit, the Standard client: one-time links reach it in its mailbox.</summary>
    public const string StandardClientEmail = "jan@slagerij-smit.nl";

    /// <summary>The annual report 2025 of Groenteboer Visser: its figures, as the office's bookkeeping would hand them over.</summary>
    public static readonly FinancialFigures VisserFigures = new(2025,
        new KeyFigures(Revenue: 1_250_000m, GrossMargin: 437_500m, OperatingResult: 118_000m, NetResult: 91_250m, Equity: 310_000m,
            TotalAssets: 820_000m, CurrentAssets: 365_000m, CurrentLiabilities: 210_000m, Cash: 72_500m),
        new KeyFigures(Revenue: 1_100_000m, GrossMargin: 374_000m, OperatingResult: 96_000m, NetResult: 70_400m, Equity: 255_000m,
            TotalAssets: 760_000m, CurrentAssets: 330_000m, CurrentLiabilities: 225_000m, Cash: 51_000m));

    public static async Task SeedAsync(IServiceProvider sp)
    {
        var seed = sp.GetRequiredService<Collab.Authorization.CollabPlatform>().Operator("demo-seed"); // provisioning, before any user exists
        var registry = sp.GetRequiredService<CollabRegistry>();
        var tiers = sp.GetRequiredService<TierService>();
        var devries = await registry.RegisterOfficeAsync(seed, "Administratiekantoor De Vries");
        await registry.SetOfficeModulesAsync(seed, devries.Id, OfficeModules.AccountantPackage | OfficeModules.EAccountancy | OfficeModules.LinksActivated);
        var anna = await registry.CreateOfficeUserAsync(seed, devries.Id, "anna@devries.nl");

        var bakker = await registry.RegisterClientAsync(seed, "Bakkerij Bakker");
        var bakkerij = await registry.AddCompanyAsync(seed, bakker.Id, "Bakkerij Bakker B.V.");
        var vastgoed = await registry.AddCompanyAsync(seed, bakker.Id, "Bakker Vastgoed B.V.");
        await tiers.StartCollaborationAsync(seed, devries.Id, bakker.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1));
        var piet = await registry.CreateClientUserAsync(seed, bakker.Id, ExtendedClientEmail, [bakkerij.Id, vastgoed.Id]);

        var smit = await registry.RegisterClientAsync(seed, "Slagerij Smit");
        var slagerij = await registry.AddCompanyAsync(seed, smit.Id, "Slagerij Smit V.O.F.");
        await tiers.StartCollaborationAsync(seed, devries.Id, smit.Id, ClientTier.Standard, new LocalDate(2026, 1, 1));
        await registry.CreateClientUserAsync(seed, smit.Id, StandardClientEmail, [slagerij.Id]);

        // A Collaborate client with its annual report 2025 waiting for approval: a PDF and its key figures (SHARE-13 … SHARE-15).
        var visser = await registry.RegisterClientAsync(seed, "Groenteboer Visser");
        var groenteboer = await registry.AddCompanyAsync(seed, visser.Id, "Groenteboer Visser B.V.");
        await tiers.StartCollaborationAsync(seed, devries.Id, visser.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1));
        await registry.CreateClientUserAsync(seed, visser.Id, "kees@groenteboer-visser.nl", [groenteboer.Id]);
        var desk = ActingParty.User(anna.Id);
        var today = sp.GetRequiredService<IClock>().GetCurrentInstant().InUtc().Date;
        var deliverable = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(desk, devries.Id, groenteboer.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025));
        await sp.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(desk, deliverable.Id, "jaarrekening-2025-groenteboer-visser.pdf", "application/pdf", new MemoryStream(DemoPdf.Create("Jaarrekening 2025 Groenteboer Visser B.V.")));
        await sp.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(desk, deliverable.Id, VisserFigures);
        await sp.GetRequiredService<DeliverableSharing>().ShareAsync(desk, deliverable.Id, today.PlusDays(30));

        // A Standard client without users yet, for the overview's bulk tier change (TIER-5).
        var jansen = await registry.RegisterClientAsync(seed, "Drukkerij Jansen");
        await registry.AddCompanyAsync(seed, jansen.Id, "Drukkerij Jansen B.V.");
        await tiers.StartCollaborationAsync(seed, devries.Id, jansen.Id, ClientTier.Standard, new LocalDate(2026, 1, 1));

        // Fiscal work in progress for the overview (SHARE-17): drafts of the returns.
        await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(desk, devries.Id, bakkerij.Id, DeliverableKind.CorporateTaxReturn, ReportingPeriod.FinancialYear(2025));
        await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(desk, devries.Id, slagerij.Id, DeliverableKind.IncomeTaxReturn, ReportingPeriod.FinancialYear(2025));
        await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(desk, devries.Id, groenteboer.Id, DeliverableKind.VatReturn, ReportingPeriod.Quarter(2025, 4));

        // House style (SHARE-10), with the logo kept in the blob store.
        // Blobs are never overwritten, and a data folder outlives a reseeded database: write the logo only once.
        var blobs = sp.GetRequiredService<IBlobStore>();
        await using (var existing = await blobs.OpenReadAsync("logos/de-vries.svg", CancellationToken.None))
        {
            if (existing is null)
            {
                await blobs.WriteAsync("logos/de-vries.svg", new MemoryStream(Encoding.UTF8.GetBytes(
                    """<svg xmlns="http://www.w3.org/2000/svg" width="120" height="48"><rect width="120" height="48" fill="#1A5276"/><text x="10" y="32" fill="#FFFFFF" font-size="20">De Vries</text></svg>""")), CancellationToken.None);
            }
        }
        await sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(ActingParty.User(anna.Id), devries.Id,
            new HouseStyleRequest(Slug, "logos/de-vries.svg", "#1A5276", "#1C1C1C", "#FDFEFE", "Welkom in het klantportaal van Administratiekantoor De Vries."));
        await sp.GetRequiredService<PortalDocuments>().UploadDocumentAsync(ActingParty.User(anna.Id), devries.Id, vastgoed.Id, "taxatierapport-2025.pdf", "application/pdf",
            new MemoryStream(DemoPdf.Create("Taxatierapport 2025")));

        // An administration under the office's own licence, waiting for the client's licence file (LIC-1 … LIC-3).
        var books = (DemoBooks)sp.GetRequiredService<IBookkeepingData>();
        var template = await sp.GetRequiredService<Collab.Licences.LicenceService>().SetUpClientAdministrationAsync(desk, devries.Id, groenteboer.Id, AdministrationNumber.From(3001), "Groenteboer Visser (sjabloon)");
        books.Write(template.Number, "grootboek Groenteboer Visser: 1000 kas 2 500,00 / 8000 omzet 2 500,00");

        // A client that registered online through the office (ONB-1), on plan inKaart, so its books can link to an app (LINK-2).
        var online = await sp.GetRequiredService<Collab.Lifecycle.ClientRegistrationService>().RegisterClientAsync(desk, devries.Id,
            Collab.Lifecycle.ClientRegistration.WithNewAdministration("Webwinkel Wim", "Webwinkel Wim B.V.", OnlineClientEmail, "inKaart", BillingParty.Client, AdministrationNumber.From(2001), "Webwinkel Wim 2026"));
        books.Write(online.Administration.Number, "grootboek Webwinkel Wim: 1000 kas 900,00 / 8000 omzet 900,00");
        await sp.GetRequiredService<InvitationService>().AcceptAsync(ActingParty.User(online.ClientUser.Id), online.Invitation.Token); // Wim accepted his invitation (SEC-7)

        // A transfer of Bakkerij Bakker's books from its old office's environment into De Vries's (XFER): the old
        // administrator and the client have consented; Anna, administrator of the new environment, is the third.
        var oud = await registry.RegisterOfficeAsync(seed, "Kantoor Oud");
        var oudBeheer = await registry.CreateOfficeUserAsync(seed, oud.Id, "beheer@kantoor-oud.nl");
        var oldEnvironment = await registry.CreateEnvironmentAsync(seed, oud.Id, "Omgeving Kantoor Oud", [oudBeheer.Id]);
        var newEnvironment = await registry.CreateEnvironmentAsync(seed, devries.Id, "Omgeving De Vries", [anna.Id]);
        var moving = await registry.CreateAdministrationAsync(seed, bakkerij.Id, AdministrationNumber.From(1001), "Bakkerij Bakker 2026", environment: oldEnvironment.Id);
        books.Write(moving.Number, "grootboek Bakkerij Bakker");
        var transfers = sp.GetRequiredService<TransferService>();
        var request = await transfers.RequestAsync(ActingParty.User(anna.Id), oldEnvironment.Id, newEnvironment.Id, [moving.Id], piet.Email,
            [new BankLink("Rabobank", moving.Id, BankLinkManager.PreviousOffice)]);
        await transfers.ConsentAsync(ActingParty.User(oudBeheer.Id), request.Id, TransferParty.OldEnvironmentAdministrator);
        await transfers.ConsentAsync(ActingParty.User(piet.Id), request.Id, TransferParty.Client);

        // A second move, of the estate company's books, that waits for all three: each party consents on its own page (XFER-2).
        var estate = await registry.CreateAdministrationAsync(seed, vastgoed.Id, AdministrationNumber.From(1002), "Bakker Vastgoed 2026", environment: oldEnvironment.Id);
        books.Write(estate.Number, "grootboek Bakker Vastgoed");
        await transfers.RequestAsync(ActingParty.User(anna.Id), oldEnvironment.Id, newEnvironment.Id, [estate.Id], piet.Email, []);
    }
}
