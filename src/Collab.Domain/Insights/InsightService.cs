using Collab.Authorization;
using Collab.Tiers;
using NodaTime;

namespace Collab.Insights;

/// <summary>
/// Client insights (SHARE-16): monthly series from the vendor's sources (<see cref="IClientInsightSource"/>), merged
/// per company and combined over every company the client user may reach (SEC-1), for clients whose tier includes
/// insights (<c>Extended</c>, SHARE-11). Each point names its source and month; a month a source lacks is a gap.
/// </summary>
public sealed class InsightService
{
    private readonly CollabAuthorization _access;
    private readonly ITierStore _tiers;
    private readonly TierCatalogue _catalogue;
    private readonly IReadOnlyList<IClientInsightSource> _sources;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="tiers">Reads the client's tier.</param>
    /// <param name="catalogue">The tier catalogue.</param>
    /// <param name="sources">The registered sources.</param>
    /// <exception cref="InvalidOperationException">Two sources share a name.</exception>
    public InsightService(CollabAuthorization access, ITierStore tiers, TierCatalogue catalogue, IEnumerable<IClientInsightSource> sources)
    {
        _access = access;
        _tiers = tiers;
        _catalogue = catalogue;
        _sources = sources.ToList();
        if (_sources.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two insight sources are named '{twice.Key}': give each source a unique Name.");
        }
    }

    /// <summary>The insights of the client user's companies for the months <paramref name="from"/> … <paramref name="to"/>.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A client user.</param>
    /// <param name="from">The first month.</param>
    /// <param name="to">The last month; at most 240 months after <paramref name="from"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The series per company and combined.</returns>
    /// <exception cref="CollabRefusalException">Not a client user; a range that is empty or too long; no tier of the client includes insights.</exception>
    public async Task<ClientInsights> ForClientUserAsync(ActingParty party, YearMonth from, YearMonth to, CancellationToken cancellationToken = default)
    {
        var months = InsightMerge.MonthsBetween(from, to);
        if (months is < 1 or > InsightMerge.MaxMonths)
        {
            throw CollabRefusals.InsightsRange(from, to, InsightMerge.MaxMonths);
        }

        var acting = await _access.AuthorizeAsync(party, CollabAction.ReadInsights, new AuditSubject("insights", "own"), cancellationToken).ConfigureAwait(false);
        var user = acting.Person;
        await RequireInsightsAsync(user.ClientId!.Value, cancellationToken).ConfigureAwait(false);

        var companies = user.Companies.ToList(); // SEC-1: exactly the companies this user may reach
        var readings = new List<SourceReading>(companies.Count * _sources.Count);
        foreach (var company in companies)
        {
            foreach (var source in _sources)
            {
                // One after the other: a source may share the scope's DbContext, which allows one operation at a time.
                var values = await source.ReadAsync(company, from, to, cancellationToken).ConfigureAwait(false);
                readings.Add(new SourceReading(company, source.Name, values ?? []));
            }
        }

        return InsightMerge.Merge(from, to, companies, readings);
    }

    // SHARE-11: some office the client works with must give it a tier that includes insights, now.
    private async Task RequireInsightsAsync(ClientId client, CancellationToken cancellationToken)
    {
        var collaborations = await _tiers.ListClientCollaborationsAsync(client, cancellationToken).ConfigureAwait(false);
        if (collaborations.Any(c => _catalogue.Allows(c.Tier, Feature.ShareClientInsights)))
        {
            return;
        }

        var best = collaborations.Count == 0 ? ClientTier.Standard : collaborations.Max(c => c.Tier);
        _catalogue.Require(best, Feature.ShareClientInsights);
    }
}
