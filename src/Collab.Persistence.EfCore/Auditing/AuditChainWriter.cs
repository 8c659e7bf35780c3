using Collab.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collab.Persistence.EfCore;

/// <summary>
/// Links new audit rows into their chains (AUD-2) inside the transaction that saves them. A unit of work's save claims
/// each chain's head with one compare-and-swap (<see cref="ClaimAsync"/>): it links the rows to the head it last saw
/// (kept per database and chain after each commit), then moves the head only if it still stands there — an
/// <c>UPDATE … WHERE position and hash are what was seen</c>, or for a new chain an <c>INSERT … ON CONFLICT DO NOTHING</c>.
/// That statement takes the head's row lock (PostgreSQL) or the write lock (SQLite) until the commit, so a second
/// writer waits there; when it finds the head moved (no row changed), it reads the head afresh and tries again. With
/// the head already known, a chained save costs one statement more than the same save unchained, and no read. The bulk
/// path (<see cref="LinkAsync"/>) locks and reads the heads first instead (<c>SELECT … FOR UPDATE</c> on PostgreSQL,
/// an <c>UPDATE … RETURNING</c> elsewhere). The unique (chain, position) index refuses a fork in any case.
/// </summary>
internal sealed class AuditChainWriter(DbContext context)
{
    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private readonly Dictionary<string, Head> _heads = new(StringComparer.Ordinal);

    // Where each chain's head stood after the last commit this process saw, per database. Only a hint: the swap checks
    // it against the stored head, so a stale or foreign entry costs one read, never a fork or a gap.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Database, string Chain), AuditChainHead> Seen = new();
    private const int SeenLimit = 10_000;
    private const int ClaimAttempts = 20;

    /// <summary>
    /// Gives each row its place and hash and moves its chain's head past them, by compare-and-swap; call inside the
    /// transaction that then saves the rows, and <see cref="Remember"/> after its commit.
    /// </summary>
    /// <exception cref="CollabRefusalException">The head kept moving (another writer, twenty times over): nothing is saved.</exception>
    public async Task ClaimAsync(IReadOnlyList<AuditEntry> rows, CancellationToken cancellationToken)
    {
        var sql = HeadSql.Get(context);
        var database = context.Database.GetConnectionString() ?? string.Empty;

        // Chains in key order, so two writers that touch the same chains never wait on each other crosswise.
        foreach (var chain in rows.Select(r => r.Chain).Distinct().Order(StringComparer.Ordinal))
        {
            var linked = rows.Where(r => r.Chain == chain).ToList();
            AuditChainHead? seen = Seen.TryGetValue((database, chain), out var hint) ? hint : await ReadHeadAsync(chain, cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                var from = seen ?? new AuditChainHead(0, AuditChain.Genesis);
                var to = Link(linked, from);
                var moved = seen is null
                    ? await ExecuteAsync(sql.InsertIfAbsent, [chain, to.Position, to.Hash], cancellationToken).ConfigureAwait(false)
                    : await ExecuteAsync(sql.Swap, [chain, to.Position, to.Hash, from.Position, from.Hash], cancellationToken).ConfigureAwait(false);
                if (moved == 1)
                {
                    _heads[chain] = new Head(to.Position, to.Hash, IsNew: false);
                    break;
                }

                if (attempt == ClaimAttempts)
                {
                    throw new CollabRefusalException(new Refusal(RefusalKind.ConcurrencyConflict, "store.concurrent-change",
                        "Someone else changed the same data at the same moment, so nothing was saved: reload and try again."));
                }

                seen = await ReadHeadAsync(chain, cancellationToken).ConfigureAwait(false); // another writer moved it: link to where it is now
            }
        }
    }

    /// <summary>Keeps the claimed heads as where the next save of this process starts; call once the save committed.</summary>
    public void Remember()
    {
        var database = context.Database.GetConnectionString() ?? string.Empty;
        if (Seen.Count > SeenLimit)
        {
            Seen.Clear(); // a hint only: the next save of each chain reads its head once
        }

        foreach (var (chain, head) in _heads)
        {
            Seen[(database, chain)] = new AuditChainHead(head.Position, head.Hash);
        }
    }

    private static AuditChainHead Link(List<AuditEntry> rows, AuditChainHead from)
    {
        var (position, hash) = (from.Position, from.Hash);
        foreach (var row in rows)
        {
            row.ChainPosition = ++position;
            row.PreviousHash = hash;
            row.Hash = hash = AuditChain.Hash(row.ToChainRow());
        }

        return new AuditChainHead(position, hash);
    }

    private async Task<AuditChainHead?> ReadHeadAsync(string chain, CancellationToken cancellationToken)
    {
        var head = await context.Set<AuditChainHeadEntry>().AsNoTracking().Where(h => h.Chain == chain)
            .Select(h => new { h.Position, h.Hash }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return head is null ? null : new AuditChainHead(head.Position, head.Hash);
    }

    // A plain command on the transaction's connection: the swap runs on every audited save, so it skips EF's raw-SQL pipeline.
    private async Task<int> ExecuteAsync(string text, object[] values, CancellationToken cancellationToken)
    {
        var command = context.Database.GetDbConnection().CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = text;
            command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameter.Value = values[i];
                command.Parameters.Add(parameter);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

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
    private sealed record HeadSql(string Insert, string Update, string SelectForUpdate, string UpdateReturning, string Swap, string InsertIfAbsent)
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
                $"UPDATE {name} SET {position} = {position} WHERE {chain} = {{0}} RETURNING {chain}, {position}, {hash}",
                $"UPDATE {name} SET {position} = @p1, {hash} = @p2 WHERE {chain} = @p0 AND {position} = @p3 AND {hash} = @p4",
                $"INSERT INTO {name} ({chain}, {position}, {hash}) VALUES (@p0, @p1, @p2) ON CONFLICT ({chain}) DO NOTHING");
        });
    }
}
