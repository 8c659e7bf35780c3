using Collab.Portal;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Tiers;
using Collab.Transfers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Stores.Specification;

// What background passes and pages ask of the stores: due work by instant, tiers for bulk changes, keyset pages.
public abstract partial class StoreSpecification
{
    [Covers(typeof(ITierStore), nameof(ITierStore.FindTierAsync), nameof(ITierStore.ListCollaborationsAsync), nameof(ITierStore.ReadForBulkChangeAsync))]
    [Covers(typeof(ICollabUnitOfWork), nameof(ICollabUnitOfWork.SaveTierChangesAsync))]
    [SkippableFact]
    public async Task Tiers_are_read_per_office_and_client_and_bulk_reads_count_the_active_client_users()
    {
        var w = await SeedAsync();
        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<ITierStore>().FindTierAsync(w.Office.Id, w.Client.Id)));

        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1)));
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended));

        Assert.Equal(ClientTier.CollaborateExtended, await InScopeAsync(sp => sp.GetRequiredService<ITierStore>().FindTierAsync(w.Office.Id, w.Client.Id)));
        var read = await InScopeAsync(sp => sp.GetRequiredService<ITierStore>().ReadForBulkChangeAsync(w.Office.Id, [w.Client.Id, ClientId.New()]));
        var (collaboration, users) = Assert.Single(read);
        Assert.Equal((w.Client.Id, ClientTier.CollaborateExtended, 1), (collaboration.ClientId, collaboration.Tier, users));
        Assert.Equal(collaboration.Version, collaboration.PersistedVersion);
        Assert.Empty(await InScopeAsync(sp => sp.GetRequiredService<ICollabUnitOfWork>().SaveTierChangesAsync([])));
        var listed = Assert.Single(await InScopeAsync(sp => sp.GetRequiredService<ITierStore>().ListCollaborationsAsync(w.Office.Id)));
        Assert.Equal((w.Client.Id, ClientTier.CollaborateExtended), (listed.ClientId, listed.Tier));
    }

    // R: TIER-7 — a store keeps the tier and user history in the same save as each change (single and bulk) and reads a
    // month's rows from it; an issued statement reads back with its lines.
    [Covers(typeof(ITierStore), nameof(ITierStore.FindIssuedStatementAsync), nameof(ITierStore.StreamStatementRowsAsync))]
    [SkippableFact]
    public async Task Statement_rows_come_from_the_history_of_single_and_bulk_changes_and_an_issued_month_reads_back()
    {
        var w = await SeedAsync(); // the client has one active client user
        var zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        Instant Local(int month, int day) => zone.AtStartOfDay(new LocalDate(2026, month, day)).ToInstant();
        Clock.Reset(Local(3, 2) + Duration.FromHours(9));
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Standard, new LocalDate(2026, 1, 1)));
        Clock.Reset(Local(4, 10) + Duration.FromHours(9));
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended));
        var second = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().CreateClientUserAsync(Seeder, w.Client.Id, $"tweede.{Guid.NewGuid():N}@bakker.nl", [w.Bakery.Id]));
        Clock.Reset(Local(5, 20) + Duration.FromHours(9));
        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(Seeder, second.Id)); // room for the downgrade (TIER-4)
        var bulk = await InScopeAsync(sp => sp.GetRequiredService<TierService>().ChangeTiersAsync(w.Desk, w.Office.Id, [w.Client.Id], ClientTier.Collaborate)); // the bulk path
        Assert.Equal(1, bulk.Count(TierChangeStatus.Changed));

        async Task<(ClientTier Tier, int Users)?> RowAsync(int month)
        {
            var rows = new List<StatementRow>();
            await InScopeAsync(async sp =>
            {
                await foreach (var row in sp.GetRequiredService<ITierStore>().StreamStatementRowsAsync(w.Office.Id, Local(month, 1), Local(month + 1, 1)))
                {
                    rows.Add(row);
                }
            });
            return rows.Count == 0 ? null : (Assert.Single(rows).Tier, rows[0].ActiveClientUsers);
        }

        Assert.Null(await RowAsync(2)); // started on 2 March: a start dated in the past is not billed before it was made
        Assert.Equal((ClientTier.Standard, 1), await RowAsync(3));
        Assert.Equal((ClientTier.CollaborateExtended, 2), await RowAsync(4));
        Assert.Equal((ClientTier.CollaborateExtended, 2), await RowAsync(5)); // Extended until the bulk change on 20 May
        Assert.Equal((ClientTier.Collaborate, 1), await RowAsync(6));

        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<ITierStore>().FindIssuedStatementAsync(w.Office.Id, new YearMonth(2026, 4))));
        var issued = await InScopeAsync(sp => sp.GetRequiredService<BillingService>().IssueStatementAsync(w.Desk, w.Office.Id, new YearMonth(2026, 4)));
        var stored = await InScopeAsync(sp => sp.GetRequiredService<ITierStore>().FindIssuedStatementAsync(w.Office.Id, new YearMonth(2026, 4)));
        Assert.NotNull(stored);
        Assert.Equal(issued.Lines, stored.ToStatement().Lines);
        Assert.Equal((2.65m, issued.IssuedAt), (stored.Total, (Instant?)stored.IssuedAt));
    }

    [Covers(typeof(ITransferStore), nameof(ITransferStore.FindDueForExpiryAsync), nameof(ITransferStore.ListOpenRequestsAsync), nameof(ITransferStore.ListForOfficeAsync))]
    [SkippableFact]
    public async Task A_transfer_request_is_due_for_expiry_once_its_last_local_day_is_over_and_not_after_it_expired()
    {
        var w = await SeedAsync();
        var (from, to, requester, moving) = await TwoEnvironmentsAsync(w);
        var request = await InScopeAsync(sp => sp.GetRequiredService<TransferService>().RequestAsync(ActingParty.User(requester.Id), from.Id, to.Id, [moving.Id], w.ClientUser.Email));

        Task<IReadOnlyList<TransferRequest>> Due() => InScopeAsync(sp => sp.GetRequiredService<ITransferStore>().FindDueForExpiryAsync(Clock.GetCurrentInstant(), 10));
        Assert.Empty(await Due());
        Assert.Equal([request.Id], (await InScopeAsync(sp => sp.GetRequiredService<ITransferStore>().ListOpenRequestsAsync(w.Client.Id))).Select(r => r.Id));
        Assert.Equal([request.Id], (await InScopeAsync(sp => sp.GetRequiredService<ITransferStore>().ListForOfficeAsync(w.Office.Id))).Select(r => r.Id)); // out of its environment
        Assert.Equal([request.Id], (await InScopeAsync(sp => sp.GetRequiredService<ITransferStore>().ListForOfficeAsync(to.OfficeId))).Select(r => r.Id)); // into that one
        Assert.Empty(await InScopeAsync(sp => sp.GetRequiredService<ITransferStore>().ListForOfficeAsync(OfficeId.New())));

        Clock.Reset(request.ExpiresAt - Duration.FromTicks(10));
        Assert.Empty(await Due()); // a microsecond before: still open
        Clock.Reset(request.ExpiresAt);
        Assert.Equal([request.Id], (await Due()).Select(r => r.Id));

        Assert.Equal(1, await InScopeAsync(sp => sp.GetRequiredService<TransferService>().ExpireDueAsync()));
        Assert.Empty(await Due());
        Assert.Empty(await InScopeAsync(sp => sp.GetRequiredService<ITransferStore>().ListOpenRequestsAsync(w.Client.Id)));
    }

    [Covers(typeof(IDeliverableStore), nameof(IDeliverableStore.FindDueRemindersAsync), nameof(IDeliverableStore.FindDeliverableAsync), nameof(IDeliverableStore.ListForOfficeAsync),
        nameof(IDeliverableStore.ListForCompanyAsync))]
    [SkippableFact]
    public async Task An_approval_reminder_is_due_from_the_start_of_its_local_day_until_it_is_sent()
    {
        var w = await SeedAsync();
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1)));
        var deliverable = await InScopeAsync(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Bakery.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025"));
        var shared = await InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, deliverable.Id, new LocalDate(2026, 3, 31)));

        Task<IReadOnlyList<Deliverable>> Due() => InScopeAsync(sp => sp.GetRequiredService<IDeliverableStore>().FindDueRemindersAsync(Clock.GetCurrentInstant(), 10));
        Assert.Empty(await Due());
        Clock.Reset(shared.Deliverable.ReminderDueAt!.Value); // 28 March 00:00 in Amsterdam: three days before the deadline
        Assert.Equal([deliverable.Id], (await Due()).Select(r => r.Id));

        Assert.Equal(1, await InScopeAsync(sp => sp.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync()));
        Assert.Empty(await Due());
        var stored = await InScopeAsync(sp => sp.GetRequiredService<IDeliverableStore>().FindDeliverableAsync(deliverable.Id));
        Assert.Equal(Clock.GetCurrentInstant(), stored!.ReminderSentAt);
        Assert.Equal([deliverable.Id], (await InScopeAsync(sp => sp.GetRequiredService<IDeliverableStore>().ListForOfficeAsync(w.Office.Id, 10))).Select(r => r.Id));
        Assert.Equal([deliverable.Id], (await InScopeAsync(sp => sp.GetRequiredService<IDeliverableStore>().ListForCompanyAsync(w.Bakery.Id))).Select(r => r.Id));
        Assert.Empty(await InScopeAsync(sp => sp.GetRequiredService<IDeliverableStore>().ListForCompanyAsync(w.Shop.Id)));
    }

    [Covers(typeof(IPortalItemStore), nameof(IPortalItemStore.PortalHistoryAsync))]
    [SkippableFact]
    public async Task The_portal_history_comes_in_keyset_pages_newest_first_with_entries_the_event_handlers_wrote()
    {
        var w = await SeedAsync();
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)));
        var shared = new List<DeliverableId>();
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            Clock.AdvanceMinutes(1);
            var deliverable = await InScopeAsync(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Bakery.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), $"Jaarrekening {year}"));
            await InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, deliverable.Id, new LocalDate(2026, 6, 30)));
            shared.Add(deliverable.Id);
        }

        Task<IReadOnlyList<PortalItem>> Page(PortalCursor? after) => InScopeAsync(sp => sp.GetRequiredService<IPortalItemStore>()
            .PortalHistoryAsync(w.Client.Id, [w.Bakery.Id], [ClientTier.CollaborateExtended], after, 2, openOnly: false));
        var first = await Page(null);
        var second = await Page(new PortalCursor(first[^1].SharedAt, first[^1].Id));

        Assert.Equal(shared.AsEnumerable().Reverse().Select(r => r.Value), first.Concat(second).Select(i => i.Id));
        Assert.Equal((2, 1), (first.Count, second.Count));
        Assert.Empty(await InScopeAsync(sp => sp.GetRequiredService<IPortalItemStore>()
            .PortalHistoryAsync(w.Client.Id, [w.Shop.Id], [ClientTier.CollaborateExtended], null, 10, openOnly: false))); // another company's page
        Assert.Empty(await InScopeAsync(sp => sp.GetRequiredService<IPortalItemStore>()
            .PortalHistoryAsync(w.Client.Id, [w.Bakery.Id], [ClientTier.Collaborate], null, 10, openOnly: false))); // a tier without the portal
    }
}
