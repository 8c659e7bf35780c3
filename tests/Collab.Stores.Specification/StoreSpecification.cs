using Collab.Registry;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Stores.Specification;

/// <summary>
/// What every implementation of Collab's store ports promises, proven through the ports and the domain services
/// alone. Derive once per engine: register your stores in <see cref="AddStores"/>, give every test a fresh empty
/// database in <see cref="PrepareAsync"/>, and remove it in <see cref="CleanUpAsync"/>. Each test gets a new instance.
/// </summary>
public abstract partial class StoreSpecification : IAsyncLifetime
{
    /// <summary>Who seeds the directory: the vendor's provisioning (<see cref="Collab.Authorization.CollabPlatform"/>).</summary>
    protected Collab.ActingParty Seeder => Services.GetRequiredService<Collab.Authorization.CollabPlatform>().Operator("store-specification");

    private ServiceProvider? _services;

    /// <summary>The one time every service reads (Collab makes its IClock from this TimeProvider); tests move it.</summary>
    protected TestTime Clock { get; } = new(Instant.FromUtc(2026, 3, 2, 9, 0));

    /// <summary>The services, with Collab and the stores under test.</summary>
    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Registers the stores under test (for Collab's EF stores: the DbContext and <c>AddEntityFrameworkStores</c>).</summary>
    /// <param name="services">The services; <c>AddCollab()</c> was already called.</param>
    /// <param name="collab">The builder <c>AddCollab()</c> returned.</param>
    protected abstract void AddStores(IServiceCollection services, CollabBuilder collab);

    /// <summary>Runs first in each test, before any service is built: create the test's database here (or skip the test).</summary>
    /// <returns>A task.</returns>
    protected virtual Task StartingAsync() => Task.CompletedTask;

    /// <summary>Creates an empty database with Collab's schema before each test.</summary>
    /// <param name="services">The built services.</param>
    /// <returns>A task.</returns>
    protected abstract Task PrepareAsync(IServiceProvider services);

    /// <summary>Removes the test's database.</summary>
    /// <returns>A task.</returns>
    protected abstract Task CleanUpAsync();

    /// <summary>The app, the bookkeeping and the file store that links and backups call, in memory.</summary>
    protected OutsideSystems Outside { get; } = new();

    /// <summary>What the notification port was asked to deliver.</summary>
    protected RecordingSender Sent { get; } = new();

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    // Started by the test itself, so an engine that is not available can skip the test from inside it.
    private async Task StartAsync()
    {
        if (_services is not null)
        {
            return;
        }

        await StartingAsync();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<INotificationSender>(Sent);
        services.AddSingleton<Collab.Links.IExternalApp>(Outside);
        services.AddSingleton<Collab.Links.IBookkeepingRecords>(Outside);
        services.AddSingleton<Collab.Storage.IBookkeepingData>(Outside);
        services.AddSingleton<Collab.Storage.IBlobStore>(Outside);
        var collab = services.AddCollab(o => (o.Receipts.KeyId, o.Receipts.PrivateKey) = ("spec-receipts", ReceiptKey)); // SHARE-18
        AddStores(services, collab);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await PrepareAsync(_services);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await CleanUpAsync();
    }

    /// <summary>Runs work in its own scope, as one request of the vendor's app would.</summary>
    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await StartAsync();
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs work in its own scope, as one request of the vendor's app would.</summary>
    protected async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await StartAsync();
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>An office with one user, a client with two companies, a user for one of them, and an administration each.</summary>
    protected Task<World> SeedAsync() => InScopeAsync(async sp =>
    {
        var registry = sp.GetRequiredService<CollabRegistry>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var office = await registry.RegisterOfficeAsync(Seeder, "Kantoor De Vries", "Europe/Amsterdam");
        var officeUser = await registry.CreateOfficeUserAsync(Seeder, office.Id, $"anna.{tag}@devries.nl");
        var client = await registry.RegisterClientAsync(Seeder, "Bakkerij Bakker");
        var bakery = await registry.AddCompanyAsync(Seeder, client.Id, "Bakkerij Bakker B.V.");
        var shop = await registry.AddCompanyAsync(Seeder, client.Id, "Bakker Winkel V.O.F.");
        var clientUser = await registry.CreateClientUserAsync(Seeder, client.Id, $"piet.{tag}@bakker.nl", [bakery.Id]);
        var held = await registry.CreateAdministrationAsync(Seeder, bakery.Id, NextNumber(), "Bakkerij 2026", holder: office.Id);
        var other = await registry.CreateAdministrationAsync(Seeder, shop.Id, NextNumber(), "Winkel 2026");
        return new World(office, officeUser, client, bakery, shop, clientUser, held, other);
    });

    private static int _number = Random.Shared.Next(1_000, 1_000_000);

    /// <summary>An administration number no other test of this run uses.</summary>
    protected static AdministrationNumber NextNumber() => AdministrationNumber.From(Interlocked.Increment(ref _number));

    /// <summary>The vendor's notification channel in the specification: it records what it was asked to deliver.</summary>
    protected sealed class RecordingSender : INotificationSender
    {
        /// <summary>Everything delivered, in order.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<Notification> Delivered { get; } = new();

        /// <inheritdoc />
        public Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            Delivered.Enqueue(notification);
            return Task.CompletedTask;
        }
    }

    /// <summary>What <see cref="SeedAsync"/> made.</summary>
    /// <param name="Office">The office.</param>
    /// <param name="OfficeUser">Its user.</param>
    /// <param name="Client">The client.</param>
    /// <param name="Bakery">The client's first company.</param>
    /// <param name="Shop">The client's second company.</param>
    /// <param name="ClientUser">A client user given the bakery only.</param>
    /// <param name="Held">The bakery's administration, held by the office.</param>
    /// <param name="Other">The shop's administration, not held by the office.</param>
    protected sealed record World(OfficeView Office, UserView OfficeUser, ClientView Client, CompanyView Bakery, CompanyView Shop, UserView ClientUser, AdministrationView Held, AdministrationView Other)
    {
        /// <summary>The office's user, acting for the office.</summary>
        public ActingParty Desk => ActingParty.User(OfficeUser.Id);
    }

    // A receipt key for the specification's decisions (SHARE-18), made once per run.
    private static readonly string ReceiptKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem();
}
