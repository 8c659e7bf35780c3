using Collab.Registry;

namespace Collab.Authorization;

/// <summary>What a vendor policy is asked about: an action a party may do by Collab's own rules (SEC-3).</summary>
/// <param name="Action">What the party asks to do or read.</param>
/// <param name="Party">The party as the host named it.</param>
/// <param name="User">The party's user as Collab's registry knows it; null for the platform.</param>
/// <param name="Target">What the action touches.</param>
public sealed record AuthorizationRequest(CollabAction Action, ActingParty Party, CollabUser? User, AuditSubject Target);

/// <summary>
/// A vendor's stricter rule ("only partners change tiers", four-eyes on transfers). Policies run after Collab
/// has allowed an action and can only add a refusal: there is no way for a policy to allow what Collab refused.
/// Register one with <c>AddCollab().AddAuthorizationPolicy&lt;TPolicy&gt;()</c>; it is resolved per scope.
/// </summary>
public interface ICollabAuthorizationPolicy
{
    /// <summary>Decides whether to refuse an action Collab allows.</summary>
    /// <param name="request">The action, the party and the target.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Null to let the action go on, or the refusal the caller receives (use your own codes, such as <c>vendor.partners-only</c>).</returns>
    ValueTask<Refusal?> CheckAsync(AuthorizationRequest request, CancellationToken cancellationToken);
}
