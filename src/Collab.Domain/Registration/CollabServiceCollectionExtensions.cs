using Collab.Registry;
using Collab.Rights;
using Collab.Tiers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab;

/// <summary>Registers Collab in a service collection.</summary>
public static class CollabServiceCollectionExtensions
{
    /// <summary>Registers Collab's domain services with default options. Safe to call more than once.</summary>
    /// <param name="services">The vendor's service collection.</param>
    /// <returns>A builder for the next step, such as <c>AddEntityFrameworkStores&lt;TContext&gt;()</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static CollabBuilder AddCollab(this IServiceCollection services) => services.AddCollab(static _ => { });

    /// <summary>Registers Collab's domain services and configures its options. Safe to call more than once.</summary>
    /// <param name="services">The vendor's service collection.</param>
    /// <param name="configure">Sets options; they are validated when the host starts.</param>
    /// <returns>A builder for the next step.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CollabBuilder AddCollab(this IServiceCollection services, Action<CollabOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptionsWithValidateOnStart<CollabOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>Registers Collab's domain services with options bound from configuration (for example the <c>Collab</c> section).</summary>
    /// <param name="services">The vendor's service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="CollabOptions"/>.</param>
    /// <returns>A builder for the next step.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CollabBuilder AddCollab(this IServiceCollection services, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<CollabOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static CollabBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CollabOptions>, CollabOptionsValidator>());

