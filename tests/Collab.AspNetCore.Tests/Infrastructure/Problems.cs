using System.Net;
using System.Text.Json.Nodes;

namespace Collab.AspNetCore.Tests;

/// <summary>A problem-details answer as a test reads it, checked against the OpenAPI document of the endpoint that gave it.</summary>
public sealed record Problem(HttpStatusCode Status, JsonObject Body, string? Route, string? ContentLanguage, byte[] Bytes)
{
    public string Code => Body["code"]!.GetValue<string>();

    public string Detail => Body["detail"]!.GetValue<string>();

    public string? RuleId => Body["ruleId"]?.GetValue<string>();

    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var body = JsonNode.Parse(bytes)!.AsObject();
        // Nothing but the problem's own members leaves (no stack, no exception type, no trace of the inside).
        Assert.All(body.Select(p => p.Key), key => Assert.Contains(key, new[] { "type", "title", "status", "detail", "code", "ruleId" }));
        Assert.Equal((int)response.StatusCode, body["status"]!.GetValue<int>());
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Collab.", text, StringComparison.Ordinal);
        response.Headers.TryGetValues(CollabTestHost.RouteHeader, out var route);
        return new Problem(response.StatusCode, body, route?.FirstOrDefault(), response.Content.Headers.ContentLanguage.FirstOrDefault(), bytes);
    }
}

/// <summary>The host's OpenAPI document, read once, and the refusal codes it lists per operation.</summary>
public sealed class OpenApiDocument(JsonObject document)
{
    public JsonObject Root => document;

    public static async Task<OpenApiDocument> ReadAsync(CollabTestHost host) =>
        new(JsonNode.Parse(await host.Client.GetStringAsync("/openapi/v1.json"))!.AsObject());

    /// <summary>The operation for "METHOD /route/{pattern:constraint}" as the test host's route header names it.</summary>
    public JsonObject? Operation(string route)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var method = route[..space].ToLowerInvariant();
        var path = System.Text.RegularExpressions.Regex.Replace(route[(space + 1)..], @"\{(\w+)(:[^}]*)?\}", "{$1}");
        return document["paths"]?[path]?[method]?.AsObject();
    }

    public IReadOnlyList<string> Refusals(string route) =>
        Operation(route)?["x-collab-refusals"]?.AsArray().Select(c => c!.GetValue<string>()).ToList() ?? [];

    /// <summary>Asserts the endpoint that answered documents the code it answered with.</summary>
    public void AssertDocuments(Problem problem)
    {
        Assert.NotNull(problem.Route);
        var listed = Refusals(problem.Route);
        Assert.True(new CollabRefusalCodes(listed).Covers(problem.Code), $"{problem.Route} answered '{problem.Code}', which its OpenAPI operation does not list ({string.Join(", ", listed)}).");
    }
}
