using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collab.AspNetCore;

/// <summary>
/// Which refusal codes an endpoint can answer with, for its OpenAPI operation (<c>x-collab-refusals</c> and the error
/// responses' descriptions). An entry ending in <c>*</c> stands for every code that starts with what precedes it: Collab
/// builds some codes from the field or thing they name (<c>report-title.too-long</c>, <c>office.not-found</c>); an entry
/// starting with <c>*</c> stands for every code that ends with what follows it (<c>*.not-found</c>).
/// </summary>
/// <param name="Codes">The codes and code families.</param>
public sealed record CollabRefusalCodes(IReadOnlyList<string> Codes)
{
    /// <summary>Whether a code an endpoint answered with is one it documents.</summary>
    /// <param name="code">The observed code.</param>
    /// <returns>True when listed, or when a family entry (<c>deliverable.*</c>, <c>*.not-found</c>) covers it.</returns>
    public bool Covers(string code) => Codes.Any(c =>
        c.EndsWith('*') ? code.StartsWith(c[..^1], StringComparison.Ordinal)
        : c.StartsWith('*') ? code.EndsWith(c[1..], StringComparison.Ordinal)
        : string.Equals(c, code, StringComparison.Ordinal));
}

/// <summary>The Collab service method an endpoint calls (for the test that every public service method has an endpoint or a reason not to).</summary>
/// <param name="Service">The service type.</param>
/// <param name="Method">The method's name.</param>
internal sealed record CollabOperation(Type Service, string Method);

/// <summary>Endpoint conventions for refusal codes and the OpenAPI transformer that shows them.</summary>
public static class CollabRefusalsExtensions
{
    /// <summary>
    /// Codes every signed-in endpoint can answer with whatever it does: the party check (SEC-3), a thing that does not
    /// exist, input guards, a concurrent change, and the HTTP layer's own (sign-in, antiforgery, failure).
    /// </summary>
    internal static readonly string[] Common =
    [
        "access.refused", "*.not-found", "*.required", "*.too-long", "*.invisible-character", "*.empty-id", "store.concurrent-change",
        HttpTexts.SignInRequired, HttpTexts.FormExpired, HttpTexts.BadRequest, HttpTexts.ServerError,
    ];

    /// <summary>Documents the refusal codes an endpoint can answer with; several calls add up.</summary>
    /// <typeparam name="TBuilder">The endpoint or group builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="codes">The codes, or families ending in <c>*</c>.</param>
    /// <returns>The builder.</returns>
    public static TBuilder WithRefusals<TBuilder>(this TBuilder builder, params string[] codes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(codes);
        return builder.WithMetadata(new CollabRefusalCodes([.. codes]));
    }

    /// <summary>
    /// Adds Collab's OpenAPI transformers to a document: each operation's refusal codes (from <see cref="WithRefusals{TBuilder}"/>)
    /// as <c>x-collab-refusals</c> and in the 4xx responses' descriptions, and Collab's ids as GUID strings.
    /// <c>AddCollabAspNetCore()</c> applies it to every document the host adds with <c>AddOpenApi()</c>.
    /// </summary>
    /// <param name="options">The document's options.</param>
    /// <returns>The options.</returns>
    public static OpenApiOptions AddCollabRefusals(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer((operation, context, _) =>
        {
            var codes = context.Description.ActionDescriptor.EndpointMetadata.OfType<CollabRefusalCodes>().SelectMany(c => c.Codes).Distinct(StringComparer.Ordinal).ToList();
            if (codes.Count == 0)
            {
                return Task.CompletedTask;
            }

            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-collab-refusals"] = new JsonNodeExtension(new JsonArray([.. codes.Select(c => (JsonNode)JsonValue.Create(c))]));
            operation.Responses ??= [];
            foreach (var status in new[] { 400, 401, 403, 404, 409, 422, 429, 500 })
            {
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var description = $"Problem details (application/problem+json) with one of these codes: {string.Join(", ", codes)}.";
                if (operation.Responses.TryGetValue(key, out var existing) && existing is OpenApiResponse response)
                {
                    response.Description = description;
                }
                else
                {
                    operation.Responses[key] = new OpenApiResponse { Description = description };
                }
            }

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (CollabJson.IsId(type))
            {
                schema.Type = JsonSchemaType.String;
                schema.Format = "uuid";
                schema.Properties?.Clear();
                schema.Required?.Clear();
            }

            return Task.CompletedTask;
        });
        return options;
    }

    internal static RouteHandlerBuilder Calls<TService>(this RouteHandlerBuilder builder, string method, params string[] codes) =>
        builder.WithMetadata(new CollabOperation(typeof(TService), method)).WithRefusals([.. Common, .. codes]);
}
