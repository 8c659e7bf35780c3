using NodaTime;

namespace Collab.Tiers;

/// <summary>
/// A month's statement as an office issued (closed) it (TIER-7): its lines and total are stored as they were, so reading
/// it again returns exactly what was sent, whatever changes later — tiers, users, client names or the catalogue's prices.
/// One per office and month.
/// </summary>
public sealed class IssuedStatement : AggregateRoot
{
    private readonly List<IssuedStatementLine> _lines = [];

    private IssuedStatement()
    {
    }

    /// <summary>The office.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The year of the month.</summary>
    public int Year { get; private set; }

    /// <summary>The month of the year, 1 to 12.</summary>
    public int Month { get; private set; }

    /// <summary>When it was issued.</summary>
    public Instant IssuedAt { get; private set; }

    /// <summary>The total, euro.</summary>
    public decimal Total { get; private set; }

    /// <summary>The lines, in the statement's order.</summary>
    public IReadOnlyList<IssuedStatementLine> Lines => _lines;

    /// <summary>The statement as it was issued.</summary>
    /// <returns>The statement, with <see cref="MonthlyStatement.IssuedAt"/> set.</returns>
    public MonthlyStatement ToStatement() =>
        new(OfficeId, new YearMonth(Year, Month),
            [.. _lines.OrderBy(l => l.Position).Select(l => new StatementLine(l.ClientId, l.ClientName, l.Tier, l.TierPrice, l.ExtraClientUsers, l.ExtraClientUserPrice, l.Amount))],
            Total)
        { IssuedAt = IssuedAt };

    internal static IssuedStatement Issue(MonthlyStatement statement, Actor actor, Instant now)
    {
        var issued = new IssuedStatement { OfficeId = statement.Office, Year = statement.Month.Year, Month = statement.Month.Month, IssuedAt = now, Total = statement.Total };
        for (var i = 0; i < statement.Lines.Count; i++)
        {
            var line = statement.Lines[i];
            issued._lines.Add(new IssuedStatementLine(i, line.Client, line.ClientName, line.Tier, line.TierPrice, line.ExtraClientUsers, line.ExtraClientUserPrice, line.Amount));
        }

        issued.Raise(new StatementIssued(now, actor, statement.Office, statement.Month, statement.Lines.Count, statement.Total));
        return issued;
    }
}

/// <summary>One stored line of an <see cref="IssuedStatement"/>.</summary>
/// <param name="Position">Its place in the statement, from 0.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name when it was issued.</param>
/// <param name="Tier">The tier billed.</param>
/// <param name="TierPrice">The tier's price, euro.</param>
/// <param name="ExtraClientUsers">Extra client users billed.</param>
/// <param name="ExtraClientUserPrice">Price per extra user, euro.</param>
/// <param name="Amount">The line's amount, euro.</param>
public sealed record IssuedStatementLine(int Position, ClientId ClientId, string ClientName, ClientTier Tier, decimal TierPrice, int ExtraClientUsers, decimal ExtraClientUserPrice, decimal Amount);

/// <summary>An office issued a month's statement (AUD-1, TIER-7).</summary>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="OfficeId">The office.</param>
/// <param name="Month">The month.</param>
/// <param name="LineCount">How many lines.</param>
/// <param name="Total">The total, euro.</param>
public sealed record StatementIssued(Instant OccurredAt, Actor Actor, OfficeId OfficeId, YearMonth Month, int LineCount, decimal Total) : IAuditedEvent
{
    /// <inheritdoc />
    public AuditAction Action => AuditAction.StatementIssued;

    /// <inheritdoc />
    public AuditSubject Subject => AuditSubject.Office(OfficeId);

    /// <inheritdoc />
    public string Details => FormattableString.Invariant($"month={Month:yyyy-MM};lines={LineCount};total={Total:0.00}");
}
