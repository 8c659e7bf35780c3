using NodaTime;

namespace Collab.Tiers;

/// <summary>What the statement needs of one billable client.</summary>
/// <param name="Client">The client.</param>
/// <param name="ClientName">Its name, for the line.</param>
/// <param name="Tier">Its tier at the office.</param>
/// <param name="ActiveClientUsers">Its active client users now.</param>
public readonly record struct StatementRow(ClientId Client, string ClientName, ClientTier Tier, int ActiveClientUsers);

/// <summary>One line of a monthly statement: a billable client at its tier price, plus its extra client users.</summary>
/// <param name="Client">The client.</param>
/// <param name="ClientName">Its name.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="TierPrice">The tier's price per month, euro.</param>
/// <param name="ExtraClientUsers">Active client users beyond the included ones.</param>
/// <param name="ExtraClientUserPrice">Price per extra user per month, euro (zero when there are none).</param>
/// <param name="Amount">Tier price plus extra users times their price, euro.</param>
public sealed record StatementLine(ClientId Client, string ClientName, ClientTier Tier, decimal TierPrice, int ExtraClientUsers, decimal ExtraClientUserPrice, decimal Amount);

/// <summary>
/// An office's monthly statement (TIER-7): one line per billable client, amounts in euro as <see cref="decimal"/>.
/// Lines are ordered by client name, then id, so the same data always gives the same statement.
/// </summary>
/// <param name="Office">The office billed.</param>
/// <param name="Month">The month billed.</param>
/// <param name="Lines">One line per billable client.</param>
/// <param name="Total">The sum of the lines' amounts.</param>
public sealed record MonthlyStatement(OfficeId Office, YearMonth Month, IReadOnlyList<StatementLine> Lines, decimal Total)
{
    /// <summary>Computes a statement from rows in any order: pure, and the same whatever order the rows come in.</summary>
    /// <param name="catalogue">Prices and included users.</param>
    /// <param name="office">The office.</param>
    /// <param name="month">The month.</param>
    /// <param name="rows">The billable clients.</param>
    /// <returns>The statement.</returns>
    public static MonthlyStatement Compute(TierCatalogue catalogue, OfficeId office, YearMonth month, IEnumerable<StatementRow> rows)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rows);
        var lines = new List<StatementLine>();
        foreach (var row in rows)
        {
            var price = catalogue.MonthlyPrice(row.Tier);
            var extraPrice = catalogue.ExtraClientUserPrice(row.Tier) ?? 0m;
            var extraUsers = extraPrice > 0 ? Math.Max(0, row.ActiveClientUsers - catalogue.IncludedClientUsers(row.Tier)) : 0;
            lines.Add(new StatementLine(row.Client, row.ClientName, row.Tier, price, extraUsers, extraUsers > 0 ? extraPrice : 0m, price + (extraUsers * extraPrice)));
        }

        lines.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.ClientName, b.ClientName);
            return byName != 0 ? byName : a.Client.Value.CompareTo(b.Client.Value);
        });

        var total = 0m;
        foreach (var line in lines)
        {
            total += line.Amount;
        }

        return new MonthlyStatement(office, month, lines, total);
    }
}
