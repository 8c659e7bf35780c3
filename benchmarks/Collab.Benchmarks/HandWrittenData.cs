using System.Data.Common;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// What the hand-written baselines share: one pooled connection, and the column formats of both engines (PostgreSQL
/// keeps ids as uuid and instants as timestamp with time zone; SQLite as upper-case text and Unix ticks).
/// </summary>
internal abstract class HandWrittenData(DbConnection connection, bool postgres)
{
    protected DbConnection Connection => connection;

    protected object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();

    protected object At(Instant instant) => postgres ? instant.ToDateTimeUtc() : instant.ToUnixTimeTicks();

    protected static Guid Guid(DbDataReader row, int column) => row.GetValue(column) is Guid id ? id : System.Guid.Parse(row.GetString(column));

    protected DbCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
