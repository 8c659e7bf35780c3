using Collab.Evidence;
using Collab.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Collab.Tests.Evidence;

/// <summary>The audit trail's hash chain (AUD-2): every change, removal, insertion or reordering is found and placed.</summary>
public sealed class AuditChainProperties
{
    private const string Chain = "office:3f1c1f2e-0000-0000-0000-000000000001";

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Elements("", "revision=2;documents=ab", "reason=\"nee\" \\ ;", "één € 😀", "\u0000\u001f"),
        ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get));

    private static readonly Gen<AuditChainRow> Row =
        from details in Text
        from actor in Text
        from ticks in Gen.Choose(0, int.MaxValue)
        from action in Gen.Elements(Enum.GetValues<AuditAction>())
        from kind in Gen.Elements(Enum.GetValues<ActorKind>())
        select new AuditChainRow(Chain, 0, Guid.NewGuid(), Instant.FromUnixTimeTicks(ticks * 10L), kind, actor, action, "report", Guid.NewGuid().ToString(), details, "", "");

    // A chain as a store writes it: positions 1…n, each row linked to the one before.
    private static List<AuditChainRow> Linked(IEnumerable<AuditChainRow> rows, long first = 1, string? previous = null)
    {
        var linked = new List<AuditChainRow>();
        var prev = previous ?? AuditChain.Genesis;
        foreach (var row in rows)
        {
            var placed = row with { Position = first + linked.Count, PreviousHash = prev };
            placed = placed with { Hash = AuditChain.Hash(placed) };
            linked.Add(placed);
            prev = placed.Hash;
        }

        return linked;
    }

    private static Gen<List<AuditChainRow>> Chains(int min) => Gen.Choose(min, 30).SelectMany(n => Gen.ListOf(Row, n)).Select(rows => Linked(rows));

    private static AuditChainHead HeadOf(List<AuditChainRow> rows) => new(rows[^1].Position, rows[^1].Hash);

    private static AuditChainBreak? Verify(IEnumerable<AuditChainRow> rows, AuditChainHead head, AuditCheckpoint? start = null) =>
        AuditChain.Verify(Chain, rows, start, head).FirstBreak;

    // R: AUD-2
    [Property(MaxTest = 100)]
    public Property AUD2_an_untouched_chain_verifies() =>
        Prop.ForAll(Chains(1).ToArbitrary(), rows => AuditChain.Verify(Chain, rows, null, HeadOf(rows)) is { IsIntact: true } v && v.RowsVerified == rows.Count);

    // R: AUD-2 — one byte of one field of one row changed: that row is named as changed.
    [Property(MaxTest = 200)]
    public Property AUD2_changing_any_content_of_any_row_names_that_row() =>
        Prop.ForAll(Chains(1).ToArbitrary(), ArbMap.Default.ArbFor<PositiveInt>(), Gen.Choose(0, 6).ToArbitrary(), (rows, at, field) =>
        {
            var i = at.Get % rows.Count;
            var row = rows[i];
            rows[i] = field switch
            {
                0 => row with { Details = Flip(row.Details) },
                1 => row with { ActorId = Flip(row.ActorId) },
                2 => row with { At = row.At + Duration.FromTicks(10) },
                3 => row with { Action = row.Action == AuditAction.DeliverableApproved ? AuditAction.DeliverableRejected : AuditAction.DeliverableApproved },
                4 => row with { SubjectId = Flip(row.SubjectId) },
                5 => row with { Id = Guid.NewGuid() },
                _ => row with { ActorKind = row.ActorKind == ActorKind.ClientUser ? ActorKind.OfficeUser : ActorKind.ClientUser },
            };
            return Verify(rows, HeadOf(rows)) == new AuditChainBreak(AuditChainBreakKind.Changed, i + 1, rows[i].Id);
        });

    // R: AUD-2 — a row removed, with or without renumbering the rest: the place where it was is named.
    [Property(MaxTest = 200)]
    public Property AUD2_removing_any_row_names_where_it_was() =>
        Prop.ForAll(Chains(2).ToArbitrary(), ArbMap.Default.ArbFor<PositiveInt>(), ArbMap.Default.ArbFor<bool>(), (rows, at, renumber) =>
        {
            var head = HeadOf(rows);
            var i = at.Get % rows.Count;
            var kept = rows.Where((_, j) => j != i).Select((r, j) => renumber ? r with { Position = j + 1 } : r).ToList();
            var found = Verify(kept, head);
            return found is { Kind: AuditChainBreakKind.Removed } && found.Position == i + 1;
        });

    // R: AUD-2 — a forged row put in anywhere (correctly hashed and linked, the rest renumbered): it is named as inserted.
    [Property(MaxTest = 200)]
    public Property AUD2_inserting_a_row_anywhere_names_it() =>
        Prop.ForAll(Chains(1).ToArbitrary(), Row.ToArbitrary(), ArbMap.Default.ArbFor<PositiveInt>(), (rows, extra, at) =>
        {
            var i = at.Get % (rows.Count + 1);
            var previous = i == 0 ? AuditChain.Genesis : rows[i - 1].Hash;
            var forged = extra with { Position = i + 1, PreviousHash = previous };
            forged = forged with { Hash = AuditChain.Hash(forged) };
            var tampered = rows.Take(i).Append(forged).Concat(rows.Skip(i).Select(r => r with { Position = r.Position + 1 })).ToList();
            var found = Verify(tampered, new AuditChainHead(tampered.Count, tampered[^1].Hash)); // the head moved along too
            return i == rows.Count
                ? found is null // appended at the end with a moved head: indistinguishable from a real write, as for any unsigned chain
                : found == new AuditChainBreak(AuditChainBreakKind.Inserted, i + 1, null);
        });

    // R: AUD-2 — two neighbours swapped: the chain breaks at the first of them.
    [Property(MaxTest = 200)]
    public Property AUD2_reordering_rows_is_detected_where_the_order_changed() =>
        Prop.ForAll(Chains(2).ToArbitrary(), ArbMap.Default.ArbFor<PositiveInt>(), (rows, at) =>
        {
            var head = HeadOf(rows);
            var i = at.Get % (rows.Count - 1);
            var swapped = rows.ToList();
            (swapped[i], swapped[i + 1]) = (rows[i + 1] with { Position = i + 1 }, rows[i] with { Position = i + 2 });
            return Verify(swapped, head) is { } found && found.Position == i + 1;
        });

    // R: AUD-2, RET-2 — the oldest rows deleted under a signed checkpoint: the rest still verifies; a forged checkpoint is not signed.
    [Property(MaxTest = 100)]
    public Property AUD2_after_deleting_old_rows_a_signed_checkpoint_lets_the_rest_verify() =>
        Prop.ForAll(Chains(2).ToArbitrary(), ArbMap.Default.ArbFor<PositiveInt>(), (rows, at) =>
        {
            var deleted = 1 + (at.Get % (rows.Count - 1));
            var signer = ReceiptKeys.Signer();
            var checkpoint = signer.SignCheckpoint(Chain, deleted, rows[deleted - 1].Hash, Instant.FromUtc(2033, 1, 1, 0, 0));
            var forged = checkpoint with { Position = deleted + 1 };
            return checkpoint.IsSignedBy(ReceiptKeys.PublicKey) && !forged.IsSignedBy(ReceiptKeys.PublicKey)
                && Verify(rows.Skip(deleted), HeadOf(rows), checkpoint) is null
                && Verify(rows.Skip(deleted), HeadOf(rows)) is not null; // without it the rest does not start a chain
        });

    // R: AUD-2 — the last row taken away is found through the chain's head.
    [Fact]
    public void AUD2_removing_the_last_row_is_found_through_the_head()
    {
        var rows = Linked([.. Enumerable.Range(0, 3).Select(i => new AuditChainRow(Chain, 0, Guid.NewGuid(), Instant.FromUnixTimeSeconds(i), ActorKind.System, "job", AuditAction.ReminderSent, "report", "r", "", "", ""))]);
        Assert.Equal(new AuditChainBreak(AuditChainBreakKind.Removed, 3, null), Verify(rows.Take(2), HeadOf(rows)));
    }

    private static string Flip(string text) => text.Length == 0 ? "x" : (char)(text[0] ^ 1) + text[1..];
}
