using Collab.Tiers;
using System.Globalization;

namespace Collab.Deliverables;

/// <summary>
/// What an office shares with a client (SHARE-13): an annual report (the annual-report line) or one of the tax
/// returns (the fiscal line). Every kind follows the same workflow; the client's one tier (TIER-3) picks the channel.
/// </summary>
public enum DeliverableKind
{
    /// <summary>The annual report (jaarrekening), for a financial year.</summary>
    AnnualReport = 1,

    /// <summary>The income-tax return (aangifte inkomstenbelasting), for a year.</summary>
    IncomeTaxReturn = 2,

    /// <summary>The corporate-tax return (aangifte vennootschapsbelasting), for a financial year.</summary>
    CorporateTaxReturn = 3,

    /// <summary>The VAT return (btw-aangifte), for a month or a quarter.</summary>
    VatReturn = 4,
}

/// <summary>How long a <see cref="ReportingPeriod"/> is.</summary>
public enum PeriodLength
{
    /// <summary>A financial year.</summary>
    Year = 1,

    /// <summary>A calendar quarter (1 … 4).</summary>
    Quarter = 2,

    /// <summary>A calendar month (1 … 12).</summary>
    Month = 3,
}

/// <summary>
/// The financial year, quarter or month a deliverable is about. Invariant: <see cref="Year"/> is 1900 … 9999 and
/// <see cref="Number"/> is 0 for a year, 1 … 4 for a quarter and 1 … 12 for a month; the factories refuse anything else.
/// </summary>
public readonly record struct ReportingPeriod
{
    private ReportingPeriod(PeriodLength length, int year, int number) => (Length, Year, Number) = (length, year, number);

    /// <summary>Year, quarter or month.</summary>
    public PeriodLength Length { get; }

    /// <summary>The (financial) year the period belongs to.</summary>
    public int Year { get; }

    /// <summary>The quarter or month within the year; 0 for a year.</summary>
    public int Number { get; }

    /// <summary>A financial year.</summary>
    /// <param name="year">1900 … 9999.</param>
    /// <returns>The period.</returns>
    /// <exception cref="CollabRefusalException">The year is out of range.</exception>
    public static ReportingPeriod FinancialYear(int year) => Of(PeriodLength.Year, year, 0);

    /// <summary>A calendar quarter.</summary>
    /// <param name="year">1900 … 9999.</param>
    /// <param name="quarter">1 … 4.</param>
    /// <returns>The period.</returns>
    /// <exception cref="CollabRefusalException">The year or quarter is out of range.</exception>
    public static ReportingPeriod Quarter(int year, int quarter) => Of(PeriodLength.Quarter, year, quarter);

    /// <summary>A calendar month.</summary>
    /// <param name="year">1900 … 9999.</param>
    /// <param name="month">1 … 12.</param>
    /// <returns>The period.</returns>
    /// <exception cref="CollabRefusalException">The year or month is out of range.</exception>
    public static ReportingPeriod Month(int year, int month) => Of(PeriodLength.Month, year, month);

    /// <summary>The period from its stored parts (for stores), checked like the factories.</summary>
    /// <param name="length">Year, quarter or month.</param>
    /// <param name="year">The year.</param>
    /// <param name="number">The quarter or month; 0 for a year.</param>
    /// <returns>The period.</returns>
    /// <exception cref="CollabRefusalException">The parts do not make a period.</exception>
    public static ReportingPeriod Of(PeriodLength length, int year, int number)
    {
        var most = length switch { PeriodLength.Year => 0, PeriodLength.Quarter => 4, PeriodLength.Month => 12, _ => -1 };
        var valid = most >= 0 && year is >= 1900 and <= 9999 && (length == PeriodLength.Year ? number == 0 : number >= 1 && number <= most);
        return valid
            ? new ReportingPeriod(length, year, number)
            : throw CollabRefusals.DeliverablePeriodInvalid(length, year, number);
    }

    /// <summary>The period as the office writes it: 2025, 2025-Q3 or 2025-11.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Length switch
    {
        PeriodLength.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}"),
        PeriodLength.Month => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Number:00}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>What the deliverable kinds mean: their service line, the periods they cover and their default titles.</summary>
public static class DeliverableKinds
{
    /// <summary>The service line a kind belongs to: the annual report to the annual-report line, the returns to the fiscal line.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The line.</returns>
    public static ServiceLine Line(this DeliverableKind kind) => kind == DeliverableKind.AnnualReport ? ServiceLine.AnnualReport : ServiceLine.Fiscal;

    /// <summary>The kinds of one service line.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The kinds.</returns>
    public static IReadOnlyList<DeliverableKind> Of(ServiceLine line) => line == ServiceLine.AnnualReport
        ? [DeliverableKind.AnnualReport]
        : [DeliverableKind.IncomeTaxReturn, DeliverableKind.CorporateTaxReturn, DeliverableKind.VatReturn];

    /// <summary>Checks that a kind covers a period of this length: VAT a month or quarter, the others a year.</summary>
    internal static void Check(DeliverableKind kind, ReportingPeriod period)
    {
        if (!Enum.IsDefined(kind))
        {
            throw CollabRefusals.DeliverableKindUnknown(kind, string.Join(", ", Enum.GetNames<DeliverableKind>()));
        }

        var fits = kind == DeliverableKind.VatReturn ? period.Length is PeriodLength.Month or PeriodLength.Quarter : period.Length == PeriodLength.Year;
        if (period == default || !fits)
        {
            throw new CollabRefusalException(Refuse.Keyed(RefusalKind.InvalidInput, "deliverable.period-mismatch",
                kind == DeliverableKind.VatReturn ? "deliverable.vat-period-mismatch" : "deliverable.period-mismatch", "SHARE-13", kind, period.ToString()));
        }
    }

    /// <summary>The title used when the office gives none, in Dutch as the client reads it.</summary>
    internal static string DefaultTitle(DeliverableKind kind, ReportingPeriod period) => kind switch
    {
        DeliverableKind.AnnualReport => $"Jaarrekening {period}",
        DeliverableKind.IncomeTaxReturn => $"Aangifte inkomstenbelasting {period}",
        DeliverableKind.CorporateTaxReturn => $"Aangifte vennootschapsbelasting {period}",
        _ => $"Btw-aangifte {period}",
    };
}
