using Collab.Authorization;
using Collab.Notifications;
using Collab.Tiers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Deliverables;

/// <summary>
/// Sharing a deliverable and the client's decisions (SHARE-1 … SHARE-5, SHARE-11, SHARE-12): the office shares a draft —
/// by one-time link for <c>Standard</c> clients, as an approval task with a deadline for <c>Collaborate</c> and up — and
/// reissues a link; the client's user views, approves or rejects. Every call checks the acting party (SEC-3) and reads the
/// client's tier at that moment (SHARE-11); every step is audited and notifies through the outbox.
/// </summary>
/// <param name="reader">Loads the deliverable for a checked party; the office's zone; what a client reads of it.</param>
/// <param name="gate">Reads the client's tier now.</param>
/// <param name="notifier">Tells the client's users and the office's.</param>
/// <param name="unitOfWork">Saves the changes and the notifications.</param>
/// <param name="clock">The clock.</param>
/// <param name="options">Collab's options (link validity, reminder lead days).</param>
public sealed class DeliverableSharing(DeliverableReader reader, FeatureGate gate, CollabNotifier notifier, ICollabUnitOfWork unitOfWork, IClock clock, IOptions<CollabOptions> options)
{
    private readonly DeliverableReader _reader = reader;
    private readonly FeatureGate _gate = gate;
    private readonly CollabNotifier _notifier = notifier;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;
    private readonly CollabOptions _options = options.Value;

