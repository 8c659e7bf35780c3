using Collab.Authorization;
using Collab.Lifecycle;
using Collab.Registry;
using Collab.Telemetry;
using NodaTime;

namespace Collab.Rights;

/// <summary>
/// A client grants an office rights to one of its administrations, free of charge (ONB-3), and can revoke
/// them; access ends at once (ONB-4). Only a user of the owning client who may reach the administration's
/// company can do either (SEC-1). Refusals change nothing (SEC-2); every change is audited (AUD-1).
/// </summary>
public sealed class RightsService
{
    private readonly CollabAuthorization _access;
    private readonly IOfficeStore _offices;
    private readonly IAdministrationStore _administrations;
    private readonly IRightsStore _rights;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly CollabTelemetry _telemetry;
    private readonly ILifecycleStore _lifecycle;
    private readonly Lifecycle.PlanCatalogue _plans;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="offices">Reads offices.</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="rights">Reads grants.</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="telemetry">Traces and metrics.</param>
    /// <param name="lifecycle">Reads the client's subscription, whose plan decides eligibility (ONB-3).</param>
    /// <param name="plans">The plan catalogue.</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    public RightsService(IOfficeStore offices, IAdministrationStore administrations, IRightsStore rights, ICollabUnitOfWork unitOfWork, IClock clock, CollabTelemetry telemetry, ILifecycleStore lifecycle, Lifecycle.PlanCatalogue plans, CollabAuthorization access)
    {
        _access = access;
        _lifecycle = lifecycle;
        _plans = plans;
        _telemetry = telemetry;
        _offices = offices;
        _administrations = administrations;
        _rights = rights;
        _unitOfWork = unitOfWork;
        _clock = clock;
    }

    /// <summary>Grants an office rights to an administration; it then appears in the office's list (ONB-3).</summary>
    /// <param name="party">The client user who grants; only a client user given the administration's company may (SEC-3).</param>
    /// <param name="office">The office that receives the rights.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="channel">Desktop or web edition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The active grant.</returns>
    /// <exception cref="CollabRefusalException">
    /// An id is unknown; the user is not a user of the owning client or may not reach its company; the office
    /// holds the administration itself; or the rights are already granted. Nothing is changed.
    /// </exception>
    public async Task<RightsGrantView> GrantAsync(ActingParty party, OfficeId office, AdministrationId administration, GrantChannel channel, CancellationToken cancellationToken = default)
    {
        using var activity = CollabTelemetry.Source.StartActivity("collab.rights.grant");
        if (channel == GrantChannel.Registration)
        {
            throw CollabRefusals.RightsRegistrationChannel();
        }

        var (clientUser, target) = await AuthorizeAsync(party, office, administration, CollabAction.GrantRights, cancellationToken).ConfigureAwait(false);
        target.EnsureLive("be shared with an office");
        if (await _lifecycle.FindSubscriptionAsync(target.ClientId, cancellationToken).ConfigureAwait(false) is { } subscription)
        {
            if (subscription.State != Lifecycle.SubscriptionState.Active)
            {
                throw CollabRefusals.RightsSubscriptionCancelled();
            }

            if (!_plans.MayGrantRights(subscription.Plan))
            {
                throw CollabRefusals.RightsPlanNotEligible(subscription.Plan, string.Join(", ", _plans.Plans.Where(_plans.MayGrantRights)));
            }
        }

        if (target.HolderOfficeId == office)
        {
            throw CollabRefusals.RightsOfficeHoldsAdministration(office, target.Number);
        }

        var now = _clock.GetCurrentInstant();
        var grant = await _rights.FindGrantAsync(office, administration, cancellationToken).ConfigureAwait(false);
        if (grant is null)
        {
            grant = RightsGrant.Grant(office, target, clientUser, channel, now);
            _unitOfWork.Add(grant);
        }
        else
        {
            grant.Regrant(clientUser, channel, now);
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        _telemetry.RightsChanged(AuditAction.RightsGranted);
        return RightsGrantView.Of(grant);
    }

    /// <summary>Revokes an office's rights to an administration; access ends at once (ONB-4).</summary>
    /// <param name="party">The client user who revokes; only a client user given the administration's company may (SEC-3).</param>
    /// <param name="office">The office that loses the rights.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The revoked grant.</returns>
    /// <exception cref="CollabRefusalException">
    /// An id is unknown; the user may not act for the administration; or there is no active grant to revoke.
    /// Nothing is changed.
    /// </exception>
    public async Task<RightsGrantView> RevokeAsync(ActingParty party, OfficeId office, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        using var activity = CollabTelemetry.Source.StartActivity("collab.rights.revoke");
        var (clientUser, _) = await AuthorizeAsync(party, office, administration, CollabAction.RevokeRights, cancellationToken).ConfigureAwait(false);
        var grant = await _rights.FindGrantAsync(office, administration, cancellationToken).ConfigureAwait(false)
            ?? throw CollabRefusals.RightsNotGranted(office, administration);
        grant.Revoke(clientUser, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        _telemetry.RightsChanged(AuditAction.RightsRevoked);
        return RightsGrantView.Of(grant);
    }

    private async Task<(UserId User, Administration Administration)> AuthorizeAsync(
        ActingParty party, OfficeId office, AdministrationId administration, CollabAction action, CancellationToken cancellationToken)
    {
        var target = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, action, target, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        Guard.Id(office.Value, "office");
        _ = await _offices.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        return (acting.UserId, target);
    }
}
