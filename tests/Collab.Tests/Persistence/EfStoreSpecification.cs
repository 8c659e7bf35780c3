using Collab.Persistence.EfCore;
using Collab.Stores.Specification;
using Collab.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Tests.Persistence;

/// <summary>Collab's EF Core stores against the store specification, on the vendor's own DbContext, on SQLite.</summary>
public sealed class EfStoresOnSqliteMeetTheStoreSpecification : StoreSpecification
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"collab-spec-{Guid.NewGuid():N}.db");

    protected override void AddStores(IServiceCollection services, CollabBuilder collab)
    {
        services.AddDbContext<VendorDbContext>(o => o.UseSqlite($"Data Source={_file};Default Timeout=30"));
        collab.AddEntityFrameworkStores<VendorDbContext>();
    }

    protected override async Task PrepareAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await CollabDatabase.EnsureCreatedAsync(scope.ServiceProvider.GetRequiredService<VendorDbContext>());
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

/// <summary>Collab's EF Core stores against the store specification on a real PostgreSQL server, with its NodaTime types.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EfStoresOnPostgresMeetTheStoreSpecification(PostgresServer postgres) : StoreSpecification
{
    private string? _connectionString;

    protected override async Task StartingAsync() => _connectionString = await postgres.CreateDatabaseAsync();

    protected override void AddStores(IServiceCollection services, CollabBuilder collab)
    {
        services.AddDbContext<VendorDbContext>(o => o.UseNpgsql(_connectionString, n => n.UseNodaTime()));
        collab.AddEntityFrameworkStores<VendorDbContext>();
    }

    protected override async Task PrepareAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await CollabDatabase.EnsureCreatedAsync(scope.ServiceProvider.GetRequiredService<VendorDbContext>());
    }

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null)
        {
            await postgres.DropDatabaseAsync(_connectionString);
        }
    }
}

/// <summary>
/// SQLite in memory, the documented way for a vendor's tests and prototypes: one connection opened first and kept
/// open for the database's life (an in-memory database lives as long as its connection), shared by every context.
/// The whole store specification holds on it.
/// </summary>
public sealed class EfStoresOnSqliteInMemoryMeetTheStoreSpecification : StoreSpecification
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    protected override void AddStores(IServiceCollection services, CollabBuilder collab)
    {
        _connection.Open();
        services.AddDbContext<VendorDbContext>(o => o.UseSqlite(_connection));
        collab.AddEntityFrameworkStores<VendorDbContext>();
    }

    protected override async Task PrepareAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await CollabDatabase.EnsureCreatedAsync(scope.ServiceProvider.GetRequiredService<VendorDbContext>());
    }

    protected override Task CleanUpAsync() => _connection.DisposeAsync().AsTask();
}
