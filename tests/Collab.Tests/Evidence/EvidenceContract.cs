using System.Text;
using Collab.Deliverables;
using Collab.Evidence;
using Collab.Notifications;
using Collab.Persistence.EfCore;
using Collab.Tests.Infrastructure;
using Collab.Tests.Transfers;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Evidence;

/// <summary>Receipts of decisions (SHARE-18) and the hash-chained audit trail (AUD-2), run unchanged on every engine.</summary>
public abstract class EvidenceContract(Engine engine, PostgresServer? postgres)
{
    private readonly RecordingSender _sender = new();

    private Task<TestDatabase> NewDatabaseAsync() =>
        TestDatabase.CreateAsync(engine, postgres, services =>
        {
            services.AddSingleton<INotificationSender>(_sender);
            services.AddCollab().AddFileSystemBlobStore(Directory.CreateTempSubdirectory("collab-evidence-").FullName);
        });

    private static Task<T> Deliverables<T>(TestDatabase db, Func<IServiceProvider, Task<T>> work) =>
        db.InScopeAsync(sp => work(sp));

    private static Task<T> Evidence<T>(TestDatabase db, Func<EvidenceService, Task<T>> work) =>
        db.InScopeAsync(sp => work(sp.GetRequiredService<EvidenceService>()));

