using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Rights;
using Collab.Tiers;
using Collab.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Tests.Persistence;

public sealed class ModelTests
{
    private sealed class PrefixedContext(DbContextOptions<PrefixedContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.ApplyCollabModel(o => { o.TablePrefix = "acme_collab_"; o.Schema = "collab"; });
    }

    private sealed class ForgetfulContext(DbContextOptions<ForgetfulContext> options) : DbContext(options);

    [Fact]
    public void Table_prefix_and_schema_are_configurable()
    {
        using var context = new PrefixedContext(new DbContextOptionsBuilder<PrefixedContext>().UseNpgsql("Host=unused").Options);

        var grants = context.Model.FindEntityType(typeof(RightsGrant))!;
        Assert.Equal("acme_collab_rights_grants", grants.GetTableName());
        Assert.Equal("collab", grants.GetSchema());
    }

    [Fact]
    public void PostgreSQL_with_NodaTime_keeps_instants_and_dates_in_its_own_types_and_SQLite_in_converted_forms()
    {
        using var postgres = new PrefixedContext(new DbContextOptionsBuilder<PrefixedContext>().UseNpgsql("Host=unused", o => o.UseNodaTime()).Options);
        using var sqlite = new PrefixedContext(new DbContextOptionsBuilder<PrefixedContext>().UseSqlite("Data Source=:memory:").Options);

        string Column(DbContext context, Type entity, string property) =>
            context.Model.FindEntityType(entity)!.FindProperty(property)!.GetColumnType();

        Assert.Equal("timestamp with time zone", Column(postgres, typeof(Collab.Lifecycle.DeletionSchedule), "DueAt"));
        Assert.Equal("date", Column(postgres, typeof(Collab.Lifecycle.DeletionSchedule), "DeleteOn"));
        Assert.Equal("uuid", Column(postgres, typeof(RightsGrant), "OfficeId"));
        Assert.Equal("integer", Column(postgres, typeof(Administration), "Number"));
        Assert.Equal("INTEGER", Column(sqlite, typeof(Collab.Lifecycle.DeletionSchedule), "DueAt"));
        Assert.Equal("TEXT", Column(sqlite, typeof(Collab.Lifecycle.DeletionSchedule), "DeleteOn"));

        // One convention maps every id, instant and date by type: no Collab property is left without a mapping.
        foreach (var entity in postgres.Model.GetEntityTypes().Concat(sqlite.Model.GetEntityTypes()))
        {
            foreach (var property in entity.GetProperties())
            {
                Assert.NotNull(property.GetTypeMapping());
            }
        }
    }

    [Fact]
    public void Every_Collab_string_column_has_a_maximum_length_and_every_aggregate_a_concurrency_token()
    {
        using var context = new PrefixedContext(new DbContextOptionsBuilder<PrefixedContext>().UseNpgsql("Host=unused").Options);

        foreach (var entity in context.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                Assert.True(property.GetMaxLength() is > 0, $"{entity.ClrType.Name}.{property.Name} has no maximum length");
            }

            if (typeof(AggregateRoot).IsAssignableFrom(entity.ClrType))
            {
                Assert.True(entity.FindProperty(nameof(AggregateRoot.Version))!.IsConcurrencyToken, $"{entity.ClrType.Name} has no concurrency token");
            }
        }
    }

    [Theory]
    [InlineData("collab-", null)]
    [InlineData("x; DROP TABLE y", null)]
    [InlineData("ok_", "bad schema")]
    public void Unsafe_table_prefix_or_schema_is_refused(string prefix, string? schema)
    {
        var builder = new ModelBuilder();
        var error = Assert.Throws<ArgumentException>(() => builder.ApplyCollabModel(o => { o.TablePrefix = prefix; o.Schema = schema; }));
        Assert.Contains("letters, digits and underscores", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_that_forgot_ApplyCollabModel_gets_an_error_that_says_what_to_call()
    {
        var services = new ServiceCollection();
        services.AddDbContext<ForgetfulContext>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddCollab().AddEntityFrameworkStores<ForgetfulContext>();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var error = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IRightsStore>());
        Assert.Contains("ApplyCollabModel()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_port_has_its_own_store_registered_once_on_the_vendors_context()
    {
        var services = new ServiceCollection();
        services.AddDbContext<PrefixedContext>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddCollab().AddEntityFrameworkStores<PrefixedContext>().AddEntityFrameworkStores<PrefixedContext>();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        // The registry's and the portal's aggregate ports are each served by one class (one instance per scope); every other port by its own.
        Type[][] groups =
        [
            [typeof(ICollabUnitOfWork)], [typeof(IOfficeStore), typeof(IClientStore), typeof(ICompanyStore), typeof(IAdministrationStore), typeof(IEnvironmentStore), typeof(IUserStore)],
            [typeof(IRightsStore)], [typeof(ITierStore), typeof(Collab.Deliverables.IOfficeOverviewStore)], [typeof(ITransferStore)], [typeof(IDeliverableStore)],
            [typeof(Collab.Backups.IBackupStore)], [typeof(Collab.Lifecycle.ILifecycleStore)], [typeof(Collab.Links.ILinkStore)],
            [typeof(Collab.Portal.IPortalItemStore), typeof(Collab.Portal.IPortalDocumentStore), typeof(Collab.Portal.IQuestionBatchStore),
                typeof(Collab.Portal.IQuestionnaireTemplateStore), typeof(Collab.Portal.IQuestionnaireStore), typeof(Collab.Portal.IHouseStyleStore)],
            [typeof(IAuditTrail)],
        ];
        var implementations = new HashSet<Type>();
        foreach (var group in groups)
        {
            var stores = group.Select(port =>
            {
                Assert.Single(services, d => d.ServiceType == port);
                return scope.ServiceProvider.GetRequiredService(port);
            }).ToList();
            Assert.All(stores, store => Assert.Same(stores[0], store));
            Assert.True(implementations.Add(stores[0].GetType()), $"{stores[0].GetType().Name} serves ports of more than one capability");
        }
    }
}
