using Collab.Authorization;
using Collab.Portal;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>What sharing a report produced.</summary>
/// <param name="Deliverable">The shared report, as the office sees it (SEC-6).</param>
/// <param name="Mode">By link (Standard) or for approval (Collaborate and up).</param>
/// <param name="LinkToken">The one-time link token, for link sharing; it is also in the DeliverableReady notification.</param>
public sealed record ShareResult(DeliverableOfficeView Deliverable, ShareMode Mode, string? LinkToken);

/// <summary>
/// What the client's confirmed view of a link hands out (SHARE-14): the deliverable as its client may see it (SEC-6), the list of its documents, and a
/// view token with which each document can be fetched once, until <paramref name="ViewEndsAt"/>, through
/// <see cref="DeliverableLinks.ReadThroughLinkAsync"/>. The view token exists only in this result.
/// </summary>
/// <param name="Deliverable">The deliverable as the client sees it during this view: figures only when its tier includes the dashboard now (SHARE-15).</param>
/// <param name="Documents">Its documents as shared (metadata).</param>
/// <param name="ViewToken">Fetches each document once; keep it in the page that shows the view, never in a URL that is mailed.</param>
/// <param name="ViewEndsAt">When the view closes.</param>
public sealed record ConfirmedView(DeliverableClientView Deliverable, IReadOnlyList<DeliverableDocumentInfo> Documents, string ViewToken, Instant ViewEndsAt);

/// <summary>A document's content, checked against its SHA-256 before it is handed out and again while it is read. Dispose it.</summary>
/// <param name="Document">The document's metadata.</param>
/// <param name="Content">The content.</param>
public sealed record DocumentContent(DeliverableDocumentInfo Document, Stream Content) : IDisposable
{
    /// <summary>Disposes <see cref="Content"/>.</summary>
    public void Dispose() => Content.Dispose();
}

/// <summary>What a client sees on opening a valid link, before confirming the view.</summary>
/// <param name="Deliverable">The report.</param>
/// <param name="Title">Its title.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record LinkLanding(DeliverableId Deliverable, string Title, Instant ExpiresAt);

