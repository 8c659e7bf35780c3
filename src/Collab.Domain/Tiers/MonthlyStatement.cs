using NodaTime;

namespace Collab.Tiers;

/// <summary>What the statement of a month needs of one client the office collaborated with on some day of it (TIER-7).</summary>
/// <param name="Client">The client.</param>
/// <param name="ClientName">Its name, for the line.</param>
/// <param name="Tier">The highest tier it held at the office on any day of the month.</param>
/// <param name="ActiveClientUsers">Its client users that were active on any day of the month.</param>
public readonly record struct StatementRow(ClientId Client, string ClientName, ClientTier Tier, int ActiveClientUsers);

/// <summary>One line of a monthly statement: a billable client at its tier price, plus its extra client users.</summary>
/// <param name="Client">The client.</param>
/// <param name="ClientName">Its name.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="TierPrice">The tier's price per month, euro.</param>
/// <param name="ExtraClientUsers">Client users active in the month beyond the included ones.</param>
/// <param name="ExtraClientUserPrice">Price per extra user per month, euro (zero when there are none).</param>
/// <param name="Amount">Tier price plus extra users times their price, euro.</param>
public sealed record StatementLine(ClientId Client, string ClientName, ClientTier Tier, decimal TierPrice, int ExtraClientUsers, decimal ExtraClientUserPrice, decimal Amount);

/// <summary>
/// An office's monthly statement (TIER-7): one line per client billed for the month, amounts in euro as
/// <see cref="decimal"/>. Lines are ordered by client name, then id, so the same data always gives the same statement.
/// Computed from the history of tiers and client users, or, once the month is issued, exactly as it was issued
/// (<see cref="IssuedAt"/>).
/// </summary>
/// <param name="Office">The office billed.</param>
/// <param name="Month">The month billed.</param>
/// <param name="Lines">One line per billable client.</param>
/// <param name="Total">The sum of the lines' amounts.</param>
public sealed record MonthlyStatement(OfficeId Office, YearMonth Month, IReadOnlyList<StatementLine> Lines, decimal Total)
{
    /// <summary>When the office issued (closed) the month; null while it is computed from the history.</summary>
    public Instant? IssuedAt { get; init; }

    /// <summary>Computes a statement from rows in any order: pure, and the same whatever order the rows come in.</summary>
    /// <param name="catalogue">Prices and included users; the month is billed at the prices valid in it (<see cref="TierCatalogue.PricesFor"/>).</param>
    /// <param name="office">The office.</param>
    /// <param name="month">The month.</param>
    /// <param name="rows">The billable clients.</param>
    /// <returns>The statement.</returns>
    public static MonthlyStatement Compute(TierCatalogue catalogue, OfficeId office, YearMonth month, IEnumerable<StatementRow> rows)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rows);
        var prices = catalogue.PricesFor(month);
        var lines = new List<StatementLine>();
        foreach (var row in rows)
        {
            var price = prices.MonthlyPrice(row.Tier);
            var extraPrice = prices.ExtraClientUserPrice(row.Tier) ?? 0m;
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

    /// <summary>
    /// The statement as a person reads it, in Dutch or English (TXT-1): a heading with the month ("november 2026"), one
    /// line per client by name with its tier and amount ("€ 1,10" in Dutch, "€1.10" in English), and the total.
    /// </summary>
    /// <param name="texts">Collab's texts (with the vendor's overrides).</param>
    /// <param name="culture">Dutch or English; others read English.</param>
    /// <returns>The lines of text, heading first and total last.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyList<string> Render(Texts.CollabTexts texts, System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(culture);
        var language = Texts.CollabTexts.LanguageFor(culture.Name);
        var rendered = new List<string>(Lines.Count + 2) { texts.Render("statement.heading", language, FormatMonth(Month, language)) };
        foreach (var line in Lines)
        {
            var tier = new Texts.TextRef("tier.name." + line.Tier);
            rendered.Add(line.ExtraClientUsers > 0
                ? texts.Render("statement.line-extra-users", language, line.ClientName, tier, FormatEuro(line.Amount, language), line.ExtraClientUsers, FormatEuro(line.ExtraClientUserPrice, language))
                : texts.Render("statement.line", language, line.ClientName, tier, FormatEuro(line.Amount, language)));
        }

        rendered.Add(texts.Render("statement.total", language, FormatEuro(Total, language)));
        return rendered;
    }

    /// <summary>An amount in euro as a reader of the language writes it: "€ 1.234,10" in Dutch, "€1,234.10" in English.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="culture">Dutch or English.</param>
    /// <returns>The text.</returns>
    public static string FormatEuro(decimal amount, System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var language = Texts.CollabTexts.LanguageFor(culture.Name);
        var number = Math.Abs(amount).ToString("#,##0.00", language);
        var sign = amount < 0 ? "-" : string.Empty;
        return language.Name == Texts.CollabTexts.Dutch.Name ? $"€ {sign}{number}" : $"{sign}€{number}";
    }

    /// <summary>A month as a reader of the language writes it: "november 2026" in Dutch, "November 2026" in English.</summary>
    /// <param name="month">The month.</param>
    /// <param name="culture">Dutch or English.</param>
    /// <returns>The text.</returns>
    public static string FormatMonth(YearMonth month, System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var language = Texts.CollabTexts.LanguageFor(culture.Name);
        return month.OnDayOfMonth(1).ToString("MMMM yyyy", language);
    }
}
