using Collab.Deliverables;
using Collab.Evidence;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Stores.Specification;

// IDeliverableStore beyond the reminder pass: links by id and the current (not replaced) ones, open approvals per
// office and client, overdue tasks by instant, and the office overview's specification applied in the store.
// IReceiptStore and IAuditChainStore: what a decision leaves behind, read back for evidence (SHARE-18, AUD-2).
public abstract partial class StoreSpecification
{
    private Task<DeliverableOfficeView> DraftAsync(World w, string title) =>
        InScopeAsync(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Bakery.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), title));

    private Task StartAsync(World w, ClientTier tier) =>
        InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, tier, new LocalDate(2026, 1, 1)));

    // R: SHARE-12 — a reissued link replaces the current one; a replaced or spent link is still found by its id, marked so.
    [Covers(typeof(IDeliverableStore), nameof(IDeliverableStore.FindLinkAsync), nameof(IDeliverableStore.CurrentLinksAsync), nameof(IDeliverableStore.FindDeliverableAsync))]
    [SkippableFact]
    public async Task A_reissued_link_replaces_the_current_one_and_replaced_and_spent_links_read_back_marked()
    {
        var w = await SeedAsync();
        await StartAsync(w, ClientTier.Standard); // shares by temporary link
        var report = await DraftAsync(w, "Jaarrekening 2025");
        Task<T> Store<T>(Func<IDeliverableStore, Task<T>> read) => InScopeAsync(sp => read(sp.GetRequiredService<IDeliverableStore>()));

        Assert.Empty(await Store(s => s.CurrentLinksAsync(report.Id)));
        await InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, report.Id));
        var first = Assert.Single(await Store(s => s.CurrentLinksAsync(report.Id)));
        Assert.Equal((report.Id, (Instant?)null, (Instant?)null), (first.DeliverableId, first.ReplacedAt, first.SpentAt));

        Clock.AdvanceMinutes(1);
        var token = await InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ReissueLinkAsync(w.Desk, report.Id));
        var fresh = Assert.Single(await Store(s => s.CurrentLinksAsync(report.Id)));
        Assert.NotEqual(first.Id, fresh.Id);
        Assert.Equal(Clock.GetCurrentInstant(), (await Store(s => s.FindLinkAsync(first.Id)))!.ReplacedAt);
        Assert.Null(await Store(s => s.FindLinkAsync(Guid.NewGuid())));
        Assert.Empty(await Store(s => s.CurrentLinksAsync(DeliverableId.New())));

        Clock.AdvanceMinutes(1);
        await InScopeAsync(sp => sp.GetRequiredService<DeliverableLinks>().OpenLinkAsync(token));
        await InScopeAsync(sp => sp.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(token)); // spends it (SHARE-2)
        var spent = await Store(s => s.FindLinkAsync(fresh.Id));
        Assert.Equal((Clock.GetCurrentInstant(), (Instant?)Clock.GetCurrentInstant()), (spent!.SpentAt!.Value, spent.FirstOpenedAt));
        Assert.Equal(DeliverableState.Viewed, (await Store(s => s.FindDeliverableAsync(report.Id)))!.State);
        Assert.Null(await Store(s => s.FindDeliverableAsync(DeliverableId.New())));
    }

    // R: TIER-4 — the open approvals a downgrade must see are the office's, for the clients asked about, until decided.
    [Covers(typeof(IDeliverableStore), nameof(IDeliverableStore.OpenApprovalsAsync), nameof(IDeliverableStore.FindOverdueAsync))]
    [SkippableFact]
    public async Task Open_approvals_are_the_offices_for_the_clients_asked_and_are_overdue_from_the_instant_their_deadline_passes()
    {
        var w = await SeedAsync();
        await StartAsync(w, ClientTier.Collaborate);
        var report = await DraftAsync(w, "Jaarrekening 2025");
        var deadline = new LocalDate(2026, 3, 31);
        await InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, report.Id, deadline));
        Task<T> Store<T>(Func<IDeliverableStore, Task<T>> read) => InScopeAsync(sp => read(sp.GetRequiredService<IDeliverableStore>()));

        Assert.Equal([(w.Client.Id, "Jaarrekening 2025", (LocalDate?)deadline)], await Store(s => s.OpenApprovalsAsync(w.Office.Id, [w.Client.Id, ClientId.New()])));
        Assert.Empty(await Store(s => s.OpenApprovalsAsync(w.Office.Id, [ClientId.New()])));
        Assert.Empty(await Store(s => s.OpenApprovalsAsync(OfficeId.New(), [w.Client.Id]))); // another office's question
        Assert.Empty(await Store(s => s.OpenApprovalsAsync(w.Office.Id, [])));

        Task<IReadOnlyList<Deliverable>> Overdue() => Store(s => s.FindOverdueAsync(Clock.GetCurrentInstant(), 10));
        var passes = (await Store(s => s.FindDeliverableAsync(report.Id)))!.DeadlinePassesAt!.Value; // 1 April 00:00 in Amsterdam
        Clock.Reset(passes - Duration.FromTicks(10));
        Assert.Empty(await Overdue());
        Clock.Reset(passes);
        Assert.Equal([report.Id], (await Overdue()).Select(r => r.Id));
        Assert.Empty(await Store(s => s.FindOverdueAsync(Clock.GetCurrentInstant(), 0)));

        Assert.Equal(1, await InScopeAsync(sp => sp.GetRequiredService<DeliverablePasses>().ExpireOverdueAsync()));
        Assert.Empty(await Overdue()); // expired: no longer open
        Assert.Empty(await Store(s => s.OpenApprovalsAsync(w.Office.Id, [w.Client.Id])));
    }

    // R: SHARE-17 — the overview's criteria, order and page size are applied by the store, to the office's rows only.
    [Covers(typeof(IDeliverableStore), nameof(IDeliverableStore.OverviewAsync), nameof(IDeliverableStore.CountByStateAsync))]
    [SkippableFact]
    public async Task The_overview_pages_through_the_offices_deliverables_only_and_counts_their_states()
    {
        var w = await SeedAsync();
        var elsewhere = await SeedAsync(); // another office with a draft of its own
        await StartAsync(w, ClientTier.Collaborate);
        await StartAsync(elsewhere, ClientTier.Collaborate);
        var drafts = new List<DeliverableId>();
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            Clock.AdvanceMinutes(1);
            drafts.Add((await DraftAsync(w, $"Jaarrekening {year}")).Id);
        }

        await DraftAsync(elsewhere, "Jaarrekening elders");
        await InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, drafts[0], new LocalDate(2026, 6, 30)));

        var overview = (Func<OfficeOverviewService, Task<DeliverablePage>> read) => InScopeAsync(sp => read(sp.GetRequiredService<OfficeOverviewService>()));
        var first = await overview(o => o.DeliverablesAsync(w.Desk, w.Office.Id, pageSize: 2));
        var second = await overview(o => o.DeliverablesAsync(w.Desk, w.Office.Id, after: first.Next, pageSize: 2));
        Assert.Equal((2, 1), (first.Items.Count, second.Items.Count));
        Assert.NotNull(first.Next);
        Assert.Null(second.Next);
        Assert.Equal(drafts.Order(), first.Items.Concat(second.Items).Select(i => i.Id).Order()); // each once, none of the other office
        var shared = await overview(o => o.DeliverablesAsync(w.Desk, w.Office.Id, new DeliverableFilter(States: [DeliverableState.Shared])));
        Assert.Equal([drafts[0]], shared.Items.Select(i => i.Id));

        var counts = await InScopeAsync(sp => sp.GetRequiredService<OfficeOverviewService>().CountsByStateAsync(w.Desk, w.Office.Id));
        Assert.Equal(2, counts[DeliverableState.Draft]);
        Assert.Equal(1, counts[DeliverableState.Shared]);
        Assert.Equal(3, counts.Values.Sum());
    }

    // R: SHARE-18, AUD-2 — a decision leaves a signed receipt and a chain of audit rows the store reads back in order.
    [Covers(typeof(IReceiptStore), nameof(IReceiptStore.ListReceiptsAsync))]
    [Covers(typeof(IAuditChainStore), nameof(IAuditChainStore.StreamChainAsync), nameof(IAuditChainStore.FindHeadAsync), nameof(IAuditChainStore.FindCheckpointAsync))]
    [SkippableFact]
    public async Task A_decision_reads_back_as_its_receipt_and_the_audit_chain_reads_back_in_position_order_up_to_its_head()
    {
        var w = await SeedAsync();
        await StartAsync(w, ClientTier.Collaborate);
        var report = await DraftAsync(w, "Jaarrekening 2025");
        await InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, report.Id, new LocalDate(2026, 3, 31)));
        Clock.AdvanceMinutes(3);
        await InScopeAsync(sp => sp.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(w.ClientUser.Id), report.Id));

        var receipt = Assert.Single(await InScopeAsync(sp => sp.GetRequiredService<IReceiptStore>().ListReceiptsAsync(report.Id)));
        Assert.Equal((report.Id, 1, true, w.ClientUser.Id, Clock.GetCurrentInstant()), (receipt.DeliverableId, receipt.Revision, receipt.Approved, receipt.DecidedBy, receipt.DecidedAt));
        Assert.Contains(report.Id.Value.ToString(), receipt.Json, StringComparison.Ordinal); // the signed JSON, kept as signed
        Assert.Empty(await InScopeAsync(sp => sp.GetRequiredService<IReceiptStore>().ListReceiptsAsync(DeliverableId.New())));

        var chain = AuditChains.For((await InScopeAsync(sp => sp.GetRequiredService<IDeliverableStore>().FindDeliverableAsync(report.Id)))!);
        var (rows, head, checkpoint) = await InScopeAsync(async sp =>
        {
            var chains = sp.GetRequiredService<IAuditChainStore>();
            var read = new List<AuditChainRow>();
            await foreach (var row in chains.StreamChainAsync(chain))
            {
                read.Add(row);
            }

            return ((IReadOnlyList<AuditChainRow>)read, await chains.FindHeadAsync(chain), await chains.FindCheckpointAsync(chain));
        });
        Assert.True(rows.Count >= 3, $"draft, share and approval are audited; {rows.Count} rows"); // AUD-1
        Assert.All(rows, r => Assert.Equal(chain, r.Chain));
        Assert.Equal(Enumerable.Range((int)rows[0].Position, rows.Count).Select(p => (long)p), rows.Select(r => r.Position)); // position order, no gaps
        Assert.Equal(rows.Skip(1).Select(r => r.PreviousHash), rows.SkipLast(1).Select(r => r.Hash));
        Assert.Equal((AuditChainHead?)new AuditChainHead(rows[^1].Position, rows[^1].Hash), head);
        Assert.Null(checkpoint); // nothing was deleted (RET-2)
        Assert.Null(AuditChain.Verify(chain, rows, checkpoint, head).FirstBreak);

        await InScopeAsync(async sp =>
        {
            var chains = sp.GetRequiredService<IAuditChainStore>();
            await foreach (var row in chains.StreamChainAsync("no-such-chain"))
            {
                Assert.Fail($"an unknown chain streams no rows, not {row.Position}");
            }

            Assert.Null(await chains.FindHeadAsync("no-such-chain"));
            Assert.Null(await chains.FindCheckpointAsync("no-such-chain"));
        });
    }

    // R: AUD-2, RET-2 — retention finds the chains whose oldest rows are past their time, with the last position it may
    // cut; a cut deletes the rows up to it and keeps the checkpoint (once: a second cut there changes nothing).
    [Covers(typeof(IAuditChainStore), nameof(IAuditChainStore.FindExpiredAsync), nameof(IAuditChainStore.CutAsync), nameof(IAuditChainStore.FindCheckpointAsync))]
    [SkippableFact]
    public async Task Expired_audit_rows_are_found_per_chain_and_a_cut_deletes_them_and_keeps_its_checkpoint_once()
    {
        var w = await SeedAsync();
        await StartAsync(w, ClientTier.Collaborate);
        var draft = await DraftAsync(w, "Jaarrekening 2025");
        var chain = AuditChains.For((await InScopeAsync(sp => sp.GetRequiredService<IDeliverableStore>().FindDeliverableAsync(draft.Id)))!);
        var written = Clock.GetCurrentInstant();
        Clock.AdvanceMinutes(10);

        var (notYet, due) = await InScopeAsync(async sp =>
        {
            var chains = sp.GetRequiredService<IAuditChainStore>();
            return (await chains.FindExpiredAsync(written.Minus(Duration.FromMinutes(1)), 100), await chains.FindExpiredAsync(written.Plus(Duration.FromMinutes(1)), 100));
        });
        Assert.DoesNotContain(notYet, c => c.Chain == chain); // nothing of this chain was written that early
        var cut = Assert.Single(due, c => c.Chain == chain);
        var head = await InScopeAsync(sp => sp.GetRequiredService<IAuditChainStore>().FindHeadAsync(chain));
        Assert.Equal((head!.Value.Position, head.Value.Hash), (cut.Position, cut.Hash)); // every row so far is old enough: up to the head

        var checkpoint = new AuditCheckpoint(chain, cut.Position, cut.Hash, Clock.GetCurrentInstant(), "spec-key", "c2lnbmVk");
        var deleted = await InScopeAsync(sp => sp.GetRequiredService<IAuditChainStore>().CutAsync(checkpoint));
        Assert.True(deleted >= 1, $"the draft's rows are deleted; {deleted}");
        Assert.Equal(-1, await InScopeAsync(sp => sp.GetRequiredService<IAuditChainStore>().CutAsync(checkpoint)));
        Assert.Equal(checkpoint, await InScopeAsync(sp => sp.GetRequiredService<IAuditChainStore>().FindCheckpointAsync(chain)));
        await InScopeAsync(async sp =>
        {
            await foreach (var row in sp.GetRequiredService<IAuditChainStore>().StreamChainAsync(chain))
            {
                Assert.True(row.Position > cut.Position, $"row {row.Position} was cut");
            }
        });
    }
}
