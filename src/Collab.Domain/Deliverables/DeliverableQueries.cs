using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;

namespace Collab.Deliverables;

/// <summary>
/// Reading deliverables (SHARE-5, SHARE-14, SHARE-15, SEC-6): find and list them, open a document, show the dashboard,
/// each as a view made for its reader — a <see cref="DeliverableOfficeView"/> for the office that made it, a
/// <see cref="DeliverableClientView"/> for a client user, what it may see of it at this moment.
/// </summary>
/// <param name="reader">Loads the deliverable for a checked party; what a client reads of it now.</param>
/// <param name="access">Checks who asks (SEC-3).</param>
/// <param name="gate">Reads the client's tier now.</param>
/// <param name="documents">Hands out the documents' content, checked.</param>
public sealed class DeliverableQueries(DeliverableReader reader, CollabAuthorization access, FeatureGate gate, DeliverableDocuments documents)
{
    private readonly DeliverableReader _reader = reader;
    private readonly CollabAuthorization _access = access;
    private readonly FeatureGate _gate = gate;
    private readonly DeliverableDocuments _documents = documents;

    /// <summary>
    /// Finds a report, as a view made for its reader (SEC-6): a <see cref="DeliverableOfficeView"/> for a user of the office
    /// that made it, a <see cref="DeliverableClientView"/> for a client user — what it may see of it at this moment.
    /// </summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reader's view, or null for what does not exist or is out of reach, and for a client when nothing of it exists for it now.</returns>
    public async Task<DeliverableView?> FindAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var found = deliverable == default ? null : await _reader.Store.FindDeliverableAsync(deliverable, cancellationToken).ConfigureAwait(false);
        var acting = await _access.TryAuthorizeAsync(party, CollabAction.ReadDeliverables, found, AuditSubject.Deliverable(deliverable), cancellationToken).ConfigureAwait(false);
        return acting is null || found is null ? null
            : acting.IsOfficeUser
                ? DeliverableOfficeView.Of(found)
                : await _reader.ClientViewAsync(acting.Person, found, cancellationToken).ConfigureAwait(false); // null: nothing of it for the client now, as if it did not exist
    }

    /// <summary>The office's reports, newest first.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports, as the office sees them.</returns>
    public async Task<IReadOnlyList<DeliverableOfficeView>> ListForOfficeAsync(ActingParty party, OfficeId office, int max = 500, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadDeliverables, office, cancellationToken).ConfigureAwait(false);
        var deliverables = await _reader.Store.ListForOfficeAsync(office, Math.Clamp(max, 1, 5000), cancellationToken).ConfigureAwait(false);
        return deliverables.Select(DeliverableOfficeView.Of).ToList();
    }

    /// <summary>
    /// A company's reports, newest first, each as a view made for the reader (SEC-6): an office user gets its own office's
    /// reports as <see cref="DeliverableOfficeView"/>s; a client user what exists for it now as <see cref="DeliverableClientView"/>s —
    /// what was shared with it, never a draft (while the office revises a deliverable, its approved revisions in the
    /// client's permanent history).
    /// </summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    public async Task<IReadOnlyList<DeliverableView>> ListForCompanyAsync(ActingParty party, CompanyId company, CancellationToken cancellationToken = default)
    {
        var (acting, _) = await _reader.LoadCompanyAsync(party, CollabAction.ReadDeliverables, company, null, cancellationToken).ConfigureAwait(false); // an office only while it works for the client
        var deliverables = await _reader.Store.ListForCompanyAsync(company, cancellationToken).ConfigureAwait(false);

        // An office sees its own reports; a client user what exists for it now from an office whose work it may see, never a draft (SEC-5).
        if (acting.IsOfficeUser)
        {
            return deliverables.Where(r => r.OfficeId == acting.Person.OfficeId).Select(DeliverableView (r) => DeliverableOfficeView.Of(r)).ToList();
        }

        var views = new List<DeliverableView>();
        var tiers = new Dictionary<OfficeId, ClientTier?>();
        foreach (var deliverable in deliverables.Where(r => DeliverableAccess.ClientUserSees(acting.Person, new OfficeWork(r.OfficeId, r.ClientId, r.CompanyId, r.ExistsForClient))))
        {
            if (!tiers.TryGetValue(deliverable.OfficeId, out var tier))
            {
                tiers[deliverable.OfficeId] = tier = await _gate.TierAsync(deliverable.OfficeId, deliverable.ClientId, cancellationToken).ConfigureAwait(false); // SHARE-11: read now, once per office
            }

            var read = _reader.ReadingFor(deliverable, tier);
            if (DeliverableClientView.ThroughPortal(deliverable, read.Reading, read.Dashboard) is { } view)
            {
                views.Add(view);
            }
        }

        return views;
    }

    /// <summary>
    /// Opens a document of a deliverable (SHARE-14). The office opens any document of its own deliverables, of any
    /// revision, at any time. A client user gets documents only through its channel: the current revision's in an open
    /// approval task (the tier must share and approve reports now), and those of every revision it approved that its
    /// permanent history keeps (<c>Extended</c>, SHARE-5) — also after the office revised the deliverable again. Link
    /// shares are read only through <see cref="DeliverableLinks.ReadThroughLinkAsync"/>. The content is checked against its SHA-256 first.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="deliverable">The deliverable.</param>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The content; dispose it.</returns>
    /// <exception cref="CollabRefusalException">Unknown deliverable or document; not available to this user now; corrupt content (<c>document.corrupt</c>).</exception>
    public async Task<DocumentContent> OpenDocumentAsync(ActingParty party, DeliverableId deliverable, DocumentId document, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await _reader.LoadAsync(party, CollabAction.ReadDeliverables, deliverable, cancellationToken).ConfigureAwait(false);
        var stored = acting.IsOfficeUser
            ? found.AllDocuments.FirstOrDefault(d => d.Id == document)
            : await ClientDocumentAsync(acting.Person, found, document, cancellationToken).ConfigureAwait(false);
        return await _documents.OpenVerifiedAsync(stored ?? throw CollabRefusals.DeliverableDocumentUnknown(found.Title, document), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The annual-report dashboard (SHARE-15): for the office always once figures are set; for a client user only of the
    /// revision it may read through its channel now (open task or permanent history) and when its tier shares the
    /// dashboard now — the figures of that revision, never of one the office is still working on.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="deliverable">The annual report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dashboard, or null when the report has no figures.</returns>
    /// <exception cref="CollabRefusalException">Unknown deliverable; not available to this user now; the tier lacks the dashboard (names the tier that has it).</exception>
    public async Task<Dashboard?> DashboardAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await _reader.LoadAsync(party, CollabAction.ReadDeliverables, deliverable, cancellationToken).ConfigureAwait(false);
        var figures = found.Figures;
        if (!acting.IsOfficeUser)
        {
            var reading = await _reader.ClientReadingAsync(acting.Person, found, cancellationToken).ConfigureAwait(false);
            if (DeliverableClientView.Shown(found, reading.Reading) is not { Readable: not null } shown)
            {
                await _reader.ExplainMissingChannelAsync(found, reading, cancellationToken).ConfigureAwait(false);
                throw CollabRefusals.DeliverableNotViewable();
            }

            await _gate.RequireAsync(found.OfficeId, found.ClientId, Feature.ShareDeliverableDashboard, cancellationToken).ConfigureAwait(false);
            figures = shown.Figures;
        }

        return figures is { } checkedFigures ? Dashboard.FromChecked(checkedFigures) : null;
    }

    /// <summary>Whether a client user may view a report now in the portal (SEC-1, SHARE-5). Link shares are viewed through their link only.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The user.</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when allowed; false for unknown ids.</returns>
    public async Task<bool> ClientMayViewAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var acting = await _access.AuthorizeAsync(party, CollabAction.ViewDeliverable, AuditSubject.Deliverable(deliverable), cancellationToken).ConfigureAwait(false);
        var found = deliverable == default ? null : await _reader.Store.FindDeliverableAsync(deliverable, cancellationToken).ConfigureAwait(false);
        return DeliverableReader.MayView(acting.Person, found) // and an office's invitee only while its office works for the client (SEC-5)
            && await _access.ReachesAsync(acting, CollabAction.ViewDeliverable, new OfficeWork(found.OfficeId, found.ClientId, found.CompanyId, ClientMaySee: true), cancellationToken).ConfigureAwait(false);
    }

    // The one document a client user may open now, or null (SHARE-5, SHARE-14).
    private async Task<DeliverableDocument?> ClientDocumentAsync(CollabUser user, Deliverable found, DocumentId document, CancellationToken cancellationToken)
    {
        var read = await _reader.ClientReadingAsync(user, found, cancellationToken).ConfigureAwait(false);
        var readable = read.Reading.OpenTask ? found.Documents.Where(d => d.Id == document) : [];
        var stored = readable.Concat(read.Reading.History.SelectMany(a => found.DocumentsOf(a.Revision)).Where(d => d.Id == document)).FirstOrDefault();
        if (stored is null)
        {
            await _reader.ExplainMissingChannelAsync(found, read, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }
}
