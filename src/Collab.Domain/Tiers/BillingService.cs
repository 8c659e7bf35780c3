using Collab.Authorization;
using Collab.Registry;
using NodaTime;

namespace Collab.Tiers;

/// <summary>Monthly statements per office (TIER-7): computed from the history of tiers and client users, and issued (closed) by the office.</summary>
public sealed class BillingService
{
    private readonly ITierStore _tiers;
    private readonly TierCatalogue _catalogue;
    private readonly CollabAuthorization _access;
    private readonly OfficeZones _zones;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="tiers">Reads the history and issued statements.</param>
    /// <param name="catalogue">Prices, per month.</param>
    /// <param name="access">Checks who asks (SEC-3).</param>
    /// <param name="zones">The office's zone: the month's first and last instant in it.</param>
    /// <param name="unitOfWork">Saves issued statements.</param>
    /// <param name="clock">The clock: a month can be issued once it is over.</param>
    public BillingService(ITierStore tiers, TierCatalogue catalogue, CollabAuthorization access, OfficeZones zones, ICollabUnitOfWork unitOfWork, IClock clock)
    {
        _access = access;
        _tiers = tiers;
        _catalogue = catalogue;
        _zones = zones;
        _unitOfWork = unitOfWork;
        _clock = clock;
    }

    /// <summary>
    /// The statement of an office for a month (TIER-7). Once the office issued the month, exactly the statement it issued;
    /// before that, computed from the history: one line per client the office collaborated with on any day of the month
    /// (a collaboration starting or ending in it counts), at the highest tier the client held on any day of it, plus the
    /// client users beyond the included ones that were active on any day of it, at the prices valid in the month — days
    /// in the office's time zone. A month that is over reads the same whatever is changed afterwards.
    /// </summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3): the office's own users.</param>
    /// <param name="office">The office.</param>
    /// <param name="month">The month.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The statement; <see cref="MonthlyStatement.IssuedAt"/> is set when it is the issued one.</returns>
    /// <exception cref="CollabRefusalException">The party may not read the office's statements, or the office is unknown (both <c>access.refused</c>).</exception>
    public async Task<MonthlyStatement> MonthlyStatementAsync(ActingParty party, OfficeId office, YearMonth month, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadStatement, office, cancellationToken).ConfigureAwait(false);
        if (await _tiers.FindIssuedStatementAsync(office, month, cancellationToken).ConfigureAwait(false) is { } issued)
        {
            return issued.ToStatement();
        }

        var (from, until) = await MonthRangeAsync(office, month, cancellationToken).ConfigureAwait(false);
        return await ComputeAsync(office, month, from, until, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Issues (closes) a month's statement (TIER-7): computes it from the history and stores it with its lines and total,
    /// so that reading it again returns exactly this, even after tiers, users or the catalogue's prices change. Issuing a
    /// month that is already issued returns the statement issued first and changes nothing.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3): the office's own users.</param>
    /// <param name="office">The office.</param>
    /// <param name="month">The month; it must be over in the office's time zone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The issued statement.</returns>
    /// <exception cref="CollabRefusalException">
    /// The party may not issue the office's statements (<c>access.refused</c>); the month is not over yet
    /// (<c>statement.month-not-over</c>); or another request issued it at the same moment (a concurrency conflict: read it).
    /// </exception>
    public async Task<MonthlyStatement> IssueStatementAsync(ActingParty party, OfficeId office, YearMonth month, CancellationToken cancellationToken = default)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.IssueStatement, office, cancellationToken).ConfigureAwait(false)).Actor;
        if (await _tiers.FindIssuedStatementAsync(office, month, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier.ToStatement();
        }

        var (from, until) = await MonthRangeAsync(office, month, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        if (now < until)
        {
            throw CollabRefusals.StatementMonthNotOver(MonthlyStatement.FormatMonth(month, Texts.CollabTexts.English), until);
        }

        var statement = await ComputeAsync(office, month, from, until, cancellationToken).ConfigureAwait(false);
        var issued = IssuedStatement.Issue(statement, actor, now);
        _unitOfWork.Add(issued);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return issued.ToStatement();
    }

    private async Task<MonthlyStatement> ComputeAsync(OfficeId office, YearMonth month, Instant from, Instant until, CancellationToken cancellationToken)
    {
        var rows = new List<StatementRow>();
        await foreach (var row in _tiers.StreamStatementRowsAsync(office, from, until, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return MonthlyStatement.Compute(_catalogue, office, month, rows);
    }

    private async Task<(Instant From, Instant Until)> MonthRangeAsync(OfficeId office, YearMonth month, CancellationToken cancellationToken)
    {
        var zone = await _zones.ZoneOfAsync(office, cancellationToken).ConfigureAwait(false);
        return (zone.AtStartOfDay(month.OnDayOfMonth(1)).ToInstant(), zone.AtStartOfDay(month.PlusMonths(1).OnDayOfMonth(1)).ToInstant());
    }
}
