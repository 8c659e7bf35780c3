using Collab.Persistence.EfCore;
using Microsoft.EntityFrameworkCore;

namespace Collab.Samples.Web;

/// <summary>The vendor's own DbContext: Collab's tables join it with one call.</summary>
public sealed class WebDbContext(DbContextOptions<WebDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyCollabModel();
}
