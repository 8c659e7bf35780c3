using System.Reflection;
using Collab.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.AspNetCore.Tests;

/// <summary>
/// The HTTP surface against the services and the OpenAPI document: every public service method has an endpoint or a
/// reason here not to; every endpoint is in the document with the refusal codes it declares.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SurfaceTests(PostgresServer postgres)
{
    /// <summary>Public service methods without an endpoint, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotMapped = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Background passes: no person calls them; AddBackgroundPasses() runs them (issue 20).
        ["DeliverablePasses.SendDueRemindersAsync"] = "background pass",
        ["DeliverablePasses.ExpireOverdueAsync"] = "background pass",
        ["QuestionPasses.SendDueRemindersAsync"] = "background pass",
        ["TransferService.ExpireDueAsync"] = "background pass",
        ["RetentionPassService.RunPassAsync"] = "background pass",
        ["LinkPollService.PollDueAsync"] = "background pass",
        // The integration partner's side: the vendor's own integration code calls these with the app's data, not a signed-in person.
        ["LinkSyncService.PushFromAppAsync"] = "the external app's push into the vendor's integration; no acting person (LINK)",
        ["LinkSyncService.AttachPdfSpecification"] = "the vendor's integration attaches the app's PDF; no acting person (LINK)",
        ["LinkSyncService.SendDocumentAsync"] = "sends a document the vendor's bookkeeping produced; called by the vendor's bookkeeping code, which holds the document",
        // A gate for the host's own features, not a resource of Collab's.
        ["TierService.RequireFeatureAsync"] = "a feature gate the host calls around its own features (TIER-2); nothing to expose",
        // The portal's branded landing page is the host's own page; it reads the house style server-side.
        ["PortalService.FindBySlugAsync"] = "anonymous lookup for the host's branded landing page, rendered server-side",
        // The administration console: not in issue 35's groups (office, client, links, provisioning); a later issue.
        ["AuditService.ForSubjectAsync"] = "administration console, a later issue",
        ["EvidenceService.VerifyAuditAsync"] = "administration console, a later issue (AUD-2's verification is an operator's act)",
        ["BackupService.MakeBackupAsync"] = "administration console (backups carry the vendor's books), a later issue",
        ["BackupService.StopCollaborationAsync"] = "administration console, a later issue",
        ["BackupService.ListAsync"] = "administration console, a later issue",
        ["BackupRestoreService.RestoreAsync"] = "administration console, a later issue",
        ["BackupRestoreService.CopyToNewNumberAsync"] = "administration console, a later issue",
        ["LicenceService.SetUpClientAdministrationAsync"] = "licence files are uploaded in the administration console, a later issue",
        ["LicenceImportService.ReadClientLicenceAsync"] = "licence files are uploaded in the administration console, a later issue",
        ["LicenceImportService.ImportClientLicenceAsync"] = "licence files are uploaded in the administration console, a later issue",
        ["RetentionService.PlaceLegalHoldAsync"] = "administration console, a later issue",
        ["RetentionService.LiftLegalHoldAsync"] = "administration console, a later issue",
        ["RetentionService.ListDeletionsAsync"] = "administration console, a later issue",
        ["ClientRegistrationService.RegisterClientAsync"] = "online subscriptions (ONB) are the vendor's sign-up flow, a later issue",
        ["SubscriptionService.FindSubscriptionAsync"] = "online subscriptions, a later issue",
        ["SubscriptionService.CancelSubscriptionAsync"] = "online subscriptions, a later issue",
        ["SubscriptionService.ReactivateSubscriptionAsync"] = "online subscriptions, a later issue",
    };

    [SkippableFact]
    public async Task Every_public_service_method_has_an_endpoint_or_a_reason_not_to()
    {
        await using var host = await CollabTestHost.StartAsync(Engine.Sqlite, postgres);
        var mapped = Endpoints(host).Select(e => e.Metadata.GetMetadata<CollabOperation>()).OfType<CollabOperation>()
            .Select(o => $"{o.Service.Name}.{o.Method}").ToHashSet(StringComparer.Ordinal);
        Type[] deliverableRoles = // named by role, not "…Service" (issue 34)
            [typeof(Collab.Deliverables.DeliverableAuthoring), typeof(Collab.Deliverables.DeliverableSharing), typeof(Collab.Deliverables.DeliverableLinks), typeof(Collab.Deliverables.DeliverableQueries), typeof(Collab.Deliverables.DeliverablePasses)];
        Type[] portalRoles = // the portal's services by role (issue 34)
            [typeof(Collab.Portal.PortalDocuments), typeof(Collab.Portal.HouseStyles), typeof(Collab.Portal.PortalReader), typeof(Collab.Portal.QuestionBatches), typeof(Collab.Portal.QuestionnaireTemplates), typeof(Collab.Portal.QuestionAnswers), typeof(Collab.Portal.QuestionPasses)];
        var services = typeof(Collab.Deliverables.DeliverableSharing).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && (t.Name.EndsWith("Service", StringComparison.Ordinal) || t.Name == "CollabRegistry" || deliverableRoles.Contains(t) || portalRoles.Contains(t)))
            .ToList();
        var methods = services.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("DeliverableSharing.ShareAsync", methods); // the reflection finds the services at all

        var missing = methods.Where(m => !mapped.Contains(m) && !NotMapped.ContainsKey(m)).Order().ToList();
        Assert.True(missing.Count == 0, "Public service methods with neither an endpoint nor a reason: " + string.Join(", ", missing));
        var stale = NotMapped.Keys.Where(m => mapped.Contains(m) || !methods.Contains(m)).ToList();
        Assert.True(stale.Count == 0, "Reasons for methods that have an endpoint or no longer exist: " + string.Join(", ", stale));
        Assert.All(mapped, m => Assert.Contains(m, methods)); // an endpoint names a real public method
    }

    [SkippableFact]
    public async Task The_openapi_document_lists_every_endpoint_with_its_refusal_codes()
    {
        await using var host = await CollabTestHost.StartAsync(Engine.Sqlite, postgres);
        var document = await OpenApiDocument.ReadAsync(host);
        Assert.StartsWith("3.1", document.Root["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var endpoints = Endpoints(host).Where(e => e.Metadata.GetMetadata<CollabOperation>() is not null).ToList();
        Assert.True(endpoints.Count > 60, $"only {endpoints.Count} Collab endpoints");
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single();
            var route = method + " " + endpoint.RoutePattern.RawText;
            var operation = document.Operation(route);
            Assert.True(operation is not null, $"{route} is not in the OpenAPI document");
            var declared = endpoint.Metadata.GetOrderedMetadata<CollabRefusalCodes>().SelectMany(c => c.Codes).ToHashSet(StringComparer.Ordinal);
            var listed = document.Refusals(route).ToHashSet(StringComparer.Ordinal);
            Assert.True(declared.SetEquals(listed), $"{route}: declares {string.Join(", ", declared)} but the document lists {string.Join(", ", listed)}");
            Assert.Contains("access.refused", listed); // every endpoint can be refused by the party check (SEC-3) or answers as if unknown
            Assert.All(new[] { "400", "403", "404", "409", "422" }, status =>
                Assert.Contains("access.refused", operation!["responses"]?[status]?["description"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal));
        }

        // Ids are GUID strings in the schemas, as on the wire.
        var schemas = document.Root["components"]?["schemas"]?.AsObject();
        Assert.NotNull(schemas);
        Assert.All(schemas.Where(s => s.Key.EndsWith("Id", StringComparison.Ordinal) && s.Key is "OfficeId" or "DeliverableId" or "ClientId"),
            s => Assert.Equal("uuid", s.Value!["format"]?.GetValue<string>()));
    }

    private static IEnumerable<RouteEndpoint> Endpoints(CollabTestHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
}
