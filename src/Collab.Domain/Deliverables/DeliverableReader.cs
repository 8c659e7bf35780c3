using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>
/// What every deliverable role reads the same way: a deliverable loaded for a checked party (SEC-3), the office's zone,
/// and what a client user may read of it through its channel now (SHARE-5, SHARE-11, SHARE-14, SEC-6). The roles
/// (<see cref="DeliverableAuthoring"/>, <see cref="DeliverableSharing"/>, <see cref="DeliverableLinks"/>,
/// <see cref="DeliverableQueries"/>) share it instead of repeating it; resolved from dependency injection.
/// </summary>
/// <param name="store">Reads deliverables and links.</param>
/// <param name="access">Checks who acts (SEC-3).</param>
/// <param name="companies">Reads companies.</param>
/// <param name="gate">Reads the client's tier now (SHARE-11).</param>
/// <param name="clock">The clock.</param>
/// <param name="deadlines">The office's zone (RET-1).</param>
public sealed class DeliverableReader(IDeliverableStore store, CollabAuthorization access, ICompanyStore companies, FeatureGate gate, IClock clock, OfficeDeadlines deadlines)
{
    private readonly IDeliverableStore _store = store;
    private readonly CollabAuthorization _access = access;
    private readonly ICompanyStore _companies = companies;
    private readonly FeatureGate _gate = gate;
    private readonly IClock _clock = clock;
    private readonly OfficeDeadlines _deadlines = deadlines;

    /// <summary>The deliverable store.</summary>
    internal IDeliverableStore Store => _store;

    /// <summary>The tier gate.</summary>
    internal FeatureGate Gate => _gate;

    // The company is read before the check only to learn whose it is (SEC-3).
    internal Task<(Acting Acting, Company Company)> LoadCompanyAsync(ActingParty party, CollabAction action, CompanyId company, OfficeId? office, CancellationToken cancellationToken) =>
        _access.LoadCompanyAsync(_companies, party, action, company, office, cancellationToken);

    // The report is read before the check only to learn whose it is; the caller gets it only when the check passes.
    internal async Task<(Acting Acting, Deliverable Deliverable)> LoadAsync(ActingParty party, CollabAction action, DeliverableId deliverable, CancellationToken cancellationToken)
    {
        var found = deliverable == default ? null : await _store.FindDeliverableAsync(deliverable, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, action, found, AuditSubject.Deliverable(deliverable), cancellationToken).ConfigureAwait(false);
        return (acting, found);
    }

    internal Task<DateTimeZone> ZoneAsync(OfficeId office, CancellationToken cancellationToken) => _deadlines.ZoneAsync(office, cancellationToken);

    /// <summary>What a client user's tier lets it read now (SHARE-11), and what that is of this deliverable (SHARE-5, SHARE-14).</summary>
    internal readonly record struct ClientRead(ClientReading Reading, bool Approves, bool PermanentPortal, bool Dashboard);

    // SHARE-14, SHARE-5, SHARE-11, SEC-6: what a client user reads of the deliverable through its channel now; the tier is read at this moment.
    internal async Task<ClientRead> ClientReadingAsync(CollabUser user, Deliverable found, CancellationToken cancellationToken)
    {
        var tier = user.ClientId == found.ClientId && user.MayReach(found.CompanyId)
            ? await _gate.TierAsync(found.OfficeId, found.ClientId, cancellationToken).ConfigureAwait(false)
            : null;
        return ReadingFor(found, tier);
    }

    internal ClientRead ReadingFor(Deliverable found, ClientTier? tier)
    {
        bool Has(Feature feature) => tier is { } t && _gate.Catalogue.Allows(t, feature);
        var (approves, portal, dashboard) = (Has(Feature.ShareAndApproveDeliverables), Has(Feature.PermanentPortal), Has(Feature.ShareDeliverableDashboard));
        return new ClientRead(found.ReadForClient(approves, portal, _clock.GetCurrentInstant()), approves, portal, dashboard);
    }

    // SHARE-11: a channel closed only because the tier lacks its feature now is refused naming the feature and the tier that has it.
    internal async Task ExplainMissingChannelAsync(Deliverable found, ClientRead read, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        if (found.IsOpenTask(now) && !read.Approves)
        {
            await _gate.RequireAsync(found.OfficeId, found.ClientId, Feature.ShareAndApproveDeliverables, cancellationToken).ConfigureAwait(false);
        }

        if (found.Approvals.Any(a => a.KeptInHistory) && !read.PermanentPortal)
        {
            await _gate.RequireAsync(found.OfficeId, found.ClientId, Feature.PermanentPortal, cancellationToken).ConfigureAwait(false);
        }
    }

    // The view a client user gets of the deliverable now, or null when nothing of it exists for the user (SEC-6).
    internal async Task<DeliverableClientView?> ClientViewAsync(CollabUser user, Deliverable found, CancellationToken cancellationToken)
    {
        var read = await ClientReadingAsync(user, found, cancellationToken).ConfigureAwait(false);
        return DeliverableClientView.ThroughPortal(found, read.Reading, read.Dashboard);
    }

    // A decided report was shown as an open task a moment ago; after the decision the client sees what its tier of that moment gives it.
    internal DeliverableClientView ClientViewAfterDecision(Deliverable found, ClientTier tier)
    {
        var read = ReadingFor(found, tier);
        return DeliverableClientView.ThroughPortal(found, read.Reading, read.Dashboard)!;
    }

    // SHARE-5: an approval task (open, or approved and kept), or a deliverable with approved revisions in the client's permanent history.
    internal static bool MayView(CollabUser user, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] Deliverable? found)
    {
        if (found is null || user.ClientId != found.ClientId || !user.MayReach(found.CompanyId) || !user.SeesWorkOf(found.OfficeId)) // SEC-5
        {
            return false;
        }

        if (found.Approvals.Any(a => a.KeptInHistory))
        {
            return true;
        }

        return found.Mode == ShareMode.Approval && found.State switch
        {
            DeliverableState.Shared or DeliverableState.Viewed => true,
            DeliverableState.Approved => found.KeptInHistory,
            _ => false,
        };
    }
}
