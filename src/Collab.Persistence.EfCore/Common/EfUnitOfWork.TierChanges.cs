using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collab.Persistence.EfCore;

// The bulk tier change (TIER-5) is saved by the unit of work, like every write, but through prepared commands instead of SaveChanges: EF builds and runs
// one command per row on SQLite, which cost 7x a hand-written loop for 100 000 clients. The SQL, names and
// parameter conversions all come from EF's own model, so table prefixes, schemas and converters still apply.
internal sealed partial class EfUnitOfWork<TContext>
{
    private static readonly ConditionalWeakTable<IModel, TierWriteCommands> TierWrites = new();

    public async Task<IReadOnlyList<ClientId>> SaveTierChangesAsync(IReadOnlyList<ClientCollaboration> changed, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return [];
        }

        var sql = TierWrites.GetValue(_context.Model, _ => new TierWriteCommands(_context));
        var database = _context.Database;
        var ownsTransaction = database.CurrentTransaction is null;
        var transaction = database.CurrentTransaction ?? await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = database.GetDbConnection();
            await using var update = connection.CreateCommand();
            await using var insert = connection.CreateCommand();
            await using var history = connection.CreateCommand();
            update.CommandText = sql.Update;
            insert.CommandText = sql.InsertAudit;
            history.CommandText = sql.InsertHistory;
            update.Transaction = insert.Transaction = history.Transaction = transaction.GetDbTransaction();
            sql.AddParameters(update, insert, history);

            var skipped = new List<ClientId>();
            var chains = new AuditChainWriter(_context); // AUD-2: the rows are chained in this transaction
            foreach (var collaboration in changed)
            {
                sql.BindUpdate(update, collaboration);
                if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    skipped.Add(collaboration.ClientId); // its version moved on: someone changed it meanwhile
                    continue;
                }

                var audit = collaboration.DomainEvents.OfType<IAuditedEvent>().Select(a => AuditEntry.From(a, Evidence.AuditChains.For(collaboration))).ToList();
                await chains.LinkAsync(audit, cancellationToken).ConfigureAwait(false);
                var next = 0;
                foreach (var domainEvent in collaboration.DomainEvents)
                {
                    if (domainEvent is IAuditedEvent)
                    {
                        sql.BindAudit(insert, audit[next++]);
                        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else if (domainEvent is TierHeld held) // the tier history the statement reads (TIER-7), in the same transaction
                    {
                        sql.BindHistory(history, TierHistoryEntry.FromEvent(held));
                        await history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await chains.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (ownsTransaction)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var collaboration in changed)
            {
                collaboration.ClearDomainEvents();
            }

            return skipped;
        }
        finally
        {
            if (ownsTransaction)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>SQL text and parameter bindings for the bulk write, derived once per model.</summary>
    private sealed class TierWriteCommands
    {
        private readonly IProperty[] _updateSet;
        private readonly IProperty[] _updateWhere;
        private readonly IProperty[] _audit;
        private readonly IProperty[] _history;

        public TierWriteCommands(DbContext context)
        {
            var helper = context.GetService<ISqlGenerationHelper>();
            var collaborations = context.Model.FindEntityType(typeof(ClientCollaboration))!;
            var audit = context.Model.FindEntityType(typeof(AuditEntry))!;
            _updateSet = [collaborations.FindProperty(nameof(ClientCollaboration.Tier))!, collaborations.FindProperty(nameof(AggregateRoot.Version))!];
            _updateWhere =
            [
                collaborations.FindProperty(nameof(ClientCollaboration.OfficeId))!,
                collaborations.FindProperty(nameof(ClientCollaboration.ClientId))!,
                collaborations.FindProperty(nameof(AggregateRoot.Version))!,
            ];
            _audit = audit.GetProperties().Where(p => p.Name != nameof(AuditEntry.Sequence)).ToArray();
            var history = context.Model.FindEntityType(typeof(TierHistoryEntry))!;
            _history = history.GetProperties().Where(p => p.Name != nameof(TierHistoryEntry.Sequence)).ToArray();
            var historyTable = StoreObjectIdentifier.Table(history.GetTableName()!, history.GetSchema());

            var collaborationTable = StoreObjectIdentifier.Table(collaborations.GetTableName()!, collaborations.GetSchema());
            var auditTable = StoreObjectIdentifier.Table(audit.GetTableName()!, audit.GetSchema());
            string Column(IProperty property, StoreObjectIdentifier table) => helper.DelimitIdentifier(property.GetColumnName(table)!);

            var n = 0;
            var set = string.Join(", ", _updateSet.Select(p => $"{Column(p, collaborationTable)} = @p{n++}"));
            var where = string.Join(" AND ", _updateWhere.Select(p => $"{Column(p, collaborationTable)} = @p{n++}"));
            Update = $"UPDATE {helper.DelimitIdentifier(collaborationTable.Name, collaborationTable.Schema)} SET {set} WHERE {where}";
            InsertAudit = $"INSERT INTO {helper.DelimitIdentifier(auditTable.Name, auditTable.Schema)} ({string.Join(", ", _audit.Select(p => Column(p, auditTable)))}) "
                          + $"VALUES ({string.Join(", ", _audit.Select((_, i) => $"@a{i}"))})";
            InsertHistory = $"INSERT INTO {helper.DelimitIdentifier(historyTable.Name, historyTable.Schema)} ({string.Join(", ", _history.Select(p => Column(p, historyTable)))}) "
                            + $"VALUES ({string.Join(", ", _history.Select((_, i) => $"@h{i}"))})";
        }

        public string Update { get; }

        public string InsertAudit { get; }

        public string InsertHistory { get; }

        // Parameters are created once per command, through EF's type mappings (which configure provider
        // specifics such as SQLite storing GUIDs as text); each row then only converts and sets the values.
        public void AddParameters(DbCommand update, DbCommand insert, DbCommand history)
        {
            for (var i = 0; i < _history.Length; i++)
            {
                history.Parameters.Add(_history[i].GetRelationalTypeMapping().CreateParameter(history, $"@h{i}", null, nullable: false));
            }

            IProperty[] updateProperties = [.. _updateSet, .. _updateWhere];
            for (var i = 0; i < updateProperties.Length; i++)
            {
                update.Parameters.Add(updateProperties[i].GetRelationalTypeMapping().CreateParameter(update, $"@p{i}", null, nullable: false));
            }

            for (var i = 0; i < _audit.Length; i++)
            {
                insert.Parameters.Add(_audit[i].GetRelationalTypeMapping().CreateParameter(insert, $"@a{i}", null, nullable: false));
            }
        }

        public void BindUpdate(DbCommand command, ClientCollaboration collaboration)
        {
            Set(command, 0, _updateSet[0], collaboration.Tier);
            Set(command, 1, _updateSet[1], collaboration.Version);
            Set(command, 2, _updateWhere[0], collaboration.OfficeId);
            Set(command, 3, _updateWhere[1], collaboration.ClientId);
            Set(command, 4, _updateWhere[2], collaboration.PersistedVersion);
        }

        public void BindAudit(DbCommand command, AuditEntry entry)
        {
            for (var i = 0; i < _audit.Length; i++)
            {
                Set(command, i, _audit[i], _audit[i].GetGetter().GetClrValue(entry));
            }
        }

        public void BindHistory(DbCommand command, TierHistoryEntry entry)
        {
            for (var i = 0; i < _history.Length; i++)
            {
                Set(command, i, _history[i], _history[i].GetGetter().GetClrValue(entry));
            }
        }

        private static void Set(DbCommand command, int index, IProperty property, object? value) =>
            command.Parameters[index].Value = (property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
    }
}
