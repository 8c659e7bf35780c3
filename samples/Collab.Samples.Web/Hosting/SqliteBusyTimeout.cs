using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Collab.Samples.Web;

/// <summary>
/// Lets SQLite itself wait for a writer, in steps of a few milliseconds, before it reports the database busy.
/// Microsoft.Data.Sqlite retries a busy statement only after sleeping 150 ms (dotnet/efcore#36658), so under concurrent
/// writes the load test saw latencies in multiples of 150 ms; with SQLite's own busy handler a waiting write goes on as
/// soon as the lock is free. Set on every connection the pool opens (busy_timeout belongs to the connection).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000;";
        command.ExecuteNonQuery();
    }
}
