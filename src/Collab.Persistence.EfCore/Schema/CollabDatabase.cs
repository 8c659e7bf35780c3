using Microsoft.EntityFrameworkCore;

namespace Collab.Persistence.EfCore;

/// <summary>
/// Creating and checking Collab's tables. Collab's tables are part of your model, so your own EF migrations
/// create and upgrade them like your other tables; for a brand-new database without migrations,
/// <see cref="EnsureCreatedAsync"/> creates everything. Either way, <see cref="VerifySchemaAsync"/> at
/// start-up turns a missing or outdated schema into a clear error instead of a failure deep inside a request.
/// </summary>
public static class CollabDatabase
{
    /// <summary>
    /// The schema version this package expects. It grows by one with every change to Collab's tables.
    /// Version 2 (0.2.0): on PostgreSQL with <c>UseNodaTime()</c>, instants are <c>timestamp with time zone</c> and local
    /// dates <c>date</c> (they were bigint ticks and dates); instants are kept to whole microseconds on every engine;
    /// transfers keep their bank links as a JSON column of objects.
    /// Version 3 (0.4.0): reports became deliverables (tables <c>deliverables</c>, <c>deliverable_links</c>) with a kind,
    /// a period, a revision, key figures and documents (<c>deliverable_documents</c>); links keep their view.
    /// Version 4 (0.5.0): users carry a home, an administrator flag and their invitation (SEC-5, SEC-7); unbound links
    /// their maker; approved revisions are kept (<c>deliverable_approvals</c>, SHARE-5); tier and client-user history and
    /// issued statements (<c>tier_history</c>, <c>client_user_history</c>, <c>issued_statements</c>,
    /// <c>issued_statement_lines</c>; TIER-7), collaborations' <c>StartsAt</c>/<c>EndsAt</c>.
    /// Version 5 (0.6.0): audit rows are hash-chained (<c>Chain</c>, <c>ChainPosition</c>, <c>PreviousHash</c>, <c>Hash</c>;
    /// <c>audit_chain</c> heads, <c>audit_checkpoint</c>; AUD-2); signed receipts of decisions (<c>receipt</c>; SHARE-18).
    /// </summary>
    public const int SchemaVersion = 5;

    /// <summary>Creates the database with all tables of the context (Collab's and yours) if it does not exist, then verifies Collab's schema.</summary>
    /// <param name="context">A context whose model applied <c>ApplyCollabModel()</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the schema is ready.</returns>
    /// <exception cref="InvalidOperationException">The database already existed without Collab's tables, or with another schema version.</exception>
    public static async Task EnsureCreatedAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await VerifySchemaAsync(context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the Collab schema version stored in the database.</summary>
    /// <param name="context">A context whose model applied <c>ApplyCollabModel()</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored version, or null when Collab's tables are missing.</returns>
    public static async Task<int?> ReadSchemaVersionAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await context.Set<CollabSchemaInfo>().AsNoTracking()
                .Where(s => s.Id == 1).Select(s => (int?)s.Version)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException)
        {
            return null; // the table does not exist
        }
    }

    /// <summary>Checks that the database holds the Collab schema version this package expects.</summary>
    /// <param name="context">A context whose model applied <c>ApplyCollabModel()</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the check passed.</returns>
    /// <exception cref="InvalidOperationException">The tables are missing or have another version; the message says what to run.</exception>
    public static async Task VerifySchemaAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        var version = await ReadSchemaVersionAsync(context, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            throw new InvalidOperationException(
                "The database has no Collab tables. Add them with your EF migrations (your model includes them through ApplyCollabModel), "
                + "or call CollabDatabase.EnsureCreatedAsync on a new, empty database.");
        }

        if (version != SchemaVersion)
        {
            throw new InvalidOperationException(
                $"The database holds Collab schema version {version}, but this package needs version {SchemaVersion}: apply your EF migrations "
                + "that upgrade Collab's tables before starting the application.");
        }
    }

    /// <summary>The chain that holds the audit rows written before schema version 5 (AUD-2), in their order.</summary>
    public const string LegacyAuditChain = Evidence.AuditChain.Legacy;

    /// <summary>
    /// Hashes the audit rows that existed before schema version 5 (AUD-2): the upgrade migration puts them, in their
    /// order, in the chain <see cref="LegacyAuditChain"/>; this links them as every new row is linked, so they verify too.
    /// Run it once after migrating (it does nothing when there is nothing left to link, so running it at every start is fine).
    /// </summary>
    /// <param name="context">A context whose model applied <c>ApplyCollabModel()</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many rows it linked.</returns>
    public static async Task<int> ChainExistingAuditRowsAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var linked = 0;
        while (true)
        {
            var rows = await context.Set<AuditEntry>().Where(e => e.Chain == LegacyAuditChain && e.Hash == string.Empty)
                .OrderBy(e => e.ChainPosition).Take(1000).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return linked;
            }

            var before = rows[0].ChainPosition - 1;
            var previous = before == 0 ? Evidence.AuditChain.Genesis
                : await context.Set<AuditEntry>().Where(e => e.Chain == LegacyAuditChain && e.ChainPosition == before).Select(e => e.Hash).SingleAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                row.PreviousHash = previous;
                row.Hash = previous = Evidence.AuditChain.Hash(row.ToChainRow());
            }

            var head = await context.Set<AuditChainHeadEntry>().FirstOrDefaultAsync(h => h.Chain == LegacyAuditChain, cancellationToken).ConfigureAwait(false);
            if (head is null)
            {
                context.Set<AuditChainHeadEntry>().Add(new AuditChainHeadEntry { Chain = LegacyAuditChain, Position = rows[^1].ChainPosition, Hash = previous });
            }
            else
            {
                (head.Position, head.Hash) = (rows[^1].ChainPosition, previous);
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            linked += rows.Count;
            context.ChangeTracker.Clear();
        }
    }
}
