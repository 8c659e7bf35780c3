using Collab.Persistence.EfCore;
using Microsoft.EntityFrameworkCore;

namespace Collab.Samples.Console;

/// <summary>The vendor's own DbContext: Collab's tables join it through one call, no base class.</summary>
public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyCollabModel();
}
