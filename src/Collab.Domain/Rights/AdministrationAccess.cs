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
