using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Collab.AspNetCore;

/// <summary>
/// JSON for Collab's types: every id (<see cref="OfficeId"/>, <see cref="DeliverableId"/> …) as a plain GUID string
/// instead of <c>{"value":"…"}</c>, <see cref="AdministrationNumber"/> as a number, Collab's enums by name, and NodaTime's
/// types in their ISO forms (NodaTime.Serialization.SystemTextJson). <c>AddCollabAspNetCore()</c> applies it to the
/// host's minimal API JSON options; a client of the API can apply it to its own options.
/// </summary>
public static class CollabJson
{
    /// <summary>Adds Collab's converters and NodaTime's to serializer options. Safe to call more than once.</summary>
    /// <param name="options">The options to change.</param>
    /// <returns>The same options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Converters.Any(c => c is CollabIdConverterFactory))
        {
            return options;
        }

        options.Converters.Add(new CollabIdConverterFactory());
        options.Converters.Add(new AdministrationNumberConverter());
        options.Converters.Add(new CollabEnumConverterFactory());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    /// <summary>Whether a type is one of Collab's GUID ids (a record struct in the <c>Collab</c> namespace with one <see cref="Guid"/> <c>Value</c>).</summary>
    internal static bool IsId(Type type) =>
        type is { IsValueType: true, Namespace: "Collab" } && type.Name.EndsWith("Id", StringComparison.Ordinal)
        && type.GetConstructor([typeof(Guid)]) is not null && type.GetProperty("Value")?.PropertyType == typeof(Guid);

    private sealed class CollabIdConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => IsId(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(IdConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class IdConverter<T> : JsonConverter<T>
        where T : struct
    {
        private static readonly ConstructorInfo Constructor = typeof(T).GetConstructor([typeof(Guid)])!;
        private static readonly PropertyInfo ValueProperty = typeof(T).GetProperty("Value")!;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var guid)
                ? (T)Constructor.Invoke([guid])
                : throw new JsonException($"Expected a GUID string for {typeof(T).Name}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue((Guid)ValueProperty.GetValue(value)!);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Guid.TryParse(reader.GetString(), out var guid) ? (T)Constructor.Invoke([guid]) : throw new JsonException($"Expected a GUID key for {typeof(T).Name}.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(((Guid)ValueProperty.GetValue(value)!).ToString());
    }

    private sealed class AdministrationNumberConverter : JsonConverter<AdministrationNumber>
    {
        public override AdministrationNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && number is > 0 and <= AdministrationNumber.MaxValue)
            {
                return AdministrationNumber.From(number);
            }

            throw new JsonException($"Expected a whole number from 1 to {AdministrationNumber.MaxValue} for an administration number.");
        }

        public override void Write(Utf8JsonWriter writer, AdministrationNumber value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    /// <summary>Collab's enums by name; the host's own enums keep whatever the host chose.</summary>
    private sealed class CollabEnumConverterFactory : JsonConverterFactory
    {
        private readonly JsonStringEnumConverter _inner = new(allowIntegerValues: false);

        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsEnum && typeToConvert.Assembly.GetName().Name is { } name && name.StartsWith("Collab.", StringComparison.Ordinal);

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => _inner.CreateConverter(typeToConvert, options);
    }
}
