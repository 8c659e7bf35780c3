using Collab.Stores.Specification;
using Collab.Persistence.EfCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Collab.Tests.Infrastructure;

public enum Engine
{
    Sqlite,
    Postgres,
}

/// <summary>A vendor's own DbContext, exactly as the README tells a vendor to write it: no Collab base class.</summary>
public sealed class VendorDbContext(DbContextOptions<VendorDbContext> options) : DbContext(options)
{
    public DbSet<VendorInvoice> Invoices => Set<VendorInvoice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyCollabModel();
        var invoice = modelBuilder.Entity<VendorInvoice>().ToTable("vendor_invoices");
        invoice.Property(x => x.Reference).HasMaxLength(50);
        // Vendors reuse Collab's precision rule: native NodaTime columns on PostgreSQL, Collab's converters elsewhere.
        if (Database.IsNpgsql())
        {
            invoice.Property(x => x.IssuedAt).HasConversion(CollabConverters.MicrosecondInstant);
        }
        else
        {
            invoice.Property(x => x.IssuedAt).HasConversion(CollabConverters.Instant);
            invoice.Property(x => x.DueDate).HasConversion(CollabConverters.LocalDate);
        }
    }
}

/// <summary>An entity of the vendor's own, living beside Collab's tables.</summary>
public sealed class VendorInvoice
{
    public int Id { get; set; }

    public string Reference { get; set; } = string.Empty;

    public NodaTime.Instant IssuedAt { get; set; }

    public NodaTime.LocalDate DueDate { get; set; }
}

/// <summary>
/// A fresh database on one engine with Collab registered the way a vendor registers it
/// (AddCollab + AddEntityFrameworkStores on the vendor's DbContext), and a fake clock.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static int _nextNumber;
    private readonly string? _sqliteFile;
    private PostgresServer? _server;

    private TestDatabase(Engine engine, string connectionString, string? sqliteFile, TestTime clock, Action<IServiceCollection>? configure)
    {
        Engine = engine;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        Clock = clock;
        _configure = configure;
        Services = Build();
    }

    private readonly Action<IServiceCollection>? _configure;

    /// <summary>Another app instance on the same database: its own services and DbContexts (SEC-4 races).</summary>
    public ServiceProvider NewInstance() => Build();

    private ServiceProvider Build()
    {
        var clock = Clock;
        var configure = _configure;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock); // registered first: AddCollab's TryAdd keeps it, and makes its IClock from it
        services.AddDbContext<VendorDbContext>((sp, options) =>
        {
            Configure(options);
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()); // a test's statement counter
        });
        services.AddCollab().AddEntityFrameworkStores<VendorDbContext>();
        services.Configure<CollabOptions>(ReceiptKeys.Apply); // every approval signs a receipt (SHARE-18)
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public Engine Engine { get; }

    public string ConnectionString { get; }

    /// <summary>The one source of time: the TimeProvider Collab's IClock and background passes read.</summary>
    public TestTime Clock { get; }

    public ServiceProvider Services { get; }

    public static async Task<TestDatabase> CreateAsync(Engine engine, PostgresServer? postgres, Action<IServiceCollection>? configure = null)
    {
        var clock = new TestTime(NodaTime.Instant.FromUtc(2026, 3, 29, 0, 0));
        TestDatabase database;
        if (engine == Engine.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"collab-test-{Guid.NewGuid():N}.db");
            database = new TestDatabase(engine, $"Data Source={file};Default Timeout=30", file, clock, configure);
        }
        else
        {
            ArgumentNullException.ThrowIfNull(postgres);
            database = new TestDatabase(engine, await postgres.CreateDatabaseAsync(), null, clock, configure) { _server = postgres };
        }

        await using var scope = database.Services.CreateAsyncScope();
        await CollabDatabase.EnsureCreatedAsync(scope.ServiceProvider.GetRequiredService<VendorDbContext>());
        return database;
    }

    /// <summary>A unique administration number for this test run.</summary>
    public static AdministrationNumber NextNumber() => AdministrationNumber.From(Interlocked.Increment(ref _nextNumber));

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Engine == Engine.Sqlite)
        {
            options.UseSqlite(ConnectionString);
        }
        else
        {
            options.UseNpgsql(ConnectionString, o => o.UseNodaTime());
        }
    }

    /// <summary>Runs work in its own DI scope, as one request of the vendor's app would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs work in its own DI scope, as one request of the vendor's app would.</summary>
    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
        else if (_server is not null)
        {
            await _server.DropDatabaseAsync(ConnectionString);
        }
    }
}
