using Collab.Persistence.EfCore;
using Collab.Stores.Specification;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.StoreContract;

/// <summary>A vendor's own DbContext, as the README says to write it.</summary>
public sealed class VendorContext(DbContextOptions<VendorContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyCollabModel();
}

/// <summary>The packed EF stores against the store specification, as a third-party store would run it.</summary>
public sealed class EfStoresOnSqlite : StoreSpecification
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"collab-contract-{Guid.NewGuid():N}.db");

    protected override void AddStores(IServiceCollection services, CollabBuilder collab)
    {
        services.AddDbContext<VendorContext>(o => o.UseSqlite($"Data Source={_file}"));
        collab.AddEntityFrameworkStores<VendorContext>();
    }

    protected override async Task PrepareAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await CollabDatabase.EnsureCreatedAsync(scope.ServiceProvider.GetRequiredService<VendorContext>());
    }

    protected override Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
