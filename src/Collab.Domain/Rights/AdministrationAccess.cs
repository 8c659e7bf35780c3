using System.Linq.Expressions;
using Collab.Authorization;
using Collab.Registry;

namespace Collab.Rights;

/// <summary>
/// Which office reaches an administration (SEC-1), written once: a live administration the office holds itself or was granted
/// rights to by an active grant. <see cref="Rule"/> is the rule as an expression tree; Collab's EF Core stores compose it into
/// their (compiled) queries through <see cref="ReachRules.Expand{TDelegate}"/>, and a store of your own evaluates the same rule
/// in memory with <see cref="OfficeMayAccess"/> or translates <see cref="Rule"/> to its own query language.
/// </summary>
public static class AdministrationAccess
{
    /// <summary>
    /// The rule: the administration is live and the office holds it or has an active grant for it among the grants given.
    /// The grants may be all grants (a database's table): the rule picks the administration's own.
    /// </summary>
    public static Expression<Func<Administration, OfficeId, IEnumerable<RightsGrant>, bool>> Rule { get; } =
        (administration, office, grants) => administration.State == AdministrationState.Live
            && (administration.HolderOfficeId == office
                || grants.Any(g => g.AdministrationId == administration.Id && g.OfficeId == office && g.IsActive));

    private static readonly Func<Administration, OfficeId, IEnumerable<RightsGrant>, bool> Compiled = Rule.Compile();

    /// <summary>
    /// Whether the office may access the administration (SEC-1), evaluated in memory. Inside a query expression passed to
    /// <see cref="ReachRules.Expand{TDelegate}"/> a call to this method is replaced by <see cref="Rule"/>, so a store
    /// writes the rule by name and the database evaluates it.
    /// </summary>
    /// <param name="administration">The administration.</param>
    /// <param name="office">The office.</param>
    /// <param name="grants">Grants of rights: at least the administration's own (more are ignored).</param>
    /// <returns>True when the office may access the administration.</returns>
    [ReachRule(typeof(AdministrationAccess), nameof(Rule))]
    public static bool OfficeMayAccess(Administration administration, OfficeId office, IEnumerable<RightsGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(administration);
        ArgumentNullException.ThrowIfNull(grants);
        return Compiled(administration, office, grants);
    }
}

/// <summary>
/// Acting on an administration (SEC-1, SEC-5): the platform; an office that may access it (<see cref="AdministrationAccess.Rule"/>),
/// or — for what is left of a released or deleted administration — the office that worked on it; a client user of the client's own
/// given its company (an administration is the client's own, not an office's work: an office's invitee never reaches one).
/// </summary>
internal sealed class AdministrationReach(IRightsStore rights, Tiers.ClientWork work) : IReachRule<Administration>
{
    public async ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, Administration target, CancellationToken cancellationToken) => acting switch
    {
        { IsPlatform: true } => true,
        { Office: { } office } => await rights.OfficeMayAccessAsync(office, target.Id, cancellationToken).ConfigureAwait(false)
            || (!target.IsLive // what is left of a released or deleted administration stays readable to the office that worked on it
                && (target.HolderOfficeId == office
                    || await rights.FindGrantAsync(office, target.Id, cancellationToken).ConfigureAwait(false) is not null
                    || await work.OfficeWorksForAsync(office, target.ClientId, cancellationToken).ConfigureAwait(false))),
        { IsClientUser: true, User: { } user } => user.ClientId == target.ClientId && user.IsHomedAtClient && user.MayReach(target.CompanyId),
        _ => false,
    };
}
