using Collab.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Collab.Persistence.EfCore;

/// <summary>The schema health check's reading of the vendor's database (the one schema row).</summary>
internal sealed class EfSchemaProbe<TContext>(TContext context) : ICollabSchemaProbe
    where TContext : DbContext
{
    public int ExpectedVersion => CollabDatabase.SchemaVersion;

    public Task<int?> ReadVersionAsync(CancellationToken cancellationToken) => CollabDatabase.ReadSchemaVersionAsync(context, cancellationToken);
}
