using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>
/// Value converters for Collab's value types. NodaTime values are stored in forms that compare and sort the
/// same on every engine and round-trip exactly: <see cref="Instant"/> as 64-bit Unix ticks (100 ns, the
/// precision of every clock .NET offers), <see cref="LocalDate"/> as a date.
/// </summary>
public static class CollabConverters
{
    /// <summary>Stores an <see cref="Instant"/> as Unix ticks. Sub-tick nanoseconds are not kept.</summary>
    public static ValueConverter<Instant, long> Instant { get; } =
        new(value => value.ToUnixTimeTicks(), ticks => NodaTime.Instant.FromUnixTimeTicks(ticks));

    /// <summary>Stores a <see cref="LocalDate"/> (ISO calendar, years 1 to 9999) as a date.</summary>
    public static ValueConverter<LocalDate, DateOnly> LocalDate { get; } =
        new(value => value.ToDateOnly(), date => NodaTime.LocalDate.FromDateOnly(date));

    internal static ValueConverter<AdministrationNumber, int> AdministrationNumber { get; } =
        new(value => value.Value, number => Collab.AdministrationNumber.From(number));

    internal static ValueConverter<OfficeId, Guid> OfficeId { get; } = new(id => id.Value, value => new OfficeId(value));

    internal static ValueConverter<ClientId, Guid> ClientId { get; } = new(id => id.Value, value => new ClientId(value));

    internal static ValueConverter<CompanyId, Guid> CompanyId { get; } = new(id => id.Value, value => new CompanyId(value));

    internal static ValueConverter<AdministrationId, Guid> AdministrationId { get; } = new(id => id.Value, value => new AdministrationId(value));

    internal static ValueConverter<UserId, Guid> UserId { get; } = new(id => id.Value, value => new UserId(value));

    internal static ValueConverter<EnvironmentId, Guid> EnvironmentId { get; } = new(id => id.Value, value => new EnvironmentId(value));

    internal static ValueConverter<TransferRequestId, Guid> TransferRequestId { get; } = new(id => id.Value, value => new TransferRequestId(value));

    internal static ValueConverter<ReportId, Guid> ReportId { get; } = new(id => id.Value, value => new ReportId(value));

    internal static ValueConverter<RightsGrantId, Guid> RightsGrantId { get; } = new(id => id.Value, value => new RightsGrantId(value));

    internal static ValueConverter<BackupId, Guid> BackupId { get; } = new(id => id.Value, value => new BackupId(value));

    internal static ValueConverter<LinkId, Guid> LinkId { get; } = new(id => id.Value, value => new LinkId(value));

    internal static ValueConverter<DocumentId, Guid> DocumentId { get; } = new(id => id.Value, value => new DocumentId(value));

    internal static ValueConverter<QuestionBatchId, Guid> QuestionBatchId { get; } = new(id => id.Value, value => new QuestionBatchId(value));

    internal static ValueConverter<QuestionnaireTemplateId, Guid> QuestionnaireTemplateId { get; } = new(id => id.Value, value => new QuestionnaireTemplateId(value));

    internal static ValueConverter<QuestionnaireId, Guid> QuestionnaireId { get; } = new(id => id.Value, value => new QuestionnaireId(value));
}
