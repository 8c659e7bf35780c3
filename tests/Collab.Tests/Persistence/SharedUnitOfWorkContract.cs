using System.Text;
using Collab.Backups;
using Collab.Licences;
using Collab.Lifecycle;
using Collab.Portal;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Rights;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Collab.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Persistence;

/// <summary>
/// SEC-2 with the vendor's DbContext shared: every refusal, of every service, in one scope, each followed by a call that
/// saves; nothing a refused call added or changed is ever saved by the later save.
/// </summary>
public abstract class SharedUnitOfWorkContract(Engine engine, PostgresServer? postgres)
{
    // R: SEC-2
    [SkippableFact]
    public async Task SEC2_refusals_of_every_service_followed_by_a_save_in_the_same_scope_leave_no_trace()
    {
        await using var b = await BooksWorld.CreateAsync(engine, postgres);
        var w = b.W;
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(World.Vendor, w.Office.Id, OfficeModules.AccountantPackage | OfficeModules.EAccountancy));
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)));
        var draft = await b.Run(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025"));
        var emptyBatch = await b.Run(sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(w.Desk, w.Office.Id, w.Company.Id, "Leeg"));
        await b.Run(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Administration.Id, GrantChannel.Web));
        var freshNumber = TestDatabase.NextNumber();

        var refusals = new (string What, Func<IServiceProvider, Task> Refused)[]
        {
            ("registration, e-mail taken, new administration", sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(w.Desk, w.Office.Id,
                ClientRegistration.WithNewAdministration("Fok", "Fok B.V.", w.ClientUser.Email, "inZicht", BillingParty.Client, freshNumber, "Fok 2026"))),
            ("registration, e-mail taken, the office's administration", sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(w.Desk, w.Office.Id,
                ClientRegistration.WithExistingAdministration(w.HeldByOffice.Id, w.OfficeUser.Email, "inZicht", BillingParty.Office))),
            ("client user, e-mail taken", sp => sp.GetRequiredService<InvitationService>().InviteClientUserAsync(w.Desk, w.Client.Id, w.ClientUser.Email, [w.Company.Id])),
            ("administration, number taken", sp => sp.GetRequiredService<CollabRegistry>().CreateAdministrationAsync(w.Desk, w.Company.Id, w.Administration.Number, "Dubbel")),
            ("downgrade, too many users", sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Standard)),
            ("approval without a deadline", sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id)),
            ("empty question batch", sp => sp.GetRequiredService<QuestionBatches>().SendBatchAsync(w.Desk, emptyBatch.Id)),
            ("grant twice", sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Administration.Id, GrantChannel.Desktop)),
            ("transfer to an unknown identity", sp => sp.GetRequiredService<TransferService>().RequestAsync(w.Desk, EnvironmentId.New(), EnvironmentId.New(), [w.Administration.Id], "niemand@nergens.nl")),
            ("first backup without the client's licence", sp => sp.GetRequiredService<BackupService>().MakeBackupAsync(w.Desk, w.HeldByOffice.Id)),
            ("licence that is not one", sp => sp.GetRequiredService<LicenceImportService>().ImportClientLicenceAsync(w.Desk, w.HeldByOffice.Id, "geen licentie"u8.ToArray(), "00", ImportUser.CreateUser("nieuw@bakker.nl"))),
            ("lifting a hold that was never placed", sp => sp.GetRequiredService<RetentionService>().LiftLegalHoldAsync(w.Desk, w.HeldByOffice.Id)),
            ("unreadable house style", sp => sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(w.Desk, w.Office.Id, new HouseStyleRequest("de-vries", null, "#FFFFFF", "#FEFEFE", "#FFFFFF", "Welkom"))),
            ("a document of a type not accepted", sp => sp.GetRequiredService<PortalDocuments>().UploadDocumentAsync(w.Desk, w.Office.Id, w.Company.Id, "x.exe", "application/x-msdownload", new MemoryStream([1, 2]))),
        };

        await using var scope = b.Db.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var context = sp.GetRequiredService<VendorDbContext>();
        var saved = 0;
        foreach (var (what, refused) in refusals)
        {
            await Assert.ThrowsAsync<CollabRefusalException>(() => refused(sp));
            var tracked = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => $"{e.Metadata.ClrType.Name} {e.State}").ToList();
            Assert.True(tracked.Count == 0, $"{what}: refused, yet left {string.Join(", ", tracked)} for the next save");

            // The vendor's request goes on and saves something of its own through the same context.
            await sp.GetRequiredService<CollabRegistry>().RegisterOfficeAsync(World.Vendor, $"Kantoor {++saved}");
        }

        var registry = b.Db.Services.GetRequiredService<IServiceScopeFactory>();
        await using var check = registry.CreateAsyncScope();
        var store = check.ServiceProvider.GetRequiredService<IAdministrationStore>();
        Assert.Null(await store.FindLiveAdministrationByNumberAsync(freshNumber)); // no Live administration without a subscription (finding 3)
        Assert.Null(await check.ServiceProvider.GetRequiredService<ILifecycleStore>().FindSubscriptionAsync(w.Client.Id));
        var held = (await store.FindAdministrationAsync(w.HeldByOffice.Id))!;
        Assert.Equal((AdministrationState.Live, w.Office.Id, LicenceSource.Office, (string?)null), (held.State, held.HolderOfficeId, held.Licence, held.LegalHold));
        Assert.Equal(ClientTier.CollaborateExtended, await check.ServiceProvider.GetRequiredService<ITierStore>().FindTierAsync(w.Office.Id, w.Client.Id));
        Assert.Equal(DeliverableState.Draft, (await check.ServiceProvider.GetRequiredService<IDeliverableStore>().FindDeliverableAsync(draft.Id))!.State);
        Assert.Equal(2, (await check.ServiceProvider.GetRequiredService<IUserStore>().ListClientUsersAsync(w.Client.Id)).Count);
        Assert.Null(await check.ServiceProvider.GetRequiredService<IHouseStyleStore>().FindHouseStyleAsync(w.Office.Id));
    }
}

public sealed class SharedUnitOfWorkOnSqlite() : SharedUnitOfWorkContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class SharedUnitOfWorkOnPostgres(PostgresServer postgres) : SharedUnitOfWorkContract(Engine.Postgres, postgres);