        // One source of time (issue 34): the registered TimeProvider (the system's unless the vendor or a test registers
        // another), and Collab's IClock made from it, so advancing one fake moves the rules and the background passes
        // alike. An IClock of the vendor's own would be a second clock: refused here and at start-up (docs/decisions.md).
        OneClock.RefuseForeignClock(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAdd(OneClock.Descriptor);
        services.TryAddSingleton<IDateTimeZoneProvider>(DateTimeZoneProviders.Tzdb);
        services.TryAddSingleton<OfficeCalendar>();
        services.TryAddScoped<OfficeZones>();

        services.TryAddSingleton(static sp =>
            TierCatalogue.Create(sp.GetRequiredService<IOptions<CollabOptions>>().Value.Tiers ?? TierCatalogueOptions.CreateDefault()));
        services.TryAddSingleton(static sp => new Telemetry.CollabTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(static sp => new Lifecycle.PlanCatalogue(sp.GetRequiredService<IOptions<CollabOptions>>().Value.Lifecycle));
        services.TryAddSingleton<Licences.LicenceVerifier>();
        services.TryAddSingleton<Lifecycle.IRetentionPolicy, Lifecycle.StatutoryRetentionPolicy>();
        services.TryAddScoped<Licences.LicenceService>();
        services.TryAddScoped<Licences.LicenceFileCheck>();
        services.TryAddScoped<Licences.LicenceImportUser>();
        services.TryAddScoped<Licences.LicenceImportService>();
        services.TryAddScoped<Backups.BooksLoader>();
        services.TryAddScoped<Backups.BackupWriter>();
        services.TryAddScoped<Backups.RestoreChecks>();
        services.TryAddScoped<Backups.BackupService>();
        services.TryAddScoped<Backups.BackupRestoreService>();
        services.TryAddScoped<Lifecycle.LifecycleCalendar>();
        services.TryAddScoped<Lifecycle.LifecycleNotifier>();
        services.TryAddScoped<Lifecycle.RegistrationChecks>();
        services.TryAddScoped<Lifecycle.ClientRegistrationService>();
        services.TryAddScoped<Lifecycle.SubscriptionService>();
        services.TryAddScoped<Lifecycle.RetentionService>();
        services.TryAddScoped<Lifecycle.DeletionDecider>();
        services.TryAddScoped<Lifecycle.AuditRetentionCut>();
        services.TryAddScoped<Lifecycle.RetentionPassService>();
        services.TryAddScoped<Portal.PortalService>();
        services.TryAddScoped<Portal.PortalDocumentContent>();
        services.TryAddScoped<Portal.PortalDocuments>();
        services.TryAddScoped<Portal.HouseStyles>();
        services.TryAddScoped<OfficeDeadlines>();
        services.TryAddScoped<Portal.PortalReader>();
        services.TryAddScoped<Portal.QuestionBatches>();
        services.TryAddScoped<Portal.QuestionnaireTemplates>();
        services.TryAddScoped<Portal.QuestionAnswers>();
        services.TryAddScoped<Portal.QuestionPasses>();
        services.TryAddScoped<Links.LinkService>();
        services.TryAddScoped<Links.LinkSyncService>();
        services.TryAddScoped<Links.LinkPollService>();
        services.TryAddScoped<CollabRegistry>();
        services.TryAddScoped<InvitationService>();
        services.TryAddScoped<TierService>();
        services.TryAddScoped<BillingService>();
        services.TryAddScoped<Transfers.TransferService>();
        services.TryAddScoped<Tiers.FeatureGate>();
        services.TryAddScoped<Notifications.CollabNotifier>();
        services.TryAddScoped<DeadlineReminderPass>();
        services.TryAddScoped<Deliverables.DeliverableReader>();
        services.TryAddScoped<Deliverables.DeliverableDocuments>(static sp => new(sp.GetService<Storage.IBlobStore>()));
        services.TryAddScoped<Deliverables.DeliverableAuthoring>();
        services.TryAddScoped<Deliverables.DeliverableSharing>();
        services.TryAddScoped<Deliverables.DeliverableLinks>();
        services.TryAddScoped<Deliverables.DeliverableQueries>();
        services.TryAddScoped<Deliverables.DeliverablePasses>();
        services.TryAddScoped<Deliverables.OfficeOverviewService>();
        services.TryAddScoped<Insights.InsightService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOpenWorkSource, Deliverables.OpenApprovals>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOpenWorkSource, Portal.OpenQuestions>());
        services.TryAddScoped(static sp => new DomainEventDispatcher(sp.GetServices<IDomainEventHandler>()));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDomainEventHandler, Portal.DeliverablePortalEntries>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDomainEventHandler, BillingHistoryRecorder>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDomainEventHandler, Evidence.ReceiptIssuer>());
        services.TryAddSingleton<Evidence.ReceiptKey>();
        services.TryAddScoped<Evidence.EvidenceService>();
        services.TryAddScoped<AuditService>();
        services.TryAddScoped<Rights.RightsTargets>();
        services.TryAddScoped<Rights.GrantEligibility>();
        services.TryAddScoped<RightsService>();
        services.TryAddScoped<AccessService>();
        services.TryAddScoped<Authorization.CollabAuthorization>();
        // Each capability's reach rule, asked by CollabAuthorization.AuthorizeAsync for targets of its type.
        services.TryAddScoped<Tiers.ClientWork>();
        services.TryAddScoped<Authorization.IReachRule<Tiers.WorkFor>>(static sp => sp.GetRequiredService<Tiers.ClientWork>());
        services.TryAddScoped<Rights.AdministrationReach>();
        services.TryAddScoped<Authorization.IReachRule<Administration>>(static sp => sp.GetRequiredService<Rights.AdministrationReach>());
        services.TryAddScoped<Authorization.IReachRule<OfficeId>, OfficeAccess>();
        services.TryAddScoped<Authorization.IReachRule<ClientTarget>, ClientAccess>();
        services.TryAddScoped<Authorization.IReachRule<CompanyTarget>, CompanyAccess>();
        services.TryAddScoped<Authorization.IReachRule<CollabUser>, UserAccess>();
        services.TryAddScoped<Authorization.IReachRule<CollabEnvironment>, EnvironmentAccess>();
        services.TryAddScoped<Authorization.IReachRule<Tiers.NewCollaboration>, Tiers.CollaborationAccess>();
        services.TryAddScoped<Deliverables.DeliverableReach>();
        services.TryAddScoped<Authorization.IReachRule<Deliverables.OfficeWork>>(static sp => sp.GetRequiredService<Deliverables.DeliverableReach>());
        services.TryAddScoped<Authorization.IReachRule<Deliverables.Deliverable>>(static sp => sp.GetRequiredService<Deliverables.DeliverableReach>());
        services.TryAddScoped<Portal.PortalAccess>();
        services.TryAddScoped<Authorization.IReachRule<Portal.QuestionBatch>>(static sp => sp.GetRequiredService<Portal.PortalAccess>());
        services.TryAddScoped<Authorization.IReachRule<Portal.Questionnaire>>(static sp => sp.GetRequiredService<Portal.PortalAccess>());
        services.TryAddScoped<Authorization.IReachRule<Portal.QuestionnaireTemplate>>(static sp => sp.GetRequiredService<Portal.PortalAccess>());
        services.TryAddScoped<Authorization.IReachRule<Portal.PortalDocument>>(static sp => sp.GetRequiredService<Portal.PortalAccess>());
        services.TryAddScoped<Authorization.IReachRule<Transfers.TransferRequest>, Transfers.TransferAccess>();
        services.TryAddScoped<Authorization.IReachRule<Links.IntegrationLink>, Links.LinkAccess>();
        services.TryAddSingleton(static _ => new Authorization.CollabPlatform());
        services.TryAddSingleton<Texts.CollabTexts>();
        services.TryAddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<Texts.CollabTexts>, Texts.CollabStringLocalizer>();
        return new CollabBuilder(services);
    }
}

