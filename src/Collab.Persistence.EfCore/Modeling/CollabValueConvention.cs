using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>
/// Maps Collab's value types by CLR type, once, instead of a converter on every property: strongly typed ids as
/// their GUID, <see cref="AdministrationNumber"/> as its number, and NodaTime values natively where the provider
/// has NodaTime types (PostgreSQL with <c>UseNodaTime()</c>: <c>timestamp with time zone</c> and <c>date</c>) or
/// through <see cref="CollabConverters"/> elsewhere. Instants are cut to microseconds on every engine.
/// </summary>
internal static class CollabValueConvention
{
    private static readonly Dictionary<Type, ValueConverter> IdConverters = typeof(OfficeId).Assembly.GetExportedTypes()
        .Where(t => t.IsValueType && t.Namespace == "Collab" && t.Name.EndsWith("Id", StringComparison.Ordinal)
                    && t.GetConstructor([typeof(Guid)]) is not null && t.GetProperty("Value")?.PropertyType == typeof(Guid))
        .ToDictionary(t => t, GuidConverter);

    private static readonly ValueConverter<AdministrationNumber, int> NumberConverter =
        new(value => value.Value, number => AdministrationNumber.From(number));

    /// <summary>The converter of one id type, for the elements of primitive collections (a user's companies).</summary>
    public static ValueConverter IdConverter<TId>()
        where TId : struct => IdConverters[typeof(TId)];

    /// <summary>Applies the mapping to every property of Collab's entity types (owned ones included) that has none yet.</summary>
    public static void Apply(ModelBuilder modelBuilder)
    {
        var collabTypes = modelBuilder.Model.GetEntityTypes().Where(IsCollabType).ToList();

        // The provider's own NodaTime mapping shows in the model: property discovery adds an Instant property only
        // where the provider can map Instant. AuditEntry.At is never configured explicitly, so it is the probe.
        var native = modelBuilder.Model.FindEntityType(typeof(AuditEntry))?.FindProperty(nameof(AuditEntry.At)) is not null;

        foreach (var entityType in collabTypes)
        {
            // Inside JSON columns values are always converted: a provider's native type may have no JSON form.
            var nativeHere = native && !entityType.IsMappedToJson();
            foreach (var member in entityType.ClrType.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                var converter = ConverterFor(Nullable.GetUnderlyingType(member.PropertyType) ?? member.PropertyType, nativeHere);
                if (converter is null && !IsNodaTime(member.PropertyType))
                {
                    continue;
                }

                var property = entityType.FindProperty(member.Name);
                if (property is null)
                {
                    if (IsIgnored(entityType, member.Name) || entityType.FindNavigation(member.Name) is not null || !IsStored(member))
                    {
                        continue;
                    }

                    property = entityType.AddProperty(member);
                }

                if (property.GetValueConverter() is null && converter is not null)
                {
                    property.SetValueConverter(converter);
                }
            }
        }
    }

    private static ValueConverter? ConverterFor(Type type, bool native) =>
        type == typeof(Instant) ? (native ? CollabConverters.MicrosecondInstant : CollabConverters.Instant)
        : type == typeof(LocalDate) ? (native ? null : CollabConverters.LocalDate)
        : type == typeof(AdministrationNumber) ? NumberConverter
        : IdConverters.GetValueOrDefault(type);

    private static bool IsNodaTime(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(LocalDate);

    private static bool IsCollabType(IMutableEntityType entityType) =>
        entityType.ClrType.Assembly == typeof(AggregateRoot).Assembly || entityType.ClrType.Assembly == typeof(CollabValueConvention).Assembly;

    private static bool IsIgnored(IMutableEntityType entityType, string name) =>
        ((IConventionEntityType)entityType).FindIgnoredConfigurationSource(name) is not null;

    // Stored state has a setter or a compiler-made backing field; computed properties (ConsentCount) have neither.
    private static bool IsStored(PropertyInfo member) =>
        member.SetMethod is not null
        || member.DeclaringType!.GetField($"<{member.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic) is not null;

    private static ValueConverter GuidConverter(Type idType)
    {
        var id = Expression.Parameter(idType, "id");
        var guid = Expression.Parameter(typeof(Guid), "value");
        var toProvider = Expression.Lambda(Expression.Property(id, "Value"), id);
        var fromProvider = Expression.Lambda(Expression.New(idType.GetConstructor([typeof(Guid)])!, guid), guid);
        return (ValueConverter)Activator.CreateInstance(typeof(ValueConverter<,>).MakeGenericType(idType, typeof(Guid)), toProvider, fromProvider, null)!;
    }
}
