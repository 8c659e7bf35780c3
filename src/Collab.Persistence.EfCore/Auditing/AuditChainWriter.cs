using Collab.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collab.Persistence.EfCore;

/// <summary>
/// Links new audit rows into their chains (AUD-2) inside the transaction that saves them. The first time a chain is
/// met, one statement locks and reads its head: on PostgreSQL <c>SELECT … FOR UPDATE</c> (a second instance waits
/// there and then reads the head the first one wrote), elsewhere (SQLite) an <c>UPDATE … RETURNING</c> that takes the
/// database's write lock. Each row gets the next position and its hash; the heads are then written with the save
/// (<see cref="Track"/>) or at once (<see cref="FlushAsync"/>). A chain's first row is written by the save that creates
/// its office or administration, so no one else can race to create its head; the unique (chain, position) index
/// refuses a fork in any case. One writer per transaction.
/// </summary>
internal sealed class AuditChainWriter(DbContext context)
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private readonly Dictionary<string, Head> _heads = new(StringComparer.Ordinal);

    /// <summary>Gives each row its place and hash; call inside the transaction that then saves them.</summary>
    public async Task LinkAsync(IReadOnlyList<AuditEntry> rows, CancellationToken cancellationToken)
    {
        var sql = HeadSql.Get(context);
        var lockAndRead = context.Database.ProviderName == PostgresProvider ? sql.SelectForUpdate : sql.UpdateReturning;

        // Chains in key order, so two writers that touch the same chains never wait on each other crosswise.
        foreach (var chain in rows.Select(r => r.Chain).Where(c => !_heads.ContainsKey(c)).Distinct().Order(StringComparer.Ordinal))
        {
            var stored = await context.Set<AuditChainHeadEntry>().FromSqlRaw(lockAndRead, chain).AsNoTracking()
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            _heads[chain] = stored.Count == 0 ? new Head(0, AuditChain.Genesis, IsNew: true) : new Head(stored[0].Position, stored[0].Hash, IsNew: false);
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

    /// <summary>Has the moved heads written by the coming <c>SaveChanges</c> (in its batch); returns them to forget afterwards.</summary>
    public List<AuditChainHeadEntry> Track()
    {
        var tracked = new List<AuditChainHeadEntry>();
        foreach (var (chain, head) in _heads.Where(h => h.Value.Moved))
        {
            var entry = new AuditChainHeadEntry { Chain = chain, Position = head.Position, Hash = head.Hash };
            if (head.IsNew)
            {
                context.Set<AuditChainHeadEntry>().Add(entry);
            }
            else
            {
                context.Set<AuditChainHeadEntry>().Attach(entry);
                context.Entry(entry).Property(h => h.Position).IsModified = true;
                context.Entry(entry).Property(h => h.Hash).IsModified = true;
            }

            tracked.Add(entry);
        }

        return tracked;
    }

    /// <summary>Writes the moved heads now, in the same transaction (for writes that bypass <c>SaveChanges</c>).</summary>
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
    private sealed record HeadSql(string Insert, string Update, string SelectForUpdate, string UpdateReturning)
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
                $"SELECT {chain}, {position}, {hash} FROM {name} WHERE {chain} = {{0}} FOR UPDATE",
                $"UPDATE {name} SET {position} = {position} WHERE {chain} = {{0}} RETURNING {chain}, {position}, {hash}");
        });
    }
}
