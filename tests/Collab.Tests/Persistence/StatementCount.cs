using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Collab.Tests.Persistence;

/// <summary>Counts the SQL statements EF sends while <see cref="Counting"/> is on: how a test proves a call makes no repeated lookups.</summary>
public sealed class StatementCount : DbCommandInterceptor
{
    private int _count;

    public bool Counting { get; set; }

    public int Count => Volatile.Read(ref _count);

    public List<string> Statements { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Note(DbCommand command)
    {
        if (Counting)
        {
            Interlocked.Increment(ref _count);
            lock (Statements)
            {
                Statements.Add(command.CommandText);
            }
        }
    }
}
