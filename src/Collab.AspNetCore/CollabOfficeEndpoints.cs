using Collab;
using Collab.AspNetCore;
using Collab.Deliverables;
using Collab.Links;
using Collab.Portal;
using Collab.Registry;
using Collab.Tiers;
using Collab.Transfers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The office's endpoints: deliverables, overview, tiers, statements, transfers, integration links, house style, questions and questionnaires.</summary>
public static class CollabOfficeEndpoints
{
    /// <summary>
    /// Maps the office's endpoints under <paramref name="prefix"/>. Every endpoint acts as the signed-in user
    /// (<see cref="ICollabPartyResolver"/>); Collab decides what that user may do (SEC-3) and answers with views made for
    /// the office (SEC-6). Add the host's own authorization, rate limits and filters to the returned group.
    /// </summary>
    /// <param name="endpoints">The app or a parent group.</param>
    /// <param name="prefix">The routes' prefix, such as <c>/office</c>.</param>
    /// <returns>The group, for the host's conventions (<c>RequireAuthorization()</c> …).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RouteGroupBuilder MapCollabOfficeEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/office")
    {
        var g = CollabGroups.Group(endpoints, prefix, "Collab office");

        // Deliverables (SHARE-13, SHARE-14, SHARE-1)
        g.MapGet("/offices/{office:guid}/deliverables", async (Caller me, Guid office, DeliverableQueries s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListForOfficeAsync(me.Party, new OfficeId(office), cancellationToken: ct)))
            .Calls<DeliverableQueries>(nameof(DeliverableQueries.ListForOfficeAsync));
        g.MapPost("/offices/{office:guid}/deliverables", async (Caller me, Guid office, DraftRequest body, DeliverableAuthoring s, CancellationToken ct) =>
            TypedResults.Ok(await s.DraftAsync(me.Party, new OfficeId(office), body.Company, body.Kind, body.ToPeriod(), body.Title, ct)))
            .Calls<DeliverableAuthoring>(nameof(DeliverableAuthoring.DraftAsync), "deliverable.*", "report-title.*", "period.*", "tier.*");
        g.MapGet("/deliverables/{deliverable:guid}/receipts", async (Caller me, Guid deliverable, Collab.Evidence.EvidenceService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListReceiptsAsync(me.Party, new DeliverableId(deliverable), ct)))
            .Calls<Collab.Evidence.EvidenceService>(nameof(Collab.Evidence.EvidenceService.ListReceiptsAsync)); // SHARE-18: the signed receipts of decisions
        g.MapGet("/deliverables/{deliverable:guid}", async (Caller me, Guid deliverable, DeliverableQueries s, CancellationToken ct) =>
            await s.FindAsync(me.Party, new DeliverableId(deliverable), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<DeliverableQueries>(nameof(DeliverableQueries.FindAsync));
        g.MapPost("/deliverables/{deliverable:guid}/documents", async (Caller me, Guid deliverable, string fileName, HttpRequest request, DeliverableAuthoring s, CancellationToken ct) =>
            TypedResults.Ok(await s.AddDocumentAsync(me.Party, new DeliverableId(deliverable), fileName, request.ContentType ?? string.Empty, request.Body, ct)))
            .Accepts<Stream>("application/pdf")
            .Calls<DeliverableAuthoring>(nameof(DeliverableAuthoring.AddDocumentAsync), "document.*", "deliverable.*", "file-name.*", "blob-key.invalid");
        g.MapDelete("/deliverables/{deliverable:guid}/documents/{document:guid}", async (Caller me, Guid deliverable, Guid document, DeliverableAuthoring s, CancellationToken ct) =>
            TypedResults.Ok(await s.RemoveDocumentAsync(me.Party, new DeliverableId(deliverable), new DocumentId(document), ct)))
            .Calls<DeliverableAuthoring>(nameof(DeliverableAuthoring.RemoveDocumentAsync), "document.*", "deliverable.*", "blob-key.invalid");
        g.MapGet("/deliverables/{deliverable:guid}/documents/{document:guid}", async (Caller me, Guid deliverable, Guid document, DeliverableQueries s, CancellationToken ct) =>
            CollabGroups.File(await s.OpenDocumentAsync(me.Party, new DeliverableId(deliverable), new DocumentId(document), ct)))
            .Calls<DeliverableQueries>(nameof(DeliverableQueries.OpenDocumentAsync), "document.*", "blob-key.invalid", "deliverable.document-unknown", "tier.feature-not-included");
        g.MapPut("/deliverables/{deliverable:guid}/figures", async (Caller me, Guid deliverable, FinancialFigures body, DeliverableAuthoring s, CancellationToken ct) =>
            TypedResults.Ok(await s.SetFiguresAsync(me.Party, new DeliverableId(deliverable), body, ct)))
            .Calls<DeliverableAuthoring>(nameof(DeliverableAuthoring.SetFiguresAsync), "figures.*", "deliverable.*");
        g.MapPost("/deliverables/{deliverable:guid}/share", async (Caller me, Guid deliverable, ShareRequest body, DeliverableSharing s, CancellationToken ct) =>
            TypedResults.Ok(await s.ShareAsync(me.Party, new DeliverableId(deliverable), body.Deadline, ct)))
            .Calls<DeliverableSharing>(nameof(DeliverableSharing.ShareAsync), "deliverable.*", "document.*", "tier.*", "deadline.*", "collaboration.*");
        g.MapPost("/deliverables/{deliverable:guid}/link", async (Caller me, Guid deliverable, DeliverableSharing s, CancellationToken ct) =>
            TypedResults.Ok(await s.ReissueLinkAsync(me.Party, new DeliverableId(deliverable), ct)))
            .Calls<DeliverableSharing>(nameof(DeliverableSharing.ReissueLinkAsync), "deliverable.*", "link.*", "tier.*");
        g.MapGet("/deliverables/{deliverable:guid}/dashboard", async (Caller me, Guid deliverable, DeliverableQueries s, CancellationToken ct) =>
            await s.DashboardAsync(me.Party, new DeliverableId(deliverable), ct) is { } found ? Results.Ok(found) : Results.NoContent())
            .Calls<DeliverableQueries>(nameof(DeliverableQueries.DashboardAsync), "tier.*", "figures.*", "deliverable.not-viewable");

        // Overview (SHARE-17)
        g.MapGet("/offices/{office:guid}/overview/deliverables", async (Caller me, Guid office, Guid? after, int? pageSize, OfficeOverviewService s, CancellationToken ct) =>
            TypedResults.Ok(await s.DeliverablesAsync(me.Party, new OfficeId(office), after: after is { } a ? new DeliverableId(a) : null, pageSize: pageSize ?? 50, cancellationToken: ct)))
            .Calls<OfficeOverviewService>(nameof(OfficeOverviewService.DeliverablesAsync), "overview.*");
        g.MapGet("/offices/{office:guid}/overview/counts", async (Caller me, Guid office, OfficeOverviewService s, CancellationToken ct) =>
            TypedResults.Ok(await s.CountsByStateAsync(me.Party, new OfficeId(office), cancellationToken: ct)))
            .Calls<OfficeOverviewService>(nameof(OfficeOverviewService.CountsByStateAsync), "overview.*");
        g.MapGet("/offices/{office:guid}/overview/clients", async (Caller me, Guid office, Guid? after, int? pageSize, OfficeOverviewService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ClientsAsync(me.Party, new OfficeId(office), after: after is { } a ? new ClientId(a) : null, pageSize: pageSize ?? 50, cancellationToken: ct)))
            .Calls<OfficeOverviewService>(nameof(OfficeOverviewService.ClientsAsync), "overview.*");
        g.MapGet("/offices/{office:guid}/overview/client-ids", async (Caller me, Guid office, OfficeOverviewService s, CancellationToken ct) =>
            TypedResults.Ok(await s.SelectClientsAsync(me.Party, new OfficeId(office), cancellationToken: ct)))
            .Calls<OfficeOverviewService>(nameof(OfficeOverviewService.SelectClientsAsync), "overview.*");

        // Tiers (TIER)
        g.MapGet("/offices/{office:guid}/collaborations", async (Caller me, Guid office, TierService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListCollaborationsAsync(me.Party, new OfficeId(office), ct)))
            .Calls<TierService>(nameof(TierService.ListCollaborationsAsync));
        g.MapPost("/offices/{office:guid}/collaborations", async (Caller me, Guid office, CollaborationRequest body, TierService s, CancellationToken ct) =>
            TypedResults.Ok(await s.StartCollaborationAsync(me.Party, new OfficeId(office), body.Client, body.Tier, body.StartsOn, ct)))
            .Calls<TierService>(nameof(TierService.StartCollaborationAsync), "collaboration.*", "tier.*");
        g.MapPost("/offices/{office:guid}/clients/{client:guid}/end", async (Caller me, Guid office, Guid client, EndCollaborationRequest body, TierService s, CancellationToken ct) =>
            TypedResults.Ok(await s.EndCollaborationAsync(me.Party, new OfficeId(office), new ClientId(client), body.EndsOn, ct)))
            .Calls<TierService>(nameof(TierService.EndCollaborationAsync), "collaboration.*");
        g.MapGet("/offices/{office:guid}/clients/{client:guid}/tier", async (Caller me, Guid office, Guid client, TierService s, CancellationToken ct) =>
            TypedResults.Ok(await s.GetTierAsync(me.Party, new OfficeId(office), new ClientId(client), ct)))
            .Calls<TierService>(nameof(TierService.GetTierAsync), "collaboration.*");
        g.MapPut("/offices/{office:guid}/clients/{client:guid}/tier", async (Caller me, Guid office, Guid client, TierRequest body, TierService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ChangeTierAsync(me.Party, new OfficeId(office), new ClientId(client), body.Tier, ct)))
            .Calls<TierService>(nameof(TierService.ChangeTierAsync), "collaboration.*", "tier.*");
        g.MapPost("/offices/{office:guid}/tiers", async (Caller me, Guid office, BulkTierRequest body, TierService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ChangeTiersAsync(me.Party, new OfficeId(office), body.Clients, body.Tier, ct)))
            .Calls<TierService>(nameof(TierService.ChangeTiersAsync), "collaboration.*", "tier.*");

        // Statements (TIER-6)
        g.MapGet("/offices/{office:guid}/statements/{month}", async (Caller me, Guid office, string month, BillingService s, CancellationToken ct) =>
            TypedResults.Ok(await s.MonthlyStatementAsync(me.Party, new OfficeId(office), CollabGroups.Month(month), ct)))
            .Calls<BillingService>(nameof(BillingService.MonthlyStatementAsync), "statement.*", "tier.unknown");
        g.MapPost("/offices/{office:guid}/statements/{month}", async (Caller me, Guid office, string month, BillingService s, CancellationToken ct) =>
            TypedResults.Ok(await s.IssueStatementAsync(me.Party, new OfficeId(office), CollabGroups.Month(month), ct)))
            .Calls<BillingService>(nameof(BillingService.IssueStatementAsync), "statement.*", "tier.unknown");

        // Users and invitations (SEC-7)
        g.MapPost("/offices/{office:guid}/invitations", async (Caller me, Guid office, EmailRequest body, InvitationService s, CancellationToken ct) =>
            TypedResults.Ok(await s.InviteOfficeUserAsync(me.Party, new OfficeId(office), body.Email, ct)))
            .Calls<InvitationService>(nameof(InvitationService.InviteOfficeUserAsync), "user.*", "email.*");
        g.MapPost("/users/{user:guid}/invitation", async (Caller me, Guid user, InvitationService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ReissueAsync(me.Party, new UserId(user), ct)))
            .Calls<InvitationService>(nameof(InvitationService.ReissueAsync), "user.*");
        g.MapGet("/offices/{office:guid}/users", async (Caller me, Guid office, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListOfficeUsersAsync(me.Party, new OfficeId(office), ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.ListOfficeUsersAsync));

        g.MapGet("/offices/{office:guid}", async (Caller me, Guid office, CollabRegistry s, CancellationToken ct) =>
            await s.FindOfficeAsync(me.Party, new OfficeId(office), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<CollabRegistry>(nameof(CollabRegistry.FindOfficeAsync));
        g.MapPut("/offices/{office:guid}/language", async (Caller me, Guid office, LanguageRequest body, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.SetOfficeLanguageAsync(me.Party, new OfficeId(office), body.Language, ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.SetOfficeLanguageAsync), "language.*", "office.*");
        g.MapGet("/environments/{environment:guid}", async (Caller me, Guid environment, CollabRegistry s, CancellationToken ct) =>
            await s.FindEnvironmentAsync(me.Party, new EnvironmentId(environment), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<CollabRegistry>(nameof(CollabRegistry.FindEnvironmentAsync));
        g.MapGet("/users/{user:guid}", async (Caller me, Guid user, CollabRegistry s, CancellationToken ct) =>
            await s.FindUserAsync(me.Party, new UserId(user), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<CollabRegistry>(nameof(CollabRegistry.FindUserAsync));
        g.MapPost("/users/{user:guid}/deactivate", async (Caller me, Guid user, CollabRegistry s, CancellationToken ct) =>
            TypedResults.Ok(await s.DeactivateUserAsync(me.Party, new UserId(user), ct)))
            .Calls<CollabRegistry>(nameof(CollabRegistry.DeactivateUserAsync), "user.*");

        MapTransfers(g);
        MapLinks(g);
        MapPortal(g);
        return g;
    }

    private static void MapTransfers(RouteGroupBuilder g)
    {
        // Transfers (XFER): the office's side; consents are the client's group's, though an office administrator consents here too.
        g.MapGet("/offices/{office:guid}/transfers", async (Caller me, Guid office, TransferService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ListForOfficeAsync(me.Party, new OfficeId(office), ct)))
            .Calls<TransferService>(nameof(TransferService.ListForOfficeAsync));
        g.MapPost("/transfers", async (Caller me, TransferCreateRequest body, TransferService s, CancellationToken ct) =>
            TypedResults.Ok(await s.RequestAsync(me.Party, body.From, body.To, body.Administrations, body.ClientEmail, body.BankLinks, ct)))
            .Calls<TransferService>(nameof(TransferService.RequestAsync), "transfer.*", "email.*", "environment.*", "administration.*");
        g.MapGet("/transfers/{transfer:guid}", async (Caller me, Guid transfer, TransferService s, CancellationToken ct) =>
            await s.FindAsync(me.Party, new TransferRequestId(transfer), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<TransferService>(nameof(TransferService.FindAsync));
        g.MapPost("/transfers/{transfer:guid}/consent", async (Caller me, Guid transfer, TransferRoleRequest body, TransferService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ConsentAsync(me.Party, new TransferRequestId(transfer), body.Role, ct)))
            .Calls<TransferService>(nameof(TransferService.ConsentAsync), "transfer.*");
        g.MapPost("/transfers/{transfer:guid}/cancel", async (Caller me, Guid transfer, TransferService s, CancellationToken ct) =>
            TypedResults.Ok(await s.CancelAsync(me.Party, new TransferRequestId(transfer), ct)))
            .Calls<TransferService>(nameof(TransferService.CancelAsync), "transfer.*");
        g.MapPost("/transfers/{transfer:guid}/execute", async (Caller me, Guid transfer, ExecuteTransferRequest body, TransferService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ExecuteAsync(me.Party, new TransferRequestId(transfer), body.BilledTo, ct)))
            .Calls<TransferService>(nameof(TransferService.ExecuteAsync), "transfer.*", "followup.*", "user.not-client-administrator-candidate");
        g.MapGet("/transfers/{transfer:guid}/follow-up", async (Caller me, Guid transfer, TransferService s, CancellationToken ct) =>
            TypedResults.Ok(await s.FollowUpAsync(me.Party, new TransferRequestId(transfer), ct)))
            .Calls<TransferService>(nameof(TransferService.FollowUpAsync), "transfer.*", "followup.*");
        g.MapPost("/transfers/{transfer:guid}/follow-up/{position:int}", async (Caller me, Guid transfer, int position, TransferService s, CancellationToken ct) =>
            TypedResults.Ok(await s.TickFollowUpAsync(me.Party, new TransferRequestId(transfer), position, ct)))
            .Calls<TransferService>(nameof(TransferService.TickFollowUpAsync), "transfer.*", "followup.*");
    }

    private static void MapLinks(RouteGroupBuilder g)
    {
        // Integration links (LINK)
        g.MapPost("/links", async (Caller me, ConnectRequest body, LinkService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ConnectAsync(me.Party, body.App, body.ExternalAdministration, ct)))
            .Calls<LinkService>(nameof(LinkService.ConnectAsync), "link.*");
        g.MapGet("/links/{link:guid}", async (Caller me, Guid link, LinkService s, CancellationToken ct) =>
            await s.FindAsync(me.Party, new LinkId(link), ct) is { } found ? Results.Ok(found) : Results.NotFound())
            .Calls<LinkService>(nameof(LinkService.FindAsync));
        g.MapPost("/links/{link:guid}/administration", async (Caller me, Guid link, ChooseAdministrationRequest body, LinkService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ChooseAdministrationAsync(me.Party, new LinkId(link), body.Administration, body.Edition, ct)))
            .Calls<LinkService>(nameof(LinkService.ChooseAdministrationAsync), "link.*", "administration.*", "integration-link.*", "plan.unknown");
        g.MapPost("/links/{link:guid}/confirm", async (Caller me, Guid link, LinkService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ConfirmAsync(me.Party, new LinkId(link), ct)))
            .Calls<LinkService>(nameof(LinkService.ConfirmAsync), "link.*", "integration-link.*");
        g.MapPost("/links/{link:guid}/read", async (Caller me, Guid link, LinkService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ReadAllDataAsync(me.Party, new LinkId(link), ct)))
            .Calls<LinkService>(nameof(LinkService.ReadAllDataAsync), "link.*", "integration-link.*");
        g.MapPost("/links/{link:guid}/matches", async (Caller me, Guid link, ResolveMatchRequest body, LinkService s, CancellationToken ct) =>
            TypedResults.Ok(await s.ResolveMatchAsync(me.Party, new LinkId(link), body.Kind, body.AppId, body.BookkeepingId, ct)))
            .Calls<LinkService>(nameof(LinkService.ResolveMatchAsync), "link.*");
        g.MapPost("/links/{link:guid}/start", async (Caller me, Guid link, LinkService s, CancellationToken ct) =>
            TypedResults.Ok(await s.StartSynchronisationAsync(me.Party, new LinkId(link), ct)))
            .Calls<LinkService>(nameof(LinkService.StartSynchronisationAsync), "link.*", "integration-link.*", "plan.unknown");
        g.MapPost("/links/{link:guid}/finish", async (Caller me, Guid link, LinkService s, CancellationToken ct) =>
            TypedResults.Ok(await s.FinishAsync(me.Party, new LinkId(link), ct)))
            .Calls<LinkService>(nameof(LinkService.FinishAsync), "link.*", "integration-link.*");
        g.MapDelete("/links/{link:guid}", async (Caller me, Guid link, LinkService s, CancellationToken ct) =>
            TypedResults.Ok(await s.RemoveAsync(me.Party, new LinkId(link), ct)))
            .Calls<LinkService>(nameof(LinkService.RemoveAsync), "link.*", "integration-link.*");
    }

    private static void MapPortal(RouteGroupBuilder g)
    {
        // House style (SHARE-10)
        g.MapGet("/offices/{office:guid}/house-style", async (Caller me, Guid office, HouseStyles s, CancellationToken ct) =>
            await s.HouseStyleForOfficeAsync(me.Party, new OfficeId(office), ct) is { } found ? Results.Ok(found) : Results.NoContent())
            .Calls<HouseStyles>(nameof(HouseStyles.HouseStyleForOfficeAsync), "house-style.*", "tier.*");
        g.MapPut("/offices/{office:guid}/house-style", async (Caller me, Guid office, HouseStyleRequest body, HouseStyles s, CancellationToken ct) =>
            TypedResults.Ok(await s.SetHouseStyleAsync(me.Party, new OfficeId(office), body, ct)))
            .Calls<HouseStyles>(nameof(HouseStyles.SetHouseStyleAsync), "house-style.*", "tier.*");

        // Questions (SHARE-8)
        g.MapPost("/offices/{office:guid}/question-batches", async (Caller me, Guid office, BatchRequest body, QuestionBatches s, CancellationToken ct) =>
            TypedResults.Ok(await s.StartBatchAsync(me.Party, new OfficeId(office), body.Company, body.Title, ct)))
            .Calls<QuestionBatches>(nameof(QuestionBatches.StartBatchAsync), "questions.*", "tier.*");
        g.MapPost("/question-batches/{batch:guid}/questions", async (Caller me, Guid batch, QuestionRequest body, QuestionBatches s, CancellationToken ct) =>
            TypedResults.Ok(await s.AddQuestionAsync(me.Party, new QuestionBatchId(batch), body.Service, body.Question, ct)))
            .Calls<QuestionBatches>(nameof(QuestionBatches.AddQuestionAsync), "questions.*");
        g.MapPost("/question-batches/{batch:guid}/send", async (Caller me, Guid batch, QuestionBatches s, CancellationToken ct) =>
            TypedResults.Ok(await s.SendBatchAsync(me.Party, new QuestionBatchId(batch), ct)))
            .Calls<QuestionBatches>(nameof(QuestionBatches.SendBatchAsync), "questions.*", "tier.*");

        // Questionnaires (SHARE-9)
        g.MapPost("/offices/{office:guid}/questionnaire-templates", async (Caller me, Guid office, TemplateRequest body, QuestionnaireTemplates s, CancellationToken ct) =>
            TypedResults.Ok(await s.CreateTemplateAsync(me.Party, new OfficeId(office), body.Name, body.Sections, ct)))
            .Calls<QuestionnaireTemplates>(nameof(QuestionnaireTemplates.CreateTemplateAsync), "questionnaire.*", "tier.*", "questions.*");
        g.MapPut("/questionnaire-templates/{template:guid}", async (Caller me, Guid template, TemplateRequest body, QuestionnaireTemplates s, CancellationToken ct) =>
            TypedResults.Ok(await s.EditTemplateAsync(me.Party, new QuestionnaireTemplateId(template), body.Name, body.Sections, ct)))
            .Calls<QuestionnaireTemplates>(nameof(QuestionnaireTemplates.EditTemplateAsync), "questionnaire.*", "questions.*");
        g.MapPost("/questionnaire-templates/{template:guid}/send", async (Caller me, Guid template, SendQuestionnaireRequest body, QuestionnaireTemplates s, CancellationToken ct) =>
            TypedResults.Ok(await s.SendAsync(me.Party, new QuestionnaireTemplateId(template), body.Companies, body.Deadline, ct)))
            .Calls<QuestionnaireTemplates>(nameof(QuestionnaireTemplates.SendAsync), "questionnaire.*", "tier.*", "deadline.*");
        g.MapGet("/questionnaire-templates/{template:guid}/progress", async (Caller me, Guid template, QuestionnaireTemplates s, CancellationToken ct) =>
            TypedResults.Ok(await s.ProgressAsync(me.Party, new QuestionnaireTemplateId(template), ct)))
            .Calls<QuestionnaireTemplates>(nameof(QuestionnaireTemplates.ProgressAsync), "questionnaire.*");
    }
}
