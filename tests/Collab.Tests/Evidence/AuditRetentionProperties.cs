using Collab.Evidence;
using Collab.Persistence.EfCore;
using Collab.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Evidence;

/// <summary>
/// AUD-2 with RET-2 over a stored chain (SQLite): cut anywhere under a signed checkpoint, the rest verifies; cut anywhere
/// without one (someone deleting rows), the verification names the place.
/// </summary>
public sealed class AuditRetentionProperties : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(Engine.Sqlite, null);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    // R: AUD-2, RET-2
    [Property(MaxTest = 40)]
    public Property AUD2_RET2_a_stored_chain_cut_anywhere_under_a_signed_checkpoint_verifies_and_cut_without_one_is_named() =>
        Prop.ForAll(Gen.Choose(1, 25).SelectMany(n => Gen.Choose(1, n).Select(k => (N: n, K: k))).ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (cut, signed) =>
            CutAndVerifyAsync(cut.N, cut.K, signed).GetAwaiter().GetResult());

    private async Task<bool> CutAndVerifyAsync(int n, int k, bool signed)
    {
        var chain = AuditChain.Of(new OfficeId(Guid.NewGuid()));
        var rows = await WriteAsync(chain, n);
        return await _db.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<IAuditChainStore>();
            if (signed)
            {
                Assert.Equal(k, await store.CutAsync(ReceiptKeys.Signer().SignCheckpoint(chain, k, rows[k - 1].Hash, _db.Clock.GetCurrentInstant())));
            }
            else
            {
                await sp.GetRequiredService<VendorDbContext>().Set<AuditEntry>().Where(e => e.Chain == chain && e.ChainPosition <= k).ExecuteDeleteAsync();
            }

            var checkpoint = await store.FindCheckpointAsync(chain);
            var verified = await AuditChain.VerifyAsync(chain, store.StreamChainAsync(chain), checkpoint is not null && checkpoint.IsSignedBy(ReceiptKeys.PublicKey) ? checkpoint : null, await store.FindHeadAsync(chain));
            return signed
                ? verified == new AuditChainVerification(chain, n - k, null)
                : verified.FirstBreak == new AuditChainBreak(AuditChainBreakKind.Removed, 1, k < n ? rows[k].Id : null);
        });
    }

    // n rows written as the unit of work writes them: linked, the head moved in the same save.
    private Task<List<AuditEntry>> WriteAsync(string chain, int n) => _db.InScopeAsync(async sp =>
    {
        var context = sp.GetRequiredService<VendorDbContext>();
        var rows = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var row = new AuditEntry
            {
                Id = Guid.CreateVersion7(), Chain = chain, ChainPosition = i, PreviousHash = previous, At = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(i),
                ActorKind = ActorKind.System, ActorId = "job", Action = AuditAction.ReminderSent, SubjectType = "report", SubjectId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Details = "",
            };
            row.Hash = previous = AuditChain.Hash(row.ToChainRow());
            rows.Add(row);
        }

        context.AddRange(rows);
        context.Add(new AuditChainHeadEntry { Chain = chain, Position = n, Hash = previous });
        await context.SaveChangesAsync();
        return rows;
    });
}