    /// <summary>
    /// Shares a draft with the client. The tier at this moment decides how (SHARE-11): <c>Standard</c> clients get a
    /// one-time link by notification (SHARE-1); clients whose tier shares and approves reports get an approval task
    /// with <paramref name="deadline"/> (SHARE-3), reminded <see cref="CollabOptions.ReminderLeadDays"/> days before (SHARE-4).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who shares it.</param>
    /// <param name="deliverable">The draft.</param>
    /// <param name="deadline">The last local day to approve (office's zone); required for approval tasks, ignored for links.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was shared, with the link token for link sharing.</returns>
    /// <exception cref="CollabRefusalException">Unknown report, not a draft, no collaboration, a missing or past deadline for an approval task.</exception>
    public async Task<ShareResult> ShareAsync(ActingParty party, DeliverableId deliverable, LocalDate? deadline = null, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await _reader.LoadAsync(party, CollabAction.ShareDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        var dependent = await _gate.DependentCollaborationsAsync(found.ClientId, found.OfficeId, cancellationToken).ConfigureAwait(false); // SEC-4: before the tier
        var tier = await _gate.RequireAsync(found.OfficeId, found.ClientId, Feature.ManageDeliverables, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        if (_gate.Catalogue.Allows(tier, Feature.ShareAndApproveDeliverables))
        {
            var day = deadline ?? throw CollabRefusals.DeliverableDeadlineRequired(tier);
            var zone = await _reader.ZoneAsync(found.OfficeId, cancellationToken).ConfigureAwait(false);
            found.ShareForApproval(day, Reminders.DeadlinePassesAt(day, zone), Reminders.DueAt(day, _options.ReminderLeadDays, zone), actor, now);
            TierGate.NoteDependentWork(dependent, now); // SEC-4: a downgrade that did not see this approval now conflicts
            await _notifier.ClientUsersAsync(found.OfficeId, found.ClientId, found.CompanyId, NotificationKind.ApprovalRequested, AuditSubject.Deliverable(found.Id), new("notification.approval-requested", found.Title, day), null, cancellationToken).ConfigureAwait(false);

            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new ShareResult(DeliverableOfficeView.Of(found), ShareMode.Approval, null);
        }

        found.ShareByLink(actor, now);
        var (token, _) = await IssueLinkAsync(found, now, cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ShareResult(DeliverableOfficeView.Of(found), ShareMode.TemporaryLink, token);
    }

    /// <summary>Issues a fresh link for a report shared by link, replacing the current one, without touching the report (SHARE-12).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user.</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new token (also sent to the client).</returns>
    /// <exception cref="CollabRefusalException">Unknown report, or it was not shared by link.</exception>
    public async Task<string> ReissueLinkAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await _reader.LoadAsync(party, CollabAction.ShareDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        if (found.Mode != ShareMode.TemporaryLink)
        {
            throw CollabRefusals.DeliverableNotSharedByLink(found.Title);
        }

        await _gate.RequireAsync(found.OfficeId, found.ClientId, Feature.ManageDeliverables, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var current = await _reader.Store.CurrentLinksAsync(found.Id, cancellationToken).ConfigureAwait(false);
        var (token, fresh) = await IssueLinkAsync(found, now, cancellationToken).ConfigureAwait(false);
        foreach (var old in current)
        {
            old.Replace(actor, fresh.Id, now);
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>The client approves; the task is complete (SHARE-5). <c>Collaborate</c> clients lose access, <c>CollaborateExtended</c> clients keep it in their history.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A client user who may reach the report's company.</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The approved report as the client may see it now (SEC-6): for <c>Collaborate</c> without content, for <c>CollaborateExtended</c> with its history.</returns>
    /// <exception cref="CollabRefusalException">Not the client's user, the tier lacks approvals now, not an open approval task, or past the deadline.</exception>
    public async Task<DeliverableClientView> ApproveAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var (clientUser, found, tier) = await ForClientDecisionAsync(party, deliverable, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        found.Approve(clientUser, _gate.Catalogue.Allows(tier, Feature.PermanentPortal), now);
        await NotifyDecidedAsync(found, new("notification.report-approved", found.Title), cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return _reader.ClientViewAfterDecision(found, tier);
    }

    /// <summary>The client rejects, with a reason for the office.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A client user who may reach the report's company.</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rejected report as the client may see it now (SEC-6).</returns>
    /// <exception cref="CollabRefusalException">As for <see cref="ApproveAsync"/>, or an empty reason.</exception>
    public async Task<DeliverableClientView> RejectAsync(ActingParty party, DeliverableId deliverable, string reason, CancellationToken cancellationToken = default)
    {
        var (clientUser, found, tier) = await ForClientDecisionAsync(party, deliverable, cancellationToken).ConfigureAwait(false);
        var text = Guard.Name(reason, "reason");
        found.Reject(clientUser, text, _clock.GetCurrentInstant());
        await NotifyDecidedAsync(found, new("notification.report-rejected", found.Title, text), cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return _reader.ClientViewAfterDecision(found, tier);
    }

    /// <summary>Records that a client user opened a report shared for approval; the office then sees it as Viewed (SHARE-3).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The user.</param>
    /// <param name="deliverable">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report as the client may see it now (SEC-6).</returns>
    /// <exception cref="CollabRefusalException">The user may not view it now (SEC-1, SHARE-5), or it is unknown.</exception>
    public async Task<DeliverableClientView> RecordClientViewAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await _reader.LoadAsync(party, CollabAction.ViewDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        if (!DeliverableReader.MayView(acting.Person, found))
        {
            throw CollabRefusals.DeliverableNotViewableDenied();
        }

        if (found is { State: DeliverableState.Shared, Mode: ShareMode.Approval }) // a link share is viewed through its link only (SHARE-12)
        {
            found.View(acting.Actor, _clock.GetCurrentInstant());
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _reader.ClientViewAsync(acting.Person, found, cancellationToken).ConfigureAwait(false)
            ?? throw CollabRefusals.DeliverableNotViewableDenied();
    }

    private async Task<(UserId User, Deliverable Deliverable, ClientTier Tier)> ForClientDecisionAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken)
    {
        var (acting, found) = await _reader.LoadAsync(party, CollabAction.DecideDeliverable, deliverable, cancellationToken).ConfigureAwait(false);
        var tier = await _gate.RequireAsync(found.OfficeId, found.ClientId, Feature.ShareAndApproveDeliverables, cancellationToken).ConfigureAwait(false);
        return (acting.UserId, found, tier);
    }

    private async Task<(string Token, ShareLink Link)> IssueLinkAsync(Deliverable deliverable, Instant now, CancellationToken cancellationToken)
    {
        var (link, token) = ShareLink.Issue(deliverable.Id, now, now + Duration.FromDays(_options.LinkValidityDays));
        _unitOfWork.Add(link);
        await _notifier.ClientUsersAsync(deliverable.OfficeId, deliverable.ClientId, deliverable.CompanyId, NotificationKind.DeliverableReady, AuditSubject.Deliverable(deliverable.Id),
            new("notification.report-ready", deliverable.Title, link.ExpiresAt.InUtc().LocalDateTime), token, cancellationToken).ConfigureAwait(false);
        return (token, link);
    }

    private Task NotifyDecidedAsync(Deliverable deliverable, Texts.TextRef text, CancellationToken cancellationToken) =>
        _notifier.OfficeUsersAsync(deliverable.OfficeId, NotificationKind.DeliverableDecided, AuditSubject.Deliverable(deliverable.Id), text, cancellationToken);
}
