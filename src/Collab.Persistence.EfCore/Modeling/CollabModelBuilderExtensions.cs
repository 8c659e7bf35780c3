using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Collab.Persistence.EfCore;

/// <summary>Adds Collab's tables to the vendor's own EF Core model.</summary>
public static partial class CollabModelBuilderExtensions
{
    /// <summary>
    /// Adds Collab's entities to the model. Call it from your DbContext's <c>OnModelCreating</c>; no base class is needed.
    /// </summary>
    /// <param name="modelBuilder">Your model builder.</param>
    /// <param name="configure">Optionally changes the table prefix or schema.</param>
    /// <returns>The same model builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is null.</exception>
    /// <exception cref="ArgumentException">The table prefix or schema contains characters other than letters, digits and underscores.</exception>
    public static ModelBuilder ApplyCollabModel(this ModelBuilder modelBuilder, Action<CollabModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var options = new CollabModelOptions();
        configure?.Invoke(options);
        if (!SafeName().IsMatch(options.TablePrefix))
        {
            throw new ArgumentException($"Collab table prefix '{options.TablePrefix}' may only contain letters, digits and underscores.", nameof(configure));
        }

        if (options.Schema is not null && !SafeName().IsMatch(options.Schema))
        {
            throw new ArgumentException($"Collab schema '{options.Schema}' may only contain letters, digits and underscores.", nameof(configure));
        }

        modelBuilder.ApplyConfiguration(new OfficeConfiguration(options));
        modelBuilder.ApplyConfiguration(new ClientConfiguration(options));
        modelBuilder.ApplyConfiguration(new CompanyConfiguration(options));
        modelBuilder.ApplyConfiguration(new AdministrationConfiguration(options));
        modelBuilder.ApplyConfiguration(new UserConfiguration(options));
        modelBuilder.ApplyConfiguration(new RightsGrantConfiguration(options));
        modelBuilder.ApplyConfiguration(new ClientCollaborationConfiguration(options));
        modelBuilder.ApplyConfiguration(new TierHistoryEntryConfiguration(options));
        modelBuilder.ApplyConfiguration(new ClientUserHistoryEntryConfiguration(options));
        modelBuilder.ApplyConfiguration(new IssuedStatementConfiguration(options));
        modelBuilder.ApplyConfiguration(new EnvironmentConfiguration(options));
        modelBuilder.ApplyConfiguration(new TransferRequestConfiguration(options));
        modelBuilder.ApplyConfiguration(new FollowUpItemConfiguration(options));
        modelBuilder.ApplyConfiguration(new EnvironmentAccessConfiguration(options));
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration(options));
        modelBuilder.ApplyConfiguration(new DeliverableConfiguration(options));
        modelBuilder.ApplyConfiguration(new ShareLinkConfiguration(options));
        modelBuilder.ApplyConfiguration(new BackupConfiguration(options));
        modelBuilder.ApplyConfiguration(new ClientSubscriptionConfiguration(options));
        modelBuilder.ApplyConfiguration(new DeletionScheduleConfiguration(options));
        modelBuilder.ApplyConfiguration(new IntegrationLinkConfiguration(options));
        modelBuilder.ApplyConfiguration(new LinkedRecordConfiguration(options));
        modelBuilder.ApplyConfiguration(new PortalItemConfiguration(options));
        modelBuilder.ApplyConfiguration(new PortalDocumentConfiguration(options));
        modelBuilder.ApplyConfiguration(new QuestionBatchConfiguration(options));
        modelBuilder.ApplyConfiguration(new QuestionnaireTemplateConfiguration(options));
        modelBuilder.ApplyConfiguration(new QuestionnaireConfiguration(options));
        modelBuilder.ApplyConfiguration(new HouseStyleConfiguration(options));
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration(options));
        modelBuilder.ApplyConfiguration(new AuditChainHeadConfiguration(options));
        modelBuilder.ApplyConfiguration(new AuditCheckpointConfiguration(options));
        modelBuilder.ApplyConfiguration(new ReceiptConfiguration(options));
        modelBuilder.ApplyConfiguration(new SchemaInfoConfiguration(options));
        CollabValueConvention.Apply(modelBuilder);
        return modelBuilder;
    }

    [GeneratedRegex("^[A-Za-z0-9_]*$")]
    private static partial Regex SafeName();
}
