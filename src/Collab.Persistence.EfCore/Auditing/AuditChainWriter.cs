using Collab.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collab.Persistence.EfCore;

/// <summary>
/// Links new audit rows into their chains (AUD-2) inside the transaction that saves them: the first time a chain is
/// met it takes the chain's lock and reads where the chain stands; each row gets the next position and its hash;
/// <see cref="FlushAsync"/> moves the heads. On PostgreSQL the lock is a transaction-scoped advisory lock on the
/// chain's key, so instances writing to one chain take turns and the chain neither forks nor skips; SQLite lets one
/// writer in at a time. The unique (chain, position) index refuses a fork in any case. One writer per transaction.
/// </summary>
internal sealed class AuditChainWriter(DbContext context)
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private readonly Dictionary<string, Head> _heads = new(StringComparer.Ordinal);
    private bool _writing;

    /// <summary>Gives each row its place and hash; call inside the transaction that then saves them.</summary>
    public async Task LinkAsync(IReadOnlyList<AuditEntry> rows, CancellationToken cancellationToken)
    {
        // Chains in key order, so two writers that touch the same chains never wait on each other crosswise.
        foreach (var chain in rows.Select(r => r.Chain).Where(c => !_heads.ContainsKey(c)).Distinct().Order(StringComparer.Ordinal))
        {
            if (context.Database.ProviderName == PostgresProvider)
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({chain}, 2))", cancellationToken).ConfigureAwait(false);
            }
            else if (!_writing)
            {
                // Elsewhere (SQLite) a write statement takes the database's write lock before the head is read, so a
                // second writer waits here instead of reading a head that is about to move.
                await context.Database.ExecuteSqlRawAsync(HeadSql.Get(context).Lock, cancellationToken).ConfigureAwait(false);
                _writing = true;
            }

            var stored = await context.Set<AuditChainHeadEntry>().AsNoTracking().Where(h => h.Chain == chain)
                .Select(h => new { h.Position, h.Hash }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            _heads[chain] = stored is null ? new Head(0, AuditChain.Genesis, IsNew: true) : new Head(stored.Position, stored.Hash, IsNew: false);
        }

        foreach (var row in rows)
        {
            var head = _heads[row.Chain];
            row.ChainPosition = head.Position + 1;
            row.PreviousHash = head.Hash;
            row.Hash = AuditChain.Hash(row.ToChainRow());
            _heads[row.Chain] = head with { Position = row.ChainPosition, Hash = row.Hash, Moved = true };
        }
    }

    /// <summary>Writes the moved heads, in the same transaction.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var sql = HeadSql.Get(context);
        foreach (var (chain, head) in _heads.Where(h => h.Value.Moved))
        {
            await context.Database.ExecuteSqlRawAsync(head.IsNew ? sql.Insert : sql.Update, [chain, head.Position, head.Hash], cancellationToken).ConfigureAwait(false);
        }

        foreach (var chain in _heads.Keys.ToList())
        {
            _heads[chain] = _heads[chain] with { IsNew = false, Moved = false };
        }
    }

    /// <summary>Begins a transaction unless the vendor's context is already in one; the caller commits only its own.</summary>
    public static async Task<IDbContextTransaction?> BeginAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.CurrentTransaction is null
            ? await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;

    private readonly record struct Head(long Position, string Hash, bool IsNew, bool Moved = false);

    // The head's statements, named from EF's model so the vendor's table prefix and schema apply.
    private sealed record HeadSql(string Insert, string Update, string Lock)
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, HeadSql> Cache = new();

        public static HeadSql Get(DbContext context) => Cache.GetValue(context.Model, _ =>
        {
            var sql = context.GetService<ISqlGenerationHelper>();
            var type = context.Model.FindEntityType(typeof(AuditChainHeadEntry))!;
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            string Column(string name) => sql.DelimitIdentifier(type.FindProperty(name)!.GetColumnName(table)!);
            var (chain, position, hash) = (Column(nameof(AuditChainHeadEntry.Chain)), Column(nameof(AuditChainHeadEntry.Position)), Column(nameof(AuditChainHeadEntry.Hash)));
            var name = sql.DelimitIdentifier(table.Name, table.Schema);
            return new HeadSql(
                $"INSERT INTO {name} ({chain}, {position}, {hash}) VALUES ({{0}}, {{1}}, {{2}})",
                $"UPDATE {name} SET {position} = {{1}}, {hash} = {{2}} WHERE {chain} = {{0}}",
                $"UPDATE {name} SET {position} = {position} WHERE 1 = 0");
        });
    }
}
