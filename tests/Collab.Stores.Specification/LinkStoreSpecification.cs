using Collab.Lifecycle;
using Collab.Links;
using Collab.Registry;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Stores.Specification;

// ILinkStore: a link by its id, by the app's administration and by the bookkeeping's; linked records by either
// side's id, within their link and kind; links due for a poll by instant. A removed link is found by its id only.
public abstract partial class StoreSpecification
{
    /// <summary>A customer of the office registered online (its own subscription licence) whose client user accepted.</summary>
    private async Task<RegistrationResult> RegisterCustomerAsync(World w)
    {
        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(Seeder, w.Office.Id, OfficeModules.AccountantPackage));
        var registered = await InScopeAsync(sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(w.Desk, w.Office.Id,
            ClientRegistration.WithNewAdministration("Webwinkel Wim", "Wim B.V.", $"wim.{Guid.NewGuid():N}@wim.nl", "inKaart", BillingParty.Client, NextNumber(), "Wim 2026")));
        await InScopeAsync(sp => sp.GetRequiredService<InvitationService>().AcceptAsync(ActingParty.User(registered.Invitation.User), registered.Invitation.Token)); // SEC-7
        return registered;
    }

    // R: LINK-1 — one link per app administration and per bookkeeping administration and app: the store finds it from either side.
    [Covers(typeof(ILinkStore), nameof(ILinkStore.FindLinkAsync), nameof(ILinkStore.FindLinkOfExternalAsync), nameof(ILinkStore.FindLinkOfAdministrationAsync),
        nameof(ILinkStore.LinkedRecordsAsync), nameof(ILinkStore.FindByExternalAsync), nameof(ILinkStore.FindByBookkeepingAsync), nameof(ILinkStore.FindDuePollsAsync))]
    [SkippableFact]
    public async Task Links_are_found_from_either_side_and_their_records_by_either_id_within_their_link_and_kind()
    {
        var w = await SeedAsync();
        var administration = (await RegisterCustomerAsync(w)).Administration.Id;
        Outside.AddToApp(new SyncRecord(SyncEntityKind.Customer, "a-jansen", 1, "Jansen B.V."));
        Outside.AddToApp(new SyncRecord(SyncEntityKind.Customer, "a-smit", 1, "Smit Installatie"));
        Outside.AddToBooks(new SyncRecord(SyncEntityKind.Customer, "b-smit", 1, "Smit Installatie"));
        Task<T> Links<T>(Func<LinkService, Task<T>> work) => InScopeAsync(sp => work(sp.GetRequiredService<LinkService>()));
        Task<T> Store<T>(Func<ILinkStore, Task<T>> read) => InScopeAsync(sp => read(sp.GetRequiredService<ILinkStore>()));

        var link = await Links(l => l.ConnectAsync(w.Desk, "webshop", "shop-1"));
        var found = await Store(s => s.FindLinkAsync(link.Id));
        Assert.Equal((link.Id, "webshop", "shop-1", LinkStep.Connected), (found!.Id, found.App, found.ExternalAdministration, found.Step));
        Assert.Null(await Store(s => s.FindLinkAsync(LinkId.New())));
        Assert.Equal(link.Id, (await Store(s => s.FindLinkOfExternalAsync("webshop", "shop-1")))?.Id);
        Assert.Null(await Store(s => s.FindLinkOfExternalAsync("webshop", "shop-2"))); // another app administration
        Assert.Null(await Store(s => s.FindLinkOfExternalAsync("timesheets", "shop-1"))); // the same name in another app
        Assert.Null(await Store(s => s.FindLinkOfAdministrationAsync("webshop", administration))); // nothing chosen yet

        await Links(l => l.ChooseAdministrationAsync(w.Desk, link.Id, administration, BookkeepingEdition.Web));
        Assert.Equal(link.Id, (await Store(s => s.FindLinkOfAdministrationAsync("webshop", administration)))?.Id);
        Assert.Null(await Store(s => s.FindLinkOfAdministrationAsync("timesheets", administration)));
        Assert.Null(await Store(s => s.FindLinkOfAdministrationAsync("webshop", w.Held.Id)));

        await Links(l => l.ConfirmAsync(w.Desk, link.Id));
        await Links(l => l.ReadAllDataAsync(w.Desk, link.Id)); // Smit matched by name, Jansen made in the bookkeeping (LINK-5)
        var customers = await Store(s => s.LinkedRecordsAsync(link.Id, SyncEntityKind.Customer));
        Assert.Equal(["a-jansen", "a-smit"], customers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("a-smit", "b-smit", MatchOutcome.Matched), (customers["a-smit"].ExternalId, customers["a-smit"].BookkeepingId, customers["a-smit"].Match));
        var made = customers["a-jansen"].BookkeepingId;
        Assert.NotNull(made);
        Assert.Empty(await Store(s => s.LinkedRecordsAsync(link.Id, SyncEntityKind.Product))); // another kind
        Assert.Empty(await Store(s => s.LinkedRecordsAsync(LinkId.New(), SyncEntityKind.Customer))); // another link

        Assert.Equal(made, (await Store(s => s.FindByExternalAsync(link.Id, SyncEntityKind.Customer, "a-jansen")))?.BookkeepingId);
        Assert.Equal("a-smit", (await Store(s => s.FindByBookkeepingAsync(link.Id, SyncEntityKind.Customer, "b-smit")))?.ExternalId);
        Assert.Null(await Store(s => s.FindByExternalAsync(link.Id, SyncEntityKind.Product, "a-jansen")));
        Assert.Null(await Store(s => s.FindByExternalAsync(LinkId.New(), SyncEntityKind.Customer, "a-jansen")));
        Assert.Null(await Store(s => s.FindByBookkeepingAsync(link.Id, SyncEntityKind.ProductGroup, "b-smit")));
        Assert.Null(await Store(s => s.FindByBookkeepingAsync(link.Id, SyncEntityKind.Customer, "b-nobody")));

        Task<IReadOnlyList<IntegrationLink>> Due() => Store(s => s.FindDuePollsAsync(Clock.GetCurrentInstant(), 10));
        await Links(l => l.StartSynchronisationAsync(w.Desk, link.Id));
        var next = (await Store(s => s.FindLinkAsync(link.Id)))!.NextPollAt!.Value;
        Clock.Reset(next - Duration.FromTicks(10));
        Assert.Empty(await Due()); // a microsecond before its poll
        Clock.Reset(next);
        Assert.Equal([link.Id], (await Due()).Select(l => l.Id));
        Assert.Empty(await Store(s => s.FindDuePollsAsync(Clock.GetCurrentInstant(), 0)));

        await Links(l => l.RemoveAsync(w.Desk, link.Id));
        Assert.Empty(await Due()); // a removed link is not polled
        Assert.Null(await Store(s => s.FindLinkOfExternalAsync("webshop", "shop-1"))); // and frees both sides (LINK-1)
        Assert.Null(await Store(s => s.FindLinkOfAdministrationAsync("webshop", administration)));
        Assert.Equal(link.Id, (await Store(s => s.FindLinkAsync(link.Id)))?.Id); // still found by its id
    }
}
