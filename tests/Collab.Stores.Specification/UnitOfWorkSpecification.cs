using Collab.Registry;
using Collab.Deliverables;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Stores.Specification;

// ICollabUnitOfWork: what is added and changed is saved together, audited once, and a lost race saves nothing.
public abstract partial class StoreSpecification
{
    [Covers(typeof(ICollabUnitOfWork), nameof(ICollabUnitOfWork.Add), nameof(ICollabUnitOfWork.SaveChangesAsync))]
    [Covers(typeof(IOfficeStore), nameof(IOfficeStore.FindOfficeAsync))]
    [Covers(typeof(IAdministrationStore), nameof(IAdministrationStore.FindAdministrationAsync))]
    [Covers(typeof(ICompanyStore), nameof(ICompanyStore.FindCompanyAsync))]
    [Covers(typeof(IUserStore), nameof(IUserStore.FindUserAsync))]
    [SkippableFact]
    public async Task Saved_aggregates_are_found_again_by_a_later_unit_of_work()
    {
        var w = await SeedAsync();

        var (office, company, administration, user) = await InScopeAsync(async sp =>
        {
                        return (await sp.GetRequiredService<IOfficeStore>().FindOfficeAsync(w.Office.Id), await sp.GetRequiredService<ICompanyStore>().FindCompanyAsync(w.Bakery.Id),
                await sp.GetRequiredService<IAdministrationStore>().FindAdministrationAsync(w.Held.Id), await sp.GetRequiredService<IUserStore>().FindUserAsync(w.ClientUser.Id));
        });

        Assert.Equal(("Kantoor De Vries", "Europe/Amsterdam"), (office!.Name, office.TimeZoneId));
        Assert.Equal(w.Client.Id, company!.ClientId);
        Assert.Equal((w.Held.Number, w.Office.Id, AdministrationState.Live), (administration!.Number, administration.HolderOfficeId, administration.State));
        Assert.Equal([w.Bakery.Id], user!.Companies);
        Assert.Equal(user.Version, user.PersistedVersion); // nothing pending after a load
        Assert.Empty(user.DomainEvents);
    }

    // R: SEC-2
    [Covers(typeof(ICollabUnitOfWork), nameof(ICollabUnitOfWork.SaveChangesAsync))]
    [Covers(typeof(IAuditTrail), nameof(IAuditTrail.ForSubjectAsync))]
    [Covers(typeof(IOfficeStore), nameof(IOfficeStore.FindOfficeAsync))]
    [SkippableFact]
    public async Task A_change_to_an_aggregate_someone_else_changed_first_is_a_conflict_and_leaves_nothing_behind()
    {
        var w = await SeedAsync();

        await InScopeAsync(async sp =>
        {
            _ = await sp.GetRequiredService<IOfficeStore>().FindOfficeAsync(w.Office.Id); // this request read the office first …
            await InScopeAsync(other => other.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(Seeder, w.Office.Id, OfficeModules.EAccountancy)); // … another saved first

            var refused = await Assert.ThrowsAsync<CollabRefusalException>(
                () => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(Seeder, w.Office.Id, OfficeModules.AccountantPackage));
            Assert.Equal(RefusalKind.ConcurrencyConflict, refused.Kind);

            // The same unit of work goes on: the refused change is not saved by the next successful call.
            await sp.GetRequiredService<CollabRegistry>().CreateOfficeUserAsync(Seeder, w.Office.Id, $"bas.{Guid.NewGuid():N}@devries.nl");
        });

        var office = await InScopeAsync(sp => sp.GetRequiredService<IOfficeStore>().FindOfficeAsync(w.Office.Id));
        Assert.Equal(OfficeModules.EAccountancy, office!.Modules);
        var audit = await InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().ForSubjectAsync(AuditSubject.Office(w.Office.Id)));
        var changes = audit.Where(r => r.Action == AuditAction.OfficeModulesChanged).Select(r => r.Details).ToList();
        Assert.Equal(["from=None;to=EAccountancy"], changes); // the refused change left no audit record
    }

    // R: AUD-1
    [Covers(typeof(IAuditTrail), nameof(IAuditTrail.ForSubjectAsync))]
    [SkippableFact]
    public async Task Every_audited_event_is_one_audit_record_saved_with_its_change()
    {
        var w = await SeedAsync();
        var before = await InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().ForSubjectAsync(AuditSubject.Office(w.Office.Id)));

        Clock.AdvanceMinutes(5);
        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(Seeder, w.Office.Id, OfficeModules.AccountantPackage));

        var after = await InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().ForSubjectAsync(AuditSubject.Office(w.Office.Id)));
        var added = Assert.Single(after.Skip(before.Count));
        Assert.Equal((Actor.Platform("store-specification"), Clock.GetCurrentInstant()), (added.Actor, added.At));
        Assert.Equal(before, after.Take(before.Count)); // oldest first, earlier records untouched
    }

    [Covers(typeof(ICollabUnitOfWork), nameof(ICollabUnitOfWork.Enqueue))]
    [Covers(typeof(Notifications.IOutboxDispatcher), nameof(Notifications.IOutboxDispatcher.DispatchAsync), nameof(Notifications.IOutboxDispatcher.StatusAsync), nameof(Notifications.IOutboxDispatcher.ListDeadLettersAsync))]
    [SkippableFact]
    public async Task Queued_notifications_are_saved_with_the_change_and_delivered_once()
    {
        var w = await SeedAsync();
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Standard, new LocalDate(2026, 1, 1)));
        var deliverable = await InScopeAsync(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Bakery.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025"));
        await InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, deliverable.Id));

        var queuedAt = Clock.GetCurrentInstant();
        Clock.AdvanceMinutes(2);
        Task<Notifications.OutboxStatus> Status() => InScopeAsync(sp => sp.GetRequiredService<Notifications.IOutboxDispatcher>().StatusAsync());
        Assert.Equal(new Notifications.OutboxStatus(1, queuedAt, 0), await Status()); // pending since it was saved
        var first = await InScopeAsync(sp => sp.GetRequiredService<Notifications.IOutboxDispatcher>().DispatchAsync());
        var second = await InScopeAsync(sp => sp.GetRequiredService<Notifications.IOutboxDispatcher>().DispatchAsync());

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(new Notifications.OutboxStatus(0, null, 0), await Status());
        Assert.Empty(await InScopeAsync(sp => sp.GetRequiredService<Notifications.IOutboxDispatcher>().ListDeadLettersAsync())); // delivered, not dead
        var ready = Assert.Single(Sent.Delivered);
        Assert.Equal((NotificationKind.DeliverableReady, w.ClientUser.Email, AuditSubject.Deliverable(deliverable.Id)), (ready.Kind, ready.Recipient, ready.Subject));
    }
}
