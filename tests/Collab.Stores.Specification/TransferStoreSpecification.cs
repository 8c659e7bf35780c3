using Collab.Registry;
using Collab.Transfers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Stores.Specification;

// ITransferStore beyond the passes: a request by its id with its consents and bank links, the follow-up checklist
// in position order, and the environment access an executed transfer granted, per environment and user.
public abstract partial class StoreSpecification
{
    /// <summary>The seeded office's environment with an administration of the bakery in it, and another office's environment with its administrator.</summary>
    private Task<(EnvironmentView From, EnvironmentView To, UserView NewAdmin, AdministrationView Moving)> TwoEnvironmentsAsync(World w) => InScopeAsync(async sp =>
    {
        var registry = sp.GetRequiredService<CollabRegistry>();
        var newOffice = await registry.RegisterOfficeAsync(Seeder, "Kantoor Nieuw", "Europe/Amsterdam");
        var admin = await registry.CreateOfficeUserAsync(Seeder, newOffice.Id, $"beheer.{Guid.NewGuid():N}@nieuw.nl");
        var from = await registry.CreateEnvironmentAsync(Seeder, w.Office.Id, "Omgeving Oud", [w.OfficeUser.Id]);
        var to = await registry.CreateEnvironmentAsync(Seeder, newOffice.Id, "Omgeving Nieuw", [admin.Id]);
        var moving = await registry.CreateAdministrationAsync(Seeder, w.Bakery.Id, NextNumber(), "Bakkerij 2027", environment: from.Id);
        return (from, to, admin, moving);
    });

    // R: XFER-4, XFER-5 — execution grants the client's identity access to the new environment and leaves a checklist.
    [Covers(typeof(ITransferStore), nameof(ITransferStore.FindRequestAsync), nameof(ITransferStore.ListFollowUpAsync), nameof(ITransferStore.FindAccessAsync))]
    [SkippableFact]
    public async Task An_executed_transfer_reads_back_with_its_consents_its_checklist_in_order_and_the_access_it_granted()
    {
        var w = await SeedAsync();
        var (from, to, newAdmin, moving) = await TwoEnvironmentsAsync(w);
        BankLink[] banks = [new("Rabobank", moving.Id, BankLinkManager.PreviousOffice), new("Knab", moving.Id, BankLinkManager.Client)];
        Task<T> Transfers<T>(Func<TransferService, Task<T>> work) => InScopeAsync(sp => work(sp.GetRequiredService<TransferService>()));
        Task<T> Store<T>(Func<ITransferStore, Task<T>> read) => InScopeAsync(sp => read(sp.GetRequiredService<ITransferStore>()));

        var request = await Transfers(t => t.RequestAsync(ActingParty.User(newAdmin.Id), from.Id, to.Id, [moving.Id], w.ClientUser.Email, banks));
        var stored = await Store(s => s.FindRequestAsync(request.Id));
        Assert.Equal((TransferState.AwaitingConsents, w.Client.Id, from.Id, to.Id, newAdmin.Id, 0), (stored!.State, stored.ClientId, stored.FromEnvironment, stored.ToEnvironment, stored.RequestedBy, stored.ConsentCount));
        Assert.Equal([moving.Id], stored.Administrations);
        Assert.Equal(banks, stored.BankLinks);
        Assert.Null(await Store(s => s.FindRequestAsync(TransferRequestId.New())));
        Assert.Null(await Store(s => s.FindAccessAsync(to.Id, w.ClientUser.Id))); // nothing granted yet
        Assert.Empty(await Store(s => s.ListFollowUpAsync(request.Id)));

        await Transfers(t => t.ConsentAsync(ActingParty.User(w.OfficeUser.Id), request.Id, TransferParty.OldEnvironmentAdministrator));
        Clock.AdvanceMinutes(1);
        await Transfers(t => t.ConsentAsync(ActingParty.User(w.ClientUser.Id), request.Id, TransferParty.Client));
        await Transfers(t => t.ConsentAsync(ActingParty.User(newAdmin.Id), request.Id, TransferParty.NewEnvironmentAdministrator));
        var consented = await Store(s => s.FindRequestAsync(request.Id));
        Assert.Equal((TransferState.Approved, 3, (Instant?)Clock.GetCurrentInstant(), w.ClientUser.Id), (consented!.State, consented.ConsentCount, consented.ClientConsentAt, consented.ClientConsentBy!.Value));

        var checklist = await Transfers(t => t.ExecuteAsync(ActingParty.User(newAdmin.Id), request.Id, BillingParty.Office));
        var items = await Store(s => s.ListFollowUpAsync(request.Id));
        Assert.Equal(checklist.Select(i => (i.Id, i.Position)), items.Select(i => (i.Id, i.Position)));
        Assert.Equal(items.Select(i => i.Position).Order(), items.Select(i => i.Position)); // in order
        Assert.Contains(items, i => (i.Bank, i.ManagedBy) == ("Rabobank", BankLinkManager.PreviousOffice));
        Assert.Empty(await Store(s => s.ListFollowUpAsync(TransferRequestId.New())));

        var access = await Store(s => s.FindAccessAsync(to.Id, w.ClientUser.Id));
        Assert.Equal((to.Id, w.ClientUser.Id, BillingParty.Office), (access!.EnvironmentId, access.UserId, access.BilledTo));
        Assert.Contains(moving.Id, access.Administrations);
        Assert.Null(await Store(s => s.FindAccessAsync(from.Id, w.ClientUser.Id))); // another environment
        Assert.Null(await Store(s => s.FindAccessAsync(to.Id, newAdmin.Id))); // another user
        Assert.Equal(TransferState.Executed, (await Store(s => s.FindRequestAsync(request.Id)))!.State);
    }
}
