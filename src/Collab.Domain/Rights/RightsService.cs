using Collab.Authorization;
using Collab.Registry;
using Collab.Telemetry;
using NodaTime;

namespace Collab.Rights;

/// <summary>
/// A client grants an office rights to one of its administrations, free of charge (ONB-3), and can revoke
/// them; access ends at once (ONB-4). Only a user of the owning client who may reach the administration's
/// company can do either (SEC-1). Refusals change nothing (SEC-2); every change is audited (AUD-1).
/// </summary>
/// <param name="targets">Loads the administration and the office for a checked client user (SEC-1, SEC-3).</param>
/// <param name="eligibility">Whether the client's plan lets it grant rights now (ONB-3).</param>
/// <param name="rights">Reads grants.</param>
/// <param name="unitOfWork">Saves changes.</param>
/// <param name="clock">The clock.</param>
/// <param name="telemetry">Traces and metrics.</param>
public sealed class RightsService(RightsTargets targets, GrantEligibility eligibility, IRightsStore rights, ICollabUnitOfWork unitOfWork, IClock clock, CollabTelemetry telemetry)
{
    private readonly RightsTargets _targets = targets;
    private readonly GrantEligibility _eligibility = eligibility;
    private readonly IRightsStore _rights = rights;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;
    private readonly CollabTelemetry _telemetry = telemetry;

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

        var (clientUser, target) = await _targets.AuthorizeAsync(party, office, administration, CollabAction.GrantRights, cancellationToken).ConfigureAwait(false);
        target.EnsureLive("be shared with an office");
        await _eligibility.EnsureAsync(target.ClientId, cancellationToken).ConfigureAwait(false);

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
        var (clientUser, _) = await _targets.AuthorizeAsync(party, office, administration, CollabAction.RevokeRights, cancellationToken).ConfigureAwait(false);
        var grant = await _rights.FindGrantAsync(office, administration, cancellationToken).ConfigureAwait(false)
            ?? throw CollabRefusals.RightsNotGranted(office, administration);
        grant.Revoke(clientUser, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        _telemetry.RightsChanged(AuditAction.RightsRevoked);
        return RightsGrantView.Of(grant);
    }
}
