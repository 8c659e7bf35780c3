using Collab.Lifecycle;
using Collab.Registry;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Stores.Specification;

// ILifecycleStore: subscriptions, live administrations, and scheduled deletions due by instant (ONB-6, RET-2).
public abstract partial class StoreSpecification
{
    [Covers(typeof(ILifecycleStore), nameof(ILifecycleStore.FindSubscriptionAsync), nameof(ILifecycleStore.ListLiveAdministrationsAsync), nameof(ILifecycleStore.ListScheduledDeletionsAsync),
        nameof(ILifecycleStore.ListDeletionsAsync), nameof(ILifecycleStore.FindDueDeletionWorkAsync), nameof(ILifecycleStore.LatestBackupSinceAsync))]
    [Covers(typeof(IAdministrationStore), nameof(IAdministrationStore.ListLiveAdministrationsAsync))]
    [SkippableFact]
    public async Task A_cancelled_subscription_schedules_deletions_that_come_due_at_their_warning_instants()
    {
        var w = await SeedAsync();
        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(Seeder, w.Office.Id, OfficeModules.AccountantPackage));
        var email = $"fok.{Guid.NewGuid():N}@fietsen.nl";
        var registered = await InScopeAsync(sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(w.Desk, w.Office.Id,
            ClientRegistration.WithNewAdministration("Fietsenmaker Fok", "Fok Fietsen B.V.", email, "inKaart", BillingParty.Client, NextNumber(), "Fok 2026")));
        var client = registered.Subscription.ClientId;
        await InScopeAsync(sp => sp.GetRequiredService<InvitationService>().AcceptAsync(ActingParty.User(registered.Invitation.User), registered.Invitation.Token)); // SEC-7

        var (subscription, live) = await InScopeAsync(async sp =>
            (await sp.GetRequiredService<ILifecycleStore>().FindSubscriptionAsync(client), await sp.GetRequiredService<ILifecycleStore>().ListLiveAdministrationsAsync(client)));
        Assert.Equal(("inKaart", BillingParty.Client), (subscription!.Plan, subscription.BillingParty));
        Assert.Equal([registered.Administration.Id], live.Select(a => a.Id));
        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<ILifecycleStore>().FindSubscriptionAsync(ClientId.New())));

        var schedule = Assert.Single(await InScopeAsync(sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(ActingParty.User(registered.ClientUser.Id), client)));
        var scheduled = Assert.Single(await InScopeAsync(sp => sp.GetRequiredService<ILifecycleStore>().ListScheduledDeletionsAsync(client)));
        Assert.Equal(schedule.Id, scheduled.Id);
        Assert.Equal([schedule.Id], (await InScopeAsync(sp => sp.GetRequiredService<ILifecycleStore>().ListDeletionsAsync(registered.Administration.Id))).Select(s => s.Id));

        Task<IReadOnlyList<DeletionSchedule>> Due() => InScopeAsync(sp => sp.GetRequiredService<ILifecycleStore>().FindDueDeletionWorkAsync(Clock.GetCurrentInstant(), 10));
        Assert.Empty(await Due());
        Clock.Reset(scheduled.NextActionAt); // the first warning, 30 local days before the deletion day
        Assert.Equal([schedule.Id], (await Due()).Select(s => s.Id));
        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<ILifecycleStore>().LatestBackupSinceAsync(registered.Administration.Id, Instant.MinValue)));
    }
}
