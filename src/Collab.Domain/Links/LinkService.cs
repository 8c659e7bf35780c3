using Collab.Authorization;
using Collab.Lifecycle;
using Collab.Registry;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Links;

/// <summary>What reading all data produced (LINK-3, LINK-5).</summary>
/// <param name="Matches">Per kind, how each app record was matched, ordered by kind and app id.</param>
public sealed record ReadAllResult(IReadOnlyList<(SyncEntityKind Kind, CustomerMatch Match)> Matches)
{
    /// <summary>How many records of a kind had an outcome.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The count.</returns>
    public int Count(SyncEntityKind kind, MatchOutcome outcome) => Matches.Count(m => m.Kind == kind && m.Match.Outcome == outcome);
}

/// <summary>
/// Sets up integration links step by step (LINK-1 … LINK-3, LINK-5): connect, choose the administration, confirm, read
/// all data, start synchronisation, finish. Every step can fail and be called again: a step already done returns
/// at once, and records are reserved per link, kind and app id and created through idempotency keys, so a retry never
/// duplicates anything. Each completed step is audited.
/// </summary>
public sealed class LinkService
{
    private const int SaveEvery = 500;
    private readonly CollabAuthorization _access;
    private readonly ILinkStore _links;
    private readonly IOfficeStore _offices;
    private readonly IAdministrationStore _administrations;
    private readonly ILifecycleStore _lifecycle;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly Lifecycle.PlanCatalogue _plans;
    private readonly CollabOptions _options;
    private readonly IExternalApp? _app;
    private readonly IBookkeepingRecords? _books;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="links">Reads links.</param>
    /// <param name="offices">Reads offices.</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="lifecycle">Reads the client's plan (LINK-2).</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="plans">The plan catalogue.</param>
    /// <param name="options">Collab's options.</param>
    /// <param name="app">The external app's API.</param>
    /// <param name="books">The bookkeeping's records.</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    public LinkService(
        ILinkStore links, IOfficeStore offices, IAdministrationStore administrations, ILifecycleStore lifecycle, ICollabUnitOfWork unitOfWork, IClock clock, Lifecycle.PlanCatalogue plans,
        IOptions<CollabOptions> options, CollabAuthorization access, IExternalApp? app = null, IBookkeepingRecords? books = null)
    {
        _access = access;
        _links = links;
        _offices = offices;
        _administrations = administrations;
        _lifecycle = lifecycle;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _plans = plans;
        _options = options.Value;
        _app = app;
        _books = books;
    }

    internal static IExternalApp Require(IExternalApp? app) => app ?? throw new InvalidOperationException(
        "Integration links need the app's API: register your implementation of Collab.Links.IExternalApp.");

    internal static IBookkeepingRecords Require(IBookkeepingRecords? books) => books ?? throw new InvalidOperationException(
        "Integration links need the bookkeeping's records: register your implementation of Collab.Links.IBookkeepingRecords.");

    /// <summary>Finds a link.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="link">The link.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The link, or null.</returns>
    public async Task<IntegrationLinkView?> FindAsync(ActingParty party, LinkId link, CancellationToken cancellationToken = default)
    {
        var found = link == default ? null : await _links.FindLinkAsync(link, cancellationToken).ConfigureAwait(false);
        return await _access.TryAuthorizeAsync(party, CollabAction.ReadLink, found, AuditSubject.Link(link), cancellationToken).ConfigureAwait(false) is null ? null : IntegrationLinkView.Of(found!);
    }

    /// <summary>Step 1, connect: signs in to the app's administration and starts a link, or resumes the setup already started for it.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who links.</param>
    /// <param name="app">The app's name.</param>
    /// <param name="externalAdministration">The app's administration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The link.</returns>
    /// <exception cref="CollabRefusalException">Invalid names, or the app's administration is already linked (LINK-1).</exception>
    public async Task<IntegrationLinkView> ConnectAsync(ActingParty party, string app, string externalAdministration, CancellationToken cancellationToken = default)
    {
        var acting = await _access.AuthorizeAsync(party, CollabAction.ManageLink, AuditSubject.Link(default), cancellationToken).ConfigureAwait(false);
        var candidate = IntegrationLink.Connect(app, externalAdministration, acting.User, acting.Actor, _clock.GetCurrentInstant()); // validates before any call
        if (await ExistingAsync(candidate.App, candidate.ExternalAdministration, cancellationToken).ConfigureAwait(false) is { } resumed)
        {
            await _access.AuthorizeAsync(party, CollabAction.ManageLink, resumed, AuditSubject.Link(resumed.Id), cancellationToken).ConfigureAwait(false); // resuming is acting on it
            await Require(_app).ConnectAsync(resumed.App, resumed.ExternalAdministration, cancellationToken).ConfigureAwait(false);
            return IntegrationLinkView.Of(resumed);
        }

        await Require(_app).ConnectAsync(candidate.App, candidate.ExternalAdministration, cancellationToken).ConfigureAwait(false);
        _unitOfWork.Add(candidate);
        try
        {
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return IntegrationLinkView.Of(candidate);
        }
        catch (CollabRefusalException e) when (e.Kind == RefusalKind.ConcurrencyConflict)
        {
            // Another request connected the same app administration at the same moment: resume that one.
            if (await ExistingAsync(candidate.App, candidate.ExternalAdministration, cancellationToken).ConfigureAwait(false) is { } winner)
            {
                await _access.AuthorizeAsync(party, CollabAction.ManageLink, winner, AuditSubject.Link(winner.Id), cancellationToken).ConfigureAwait(false);
                return IntegrationLinkView.Of(winner);
            }

            throw;
        }
    }

    private async Task<IntegrationLink?> ExistingAsync(string app, string external, CancellationToken cancellationToken)
    {
        var existing = await _links.FindLinkOfExternalAsync(app, external, cancellationToken).ConfigureAwait(false);
        if (existing is { Step: LinkStep.Finished })
        {
            throw CollabRefusals.LinkExternalAlreadyLinked(app, external, existing.AdministrationNumber);
        }

        return existing;
    }

    /// <summary>Step 2: chooses the bookkeeping administration and its edition (choosing again before confirming replaces the choice).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who links.</param>
    /// <param name="link">The link.</param>
    /// <param name="administration">The bookkeeping administration.</param>
    /// <param name="edition">Its edition (web or desktop).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The link.</returns>
    /// <exception cref="CollabRefusalException">
    /// Unknown or not live administration; already linked to another administration of the app (LINK-1); plan below
    /// the minimum, no plan, or an accountant subscription the vendor has not activated (LINK-2); setup already confirmed for another administration.
    /// </exception>
    public async Task<IntegrationLinkView> ChooseAdministrationAsync(ActingParty party, LinkId link, AdministrationId administration, BookkeepingEdition edition, CancellationToken cancellationToken = default)
    {
        // The administration first (SEC-3): a party refused it gets the same refusal whichever link it names, so someone
        // else's link (one still being set up included) reads exactly like one that does not exist.
        var target = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(party, CollabAction.ManageLink, target, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        var (actor, found) = await FindOpenAsync(party, link, cancellationToken).ConfigureAwait(false);
        if (found.Step > LinkStep.AdministrationChosen)
        {
            return found.AdministrationId == administration && found.Edition == edition
                ? IntegrationLinkView.Of(found)
                : throw CollabRefusals.LinkAlreadyConfirmed(found.AdministrationNumber);
        }

        target.EnsureLive("be linked");
        await CheckPreconditionsAsync(target, cancellationToken).ConfigureAwait(false);
        if (await _links.FindLinkOfAdministrationAsync(found.App, administration, cancellationToken).ConfigureAwait(false) is { } other && other.Id != found.Id)
        {
            throw CollabRefusals.LinkAdministrationAlreadyLinked(target.Number, other.App, other.ExternalAdministration);
        }

        found.Choose(target, edition, actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return IntegrationLinkView.Of(found);
    }

    /// <summary>Step 3: confirms the choice.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who confirms.</param>
    /// <param name="link">The link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The link.</returns>
    /// <exception cref="CollabRefusalException">Unknown or removed link, or no administration chosen yet.</exception>
    public Task<IntegrationLinkView> ConfirmAsync(ActingParty party, LinkId link, CancellationToken cancellationToken = default) =>
        AdvanceAsync(party, link, LinkTrigger.Confirm, LinkStep.Confirmed, cancellationToken);

    /// <summary>
    /// Step 4: reads all customers, products and product groups from the app and matches them to the bookkeeping's
    /// existing ones (LINK-5): matched records are linked, new ones created, ambiguous and conflicting ones reported
    /// and left for <see cref="ResolveMatchAsync"/>. Calling it again after a failure continues without duplicates.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who runs it.</param>
    /// <param name="link">The link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How every app record was matched.</returns>
    /// <exception cref="CollabRefusalException">Unknown or removed link, or not confirmed yet.</exception>
    public async Task<ReadAllResult> ReadAllDataAsync(ActingParty party, LinkId link, CancellationToken cancellationToken = default)
    {
        var (actor, found) = await FindOpenAsync(party, link, cancellationToken).ConfigureAwait(false);
        if (found.Step < LinkStep.Confirmed)
        {
            found.Advance(LinkTrigger.ReadAll, actor, _clock.GetCurrentInstant()); // refuses, naming the permitted step
        }

        var books = Require(_books);
        var context = found.Context;
        if (found.Step == LinkStep.Confirmed && found.Cursor is null)
        {
            // Polling starts from before the first read, so a bookkeeping change made meanwhile is not missed.
            found.SetCursor(await books.CurrentCursorAsync(context.Administration, cancellationToken).ConfigureAwait(false));
        }

        var result = new List<(SyncEntityKind, CustomerMatch)>();
        foreach (var kind in new[] { SyncEntityKind.Customer, SyncEntityKind.Product, SyncEntityKind.ProductGroup })
        {
            var appRecords = new List<SyncRecord>();
            await foreach (var record in Require(_app).ReadAllAsync(context, kind, cancellationToken).ConfigureAwait(false))
            {
                appRecords.Add(record);
            }

            if (appRecords.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            {
                throw CollabRefusals.LinkDuplicateAppId(kind, repeated.Key);
            }

            var existing = await books.ListAsync(context.Administration, kind, cancellationToken).ConfigureAwait(false);
            var linked = await _links.LinkedRecordsAsync(found.Id, kind, cancellationToken).ConfigureAwait(false);
            var byId = appRecords.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var pending = 0;
            foreach (var match in CustomerMatcher.Match(appRecords, existing))
            {
                result.Add((kind, match));
                if (found.Step >= LinkStep.DataRead)
                {
                    continue; // already done: report only
                }

                var now = _clock.GetCurrentInstant();
                if (!linked.TryGetValue(match.AppCustomerId, out var row))
                {
                    row = LinkedRecord.Reserve(found.Id, kind, match.AppCustomerId);
                    _unitOfWork.Add(row);
                }

                if (row.BookkeepingId is not null)
                {
                    continue; // linked by an earlier, interrupted run
                }

                var app = byId[match.AppCustomerId];
                switch (match.Outcome)
                {
                    case MatchOutcome.Matched:
                        row.Matched(MatchOutcome.Matched, match.BookkeepingId, [], now);
                        break;
                    case MatchOutcome.New:
                        var created = await books.UpsertAsync(context.Administration, app, null, IdempotencyKey(found.Id, kind, app.Id, app.Version), cancellationToken).ConfigureAwait(false);
                        row.Applied(created, app.Version, now);
                        row.Matched(MatchOutcome.New, created, [], now);
                        break;
                    default:
                        row.Matched(match.Outcome, null, match.Candidates, now);
                        break;
                }

                if (++pending % SaveEvery == 0)
                {
                    await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (found.Step == LinkStep.Confirmed)
        {
            var now = _clock.GetCurrentInstant();
            found.RecordMatching(string.Join(';', Enum.GetValues<SyncEntityKind>().Select(k =>
                $"{k}:matched={Count(result, k, MatchOutcome.Matched)},new={Count(result, k, MatchOutcome.New)},ambiguous={Count(result, k, MatchOutcome.Ambiguous)},conflicting={Count(result, k, MatchOutcome.Conflicting)}")), actor, now);
            found.Advance(LinkTrigger.ReadAll, actor, now);
            await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new ReadAllResult(result);
    }

    private static int Count(List<(SyncEntityKind Kind, CustomerMatch Match)> matches, SyncEntityKind kind, MatchOutcome outcome) =>
        matches.Count(m => m.Kind == kind && m.Match.Outcome == outcome);

    /// <summary>
    /// Decides an ambiguous or conflicting match (LINK-5): link the app record to one of the candidates, or, with
    /// null, create it as new. Collab never guesses; a person does, and the decision is audited.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who decides.</param>
    /// <param name="link">The link.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="appId">The app's id of the record.</param>
    /// <param name="bookkeepingId">One of the candidates, or null to create a new record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bookkeeping id the record is linked to.</returns>
    /// <exception cref="CollabRefusalException">Unknown link or record, nothing to decide, not a candidate, or that record is already linked to another app record.</exception>
    public async Task<string> ResolveMatchAsync(ActingParty party, LinkId link, SyncEntityKind kind, string appId, string? bookkeepingId, CancellationToken cancellationToken = default)
    {
        var (actor, found) = await FindOpenAsync(party, link, cancellationToken).ConfigureAwait(false);
        var row = await _links.FindByExternalAsync(link, kind, appId, cancellationToken).ConfigureAwait(false)
            ?? throw CollabRefusals.LinkRecordUnknown(kind, appId);
        if (row.Match is not (MatchOutcome.Ambiguous or MatchOutcome.Conflicting) || row.BookkeepingId is not null)
        {
            throw CollabRefusals.LinkNothingToResolve(kind, appId);
        }

        var now = _clock.GetCurrentInstant();
        if (bookkeepingId is null)
        {
            var app = new SyncRecord(kind, appId, 0, appId);
            await foreach (var record in Require(_app).ReadAllAsync(found.Context, kind, cancellationToken).ConfigureAwait(false))
            {
                if (record.Id == appId)
                {
                    app = record;
                    break;
                }
            }

            bookkeepingId = await Require(_books).UpsertAsync(found.Context.Administration, app, null, IdempotencyKey(found.Id, kind, appId, app.Version), cancellationToken).ConfigureAwait(false);
            row.Applied(bookkeepingId, app.Version, now);
        }
        else
        {
            if (!(row.Candidates ?? string.Empty).Split(',').Contains(bookkeepingId, StringComparer.Ordinal))
            {
                throw CollabRefusals.LinkNotACandidate(bookkeepingId, row.Candidates);
            }

            if (await _links.FindByBookkeepingAsync(link, kind, bookkeepingId, cancellationToken).ConfigureAwait(false) is { } taken && taken.Id != row.Id)
            {
                throw CollabRefusals.LinkRecordTaken(kind, bookkeepingId, taken.ExternalId);
            }
        }

        row.Matched(MatchOutcome.Matched, bookkeepingId, [], now);
        found.RecordMatching($"resolved {kind} {appId} -> {bookkeepingId}", actor, now);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return bookkeepingId;
    }

    /// <summary>Step 5: starts synchronisation (LINK-6): app changes are pushed from now on, bookkeeping changes polled every interval.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who starts it.</param>
    /// <param name="link">The link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The link.</returns>
    /// <exception cref="CollabRefusalException">Unknown or removed link, data not read yet, or the preconditions no longer hold (LINK-2).</exception>
    public async Task<IntegrationLinkView> StartSynchronisationAsync(ActingParty party, LinkId link, CancellationToken cancellationToken = default)
    {
        var (actor, found) = await FindOpenAsync(party, link, cancellationToken).ConfigureAwait(false);
        if (found.Step >= LinkStep.Synchronising)
        {
            return IntegrationLinkView.Of(found);
        }

        var target = await _administrations.FindAdministrationAsync(found.AdministrationId ?? default, cancellationToken).ConfigureAwait(false);
        if (target is not null)
        {
            await CheckPreconditionsAsync(target, cancellationToken).ConfigureAwait(false); // checked at the moment of the action
        }

        var now = _clock.GetCurrentInstant();
        found.Advance(LinkTrigger.StartSync, actor, now);
        found.StartPolling(now + Duration.FromMinutes(_options.LinkPollIntervalMinutes));
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return IntegrationLinkView.Of(found);
    }

    /// <summary>Step 6: finishes the setup.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who finishes.</param>
    /// <param name="link">The link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The link.</returns>
    /// <exception cref="CollabRefusalException">Unknown or removed link, or synchronisation not started.</exception>
    public Task<IntegrationLinkView> FinishAsync(ActingParty party, LinkId link, CancellationToken cancellationToken = default) =>
        AdvanceAsync(party, link, LinkTrigger.Finish, LinkStep.Finished, cancellationToken);

    /// <summary>Removes a link; both administrations may link again.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who removes it.</param>
    /// <param name="link">The link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The link.</returns>
    /// <exception cref="CollabRefusalException">Unknown or already removed link.</exception>
    public async Task<IntegrationLinkView> RemoveAsync(ActingParty party, LinkId link, CancellationToken cancellationToken = default)
    {
        var (actor, found) = await FindOpenAsync(party, link, cancellationToken).ConfigureAwait(false);
        found.Advance(LinkTrigger.Remove, actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return IntegrationLinkView.Of(found);
    }

    internal static string IdempotencyKey(LinkId link, SyncEntityKind kind, string id, long version) => $"{link}:{kind}:{id}:{version}";

    private async Task<IntegrationLinkView> AdvanceAsync(ActingParty party, LinkId link, LinkTrigger trigger, LinkStep target, CancellationToken cancellationToken)
    {
        var (actor, found) = await FindOpenAsync(party, link, cancellationToken).ConfigureAwait(false);
        if (found.Step >= target)
        {
            return IntegrationLinkView.Of(found); // a retried step that already happened
        }

        found.Advance(trigger, actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return IntegrationLinkView.Of(found);
    }

    private async Task<(Actor Actor, IntegrationLink Link)> FindOpenAsync(ActingParty party, LinkId link, CancellationToken cancellationToken)
    {
        var found = link == default ? null : await _links.FindLinkAsync(link, cancellationToken).ConfigureAwait(false);
        var actor = (await _access.AuthorizeAsync(party, CollabAction.ManageLink, found, AuditSubject.Link(link), cancellationToken).ConfigureAwait(false)).Actor;
        return found!.Step == LinkStep.Removed
            ? throw CollabRefusals.LinkRemoved()
            : (actor, found);
    }

    /// <summary>LINK-2: the client's plan is at least the minimum; an accountant subscription needs the vendor's activation.</summary>
    private async Task CheckPreconditionsAsync(Administration administration, CancellationToken cancellationToken)
    {
        if (administration.HolderOfficeId is { } holder)
        {
            var office = await _offices.FindOfficeAsync(holder, cancellationToken).OrNotFound("office", holder.Value).ConfigureAwait(false);
            if (!office.Has(OfficeModules.LinksActivated))
            {
                throw CollabRefusals.LinkAccountantNotActivated(administration.Number, office.Name);
            }

            return;
        }

        var subscription = await _lifecycle.FindSubscriptionAsync(administration.ClientId, cancellationToken).ConfigureAwait(false);
        if (subscription is null || subscription.State != Lifecycle.SubscriptionState.Active)
        {
            throw CollabRefusals.LinkNoPlan(administration.Number, _plans.LinkMinimum);
        }

        if (!_plans.IsAtLeast(subscription.Plan, _plans.LinkMinimum))
        {
            throw CollabRefusals.LinkPlanTooSmall(subscription.Plan, _plans.LinkMinimum);
        }
    }
}
