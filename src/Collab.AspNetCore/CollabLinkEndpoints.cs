using Collab;
using Collab.AspNetCore;
using Collab.Deliverables;
using Collab.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The token endpoints: a one-time link's open, confirm and read-once steps (SHARE-1, SHARE-2, SHARE-12, SHARE-14),
/// anonymous, and an invitation's acceptance (SEC-7) by the signed-in invitee. Tokens travel in the body, never in a
/// URL a proxy or log would keep. Rate-limited per client address and per token.
/// </summary>
public static class CollabLinkEndpoints
{
    /// <summary>
    /// Maps <c>POST {prefix}/open</c>, <c>POST {prefix}/confirm</c>, <c>POST {prefix}/documents/{document}</c> and
    /// <c>POST {prefix}/invitations/accept</c>. The first three need no sign-in; an unknown token and a wrong one get the
    /// same answer (status and bytes); a spent or expired one the same status, with a text that says so (SHARE-1).
    /// </summary>
    /// <param name="endpoints">The app or a parent group.</param>
    /// <param name="prefix">The routes' prefix, such as <c>/link</c>.</param>
    /// <returns>The group, for the host's conventions.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RouteGroupBuilder MapCollabLinkEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/link")
    {
        var g = CollabGroups.Group(endpoints, prefix, "Collab links");
        g.AddEndpointFilter(static (invocation, next) =>
            invocation.HttpContext.RequestServices.GetRequiredService<TokenRateLimitFilter>().InvokeAsync(invocation, next));
        g.WithRefusals(HttpTexts.TooManyRequests);

        g.MapPost("/open", async (TokenRequest body, DeliverableLinks s, CancellationToken ct) =>
            TypedResults.Ok(await s.OpenLinkAsync(body.Token, ct)))
            .Calls<DeliverableLinks>(nameof(DeliverableLinks.OpenLinkAsync), "link.malformed", "link.unknown", "link.spent", "link.replaced", "link.expired");
        g.MapPost("/confirm", async (TokenRequest body, DeliverableLinks s, CancellationToken ct) =>
            TypedResults.Ok(await s.ConfirmViewAsync(body.Token, ct)))
            .Calls<DeliverableLinks>(nameof(DeliverableLinks.ConfirmViewAsync), "link.malformed", "link.unknown", "link.spent", "link.replaced", "link.expired", "deliverable.*");
        g.MapPost("/documents/{document:guid}", async (Guid document, ViewTokenRequest body, DeliverableLinks s, CancellationToken ct) =>
            CollabGroups.File(await s.ReadThroughLinkAsync(body.ViewToken, new DocumentId(document), ct)))
            .Calls<DeliverableLinks>(nameof(DeliverableLinks.ReadThroughLinkAsync),
                "link.view-unknown", "link.view-ended", "link.replaced", "link.document-unknown", "link.document-taken", "document.*", "blob-key.invalid");
        g.MapPost("/invitations/accept", async (Caller me, TokenRequest body, InvitationService s, CancellationToken ct) =>
            TypedResults.Ok(await s.AcceptAsync(me.Party, body.Token, ct)))
            .Calls<InvitationService>(nameof(InvitationService.AcceptAsync), "user.invitation-unusable");
        return g;
    }
}
