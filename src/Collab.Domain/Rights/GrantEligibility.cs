using Collab.Lifecycle;
using Collab.Registry;

namespace Collab.Rights;

/// <summary>
/// Whether a client may grant an office rights now (ONB-3): a client with an online subscription needs it active and on
/// a plan that may grant rights; one without a subscription may. Resolved from dependency injection.
/// </summary>
/// <param name="lifecycle">Reads the client's subscription, whose plan decides eligibility (ONB-3).</param>
/// <param name="plans">The plan catalogue.</param>
public sealed class GrantEligibility(ILifecycleStore lifecycle, PlanCatalogue plans)
{
    /// <summary>Refuses when the client's subscription is cancelled or its plan may not grant rights (ONB-3).</summary>
    internal async Task EnsureAsync(ClientId client, CancellationToken cancellationToken)
    {
        if (await lifecycle.FindSubscriptionAsync(client, cancellationToken).ConfigureAwait(false) is { } subscription)
        {
            if (subscription.State != Lifecycle.SubscriptionState.Active)
            {
                throw CollabRefusals.RightsSubscriptionCancelled();
            }

            if (!plans.MayGrantRights(subscription.Plan))
            {
                throw CollabRefusals.RightsPlanNotEligible(subscription.Plan, string.Join(", ", plans.Plans.Where(plans.MayGrantRights)));
            }
        }
    }
}
