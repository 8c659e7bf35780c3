using Collab.Notifications;
using Collab.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collab.Persistence.EfCore;

/// <summary>Plugs Collab's EF Core stores into the vendor's DbContext.</summary>
public static class CollabBuilderEntityFrameworkExtensions
{
    /// <summary>
    /// Uses <typeparamref name="TContext"/> (your own DbContext, registered with <c>AddDbContext</c>) for all
    /// of Collab's data. Its <c>OnModelCreating</c> must call <c>modelBuilder.ApplyCollabModel()</c>. Safe to call twice;
    /// stores you registered yourself first are kept.
    /// </summary>
    /// <typeparam name="TContext">Your DbContext type.</typeparam>
    /// <param name="builder">The builder returned by <c>AddCollab()</c>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static CollabBuilder AddEntityFrameworkStores<TContext>(this CollabBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddScoped<EfCollabStore<TContext>>();
        services.TryAddScoped<ICollabUnitOfWork>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        services.TryAddScoped<IRegistryStore>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        services.TryAddScoped<IRightsStore>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        services.TryAddScoped<ITierStore>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        services.TryAddScoped<IReportStore>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        services.TryAddScoped<ITransferStore>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        services.TryAddScoped<OutboxDispatcher<TContext>>();
        services.TryAddScoped<IOutboxDispatcher>(sp => sp.GetRequiredService<OutboxDispatcher<TContext>>());
        services.TryAddScoped<IAuditTrail>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        services.TryAddScoped<IBackupStore>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        services.TryAddScoped<ILifecycleStore>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        services.TryAddScoped<ILinkStore>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        services.TryAddScoped<IPortalStore>(sp => sp.GetRequiredService<EfCollabStore<TContext>>());
        return builder;
    }

    /// <summary>
    /// Keeps backup artefacts in a local folder (<see cref="FileSystemBlobStore"/>): right for the embedded SQLite
    /// setup and samples. Safe to call twice; a blob store you registered first is kept.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddCollab()</c>.</param>
    /// <param name="rootDirectory">The folder; created if missing.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public static CollabBuilder AddFileSystemBlobStore(this CollabBuilder builder, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        builder.Services.TryAddSingleton<Storage.IBlobStore>(new FileSystemBlobStore(rootDirectory));
        return builder;
    }
}
