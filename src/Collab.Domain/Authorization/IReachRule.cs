namespace Collab.Authorization;

/// <summary>
/// A capability's reach rule: whether a party that may take an action at all reaches one target of that capability (SEC-1,
/// SEC-3, SEC-5). Each capability writes its own beside its aggregate (<c>Rights/AdministrationAccess.cs</c>,
/// <c>Deliverables/DeliverableAccess.cs</c>, …) and registers it; <see cref="CollabAuthorization.AuthorizeAsync{TTarget}"/>
/// asks it after the party was resolved and before the vendor's policies run.
/// </summary>
/// <typeparam name="TTarget">What the rule is about: the loaded aggregate, or the ids of a target that is not loaded.</typeparam>
internal interface IReachRule<in TTarget>
    where TTarget : notnull
{
    /// <summary>Whether the party reaches the target for the action.</summary>
    /// <param name="acting">The resolved party.</param>
    /// <param name="action">The action it takes.</param>
    /// <param name="target">The target, loaded by the service.</param>
    /// <param name="cancellationToken">Cancels the reads the rule makes.</param>
    /// <returns>True when the target is within the party's reach.</returns>
    ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, TTarget target, CancellationToken cancellationToken);
}
