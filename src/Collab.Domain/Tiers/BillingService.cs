using NodaTime;

namespace Collab.Tiers;

/// <summary>Monthly statements per office (TIER-7).</summary>
public sealed class BillingService
{
    private readonly ITierStore _tiers;
    private readonly TierCatalogue _catalogue;
    private readonly Authorization.CollabAuthorization _access;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="tiers">Reads billable clients.</param>
    /// <param name="access">Checks who asks (SEC-3).</param>
    /// <param name="catalogue">Prices.</param>
    public BillingService(ITierStore tiers, TierCatalogue catalogue, Authorization.CollabAuthorization access)
    {
        _access = access;
        _tiers = tiers;
        _catalogue = catalogue;
    }

    /// <summary>
    /// The statement of an office for a month: one line per client for which work can be started in that
    /// month's calendar year, at its tier's price, plus its active client users beyond the included ones.
    /// </summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="month">The month.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The statement.</returns>
    public async Task<MonthlyStatement> MonthlyStatementAsync(ActingParty party, OfficeId office, YearMonth month, CancellationToken cancellationToken = default)
    {
        await _access.OfficeAsync(party, Authorization.CollabAction.ReadStatement, office, cancellationToken).ConfigureAwait(false);
        var rows = new List<StatementRow>();
        await foreach (var row in _tiers.StreamStatementRowsAsync(office, month.Year, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return MonthlyStatement.Compute(_catalogue, office, month, rows);
    }
}
