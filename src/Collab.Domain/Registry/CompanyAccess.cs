using Collab.Authorization;
using Collab.Tiers;

namespace Collab.Registry;

/// <summary>A company, and the office a request names when it acts for one (null when none is named).</summary>
internal sealed record CompanyTarget(Company Company, OfficeId? Office);

/// <summary>
/// Acting on a company (SEC-1, SEC-3, SEC-5): an office user whose office still works for its client (and is the office named),
/// a client user given the company — an office's invitee only while its office works for the client — or the platform.
/// </summary>
internal sealed class CompanyAccess(ClientWork work) : IReachRule<CompanyTarget>
{
    public async ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, CompanyTarget target, CancellationToken cancellationToken)
    {
        var (company, named) = (target.Company, target.Office);
        return acting switch
        {
            { IsPlatform: true } => true,
            { Office: { } office } => (named is null || named == office) && await work.OfficeWorksForAsync(office, company.ClientId, cancellationToken).ConfigureAwait(false),
            { User: { } user } => user.ClientId == company.ClientId && user.MayReach(company.Id) && (named is null || user.SeesWorkOf(named.Value))
                && (user.HomeOfficeId is not { } home || await work.OfficeWorksForAsync(home, company.ClientId, cancellationToken).ConfigureAwait(false)),
            _ => false,
        };
    }
}
