using System.Globalization;
using System.Text;
using Collab.Deliverables;
using Collab.Insights;
using static Collab.Samples.Web.Html;

namespace Collab.Samples.Web;

/// <summary>Server-rendered SVG charts from Collab's chart-ready series: nothing is fetched from outside the page.</summary>
internal static class Charts
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["revenue"] = "Omzet", ["gross-margin"] = "Brutomarge", ["operating-result"] = "Bedrijfsresultaat", ["net-result"] = "Nettoresultaat",
        ["equity"] = "Eigen vermogen", ["total-assets"] = "Balanstotaal", ["current-assets"] = "Vlottende activa", ["current-liabilities"] = "Kortlopende schulden",
        ["cash"] = "Liquide middelen", ["solvency"] = "Solvabiliteit (%)", ["current-ratio"] = "Current ratio", ["gross-margin-rate"] = "Brutomarge (%)",
        ["operating-margin"] = "Bedrijfsmarge (%)", ["net-margin"] = "Nettomarge (%)", ["bank-balance"] = "Banksaldo", ["costs"] = "Kosten",
    };

    public static string Label(string key) => Labels.GetValueOrDefault(key, key);

    /// <summary>One bar chart per series: the year before and the year, "n.v.t." where a ratio does not apply.</summary>
    public static string Dashboard(IReadOnlyList<ChartSeries> series)
    {
        var html = new StringBuilder("<div class=\"dashboard\">");
        foreach (var s in series)
        {
            var max = s.Points.Max(p => Math.Abs(p.Value ?? 0m));
            var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<svg class="chart" data-key="{E(s.Key)}" role="img" aria-label="{E(Label(s.Key))}" width="220" height="140" viewBox="0 0 220 140">""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="4" y="14" font-size="12">{E(Label(s.Key))}</text>""");
            for (var i = 0; i < s.Points.Count; i++)
            {
                var p = s.Points[i];
                var x = 30 + (i * 90);
                var height = max == 0 || p.Value is null ? 0 : (double)(Math.Abs(p.Value.Value) / max) * 80;
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{110 - height:0.#}" width="60" height="{height:0.#}" fill="{(p.Value < 0 ? "#B03A2E" : "#1A5276")}"/>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x}" y="124" font-size="11">{E(p.Label)}</text><text class="value" x="{x}" y="136" font-size="11">{E(Show(p.Value, s.Unit))}</text>""");
            }

            html.Append(svg).Append("</svg>");
        }

        return html.Append("</div>").ToString();
    }

    /// <summary>A line per series over the months, with a gap where a month is missing (never drawn as zero).</summary>
    public static string Months(InsightSeries series)
    {
        var values = series.Points.Select(p => p.Value).ToList();
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var (low, high) = known.Count == 0 ? (0m, 1m) : (Math.Min(0, known.Min()), Math.Max(known.Max(), 1m));
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<svg class="insight" data-measure="{E(series.Measure)}" data-source="{E(series.Source)}" width="420" height="120" viewBox="0 0 420 120">""");
        var path = new StringBuilder();
        var pen = false;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v)
            {
                pen = false; // a gap: lift the pen
                continue;
            }

            var x = 10 + (i * 400.0 / Math.Max(1, values.Count - 1));
            var y = 115 - (double)((v - low) / (high - low)) * 95;
            path.Append(CultureInfo.InvariantCulture, $"{(pen ? "L" : "M")}{x:0.#},{y:0.#} ");
            pen = true;
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="10" y="12" font-size="12">{E(Label(series.Measure))} ({E(series.Source)}, all companies)</text>""");
        return svg.Append(CultureInfo.InvariantCulture, $"""<path d="{path}" fill="none" stroke="#1A5276" stroke-width="2"/></svg>""").ToString();
    }

    public static string Show(decimal? value, ChartUnit unit) => value is not { } v
        ? "n.v.t."
        : unit switch
        {
            ChartUnit.Percent => v.ToString("0.0", CultureInfo.GetCultureInfo("nl-NL")) + " %",
            ChartUnit.Ratio => v.ToString("0.00", CultureInfo.GetCultureInfo("nl-NL")),
            _ => "€ " + v.ToString("N0", CultureInfo.GetCultureInfo("nl-NL")),
        };
}
