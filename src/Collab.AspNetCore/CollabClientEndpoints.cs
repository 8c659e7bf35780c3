using Collab;
using Collab.AspNetCore;
using Collab.Deliverables;
using Collab.Insights;
using Collab.Portal;
using Collab.Registry;
using Collab.Rights;
using Collab.Transfers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The client's endpoints: tasks and the portal, decisions on deliverables, grants, consents, documents and insights.</summary>
public static class CollabClientEndpoints
{
    /// <summary>
    /// Maps the client's endpoints under <paramref name="prefix"/>. Every endpoint acts as the signed-in user
    /// (<see cref="ICollabPartyResolver"/>); Collab decides what that user may do (SEC-3) and answers with views made for
    /// the client (SEC-6). Add the host's own authorization, rate limits and filters to the returned group.
    /// </summary>
    /// <param name="endpoints">The app or a parent group.</param>
    /// <param name="prefix">The routes' prefix, such as <c>/client</c>.</param>
    /// <returns>The group, for the host's conventions.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RouteGroupBuilder MapCollabClientEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/client")
    {
        var g = CollabGroups.Group(endpoints, prefix, "Collab client");

        // Tasks and the portal (SHARE-7)
        g.MapGet("/tasks", async (Caller me, PortalService s, CancellationToken ct) =>
            TypedResults.Ok(await s.HistoryAsync(me.Party, openOnly: true, cancellationToken: ct)))
            .Calls<PortalService>(nameof(PortalService.HistoryAsync), "portal.*");
        g.MapGet("/portal", async (Caller me, long? afterTicks, Guid? afterId, int? pageSize, PortalService s, CancellationToken ct) =>
            TypedResults.Ok(await s.HistoryAsync(me.Party, CollabGroups.Cursor(afterTicks, afterId), pageSize ?? 50, cancellationToken: ct)))
            .Calls<PortalService>(nameof(PortalService.HistoryAsync), "portal.*");
        g.MapGet("/clients/{client:guid}/offices/{office:guid}/house-style", async (Caller me, Guid client, Guid office, PortalService s, CancellationToken ct) =>
            await s.HouseStyleForClientAsync(me.Party, new OfficeId(office), new ClientId(client), ct) is { } found ? Results.Ok(found) : Results.NoContent())
            .Calls<PortalService>(nameof(PortalService.HouseStyleForClientAsync), "house-style.*");
        g.MapPut("/me/language", async (Caller me, LanguageRequest body, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.SetMyLanguageAsync(me.Party, body.Language, ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.SetMyLanguageAsync), "language.*", "user.*");

        g.MapPost("/clients/{client:guid}/invitations", async (Caller me, Guid client, ClientUserRequest body, InvitationService s, CancellationToken ct) =>
            TypedResults.Ok(await s.InviteClientUserAsync(me.Party, new ClientId(client), body.Email, body.Companies, ct)))
            .Calls<InvitationService>(nameof(InvitationService.InviteClientUserAsync), "user.*", "email.*", "tier.unknown");
        g.MapGet("/clients/{client:guid}/users", async (Caller me, Guid client, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListClientUsersAsync(me.Party, new ClientId(client), ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.ListClientUsersAsync));

        g.MapGet("/clients/{client:guid}", async (Caller me, Guid client, CollabRegistry s, CancellationToken ct) =>
            await s.FindClientAsync(me.Party, new ClientId(client), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<CollabRegistry>(nameof(CollabRegistry.FindClientAsync));
        g.MapGet("/clients/{client:guid}/companies", async (Caller me, Guid client, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListCompaniesAsync(me.Party, new ClientId(client), ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.ListCompaniesAsync));
        g.MapGet("/companies/{company:guid}", async (Caller me, Guid company, CollabRegistry s, CancellationToken ct) =>
            await s.FindCompanyAsync(me.Party, new CompanyId(company), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<CollabRegistry>(nameof(CollabRegistry.FindCompanyAsync));
        g.MapGet("/administrations/{administration:guid}", async (Caller me, Guid administration, CollabRegistry s, CancellationToken ct) =>
            await s.FindAdministrationAsync(me.Party, new AdministrationId(administration), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<CollabRegistry>(nameof(CollabRegistry.FindAdministrationAsync));
        g.MapPost("/users/{user:guid}/companies/{company:guid}", async (Caller me, Guid user, Guid company, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.GiveCompanyAsync(me.Party, new UserId(user), new CompanyId(company), ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.GiveCompanyAsync), "user.*", "company.*");

        // Decisions on deliverables (SHARE-3, SHARE-4, SHARE-5)
        g.MapGet("/companies/{company:guid}/deliverables", async (Caller me, Guid company, DeliverableQueries s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListForCompanyAsync(me.Party, new CompanyId(company), ct)))
            .Calls<DeliverableQueries>(nameof(DeliverableQueries.ListForCompanyAsync));
        g.MapGet("/deliverables/{deliverable:guid}/receipts", async (Caller me, Guid deliverable, Collab.Evidence.EvidenceService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListReceiptsAsync(me.Party, new DeliverableId(deliverable), ct)))
            .Calls<Collab.Evidence.EvidenceService>(nameof(Collab.Evidence.EvidenceService.ListReceiptsAsync)); // SHARE-18: the signed receipts of decisions
        g.MapGet("/deliverables/{deliverable:guid}", async (Caller me, Guid deliverable, DeliverableQueries s, CancellationToken ct) =>
            await s.FindAsync(me.Party, new DeliverableId(deliverable), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<DeliverableQueries>(nameof(DeliverableQueries.FindAsync));
        g.MapGet("/deliverables/{deliverable:guid}/may-view", async (Caller me, Guid deliverable, DeliverableQueries s, CancellationToken ct) =>
            TypedResults.Ok(await s.ClientMayViewAsync(me.Party, new DeliverableId(deliverable), ct)))
            .Calls<DeliverableQueries>(nameof(DeliverableQueries.ClientMayViewAsync));
        g.MapPost("/deliverables/{deliverable:guid}/viewed", async (Caller me, Guid deliverable, DeliverableSharing s, CancellationToken ct) =>
            TypedResults.Ok(await s.RecordClientViewAsync(me.Party, new DeliverableId(deliverable), ct)))
            .Calls<DeliverableSharing>(nameof(DeliverableSharing.RecordClientViewAsync), "deliverable.*", "tier.*");
        g.MapPost("/deliverables/{deliverable:guid}/approve", async (Caller me, Guid deliverable, DeliverableSharing s, CancellationToken ct) =>
            TypedResults.Ok(await s.ApproveAsync(me.Party, new DeliverableId(deliverable), ct)))
            .Calls<DeliverableSharing>(nameof(DeliverableSharing.ApproveAsync), "deliverable.*", "tier.*");
        g.MapPost("/deliverables/{deliverable:guid}/reject", async (Caller me, Guid deliverable, ReasonRequest body, DeliverableSharing s, CancellationToken ct) =>
            TypedResults.Ok(await s.RejectAsync(me.Party, new DeliverableId(deliverable), body.Reason, ct)))
            .Calls<DeliverableSharing>(nameof(DeliverableSharing.RejectAsync), "deliverable.*", "tier.*", "rejection-reason.*");
        g.MapGet("/deliverables/{deliverable:guid}/documents/{document:guid}", async (Caller me, Guid deliverable, Guid document, DeliverableQueries s, CancellationToken ct) =>
            CollabGroups.File(await s.OpenDocumentAsync(me.Party, new DeliverableId(deliverable), new DocumentId(document), ct)))
            .Calls<DeliverableQueries>(nameof(DeliverableQueries.OpenDocumentAsync), "document.*", "blob-key.invalid", "deliverable.document-unknown", "tier.feature-not-included");
        g.MapGet("/deliverables/{deliverable:guid}/dashboard", async (Caller me, Guid deliverable, DeliverableQueries s, CancellationToken ct) =>
            await s.DashboardAsync(me.Party, new DeliverableId(deliverable), ct) is { } found ? Results.Ok(found) : Results.NoContent())
            .Calls<DeliverableQueries>(nameof(DeliverableQueries.DashboardAsync), "tier.*", "figures.*", "deliverable.not-viewable");

        // Grants (RIGHTS)
        g.MapGet("/administrations", async (Caller me, AccessService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListAsync(me.Party, ct)))
            .Calls<AccessService>(nameof(AccessService.ListAsync));
        g.MapGet("/administrations/{administration:guid}/access", async (Caller me, Guid administration, AccessService s, CancellationToken ct) =>
            TypedResults.Ok(await s.MayAccessAsync(me.Party, new AdministrationId(administration), ct)))
            .Calls<AccessService>(nameof(AccessService.MayAccessAsync));
        g.MapPost("/grants", async (Caller me, GrantRequest body, RightsService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GrantAsync(me.Party, body.Office, body.Administration, body.Channel, ct)))
            .Calls<RightsService>(nameof(RightsService.GrantAsync), "rights.*", "plan.*", "subscription.*", "administration.not-live");
        g.MapDelete("/grants/{office:guid}/{administration:guid}", async (Caller me, Guid office, Guid administration, RightsService s, CancellationToken ct) =>
            TypedResults.Ok(await s.RevokeAsync(me.Party, new OfficeId(office), new AdministrationId(administration), ct)))
            .Calls<RightsService>(nameof(RightsService.RevokeAsync), "rights.*");

        // Consents (XFER-1)
        g.MapGet("/clients/{client:guid}/transfers", async (Caller me, Guid client, TransferService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListOpenForClientAsync(me.Party, new ClientId(client), ct)))
            .Calls<TransferService>(nameof(TransferService.ListOpenForClientAsync));
        g.MapPost("/transfers/{transfer:guid}/consent", async (Caller me, Guid transfer, TransferRoleRequest body, TransferService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ConsentAsync(me.Party, new TransferRequestId(transfer), body.Role, ct)))
            .Calls<TransferService>(nameof(TransferService.ConsentAsync), "transfer.*");
        g.MapPost("/transfers/{transfer:guid}/refuse", async (Caller me, Guid transfer, TransferRoleRequest body, TransferService s, CancellationToken ct) =>
            TypedResults.Ok(await s.RefuseAsync(me.Party, new TransferRequestId(transfer), body.Role, body.Reason ?? string.Empty, ct)))
            .Calls<TransferService>(nameof(TransferService.RefuseAsync), "transfer.*", "refusal-reason.*");

        // Documents (SHARE-7) and answers (SHARE-8, SHARE-9)
        g.MapPost("/offices/{office:guid}/companies/{company:guid}/documents", async (Caller me, Guid office, Guid company, string fileName, HttpRequest request, PortalDocuments s, CancellationToken ct) =>
            TypedResults.Ok(await s.UploadDocumentAsync(me.Party, new OfficeId(office), new CompanyId(company), fileName, request.ContentType ?? string.Empty, request.Body, ct)))
            .Accepts<Stream>("application/pdf", "image/png", "image/jpeg")
            .Calls<PortalDocuments>(nameof(PortalDocuments.UploadDocumentAsync), "document.*", "file-name.*", "tier.*", "blob-key.invalid");
        g.MapGet("/documents/{document:guid}", async (Caller me, Guid document, PortalDocuments s, CancellationToken ct) =>
        {
            var (found, content) = await s.OpenDocumentAsync(me.Party, new DocumentId(document), ct);
            return Results.Stream(content, found.ContentType, found.FileName);
        }).Calls<PortalDocuments>(nameof(PortalDocuments.OpenDocumentAsync), "document.*", "blob-key.invalid", "tier.feature-not-included");
        g.MapGet("/question-batches/{batch:guid}", async (Caller me, Guid batch, PortalReader s, CancellationToken ct) =>
            await s.FindBatchAsync(me.Party, new QuestionBatchId(batch), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<PortalReader>(nameof(PortalReader.FindBatchAsync));
        g.MapPost("/question-batches/{batch:guid}/questions/{number:int}/answer", async (Caller me, Guid batch, int number, AnswerRequest body, QuestionAnswers s, CancellationToken ct) =>
            TypedResults.Ok(await s.AnswerAsync(me.Party, new QuestionBatchId(batch), number, body.Answer, ct)))
            .Calls<QuestionAnswers>(nameof(QuestionAnswers.AnswerAsync), "questions.*", "answer.*", "tier.feature-not-included");
        g.MapGet("/questionnaires/{questionnaire:guid}", async (Caller me, Guid questionnaire, PortalReader s, CancellationToken ct) =>
            await s.FindQuestionnaireAsync(me.Party, new QuestionnaireId(questionnaire), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<PortalReader>(nameof(PortalReader.FindQuestionnaireAsync));
        g.MapPut("/questionnaires/{questionnaire:guid}/answers/{question}", async (Caller me, Guid questionnaire, string question, AnswerRequest body, QuestionAnswers s, CancellationToken ct) =>
            TypedResults.Ok(await s.AnswerQuestionnaireAsync(me.Party, new QuestionnaireId(questionnaire), question, body.Answer, ct)))
            .Calls<QuestionAnswers>(nameof(QuestionAnswers.AnswerQuestionnaireAsync), "questionnaire.*", "answer.*", "tier.feature-not-included");
        g.MapPost("/questionnaires/{questionnaire:guid}/complete", async (Caller me, Guid questionnaire, QuestionAnswers s, CancellationToken ct) =>
            TypedResults.Ok(await s.CompleteQuestionnaireAsync(me.Party, new QuestionnaireId(questionnaire), ct)))
            .Calls<QuestionAnswers>(nameof(QuestionAnswers.CompleteQuestionnaireAsync), "questionnaire.*");

        // Insights (SHARE-16)
        g.MapGet("/insights", async (Caller me, string from, string to, InsightService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ForClientUserAsync(me.Party, CollabGroups.Month(from), CollabGroups.Month(to), ct)))
            .Calls<InsightService>(nameof(InsightService.ForClientUserAsync), "insights.*", "tier.*");
        return g;
    }
}
