using Collab.Authorization;
using Collab.Portal;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Reports;

/// <summary>What sharing a report produced.</summary>
/// <param name="Report">The shared report.</param>
/// <param name="Mode">By link (Standard) or for approval (Collaborate and up).</param>
/// <param name="LinkToken">The one-time link token, for link sharing; it is also in the ReportReady notification.</param>
public sealed record ShareResult(AnnualReport Report, ShareMode Mode, string? LinkToken);

/// <summary>What a client sees on opening a valid link, before confirming the view.</summary>
/// <param name="Report">The report.</param>
/// <param name="Title">Its title.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record LinkLanding(ReportId Report, string Title, Instant ExpiresAt);

/// <summary>
/// Sharing annual reports (SHARE-1 … SHARE-5, SHARE-11, SHARE-12): by one-time link for <c>Standard</c> clients,
/// as approval tasks with a deadline for <c>Collaborate</c> and up, deadline reminders and expiry. Every action
/// reads the client's tier at that moment (SHARE-11); every step is audited and notifies through the outbox.
/// </summary>
public sealed class ReportService
{
    private readonly CollabAuthorization _access;
    private readonly IReportStore _reports;
    private readonly IRegistryStore _registry;
    private readonly ITierStore _tiers;
    private readonly TierCatalogue _catalogue;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly CollabOptions _options;
    private readonly IPortalStore _portal;
    private readonly OfficeCalendar _calendar;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="reports">Reads reports and links.</param>
    /// <param name="registry">Reads the registry.</param>
    /// <param name="tiers">Reads the client's tier.</param>
    /// <param name="catalogue">The tier catalogue.</param>
    /// <param name="unitOfWork">Saves changes and notifications.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Collab's options.</param>
    /// <param name="portal">Keeps the client portal's history current (SHARE-6) and holds the office's reminder text (SHARE-10).</param>
    /// <param name="calendar">The office calendar: local dates in the office's zone (RET-1).</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    public ReportService(IReportStore reports, IRegistryStore registry, ITierStore tiers, TierCatalogue catalogue, ICollabUnitOfWork unitOfWork, IClock clock, IOptions<CollabOptions> options, IPortalStore portal, OfficeCalendar calendar, CollabAuthorization access)
    {
        _access = access;
        _calendar = calendar;
        _portal = portal;
        _reports = reports;
        _registry = registry;
        _tiers = tiers;
        _catalogue = catalogue;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>Drafts a report for a company of a client the office collaborates with.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who drafts it.</param>
    /// <param name="office">The office.</param>
    /// <param name="company">The company it concerns.</param>
    /// <param name="title">Its title.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The draft.</returns>
    /// <exception cref="CollabRefusalException">Unknown company, no collaboration, the tier lacks report management, or an invalid title.</exception>
    public async Task<AnnualReport> DraftAsync(ActingParty party, OfficeId office, CompanyId company, string title, CancellationToken cancellationToken = default)
    {
        var (acting, owner) = await _access.CompanyAsync(party, CollabAction.DraftReport, company, office, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        await RequireAsync(office, owner.ClientId, Feature.ManageAnnualReports, cancellationToken).ConfigureAwait(false);
        var report = AnnualReport.Draft(office, owner.ClientId, company, title, actor, _clock.GetCurrentInstant());
        _unitOfWork.Add(report);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>
    /// Shares a draft with the client. The tier at this moment decides how (SHARE-11): <c>Standard</c> clients get a
    /// one-time link by notification (SHARE-1); clients whose tier shares and approves reports get an approval task
    /// with <paramref name="deadline"/> (SHARE-3), reminded <see cref="CollabOptions.ReminderLeadDays"/> days before (SHARE-4).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who shares it.</param>
    /// <param name="report">The draft.</param>
    /// <param name="deadline">The last local day to approve (office's zone); required for approval tasks, ignored for links.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was shared, with the link token for link sharing.</returns>
    /// <exception cref="CollabRefusalException">Unknown report, not a draft, no collaboration, a missing or past deadline for an approval task.</exception>
    public async Task<ShareResult> ShareAsync(ActingParty party, ReportId report, LocalDate? deadline = null, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.ShareReport, report, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        var dependent = await TierGate.DependentCollaborationsAsync(_tiers, found.ClientId, found.OfficeId, cancellationToken).ConfigureAwait(false); // SEC-4: before the tier
        var tier = await RequireAsync(found.OfficeId, found.ClientId, Feature.ManageAnnualReports, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var recipients = await _registry.ClientUsersReachingAsync(found.ClientId, found.CompanyId, cancellationToken).ConfigureAwait(false);
        if (_catalogue.Allows(tier, Feature.ShareAndApproveAnnualReports))
        {
            var day = deadline ?? throw Refuse.InvalidInput("report.deadline-required",
                $"Tier {tier} shares reports for approval: give the deadline (the last day to approve).", "SHARE-3");
            var zone = await ZoneAsync(found.OfficeId, cancellationToken).ConfigureAwait(false);
            found.ShareForApproval(day, Reminders.DeadlinePassesAt(day, zone), Reminders.DueAt(day, _options.ReminderLeadDays, zone), actor, now);
            TierGate.NoteDependentWork(dependent, now); // SEC-4: a downgrade that did not see this approval now conflicts
            _unitOfWork.Notify(recipients, NotificationKind.ApprovalRequested, AuditSubject.Report(found.Id), $"Please review and approve '{found.Title}' by {day:yyyy-MM-dd}.");

            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new ShareResult(found, ShareMode.Approval, null);
        }

        found.ShareByLink(actor, now);
        var token = IssueLink(found, recipients, now, out _);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ShareResult(found, ShareMode.TemporaryLink, token);
    }

    /// <summary>
    /// Opens a link: what the landing page shows. Opening is not spending (SHARE-12): mail scanners and previews
    /// open links too. Spent, replaced, expired, unknown and malformed tokens each get their own refusal, and none
    /// reveals anything about the report.
    /// </summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The landing page's facts.</returns>
    /// <exception cref="CollabRefusalException">The token cannot be used; the reason says what the client can do.</exception>
    public async Task<LinkLanding> OpenLinkAsync(string token, CancellationToken cancellationToken = default)
    {
        var (link, report) = await UsableLinkAsync(token, cancellationToken).ConfigureAwait(false);
        link.Open(_clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new LinkLanding(report.Id, report.Title, link.ExpiresAt);
    }

    /// <summary>
    /// The client's deliberate second step: confirms the view and spends the link, exactly once even when many
    /// requests race (SHARE-2). The report becomes Viewed and the office is notified (SHARE-12).
    /// </summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report the client may now be shown.</returns>
    /// <exception cref="CollabRefusalException">The token cannot be used (for all but one of racing requests: already used).</exception>
    public async Task<AnnualReport> ConfirmViewAsync(string token, CancellationToken cancellationToken = default)
    {
        var (link, report) = await UsableLinkAsync(token, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        link.Open(now);
        link.Spend(now);
        if (report.State is ReportState.Shared)
        {
            report.View(Actor.System("link"), now);
        }

        _unitOfWork.Notify(await _registry.OfficeUsersAsync(report.OfficeId, cancellationToken).ConfigureAwait(false), NotificationKind.LinkViewed, AuditSubject.Report(report.Id), $"The client viewed '{report.Title}' through its link.");

        try
        {
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CollabRefusalException e) when (e.Kind == RefusalKind.ConcurrencyConflict)
        {
            // Another request spent the link first: exactly one view wins (SHARE-2).
            throw ShareLink.LinkRefusal("link.spent", "This link was already used: ask your office to send a new one.");
        }

        return report;
    }

    /// <summary>Issues a fresh link for a report shared by link, replacing the current one, without touching the report (SHARE-12).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user.</param>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new token (also sent to the client).</returns>
    /// <exception cref="CollabRefusalException">Unknown report, or it was not shared by link.</exception>
    public async Task<string> ReissueLinkAsync(ActingParty party, ReportId report, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.ShareReport, report, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        if (found.Mode != ShareMode.TemporaryLink)
        {
            throw Refuse.Rule("report.not-shared-by-link", $"Report '{found.Title}' was not shared by link: only link shares get a new link.", "SHARE-12");
        }

        await RequireAsync(found.OfficeId, found.ClientId, Feature.ManageAnnualReports, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var recipients = await _registry.ClientUsersReachingAsync(found.ClientId, found.CompanyId, cancellationToken).ConfigureAwait(false);
        var current = await _reports.CurrentLinksAsync(found.Id, cancellationToken).ConfigureAwait(false);
        var token = IssueLink(found, recipients, now, out var fresh);
        foreach (var old in current)
        {
            old.Replace(actor, fresh.Id, now);
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>The client approves; the task is complete (SHARE-5). <c>Collaborate</c> clients lose access, <c>CollaborateExtended</c> clients keep it in their history.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A client user who may reach the report's company.</param>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The approved report.</returns>
    /// <exception cref="CollabRefusalException">Not the client's user, the tier lacks approvals now, not an open approval task, or past the deadline.</exception>
    public async Task<AnnualReport> ApproveAsync(ActingParty party, ReportId report, CancellationToken cancellationToken = default)
    {
        var (clientUser, found, tier) = await ForClientDecisionAsync(party, report, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        found.Approve(clientUser, _catalogue.Allows(tier, Feature.PermanentPortal), now);
        await NotifyOfficeAsync(found, $"The client approved '{found.Title}'.", cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>The client rejects, with a reason for the office.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A client user who may reach the report's company.</param>
    /// <param name="report">The report.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rejected report.</returns>
    /// <exception cref="CollabRefusalException">As for <see cref="ApproveAsync"/>, or an empty reason.</exception>
    public async Task<AnnualReport> RejectAsync(ActingParty party, ReportId report, string reason, CancellationToken cancellationToken = default)
    {
        var (clientUser, found, _) = await ForClientDecisionAsync(party, report, cancellationToken).ConfigureAwait(false);
        var text = Guard.Name(reason, "reason");
        found.Reject(clientUser, text, _clock.GetCurrentInstant());
        await NotifyOfficeAsync(found, $"The client rejected '{found.Title}': {text}", cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>Whether a client user may view a report now in the portal (SEC-1, SHARE-5). Link shares are viewed through their link only.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The user.</param>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when allowed; false for unknown ids.</returns>
    public async Task<bool> ClientMayViewAsync(ActingParty party, ReportId report, CancellationToken cancellationToken = default)
    {
        var user = (await _access.PartyAsync(party, CollabAction.ViewReport, AuditSubject.Report(report), cancellationToken).ConfigureAwait(false)).User!;
        return MayView(user, report == default ? null : await _reports.FindReportAsync(report, cancellationToken).ConfigureAwait(false));
    }

    private static bool MayView(CollabUser user, AnnualReport? found)
    {
        if (found is null || user.ClientId != found.ClientId || !user.MayReach(found.CompanyId) || found.Mode != ShareMode.Approval)
        {
            return false;
        }

        return found.State switch
        {
            ReportState.Shared or ReportState.Viewed => true,
            ReportState.Approved => found.KeptInHistory,
            _ => false,
        };
    }

    /// <summary>Records that a client user opened a report shared for approval; the office then sees it as Viewed (SHARE-3).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The user.</param>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    /// <exception cref="CollabRefusalException">The user may not view it now (SEC-1, SHARE-5), or it is unknown.</exception>
    public async Task<AnnualReport> RecordClientViewAsync(ActingParty party, ReportId report, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.ViewReport, report, cancellationToken).ConfigureAwait(false);
        if (!MayView(acting.User!, found))
        {
            throw Refuse.Forbidden("report.not-viewable", "This report is not available to this user now: it was not shared with them, or the task is complete.", "SEC-1");
        }

        if (found.State == ReportState.Shared)
        {
            found.View(acting.Actor, _clock.GetCurrentInstant());
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return found;
    }

    /// <summary>
    /// Queues the deadline reminder of every open approval task whose reminder is due (SHARE-4), each at most
    /// once, even when several scheduler instances run this at the same time. Run it from a scheduler.
    /// </summary>
    /// <param name="max">At most this many per call.</param>
    /// <param name="cancellationToken">Cancels between tasks.</param>
    /// <returns>How many reminders this call queued.</returns>
    public async Task<int> SendDueRemindersAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        var due = await _reports.FindDueRemindersAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false);
        return await _unitOfWork.RunAsync(due, async report =>
        {
            report.MarkReminderSent(_clock.GetCurrentInstant());
            var text = await ReminderTextAsync(report, cancellationToken).ConfigureAwait(false);
            _unitOfWork.Notify(await _registry.ClientUsersReachingAsync(report.ClientId, report.CompanyId, cancellationToken).ConfigureAwait(false), NotificationKind.DeadlineReminder, AuditSubject.Report(report.Id), text);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks approval tasks whose deadline passed as expired (SHARE-3, RET-3). Safe with several instances.</summary>
    /// <param name="max">At most this many per call.</param>
    /// <param name="cancellationToken">Cancels between tasks.</param>
    /// <returns>How many this call expired.</returns>
    public async Task<int> ExpireOverdueAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        var due = await _reports.FindOverdueAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false);
        return await _unitOfWork.RunAsync(due, async report =>
        {
            report.Expire(_clock.GetCurrentInstant());
            await NotifyOfficeAsync(report, $"The approval deadline of '{report.Title}' passed without an answer.", cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private string IssueLink(AnnualReport report, IReadOnlyList<CollabUser> recipients, Instant now, out ShareLink link)
    {
        (link, var token) = ShareLink.Issue(report.Id, now, now + Duration.FromDays(_options.LinkValidityDays));
        _unitOfWork.Add(link);
        _unitOfWork.Notify(recipients, NotificationKind.ReportReady, AuditSubject.Report(report.Id), $"Your report '{report.Title}' is ready. The link works once, until {link.ExpiresAt}.", token);

        return token;
    }

    private async Task<(ShareLink Link, AnnualReport Report)> UsableLinkAsync(string token, CancellationToken cancellationToken)
    {
        var id = ShareLink.ParseId(token, out var secret)
            ?? throw ShareLink.LinkRefusal("link.malformed", "This link is not complete: open the link from your e-mail again, or ask your office for a new one.");
        var link = await _reports.FindLinkAsync(id, cancellationToken).ConfigureAwait(false);
        if (link is null || !link.Matches(secret))
        {
            throw ShareLink.LinkRefusal("link.unknown", "This link is not known: check you used the whole link, or ask your office for a new one.");
        }

        if (link.Unusable(_clock.GetCurrentInstant()) is { } refusal)
        {
            throw refusal;
        }

        var report = await _reports.FindReportAsync(link.ReportId, cancellationToken).ConfigureAwait(false)
            ?? throw ShareLink.LinkRefusal("link.unknown", "This link is not known: ask your office for a new one.");
        return (link, report);
    }

    private async Task<(UserId User, AnnualReport Report, ClientTier Tier)> ForClientDecisionAsync(ActingParty party, ReportId report, CancellationToken cancellationToken)
    {
        var (acting, found) = await LoadAsync(party, CollabAction.DecideReport, report, cancellationToken).ConfigureAwait(false);
        var tier = await RequireAsync(found.OfficeId, found.ClientId, Feature.ShareAndApproveAnnualReports, cancellationToken).ConfigureAwait(false);
        return (acting.UserId, found, tier);
    }

    private async Task NotifyOfficeAsync(AnnualReport report, string text, CancellationToken cancellationToken)
    {
        _unitOfWork.Notify(await _registry.OfficeUsersAsync(report.OfficeId, cancellationToken).ConfigureAwait(false), NotificationKind.ReportDecided, AuditSubject.Report(report.Id), text);
    }

    private Task<string> ReminderTextAsync(AnnualReport report, CancellationToken cancellationToken) =>
        Portal.ReminderTexts.ForAsync(_tiers, _catalogue, _portal, _registry, report.OfficeId, report.ClientId, report.Title, report.Deadline!.Value,
            $"Reminder: please approve '{report.Title}' by {report.Deadline:yyyy-MM-dd}.", cancellationToken);

    /// <summary>Finds a report, for the office's pages.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report, or null.</returns>
    public Task<AnnualReport?> FindAsync(ActingParty party, ReportId report, CancellationToken cancellationToken = default) =>
        _access.OrNullAsync(party, CollabAction.ReadReports, async () =>
            (await LoadAsync(party, CollabAction.ReadReports, report, cancellationToken).ConfigureAwait(false)).Report, cancellationToken);

    /// <summary>The office's reports, newest first.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    public async Task<IReadOnlyList<AnnualReport>> ListForOfficeAsync(ActingParty party, OfficeId office, int max = 500, CancellationToken cancellationToken = default)
    {
        await _access.OfficeAsync(party, CollabAction.ReadReports, office, cancellationToken).ConfigureAwait(false);
        return await _reports.ListForOfficeAsync(office, Math.Clamp(max, 1, 5000), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A company's reports, newest first.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports.</returns>
    public async Task<IReadOnlyList<AnnualReport>> ListForCompanyAsync(ActingParty party, CompanyId company, CancellationToken cancellationToken = default)
    {
        var (acting, _) = await _access.CompanyAsync(party, CollabAction.ReadReports, company, null, cancellationToken).ConfigureAwait(false);
        var reports = await _reports.ListForCompanyAsync(company, cancellationToken).ConfigureAwait(false);

        // An office sees its own reports; a client user sees what was shared with it, never a draft.
        return reports.Where(r => acting.IsOfficeUser ? r.OfficeId == acting.User!.OfficeId : r.State != ReportState.Draft).ToList();
    }

    // SHARE-11: the tier is read at the moment of every action, never cached on the report.
    private Task<ClientTier> RequireAsync(OfficeId office, ClientId client, Feature feature, CancellationToken cancellationToken) =>
        TierGate.RequireAsync(_tiers, _catalogue, office, client, feature, cancellationToken);

    private async Task<DateTimeZone> ZoneAsync(OfficeId office, CancellationToken cancellationToken)
    {
        var found = await _registry.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        return _calendar.ZoneOf(found);
    }

    // The report is read before the check only to learn whose it is; the caller gets it only when the check passes.
    private async Task<(Acting Acting, AnnualReport Report)> LoadAsync(ActingParty party, CollabAction action, ReportId report, CancellationToken cancellationToken)
    {
        var found = report == default ? null : await _reports.FindReportAsync(report, cancellationToken).ConfigureAwait(false);
        var owner = found is null ? (CollabAuthorization.Owner?)null : new CollabAuthorization.Owner(found.OfficeId, found.ClientId, found.CompanyId, found.State != ReportState.Draft);
        var acting = await _access.OwnedAsync(party, action, AuditSubject.Report(report), owner, cancellationToken).ConfigureAwait(false);
        return (acting, found!);
    }
}
