using Collab.Registry;
using Collab.Rights;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Stores.Specification;

// The registry's aggregate stores (IOfficeStore, IClientStore, ICompanyStore, IAdministrationStore, IEnvironmentStore, IUserStore) and
// IRightsStore with its optional IUserOfficeAccessStore facet: lookups by id, e-mail and number, the people to tell, and the access answer.
public abstract partial class StoreSpecification
{
    [Covers(typeof(IOfficeStore), nameof(IOfficeStore.FindOfficeAsync))]
    [Covers(typeof(IAdministrationStore), nameof(IAdministrationStore.FindAdministrationAsync), nameof(IAdministrationStore.FindLiveAdministrationByNumberAsync))]
    [Covers(typeof(ICompanyStore), nameof(ICompanyStore.FindCompanyAsync))]
    [Covers(typeof(IUserStore), nameof(IUserStore.FindUserAsync), nameof(IUserStore.FindUserByEmailAsync), nameof(IUserStore.ListUsersAsync), nameof(IUserStore.UserEmailExistsAsync))]
    [Covers(typeof(IEnvironmentStore), nameof(IEnvironmentStore.FindEnvironmentAsync), nameof(IEnvironmentStore.ListEnvironmentsAsync))]
    [Covers(typeof(IClientStore), nameof(IClientStore.FindClientAsync))]
    [SkippableFact]
    public async Task Unknown_ids_numbers_and_addresses_find_nothing()
    {
        await SeedAsync();

        await InScopeAsync(async sp =>
        {
                        Assert.Null(await sp.GetRequiredService<IOfficeStore>().FindOfficeAsync(OfficeId.New()));
            Assert.Null(await sp.GetRequiredService<IClientStore>().FindClientAsync(ClientId.New()));
            Assert.Null(await sp.GetRequiredService<ICompanyStore>().FindCompanyAsync(CompanyId.New()));
            Assert.Null(await sp.GetRequiredService<IAdministrationStore>().FindAdministrationAsync(AdministrationId.New()));
            Assert.Null(await sp.GetRequiredService<IUserStore>().FindUserAsync(UserId.New()));
            Assert.Null(await sp.GetRequiredService<IEnvironmentStore>().FindEnvironmentAsync(EnvironmentId.New()));
            Assert.Null(await sp.GetRequiredService<IUserStore>().FindUserByEmailAsync("nobody@example.nl"));
            Assert.False(await sp.GetRequiredService<IUserStore>().UserEmailExistsAsync("nobody@example.nl"));
            Assert.Null(await sp.GetRequiredService<IAdministrationStore>().FindLiveAdministrationByNumberAsync(NextNumber()));
            Assert.Empty(await sp.GetRequiredService<IUserStore>().ListUsersAsync([UserId.New()]));
            Assert.Empty(await sp.GetRequiredService<IEnvironmentStore>().ListEnvironmentsAsync([EnvironmentId.New()]));
        });
    }

    [Covers(typeof(IAdministrationStore), nameof(IAdministrationStore.FindLiveAdministrationByNumberAsync))]
    [Covers(typeof(ICompanyStore), nameof(ICompanyStore.ListCompaniesAsync))]
    [Covers(typeof(IUserStore), nameof(IUserStore.FindUserByEmailAsync), nameof(IUserStore.ListUsersAsync), nameof(IUserStore.UserEmailExistsAsync))]
    [SkippableFact]
    public async Task Users_are_found_by_their_address_and_administrations_by_their_live_number()
    {
        var w = await SeedAsync();

        await InScopeAsync(async sp =>
        {
                        Assert.Equal(w.ClientUser.Id, (await sp.GetRequiredService<IUserStore>().FindUserByEmailAsync(w.ClientUser.Email))?.Id);
            Assert.True(await sp.GetRequiredService<IUserStore>().UserEmailExistsAsync(w.OfficeUser.Email));
            Assert.Equal(w.Held.Id, (await sp.GetRequiredService<IAdministrationStore>().FindLiveAdministrationByNumberAsync(w.Held.Number))?.Id);
            Assert.Equal([w.Shop.Id, w.Bakery.Id], (await sp.GetRequiredService<ICompanyStore>().ListCompaniesAsync(w.Client.Id)).Select(c => c.Id)); // by name: "Bakker Winkel" first
            var both = await sp.GetRequiredService<IUserStore>().ListUsersAsync([w.ClientUser.Id, w.OfficeUser.Id, w.ClientUser.Id, UserId.New()]);
            Assert.Equal(new[] { w.ClientUser.Id.Value, w.OfficeUser.Id.Value }.Order(), both.Select(u => u.Id.Value).Order());
        });
    }

