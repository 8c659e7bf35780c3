using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

// One sealed configuration per entity, applied by ApplyCollabModel. Every string has an explicit maximum
// length and every aggregate a Version concurrency token.

internal abstract class CollabEntityConfiguration<T>(CollabModelOptions options, string table) : IEntityTypeConfiguration<T>
    where T : class
{
    public void Configure(EntityTypeBuilder<T> builder)
    {
        builder.ToTable(options.TablePrefix + table, options.Schema);
        if (typeof(AggregateRoot).IsAssignableFrom(typeof(T)))
        {
            builder.Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
            builder.Ignore(nameof(AggregateRoot.DomainEvents));
        }

        ConfigureEntity(builder);
    }

    protected abstract void ConfigureEntity(EntityTypeBuilder<T> builder);
}

internal sealed class OfficeConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Office>(options, "offices")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Office> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.OfficeId).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Modules).HasConversion<int>();
    }
}

internal sealed class ClientConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Client>(options, "clients")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Client> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.ClientId).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
    }
}

internal sealed class CompanyConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Company>(options, "companies")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Company> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.CompanyId).ValueGeneratedNever();
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdministrationConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Administration>(options, "administrations")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Administration> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.AdministrationId).ValueGeneratedNever();
        builder.Property(x => x.Number).HasConversion(CollabConverters.AdministrationNumber);

        // A number belongs to at most one live (or restoring) administration; a released or deleted one keeps its
        // number for the record, and a restore brings the number back (LIC-6, LIC-7). Quoted the ANSI way, which
        // SQLite, PostgreSQL and SQL Server all accept.
        builder.HasIndex(x => x.Number).IsUnique().HasFilter("\"State\" IN ('Live', 'Restoring')");
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Licence).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.ClientLicenceFile).HasMaxLength(CollabLimits.MaxStoredLicenceFileChars);
        builder.Property(x => x.LegalHold).HasMaxLength(CollabLimits.MaxNameLength);
        builder.Property(x => x.DeletionStartedAt).HasConversion(CollabConverters.Instant);
        builder.Ignore(x => x.IsLive);
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.CompanyId).HasConversion(CollabConverters.CompanyId);
        builder.Property(x => x.HolderOfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.EnvironmentId).HasConversion(CollabConverters.EnvironmentId);
        builder.HasIndex(x => x.EnvironmentId);
        builder.HasOne<CollabEnvironment>().WithMany().HasForeignKey(x => x.EnvironmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ClientId, x.CompanyId });
        builder.HasIndex(x => x.HolderOfficeId);
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.HolderOfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserConfiguration(CollabModelOptions options) : CollabEntityConfiguration<CollabUser>(options, "users")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CollabUser> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.UserId).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Email).HasMaxLength(CollabLimits.MaxEmailLength).IsRequired();
        builder.HasIndex(x => x.Email).IsUnique();
        builder.HasIndex(x => new { x.ClientId, x.IsActive });
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Ignore(x => x.Companies);
        builder.PrimitiveCollection<List<Guid>>("_companyIds").HasColumnName("CompanyIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RightsGrantConfiguration(CollabModelOptions options) : CollabEntityConfiguration<RightsGrant>(options, "rights_grants")
{
    protected override void ConfigureEntity(EntityTypeBuilder<RightsGrant> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.RightsGrantId).ValueGeneratedNever();
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.AdministrationId).HasConversion(CollabConverters.AdministrationId);
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.GrantedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.GrantedBy).HasConversion(CollabConverters.UserId);
        builder.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.RevokedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.RevokedBy).HasConversion(CollabConverters.UserId);

        // One grant row per pair: two concurrent first grants cannot both be inserted.
        builder.HasIndex(x => new { x.OfficeId, x.AdministrationId }).IsUnique();
        builder.HasIndex(x => new { x.AdministrationId, x.IsActive });
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration(CollabModelOptions options) : CollabEntityConfiguration<AuditEntry>(options, "audit")
{
    protected override void ConfigureEntity(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(x => x.Sequence);
        builder.Property(x => x.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(x => x.Id).IsUnique();
        builder.Property(x => x.At).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.ActorKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.ActorId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Action).HasConversion<string>().HasMaxLength(64);
        builder.Property(x => x.SubjectType).HasMaxLength(50).IsRequired();
        builder.Property(x => x.SubjectId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Details).HasMaxLength(2000).IsRequired();
        builder.HasIndex(x => new { x.SubjectType, x.SubjectId, x.Sequence });
    }
}