    private static async Task<(World W, DeliverableId Deliverable, byte[] Pdf)> SharedForApprovalAsync(TestDatabase db)
    {
        var w = await World.SeedAsync(db);
        await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1)));
        var draft = await Deliverables(db, r => r.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025"));
        var pdf = TestDocuments.Pdf("Jaarrekening 2025 — € 1.234,56");
        await Deliverables(db, r => r.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(w.Desk, draft.Id, "jaarrekening.pdf", "application/pdf", new MemoryStream(pdf)));
        await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id, new LocalDate(2026, 4, 30)));
        return (w, draft.Id, pdf);
    }

    // R: SHARE-18
    [SkippableFact]
    public async Task SHARE18_an_approval_yields_a_signed_receipt_the_office_and_the_deciding_client_read_and_anyone_verifies_without_the_database()
    {
        string json;
        byte[] pdf;
        Guid rowId;
        await using (var db = await NewDatabaseAsync())
        {
            var (w, deliverable, document) = await SharedForApprovalAsync(db);
            pdf = document;
            await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(w.ClientUser.Id), deliverable));

            var forOffice = Assert.Single(await Evidence(db, e => e.ListReceiptsAsync(w.Desk, deliverable)));
            var forClient = Assert.Single(await Evidence(db, e => e.ListReceiptsAsync(ActingParty.User(w.ClientUser.Id), deliverable)));
            Assert.Equal(forOffice.Json, forClient.Json);
            Assert.True(forOffice.Approved);
            var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Evidence(db, e => e.ListReceiptsAsync(ActingParty.User(w.ClientUserOfOtherCompany.Id), deliverable)));
            Assert.Equal(Collab.Authorization.CollabAuthorization.RefusedCode, refused.Code); // SEC-3: another company's user learns nothing
            json = forOffice.Json;

            // The receipt names the audit row the decision became, and that row is in the office's chain (AUD-2).
            var receipt = ApprovalReceipt.Parse(Encoding.UTF8.GetBytes(json));
            rowId = Guid.Parse(receipt.Audit.RowId);
            var row = await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Id == rowId));
            Assert.Equal((AuditAction.DeliverableApproved, AuditChain.Of(w.Office.Id)), (row.Action, row.Chain));
            Assert.Equal(receipt.Audit.Chain, row.Chain);
            Assert.Equal(("approved", w.ClientUser.Email, "client", 1), (receipt.Decision, receipt.DecidedBy.Email, receipt.DecidedBy.Home, receipt.Deliverable.Revision));
            Assert.Equal("nl", receipt.Statement.Language);
            Assert.Equal("Europe/Amsterdam", receipt.DecidedAt.TimeZone);

            // The client gets it with the decision's notification.
            await db.InScopeAsync(sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1000));
            Assert.Contains(_sender.Sent, n => n.Recipient == w.ClientUser.Email && n.Kind == NotificationKind.DeliverableDecided && n.Text.Contains(json, StringComparison.Ordinal));
            Assert.True((await Evidence(db, e => e.VerifyAuditAsync(w.Desk, AuditChain.Of(w.Office.Id)))).IsIntact);
        }

        // The database is gone: the receipt, the public key and the document are enough.
        var verified = ReceiptVerifier.Verify(Encoding.UTF8.GetBytes(json), ReceiptKeys.PublicKey, [new ReceiptFile("jaarrekening.pdf", pdf)], ReceiptKeys.KeyId);
        Assert.True(verified.IsValid, string.Join("; ", verified.Differences));
        var other = pdf.ToArray();
        other[^10] ^= 1;
        var tampered = ReceiptVerifier.Verify(Encoding.UTF8.GetBytes(json), ReceiptKeys.PublicKey, [new ReceiptFile("jaarrekening.pdf", other)]);
        Assert.Equal([new ReceiptDifference(ReceiptDifferenceKind.DocumentHash, "jaarrekening.pdf")], tampered.Differences);
    }

    // R: SHARE-18
    [SkippableFact]
    public async Task SHARE18_a_rejection_yields_a_receipt_with_the_reason()
    {
        await using var db = await NewDatabaseAsync();
        var (w, deliverable, _) = await SharedForApprovalAsync(db);
        await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().RejectAsync(ActingParty.User(w.ClientUser.Id), deliverable, "De voorraad klopt niet"));

        var kept = Assert.Single(await Evidence(db, e => e.ListReceiptsAsync(ActingParty.User(w.ClientUser.Id), deliverable)));
        var receipt = ApprovalReceipt.Parse(Encoding.UTF8.GetBytes(kept.Json));
        Assert.Equal("rejected", receipt.Decision);
        Assert.Contains("De voorraad klopt niet", receipt.Statement.Text, StringComparison.Ordinal);
        Assert.True(ReceiptVerifier.Verify(Encoding.UTF8.GetBytes(kept.Json), ReceiptKeys.PublicKey).IsValid);
    }

    // R: AUD-2
    [SkippableFact]
    public async Task AUD2_the_audit_chain_names_the_first_changed_removed_or_inserted_row_and_only_readers_of_the_chain_may_verify_it()
    {
        await using var db = await NewDatabaseAsync();
        var (w, deliverable, _) = await SharedForApprovalAsync(db);
        await Deliverables(db, r => r.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(w.ClientUser.Id), deliverable));
        var chain = AuditChain.Of(w.Office.Id);
        var intact = await Evidence(db, e => e.VerifyAuditAsync(w.Desk, chain));
        Assert.True(intact.IsIntact);
        Assert.True(intact.RowsVerified >= 4); // drafted, document added, shared, approved

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => Evidence(db, e => e.VerifyAuditAsync(ActingParty.User(w.ClientUser.Id), chain)));
        Assert.Equal(Collab.Authorization.CollabAuthorization.RefusedCode, refused.Code);
        await Assert.ThrowsAsync<CollabRefusalException>(() => Evidence(db, e => e.VerifyAuditAsync(w.Desk, AuditChain.Platform)));

        // Someone with database access edits the third row's details.
        await db.InScopeAsync(async sp =>
        {
            var context = sp.GetRequiredService<VendorDbContext>();
            var third = await context.Set<AuditEntry>().SingleAsync(e => e.Chain == chain && e.ChainPosition == 3);
            third.Details += ";edited";
            await context.SaveChangesAsync();
        });
        var changed = await Evidence(db, e => e.VerifyAuditAsync(w.Desk, chain));
        Assert.Equal((AuditChainBreakKind.Changed, 3L), (changed.FirstBreak!.Kind, changed.FirstBreak.Position));

        // … and removes the second.
        await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<AuditEntry>().Where(e => e.Chain == chain && e.ChainPosition == 2).ExecuteDeleteAsync());
        var removed = await Evidence(db, e => e.VerifyAuditAsync(w.Desk, chain));
        Assert.Equal((AuditChainBreakKind.Removed, 2L), (removed.FirstBreak!.Kind, removed.FirstBreak.Position));
    }

    // R: AUD-2 — two instances save audited changes to one chain at the same moment; the chain stays linear and verifies.
    [SkippableFact]
    public async Task AUD2_instances_racing_to_extend_one_chain_leave_it_linear_without_fork_or_gap()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1)));
        await using var second = db.NewInstance();
        var failures = 0;
        for (var round = 0; round < 50; round++)
        {
            async Task DraftAsync(IServiceProvider instance, string title)
            {
                await using var scope = instance.CreateAsyncScope();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), title);
                }
                catch (CollabRefusalException e) when (e.Kind == RefusalKind.ConcurrencyConflict)
                {
                    Interlocked.Increment(ref failures); // SQLite may refuse the later writer; nothing of it is saved
                }
            }

            await Task.WhenAll(Task.Run(() => DraftAsync(db.Services, $"A{round}")), Task.Run(() => DraftAsync(second, $"B{round}")));
        }

        var chain = AuditChain.Of(w.Office.Id);
        var rows = await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<AuditEntry>().AsNoTracking().Where(e => e.Chain == chain).OrderBy(e => e.ChainPosition).ToListAsync());
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), rows.Select(r => r.ChainPosition)); // no gap, no fork
        Assert.Equal(100 - failures, rows.Count(r => r.Action == AuditAction.DeliverableDrafted));
        if (engine == Engine.Postgres)
        {
            Assert.Equal(0, failures); // PostgreSQL: the chain's lock makes the writers take turns
        }

        Assert.True((await Evidence(db, e => e.VerifyAuditAsync(w.Desk, chain))).IsIntact);
    }

    private static Task Hold(TestDatabase db, ActingParty party, AdministrationId administration, bool place = true) =>
        db.InScopeAsync(sp => place
            ? sp.GetRequiredService<Collab.Lifecycle.RetentionService>().PlaceLegalHoldAsync(party, administration, "boekenonderzoek")
            : sp.GetRequiredService<Collab.Lifecycle.RetentionService>().LiftLegalHoldAsync(party, administration));

    private static Task<List<AuditEntry>> RowsAsync(TestDatabase db, string chain) =>
        db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<AuditEntry>().AsNoTracking().Where(e => e.Chain == chain).OrderBy(e => e.ChainPosition).ToListAsync());

    // R: AUD-2, RET-2 — the retention pass deletes audit rows past their retention from the start of each chain, under a
    // checkpoint signed with the receipt key in the same transaction; the rest (and what comes after) still verifies; an
    // administration under a legal hold keeps its rows; rows taken away without a signed checkpoint are named.
    [SkippableFact]
    public async Task AUD2_RET2_the_retention_pass_cuts_old_audit_rows_under_a_signed_checkpoint_and_a_held_administration_keeps_its_rows()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await db.InScopeAsync(sp => sp.GetRequiredService<Collab.Rights.RightsService>().GrantAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Administration.Id, Collab.Rights.GrantChannel.Web));
        await Hold(db, w.Desk, w.Administration.Id);
        await Hold(db, w.Desk, w.Administration.Id, place: false);
        await Hold(db, w.Desk, w.HeldByOffice.Id);
        var (free, held) = (AuditChain.Of(w.Administration.Id), AuditChain.Of(w.HeldByOffice.Id));
        var (freeRows, heldRows) = (await RowsAsync(db, free), await RowsAsync(db, held));
        Assert.True(freeRows.Count >= 3);

        db.Clock.Advance(Duration.FromDays(365 * 11 + 3)); // 2037: rows of 2026 were kept through 2036 (AuditRetentionYears 10)
        var pass = await db.InScopeAsync(sp => sp.GetRequiredService<Collab.Lifecycle.RetentionPassService>().RunPassAsync());
        Assert.True(pass.AuditRowsDeleted >= freeRows.Count);
        Assert.Empty(await RowsAsync(db, free));
        Assert.Equal(heldRows.Select(r => r.Id), (await RowsAsync(db, held)).Select(r => r.Id)); // RET-2: the hold keeps them
        var checkpoint = await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<AuditCheckpointEntry>().AsNoTracking().SingleAsync(c => c.Chain == free));
        Assert.Equal((freeRows[^1].ChainPosition, freeRows[^1].Hash, db.Clock.GetCurrentInstant()), (checkpoint.Position, checkpoint.Hash, checkpoint.DeletedAt));
        Assert.True(new AuditCheckpoint(free, checkpoint.Position, checkpoint.Hash, checkpoint.DeletedAt, checkpoint.KeyId, checkpoint.Signature).IsSignedBy(ReceiptKeys.PublicKey));
        Assert.Equal(new AuditChainVerification(free, 0, null), await Evidence(db, e => e.VerifyAuditAsync(w.Desk, free)));

        // The chain goes on from the checkpoint; a second pass finds nothing more to cut.
        await Hold(db, w.Desk, w.Administration.Id);
        Assert.Equal(new AuditChainVerification(free, 1, null), await Evidence(db, e => e.VerifyAuditAsync(w.Desk, free)));
        Assert.Equal(freeRows[^1].ChainPosition + 1, Assert.Single(await RowsAsync(db, free)).ChainPosition);
        Assert.Equal(0, (await db.InScopeAsync(sp => sp.GetRequiredService<Collab.Lifecycle.RetentionPassService>().RunPassAsync())).AuditRowsDeleted);

        // Tampering: the held chain's first row taken away without a checkpoint, then a forged (unsigned) checkpoint put in.
        Assert.True((await Evidence(db, e => e.VerifyAuditAsync(w.Desk, held))).IsIntact);
        await db.InScopeAsync(sp => sp.GetRequiredService<VendorDbContext>().Set<AuditEntry>().Where(e => e.Chain == held && e.ChainPosition == 1).ExecuteDeleteAsync());
        Assert.Equal(new AuditChainBreak(AuditChainBreakKind.Removed, 1, heldRows.Count > 1 ? heldRows[1].Id : null),
            (await Evidence(db, e => e.VerifyAuditAsync(w.Desk, held))).FirstBreak);
        await db.InScopeAsync(async sp =>
        {
            var context = sp.GetRequiredService<VendorDbContext>();
            context.Add(new AuditCheckpointEntry { Id = Guid.NewGuid(), Chain = held, Position = 1, Hash = heldRows[0].Hash, DeletedAt = db.Clock.GetCurrentInstant(), KeyId = ReceiptKeys.KeyId, Signature = new string('A', 86) });
            await context.SaveChangesAsync();
        });
        Assert.Equal(AuditChainBreakKind.Removed, (await Evidence(db, e => e.VerifyAuditAsync(w.Desk, held))).FirstBreak?.Kind);
    }

    // R: SEC-6, AUD-2 — as an attacker: a second office with rights on the same administration verifies its chain and
    // learns nothing of the first office's work there: not how many rows it wrote, not where they are, not their ids.
    [SkippableFact]
    public async Task SEC6_AUD2_verifying_an_administration_chain_shows_a_second_office_only_the_rows_it_may_read()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        var attacker = ActingParty.User(w.OtherOfficeUser.Id);
        foreach (var office in new[] { w.Office.Id, w.OtherOffice.Id })
        {
            await db.InScopeAsync(sp => sp.GetRequiredService<Collab.Rights.RightsService>().GrantAsync(ActingParty.User(w.ClientUser.Id), office, w.Administration.Id, Collab.Rights.GrantChannel.Web));
        }

        var chain = AuditChain.Of(w.Administration.Id);
        await Hold(db, attacker, w.Administration.Id);
        await Hold(db, attacker, w.Administration.Id, place: false);
        var seen = await Evidence(db, e => e.VerifyAuditAsync(attacker, chain));
        var all = (await RowsAsync(db, chain)).Count;
        Assert.True(seen.IsIntact && seen.RowsVerified < all); // the grant to the first office is not the second's to read either

        for (var i = 0; i < 3; i++)
        {
            await Hold(db, w.Desk, w.Administration.Id);
            await Hold(db, w.Desk, w.Administration.Id, place: false);
        }

        Assert.Equal(seen, await Evidence(db, e => e.VerifyAuditAsync(attacker, chain))); // the first office's six rows: not counted for the second
        Assert.Equal(all + 6, (await RowsAsync(db, chain)).Count);
        var mine = await Evidence(db, e => e.VerifyAuditAsync(w.Desk, chain));
        Assert.True(mine.IsIntact && mine.RowsVerified < all + 6); // nor the second office's rows for the first

        // One of the first office's rows is edited: the second office learns the chain broke after its own rows, no more.
        var rows = await RowsAsync(db, chain);
        var edited = rows[^2];
        await db.InScopeAsync(async sp =>
        {
            var context = sp.GetRequiredService<VendorDbContext>();
            var row = await context.Set<AuditEntry>().SingleAsync(e => e.Id == edited.Id);
            row.Details += ";edited";
            await context.SaveChangesAsync();
        });
        Assert.Equal(new AuditChainBreak(AuditChainBreakKind.Changed, seen.RowsVerified + 1, null), (await Evidence(db, e => e.VerifyAuditAsync(attacker, chain))).FirstBreak);
        Assert.Equal(new AuditChainBreak(AuditChainBreakKind.Changed, mine.RowsVerified - 1, edited.Id), (await Evidence(db, e => e.VerifyAuditAsync(w.Desk, chain))).FirstBreak);
    }
}

public sealed class EvidenceOnSqlite() : EvidenceContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class EvidenceOnPostgres(PostgresServer postgres) : EvidenceContract(Engine.Postgres, postgres);