    [Covers(typeof(IUserStore), nameof(IUserStore.FindUserAsync))]
    [SkippableFact]
    public async Task A_company_given_to_a_user_later_is_saved_in_its_place()
    {
        // Id lists (a user's companies) are change-tracked by Collab's own comparer: adding one must be seen.
        var w = await SeedAsync();
        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(Seeder, w.ClientUser.Id, w.Shop.Id));

        var reloaded = await InScopeAsync(sp => sp.GetRequiredService<IUserStore>().FindUserAsync(w.ClientUser.Id));
        Assert.Equal([w.Bakery.Id, w.Shop.Id], reloaded!.Companies);
    }

    [Covers(typeof(IUserStore), nameof(IUserStore.ClientUsersReachingAsync), nameof(IUserStore.ListClientUsersAsync), nameof(IUserStore.OfficeUsersAsync))]
    [SkippableFact]
    public async Task The_people_to_tell_are_the_active_users_who_may_reach_the_company()
    {
        var w = await SeedAsync();
        var shopUser = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().CreateClientUserAsync(Seeder, w.Client.Id, $"els.{Guid.NewGuid():N}@bakker.nl", [w.Shop.Id]));
        var leaver = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().CreateOfficeUserAsync(Seeder, w.Office.Id, $"oud.{Guid.NewGuid():N}@devries.nl"));
        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(Seeder, leaver.Id));

        await InScopeAsync(async sp =>
        {
                        Assert.Equal([w.ClientUser.Id], (await sp.GetRequiredService<IUserStore>().ClientUsersReachingAsync(w.Client.Id, w.Bakery.Id)).Select(u => u.Id));
            Assert.Equal([shopUser.Id], (await sp.GetRequiredService<IUserStore>().ClientUsersReachingAsync(w.Client.Id, w.Shop.Id)).Select(u => u.Id));
            Assert.Equal(new[] { w.ClientUser.Id.Value, shopUser.Id.Value }.Order(), (await sp.GetRequiredService<IUserStore>().ListClientUsersAsync(w.Client.Id)).Select(u => u.Id.Value).Order());
            Assert.Equal([w.OfficeUser.Id], (await sp.GetRequiredService<IUserStore>().OfficeUsersAsync(w.Office.Id)).Select(u => u.Id)); // not the deactivated one
        });
    }

    [Covers(typeof(IRightsStore), nameof(IRightsStore.FindGrantAsync), nameof(IRightsStore.ListAccessibleAdministrationsAsync), nameof(IRightsStore.OfficeMayAccessAsync))]
    [SkippableFact]
    public async Task An_office_may_access_what_it_holds_and_what_a_client_granted_until_it_is_revoked()
    {
        var w = await SeedAsync();
        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(Seeder, w.ClientUser.Id, w.Shop.Id));
        Task<bool> MayAccess(AdministrationId administration) => InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().OfficeMayAccessAsync(w.Office.Id, administration));

        Assert.True(await MayAccess(w.Held.Id));
        Assert.False(await MayAccess(w.Other.Id));

        await InScopeAsync(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Other.Id, GrantChannel.Web));
        Assert.True(await MayAccess(w.Other.Id));
        var listed = await InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().ListAccessibleAdministrationsAsync(w.Office.Id));
        Assert.Equal(new[] { w.Held, w.Other }.OrderBy(a => a.Number.Value).Select(a => a.Id), listed); // ordered by number
        var grant = await InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().FindGrantAsync(w.Office.Id, w.Other.Id));
        Assert.True(grant!.IsActive);

        await InScopeAsync(sp => sp.GetRequiredService<RightsService>().RevokeAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Other.Id));
        Assert.False(await MayAccess(w.Other.Id));
        Assert.Equal([w.Held.Id], await InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().ListAccessibleAdministrationsAsync(w.Office.Id)));
    }

    [Covers(typeof(IUserStore), nameof(IUserStore.FindUserAsync))]
    [Covers(typeof(IRightsStore), nameof(IRightsStore.OfficeMayAccessAsync))]
    [Covers(typeof(IUserOfficeAccessStore), nameof(IUserOfficeAccessStore.FindUserWithOfficeAccessAsync))]
    [SkippableFact]
    public async Task A_user_read_with_its_offices_access_gets_the_answer_of_the_two_separate_reads()
    {
        var w = await SeedAsync();
        var stranger = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().RegisterOfficeAsync(Seeder, "Kantoor Elders"));
        var strangerUser = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().CreateOfficeUserAsync(Seeder, stranger.Id, $"ander.{Guid.NewGuid():N}@elders.nl"));
        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(Seeder, w.ClientUser.Id, w.Shop.Id));
        Task<UserOfficeAccess?> Read(UserId user, AdministrationId administration) =>
            InScopeAsync(sp => FindUserWithOfficeAccessAsync(sp, user, administration));

        Assert.Equal((w.OfficeUser.Id, true), await Read(w.OfficeUser.Id, w.Held.Id) is { } held ? (held.User.Id, held.OfficeMayAccess) : default);
        Assert.False((await Read(w.OfficeUser.Id, w.Other.Id))!.OfficeMayAccess);
        Assert.False((await Read(strangerUser.Id, w.Held.Id))!.OfficeMayAccess); // another office's user
        Assert.Equal((w.ClientUser.Id, false), await Read(w.ClientUser.Id, w.Held.Id) is { } client ? (client.User.Id, client.OfficeMayAccess) : default);
        Assert.Null(await Read(UserId.New(), w.Held.Id));
        Assert.False((await Read(w.OfficeUser.Id, AdministrationId.New()))!.OfficeMayAccess);

        await InScopeAsync(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Other.Id, GrantChannel.Web));
        Assert.True((await Read(w.OfficeUser.Id, w.Other.Id))!.OfficeMayAccess);
        await InScopeAsync(sp => sp.GetRequiredService<RightsService>().RevokeAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Other.Id));
        Assert.False((await Read(w.OfficeUser.Id, w.Other.Id))!.OfficeMayAccess);

        // A user the scope already tracks is the one returned, with the same answer.
        await InScopeAsync(async sp =>
        {
            var tracked = await sp.GetRequiredService<IUserStore>().FindUserAsync(w.OfficeUser.Id);
            var read = await FindUserWithOfficeAccessAsync(sp, w.OfficeUser.Id, w.Held.Id);
            Assert.Same(tracked, read!.User);
            Assert.True(read.OfficeMayAccess);
        });

        // A deactivated user is still returned (Collab refuses it), its office's answer unchanged.
        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(Seeder, w.OfficeUser.Id));
        var inactive = await Read(w.OfficeUser.Id, w.Held.Id);
        Assert.False(inactive!.User.IsActive);
    }

    // The optional facet when the store offers it; otherwise the two required reads Collab falls back to, which must agree.
    private static async Task<UserOfficeAccess?> FindUserWithOfficeAccessAsync(IServiceProvider sp, UserId user, AdministrationId administration)
    {
        var rights = sp.GetRequiredService<IRightsStore>();
        if (rights is IUserOfficeAccessStore fused)
        {
            return await fused.FindUserWithOfficeAccessAsync(user, administration);
        }

        var found = await sp.GetRequiredService<IUserStore>().FindUserAsync(user);
        return found is null ? null : new UserOfficeAccess(found, found is { Kind: UserKind.OfficeUser, OfficeId: { } office } && await rights.OfficeMayAccessAsync(office, administration));
    }
}
