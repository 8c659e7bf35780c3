using System.Reflection;
using Collab.Tests.Infrastructure;
using Collab.Texts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Collab.AspNetCore.Tests;

/// <summary>
/// Issue 35's proof: the OpenAPI document checked against the endpoints — every refusal code an endpoint's handler can
/// raise is in its <c>x-collab-refusals</c> list. The codes a handler can raise are the known refusal codes among the
/// string literals its IL reaches (<see cref="RefusalReach"/>) plus the families of the few places that build a code
/// from its context (<see cref="BuiltCodes"/>); the list covers them once wildcard entries are expanded.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RefusalListTests(PostgresServer postgres, ITestOutputHelper output)
{
    /// <summary>
    /// Catalogue keys that are texts inside a refusal or a message, never a refusal's code: a field's or thing's name,
    /// a guard's reason, a shared refusal text (<c>common.required</c>, <c>workflow.not-permitted</c>), notifications,
    /// statement lines, and the text keys of refusals whose code differs from their text.
    /// </summary>
    private static readonly string[] TextOnlyPrefixes =
    [
        "common.", "field.", "noun.", "guard.", "workflow.", "notification.", "openwork.", "party.", "manager.", "tier.change-status.",
        "tier.name.", "figures.reason.", "followup.item.", "backup.missing.",
    ];

    private static readonly string[] TextOnlyKeys =
    [
        "access.refused-party", "tier.feature-in-no-tier", "tier.open-work-item", "backup.prerequisites-missing",
        "statement.heading", "statement.line", "statement.line-extra-users", "statement.total",
        "receipt.approval-statement", "receipt.rejection-statement", // what a signed receipt says (SHARE-18), not a refusal
    ];

    /// <summary>Codes written as literals whose text has another key (<c>Refuse.Keyed</c>), so they are not catalogue keys.</summary>
    private static readonly string[] CodesWithOtherTextKeys = ["backup.client-licence-missing", "backup.client-user-missing"];

    /// <summary>
    /// The places that build a code by interpolation (the IL walk sees only their prefix), as the method that builds it
    /// and one code of the family it builds; a handler that reaches the method must list a code or family covering it.
    /// Guard's <c>{field}.required</c>/<c>.too-long</c>/<c>.invisible-character</c>/<c>{what}.empty-id</c> and
    /// <c>Refuse.NotFound</c>'s <c>{what}.not-found</c> are the families every signed-in endpoint lists.
    /// </summary>
    internal static readonly (string Type, string Method, string Example)[] BuiltCodes =
    [
        ("Collab.Guard", "Name", "name.required"),
        ("Collab.Guard", "Name", "name.too-long"),
        ("Collab.Guard", "VisibleOnly", "name.invisible-character"),
        ("Collab.Guard", "Id", "office.empty-id"),
        ("Collab.Refuse", "NotFound", "office.not-found"),
        ("Collab.Links.IntegrationLink", "Text", "link.name-invalid"),
        ("Collab.Portal.QuestionBatch", "Text", "questions.question-invalid"),
        ("Collab.Deliverables.Deliverable", "get_Machine", "deliverable.share-not-permitted"),
        ("Collab.Transfers.TransferRequest", "get_Machine", "transfer.consent-not-permitted"),
        ("Collab.Links.IntegrationLink", "get_Machine", "integration-link.resolve-not-permitted"),
    ];

    private static readonly Assembly[] CollabAssemblies =
    [
        typeof(CollabRefusalException).Assembly, // Collab.Abstractions
        typeof(CollabTexts).Assembly, // Collab.Domain
        typeof(Collab.Persistence.EfCore.CollabDatabase).Assembly,
        typeof(CollabRefusalCodes).Assembly, // Collab.AspNetCore (the handlers themselves)
    ];

    /// <summary>Every refusal code Collab can raise: the catalogue's keys that are codes, and the HTTP layer's own.</summary>
    internal static HashSet<string> KnownCodes() =>
    [
        .. CollabTexts.Keys.Where(k => !TextOnlyPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)) && !TextOnlyKeys.Contains(k)),
        .. CodesWithOtherTextKeys,
        .. HttpTexts.Codes,
    ];

    [SkippableFact]
    public async Task Every_refusal_code_an_endpoints_handler_can_raise_is_in_its_openapi_list()
    {
        await using var host = await CollabTestHost.StartAsync(Engine.Sqlite, postgres);
        var document = await OpenApiDocument.ReadAsync(host);
        var known = KnownCodes();
        var reach = new RefusalReach(CollabAssemblies);
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CollabOperation>() is not null).ToList();
        Assert.True(endpoints.Count > 60, $"only {endpoints.Count} Collab endpoints");

        var uncovered = new List<string>();
        var reachedCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single() + " " + endpoint.RoutePattern.RawText;
            var operation = endpoint.Metadata.GetMetadata<CollabOperation>()!;
            var handler = endpoint.Metadata.OfType<MethodInfo>().Single(); // minimal APIs keep the handler's method
            var services = operation.Service.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == operation.Method).ToList();
            Assert.NotEmpty(services);
            var (literals, methods) = reach.From([handler]);
            Assert.True(services.Any(methods.Contains), $"{route}: its handler does not reach {operation.Service.Name}.{operation.Method}");

            var raised = literals.Where(known.Contains).ToHashSet(StringComparer.Ordinal);
            raised.UnionWith(BuiltCodes.Where(b => methods.Any(m => m.Name == b.Method && m.DeclaringType?.FullName == b.Type)).Select(b => b.Example));
            reachedCodes.UnionWith(raised);
            var listed = new CollabRefusalCodes(document.Refusals(route));
            uncovered.AddRange(raised.Where(c => !listed.Covers(c)).Order(StringComparer.Ordinal).Select(c => $"{route} ({operation.Service.Name}.{operation.Method}): {c}"));

            // The reverse, softly: listed codes and families nothing reachable matches (HTTP-layer codes aside).
            var unused = listed.Codes.Where(c => !c.StartsWith("http.", StringComparison.Ordinal) && !raised.Any(r => new CollabRefusalCodes([c]).Covers(r))).ToList();
            if (unused.Count > 0)
            {
                output.WriteLine($"listed but not reached: {route}: {string.Join(", ", unused)}");
            }
        }

        // The walk itself works: it finds a code deep in the domain, and the dynamic places it names still exist.
        Assert.Contains("deliverable.deadline-passed", reachedCodes);
        Assert.Contains("store.concurrent-change", reachedCodes); // through the unit of work's interface into the EF store
        var builders = CollabAssemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => (t.FullName, m.Name))).ToHashSet();
        Assert.All(BuiltCodes, b => Assert.Contains((b.Type, b.Method), builders));
        output.WriteLine($"{endpoints.Count} endpoints, {reachedCodes.Count} distinct codes reached, {reach.Unresolved.Count} unresolved tokens, {reach.UnmappedTypes.Count} unmapped types");
        foreach (var line in reach.Unresolved.Concat(reach.UnmappedTypes).Take(20))
        {
            output.WriteLine(line);
        }

        Assert.True(uncovered.Count == 0, "Refusal codes a handler can raise that its OpenAPI list does not cover:\n" + string.Join("\n", uncovered));
    }
}
