using Collab.Backups;
using Collab.Lifecycle;
using Collab.Links;
using Collab.Portal;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Rights;
using Collab.Tiers;
using Collab.Transfers;
using Collab.Notifications;
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
        // One store per port, all on the vendor's scoped DbContext; what they track is saved by the unit of work.
        services.TryAddScoped<ICollabUnitOfWork, EfUnitOfWork<TContext>>();
        // The registry's aggregate stores are one class; each port resolves the scope's one instance.
        TryAddShared<EfRegistryStore<TContext>>(services,
            typeof(IOfficeStore), typeof(IClientStore), typeof(ICompanyStore), typeof(IAdministrationStore), typeof(IEnvironmentStore), typeof(IUserStore));
        services.TryAddScoped<IRightsStore, EfRightsStore<TContext>>();
        TryAddShared<EfTierStore<TContext>>(services, typeof(ITierStore), typeof(IOfficeOverviewStore));
        services.TryAddScoped<IDeliverableStore, EfDeliverableStore<TContext>>();
        services.TryAddScoped<ITransferStore, EfTransferStore<TContext>>();
        services.TryAddScoped<IBackupStore, EfBackupStore<TContext>>();
        services.TryAddScoped<ILifecycleStore, EfLifecycleStore<TContext>>();
        services.TryAddScoped<ILinkStore, EfLinkStore<TContext>>();
        // The portal's aggregate stores are one class too.
        TryAddShared<EfPortalStore<TContext>>(services,
            typeof(IPortalItemStore), typeof(IPortalDocumentStore), typeof(IQuestionBatchStore), typeof(IQuestionnaireTemplateStore), typeof(IQuestionnaireStore), typeof(IHouseStyleStore));
        services.TryAddScoped<IAuditTrail, EfAuditTrail<TContext>>();
        services.TryAddScoped<Evidence.IReceiptStore, EfReceiptStore<TContext>>();
        services.TryAddScoped<Evidence.IAuditChainStore, EfAuditChainStore<TContext>>();
        services.TryAddScoped<IOutboxDispatcher, OutboxDispatcher<TContext>>();
        services.TryAddScoped<Hosting.ICollabSchemaProbe, EfSchemaProbe<TContext>>();
        return builder;
    }

    // One scoped instance of a store class that serves several ports, each port registered on its own (TryAdd: a vendor's wins).
    private static void TryAddShared<TStore>(IServiceCollection services, params Type[] ports)
        where TStore : class
    {
        services.TryAddScoped<TStore>();
        foreach (var port in ports)
        {
            services.TryAdd(ServiceDescriptor.Scoped(port, static sp => sp.GetRequiredService<TStore>()));
        }
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