/// <summary>The next steps after <c>AddCollab()</c>, such as choosing the stores.</summary>
public sealed class CollabBuilder
{
    internal CollabBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection Collab was added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a stricter rule of the vendor's own (SEC-3): it runs, per scope, after Collab has allowed an action, and can only refuse.
    /// Policies run in the order they were added.
    /// </summary>
    /// <typeparam name="TPolicy">The policy; resolved from dependency injection with the scope's services.</typeparam>
    /// <returns>This builder.</returns>
    public CollabBuilder AddAuthorizationPolicy<TPolicy>()
        where TPolicy : class, Authorization.ICollabAuthorizationPolicy
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<Authorization.ICollabAuthorizationPolicy, TPolicy>());
        return this;
    }

    /// <summary>
    /// Runs Collab's background passes in this host (issue 20): the outbox, deliverable reminders and expiry,
    /// questionnaire reminders, transfer expiry, link polling and retention, each on its own interval, with jitter and
    /// back-off, in one hosted service (<c>BackgroundService</c>). Safe on several instances against one database. Time
    /// comes from the registered <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> unless you register another).
    /// </summary>
    /// <param name="configure">Intervals and limits; null for the defaults (<see cref="Hosting.BackgroundPassOptions"/>).</param>
    /// <returns>This builder.</returns>
    public CollabBuilder AddBackgroundPasses(Action<Hosting.BackgroundPassOptions>? configure = null)
    {
        var options = Services.AddOptions<Hosting.BackgroundPassOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !o.Validate().Any(), "Collab background passes are misconfigured: check the intervals (1 second to 7 days, or zero), Jitter (0 to 0.5) and BatchSize (1 to 10000).")
            .ValidateOnStart();
        Services.TryAddSingleton(TimeProvider.System);
        Services.TryAddSingleton<Hosting.BackgroundPassMonitor>();
        Services.AddHostedService<Hosting.BackgroundPassHost>();
        return this;
    }

    /// <summary>
    /// Replaces Collab's texts with the vendor's own, per key and language (TXT-1): the one way to change what people read.
    /// Overrides added earlier win.
    /// </summary>
    /// <typeparam name="TOverrides">The vendor's texts; a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public CollabBuilder AddTextOverrides<TOverrides>()
        where TOverrides : class, Texts.ICollabTextOverrides
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Texts.ICollabTextOverrides, TOverrides>());
        return this;
    }

    /// <summary>
    /// Replaces Collab's texts with those an <see cref="Microsoft.Extensions.Localization.IStringLocalizer{T}"/> of the
    /// vendor's has, per key and language (TXT-1, issue 34): for example resources of the vendor's own through
    /// <c>services.AddLocalization()</c>, with entries named after Collab's keys (<c>link.spent</c>) in the same numbered
    /// placeholders. Asked in the reader's language (nl-NL or en-GB) as the current UI culture; a key it does not have
    /// keeps Collab's text. Overrides added earlier win.
    /// </summary>
    /// <typeparam name="TResource">The vendor's resource type; the localizer is resolved from the vendor's services.</typeparam>
    /// <returns>This builder.</returns>
    public CollabBuilder AddTextOverridesFromLocalizer<TResource>()
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Texts.ICollabTextOverrides, Texts.StringLocalizerTextOverrides<TResource>>());
        return this;
    }

    /// <summary>Adds a data source for client insights (SHARE-16). Each source's <see cref="Insights.IClientInsightSource.Name"/> must be unique.</summary>
    /// <typeparam name="TSource">The source; resolved per scope from dependency injection.</typeparam>
    /// <returns>This builder.</returns>
    public CollabBuilder AddInsightSource<TSource>()
        where TSource : class, Insights.IClientInsightSource
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<Insights.IClientInsightSource, TSource>());
        return this;
    }
}