internal sealed class SchemaInfoConfiguration(CollabModelOptions options) : CollabEntityConfiguration<CollabSchemaInfo>(options, "schema")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CollabSchemaInfo> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasData(new CollabSchemaInfo { Id = 1, Version = CollabDatabase.SchemaVersion });
    }
}

internal sealed class ClientCollaborationConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Tiers.ClientCollaboration>(options, "collaborations")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Tiers.ClientCollaboration> builder)
    {
        // The pair is the identity: an office has one collaboration, hence one tier, per client (TIER-3).
        builder.HasKey(x => new { x.OfficeId, x.ClientId });
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.Tier).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.StartsOn).HasConversion(CollabConverters.LocalDate);
        builder.Property(x => x.EndsOn).HasConversion(CollabConverters.LocalDate);
        builder.HasIndex(x => x.ClientId);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnvironmentConfiguration(CollabModelOptions options) : CollabEntityConfiguration<CollabEnvironment>(options, "environments")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CollabEnvironment> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.EnvironmentId).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Ignore(x => x.Administrators);
        builder.PrimitiveCollection<List<Guid>>("_administratorIds").HasColumnName("AdministratorIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransferRequestConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Transfers.TransferRequest>(options, "transfers")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Transfers.TransferRequest> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.TransferRequestId).ValueGeneratedNever();
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.FromEnvironment).HasConversion(CollabConverters.EnvironmentId);
        builder.Property(x => x.ToEnvironment).HasConversion(CollabConverters.EnvironmentId);
        builder.Ignore(x => x.Administrations);
        builder.PrimitiveCollection<List<Guid>>("_administrationIds").HasColumnName("AdministrationIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(x => x.ClientEmail).HasMaxLength(CollabLimits.MaxEmailLength).IsRequired();
        builder.Property(x => x.RequestedBy).HasConversion(CollabConverters.UserId);
        builder.Property(x => x.RequestedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.ExpiresAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.OldAdministratorConsentAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.OldAdministratorConsentBy).HasConversion(CollabConverters.UserId);
        builder.Property(x => x.ClientConsentAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.ClientConsentBy).HasConversion(CollabConverters.UserId);
        builder.Property(x => x.NewAdministratorConsentAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.NewAdministratorConsentBy).HasConversion(CollabConverters.UserId);
        builder.Property(x => x.ClosedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.RefusalReason).HasMaxLength(CollabLimits.MaxNameLength);
        builder.Property(x => x.BilledTo).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(x => x.ConsentCount);
        builder.OwnsMany(x => x.BankLinks, links =>
        {
            links.ToJson("BankLinks");
            links.Property(l => l.Bank).HasMaxLength(CollabLimits.MaxNameLength);
            links.Property(l => l.Administration).HasConversion(CollabConverters.AdministrationId);
            links.Property(l => l.ManagedBy).HasConversion<string>().HasMaxLength(16);
        });
        builder.HasIndex(x => new { x.State, x.ExpiresAt }); // the expiry pass
        builder.HasIndex(x => new { x.ClientId, x.State });
        builder.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpItemConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Transfers.FollowUpItem>(options, "transfer_followups")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Transfers.FollowUpItem> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.TransferId).HasConversion(CollabConverters.TransferRequestId);
        builder.HasIndex(x => new { x.TransferId, x.Position }).IsUnique();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Description).HasMaxLength(500).IsRequired();
        builder.Property(x => x.ManagedBy).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.DoneAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.DoneBy).HasConversion(CollabConverters.UserId);
        builder.HasOne<Transfers.TransferRequest>().WithMany().HasForeignKey(x => x.TransferId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnvironmentAccessConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Transfers.EnvironmentAccess>(options, "environment_access")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Transfers.EnvironmentAccess> builder)
    {
        builder.HasKey(x => new { x.EnvironmentId, x.UserId });
        builder.Property(x => x.EnvironmentId).HasConversion(CollabConverters.EnvironmentId);
        builder.Property(x => x.UserId).HasConversion(CollabConverters.UserId);
        builder.Ignore(x => x.Administrations);
        builder.PrimitiveCollection<List<Guid>>("_administrationIds").HasColumnName("AdministrationIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(x => x.BilledTo).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.InvitedAt).HasConversion(CollabConverters.Instant);
        builder.HasOne<CollabEnvironment>().WithMany().HasForeignKey(x => x.EnvironmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CollabUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboxMessageConfiguration(CollabModelOptions options) : CollabEntityConfiguration<OutboxMessage>(options, "outbox")
{
    protected override void ConfigureEntity(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.CreatedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(64);
        builder.Property(x => x.Recipient).HasMaxLength(CollabLimits.MaxEmailLength).IsRequired();
        builder.Property(x => x.SubjectType).HasMaxLength(50).IsRequired();
        builder.Property(x => x.SubjectId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Text).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.Reference).HasMaxLength(200);
        builder.Property(x => x.LeaseUntil).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.DispatchedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.DeadLetteredAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.LastError).HasMaxLength(2000);
        builder.HasIndex(x => new { x.DispatchedAt, x.DeadLetteredAt, x.CreatedAt }); // pending first, oldest first
    }
}

internal sealed class AnnualReportConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Reports.AnnualReport>(options, "reports")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Reports.AnnualReport> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.ReportId).ValueGeneratedNever();
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.CompanyId).HasConversion(CollabConverters.CompanyId);
        builder.Property(x => x.Title).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Deadline).HasConversion(CollabConverters.LocalDate);
        builder.Property(x => x.DeadlinePassesAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.ReminderDueAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.ReminderSentAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.ViewedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.DecidedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.RejectionReason).HasMaxLength(CollabLimits.MaxNameLength);
        builder.HasIndex(x => new { x.State, x.ReminderSentAt, x.ReminderDueAt }); // the reminder scan (SHARE-4)
        builder.HasIndex(x => new { x.State, x.DeadlinePassesAt }); // the expiry scan
        builder.HasIndex(x => new { x.ClientId, x.CompanyId });
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ShareLinkConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Reports.ShareLink>(options, "report_links")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Reports.ShareLink> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ReportId).HasConversion(CollabConverters.ReportId);
        builder.Property(x => x.SecretHash).HasMaxLength(32).IsRequired(); // SHA-256 of the token's secret; never the token
        builder.Property(x => x.IssuedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.ExpiresAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.FirstOpenedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.SpentAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.ReplacedAt).HasConversion(CollabConverters.Instant);
        builder.HasIndex(x => x.ReportId);
        builder.HasOne<Reports.AnnualReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BackupConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Backups.Backup>(options, "backups")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Backups.Backup> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.BackupId).ValueGeneratedNever();
        builder.Property(x => x.AdministrationId).HasConversion(CollabConverters.AdministrationId);
        builder.Property(x => x.AdministrationNumber).HasConversion(CollabConverters.AdministrationNumber);
        builder.Property(x => x.AdministrationName).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.CompanyId).HasConversion(CollabConverters.CompanyId);
        builder.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.Licence).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.MadeAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.MadeBy).HasMaxLength(150).IsRequired();
        builder.Property(x => x.BlobKey).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(x => new { x.AdministrationId, x.MadeAt });
        builder.HasOne<Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClientSubscriptionConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Lifecycle.ClientSubscription>(options, "subscriptions")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Lifecycle.ClientSubscription> builder)
    {
        builder.HasKey(x => x.ClientId); // one subscription per client: a second registration cannot be inserted (ONB-2)
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId).ValueGeneratedNever();
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.Plan).HasMaxLength(64).IsRequired();
        builder.Property(x => x.BillingParty).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.RegisteredOn).HasConversion(CollabConverters.LocalDate);
        builder.Property(x => x.FreeThrough).HasConversion(CollabConverters.LocalDate);
        builder.Property(x => x.CancelledAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.DeletionDate).HasConversion(CollabConverters.LocalDate);
        builder.Ignore(x => x.FirstBilledDay);
        builder.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeletionScheduleConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Lifecycle.DeletionSchedule>(options, "deletions")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Lifecycle.DeletionSchedule> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.AdministrationId).HasConversion(CollabConverters.AdministrationId);
        builder.Property(x => x.AdministrationNumber).HasConversion(CollabConverters.AdministrationNumber);
        builder.Property(x => x.AdministrationName).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.CancelledAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.DeleteOn).HasConversion(CollabConverters.LocalDate);
        builder.Property(x => x.DueAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.WarningDays).HasMaxLength(100).IsRequired();
        builder.Property(x => x.NextActionAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.BlockedReason).HasMaxLength(1000);
        builder.Property(x => x.DeletedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.DeletionStartedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.Policy).HasMaxLength(1000);
        builder.HasIndex(x => new { x.State, x.NextActionAt }); // the daily deletion scan (RET-2)
        builder.HasIndex(x => new { x.ClientId, x.State });
        builder.HasIndex(x => x.AdministrationId);
        builder.HasOne<Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IntegrationLinkConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Links.IntegrationLink>(options, "links")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Links.IntegrationLink> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.LinkId).ValueGeneratedNever();
        builder.Property(x => x.App).HasMaxLength(64).IsRequired();
        builder.Property(x => x.ExternalAdministration).HasMaxLength(200).IsRequired();
        builder.Property(x => x.AdministrationId).HasConversion(CollabConverters.AdministrationId);
        builder.Property(x => x.AdministrationNumber).HasConversion(CollabConverters.AdministrationNumber);
        builder.Property(x => x.Edition).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Step).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.Cursor).HasMaxLength(200);
        builder.Property(x => x.NextPollAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.LastPolledAt).HasConversion(CollabConverters.Instant);
        builder.Ignore(x => x.DocumentKind);

        // LINK-1, enforced by the database too: among links that are not removed, an app administration has one
        // link, and a bookkeeping administration one link per app.
        builder.HasIndex(x => new { x.App, x.ExternalAdministration }).IsUnique().HasFilter("\"Step\" <> 'Removed'");
        builder.HasIndex(x => new { x.App, x.AdministrationId }).IsUnique().HasFilter("\"Step\" <> 'Removed' AND \"AdministrationId\" IS NOT NULL");
        builder.HasIndex(x => new { x.Step, x.NextPollAt }); // the polling scan (LINK-6)
        builder.HasOne<Administration>().WithMany().HasForeignKey(x => x.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LinkedRecordConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Links.LinkedRecord>(options, "link_records")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Links.LinkedRecord> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.LinkId).HasConversion(CollabConverters.LinkId);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.ExternalId).HasMaxLength(200).IsRequired();
        builder.Property(x => x.BookkeepingId).HasMaxLength(200);
        builder.Property(x => x.Match).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Candidates).HasMaxLength(2000);
        builder.HasIndex(x => new { x.LinkId, x.Kind, x.ExternalId }).IsUnique(); // a record is reserved once, however often a step is retried
        builder.HasIndex(x => new { x.LinkId, x.Kind, x.BookkeepingId });
        builder.HasOne<Links.IntegrationLink>().WithMany().HasForeignKey(x => x.LinkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PortalItemConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.PortalItem>(options, "portal_items")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.PortalItem> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.CompanyId).HasConversion(CollabConverters.CompanyId);
        builder.Property(x => x.Title).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.SharedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.Deadline).HasConversion(CollabConverters.LocalDate);
        builder.Property(x => x.Status).HasMaxLength(32).IsRequired();

        // The history page (SHARE-6): one client's entries newest first, read in index order and cut at the page size.
        builder.HasIndex(x => new { x.ClientId, x.SharedAt, x.Id });
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PortalDocumentConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.PortalDocument>(options, "documents")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.PortalDocument> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.DocumentId).ValueGeneratedNever();
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.CompanyId).HasConversion(CollabConverters.CompanyId);
        builder.Property(x => x.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.FileName).HasMaxLength(200).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(x => x.BlobKey).HasMaxLength(200).IsRequired();
        builder.Property(x => x.UploadedAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.UploadedBy).HasConversion(CollabConverters.UserId);
        builder.HasIndex(x => new { x.ClientId, x.CompanyId });
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionBatchConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.QuestionBatch>(options, "question_batches")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.QuestionBatch> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.QuestionBatchId).ValueGeneratedNever();
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.CompanyId).HasConversion(CollabConverters.CompanyId);
        builder.Property(x => x.Title).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.SentAt).HasConversion(CollabConverters.Instant);
        builder.Property<string>("_questions").HasColumnName("Questions").HasMaxLength(1_000_000).IsRequired(); // JSON, at most 200 questions and answers
        builder.Ignore(x => x.Questions);
        builder.Ignore(x => x.AnsweredCount);
        builder.Ignore(x => x.Status);
        builder.HasIndex(x => new { x.ClientId, x.CompanyId });
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionnaireTemplateConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.QuestionnaireTemplate>(options, "questionnaire_templates")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.QuestionnaireTemplate> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.QuestionnaireTemplateId).ValueGeneratedNever();
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property<string>("_sections").HasColumnName("Sections").HasMaxLength(2_000_000).IsRequired();
        builder.Ignore(x => x.Sections);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionnaireConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.Questionnaire>(options, "questionnaires")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.Questionnaire> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasConversion(CollabConverters.QuestionnaireId).ValueGeneratedNever();
        builder.Property(x => x.TemplateId).HasConversion(CollabConverters.QuestionnaireTemplateId);
        builder.Property(x => x.Name).HasMaxLength(CollabLimits.MaxNameLength).IsRequired();
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId);
        builder.Property(x => x.ClientId).HasConversion(CollabConverters.ClientId);
        builder.Property(x => x.CompanyId).HasConversion(CollabConverters.CompanyId);
        builder.Property(x => x.SentAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.Deadline).HasConversion(CollabConverters.LocalDate);
        builder.Property(x => x.ReminderDueAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.ReminderSentAt).HasConversion(CollabConverters.Instant);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.CompletedAt).HasConversion(CollabConverters.Instant);
        builder.Property<string>("_sections").HasColumnName("Sections").HasMaxLength(2_000_000).IsRequired(); // frozen at the version sent
        builder.Property<string>("_answers").HasColumnName("Answers").HasMaxLength(2_000_000).IsRequired();
        builder.Ignore(x => x.Sections);
        builder.Ignore(x => x.Answers);
        builder.HasIndex(x => x.TemplateId);
        builder.HasIndex(x => new { x.State, x.ReminderSentAt, x.ReminderDueAt }); // the reminder scan (SHARE-4's rule)
        builder.HasOne<Portal.QuestionnaireTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(x => x.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HouseStyleConfiguration(CollabModelOptions options) : CollabEntityConfiguration<Portal.HouseStyle>(options, "house_styles")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Portal.HouseStyle> builder)
    {
        builder.HasKey(x => x.OfficeId);
        builder.Property(x => x.OfficeId).HasConversion(CollabConverters.OfficeId).ValueGeneratedNever();
        builder.Property(x => x.Slug).HasMaxLength(63).IsRequired();
        builder.HasIndex(x => x.Slug).IsUnique(); // one portal address per office, across the vendor (SHARE-10)
        builder.Property(x => x.LogoReference).HasMaxLength(500);
        builder.Property(x => x.PrimaryColour).HasMaxLength(7).IsRequired();
        builder.Property(x => x.TextColour).HasMaxLength(7).IsRequired();
        builder.Property(x => x.BackgroundColour).HasMaxLength(7).IsRequired();
        builder.Property(x => x.WelcomeText).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.ReminderText).HasMaxLength(1000);
        builder.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
