using Collab.Persistence.EfCore;
using Microsoft.EntityFrameworkCore;

namespace Collab.Benchmarks;

/// <summary>A vendor DbContext, as in the README.</summary>
public sealed class BenchmarkDbContext(DbContextOptions<BenchmarkDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyCollabModel();
}
