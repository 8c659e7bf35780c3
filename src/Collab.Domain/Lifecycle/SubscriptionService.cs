using Collab.Authorization;
using Collab.Registry;

namespace Collab.Lifecycle;

/// <summary>
/// A client's own users and their subscription (ONB-6, RET-1, RET-2): read it, cancel it, which schedules its online
/// administrations for deletion 90 local days later and announces the date, or reactivate it before the day.
/// </summary>
public sealed class SubscriptionService
{
    private readonly CollabAuthorization _access;
    private readonly IOfficeStore _offices;
    private readonly ILifecycleStore _lifecycle;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly LifecycleCalendar _dates;
    private readonly LifecycleNotifier _notifier;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="offices">Reads offices.</param>
    /// <param name="lifecycle">Reads subscriptions and schedules.</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="dates">The clock, the office calendar (RET-1) and the lifecycle options.</param>
    /// <param name="notifier">Tells the client's and the office's users, in each one's language (TXT-1).</param>
    public SubscriptionService(CollabAuthorization access, IOfficeStore offices, ILifecycleStore lifecycle, ICollabUnitOfWork unitOfWork, LifecycleCalendar dates, LifecycleNotifier notifier)
    {
        _access = access;
        _offices = offices;
        _lifecycle = lifecycle;
        _unitOfWork = unitOfWork;
        _dates = dates;
        _notifier = notifier;
    }

    /// <summary>The client's subscription, or null when it is not a customer.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subscription.</returns>
    public async Task<SubscriptionView?> FindSubscriptionAsync(ActingParty party, ClientId client, CancellationToken cancellationToken = default) =>
        await _access.TryAuthorizeAsync(party, CollabAction.ReadSubscription, new ClientTarget(client, null), AuditSubject.Client(client), cancellationToken).ConfigureAwait(false) is null ? null
            : await _lifecycle.FindSubscriptionAsync(client, cancellationToken).ConfigureAwait(false) is { } found ? SubscriptionView.Of(found) : null;

    /// <summary>
    /// The client cancels its subscription (ONB-6): each of its live online administrations is scheduled for
    /// deletion on the local day 90 days later in the registering office's zone (RET-1); client and office are told
    /// the date, and the client is offered a backup first (RET-2).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The client user who cancels.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The scheduled deletions.</returns>
    /// <exception cref="CollabRefusalException">Unknown client or user, not a user of the client, not a customer, or already cancelled.</exception>
    public async Task<IReadOnlyList<DeletionView>> CancelSubscriptionAsync(ActingParty party, ClientId client, CancellationToken cancellationToken = default)
    {
        var (subscription, office, actor) = await AuthorizeAsync(party, client, "cancel", cancellationToken).ConfigureAwait(false);
        var now = _dates.Now();
        var plan = _dates.DeletionPlanAt(now, office);
        subscription.Cancel(plan.DeleteOn, actor, now);
        var schedules = new List<DeletionSchedule>();
        foreach (var administration in await _lifecycle.ListLiveAdministrationsAsync(client, cancellationToken).ConfigureAwait(false))
        {
            var schedule = DeletionSchedule.Plan(administration, office.Id, plan, actor, now);
            _unitOfWork.Add(schedule);
            schedules.Add(schedule);
        }

        await _notifier.NotifyAsync(subscription.ClientId, office.Id, NotificationKind.DeletionScheduled, AuditSubject.Client(client),
            new("notification.deletion-scheduled", plan.DeleteOn),
            cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return schedules.Select(d => DeletionView.Of(d, clientReader: true)).ToList(); // a client user cancels (SEC-5)
    }

    /// <summary>The client reactivates before the deletion day: the subscription runs again and every scheduled deletion is called off (RET-2).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The client user who reactivates.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="CollabRefusalException">Unknown client or user, not cancelled, or the deletion day has come (restore a backup instead).</exception>
    public async Task<SubscriptionView> ReactivateSubscriptionAsync(ActingParty party, ClientId client, CancellationToken cancellationToken = default)
    {
        var (subscription, office, actor) = await AuthorizeAsync(party, client, "reactivate", cancellationToken).ConfigureAwait(false);
        var now = _dates.Now();
        var today = _dates.Today(now, office);
        if (subscription.DeletionDate is { } day && today >= day)
        {
            throw CollabRefusals.SubscriptionDeletionDayReached(day);
        }

        foreach (var schedule in await _lifecycle.ListScheduledDeletionsAsync(client, cancellationToken).ConfigureAwait(false))
        {
            schedule.CallOff(actor, now);
        }

        subscription.Reactivate(actor, now);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return SubscriptionView.Of(subscription);
    }

    private async Task<(ClientSubscription Subscription, Office Office, Actor Actor)> AuthorizeAsync(ActingParty party, ClientId client, string verb, CancellationToken cancellationToken)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.ChangeSubscription, new ClientTarget(client, null), cancellationToken).ConfigureAwait(false)).Actor;

        var subscription = await _lifecycle.FindSubscriptionAsync(client, cancellationToken).ConfigureAwait(false)
            ?? throw CollabRefusals.SubscriptionNone(client, verb);
        var office = await _offices.FindOfficeAsync(subscription.OfficeId, cancellationToken).OrNotFound("office", subscription.OfficeId.Value).ConfigureAwait(false);
        return (subscription, office, actor);
    }
}
