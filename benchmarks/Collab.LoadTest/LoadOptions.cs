using System.Globalization;

namespace Collab.LoadTest;

/// <summary>What to run: which setups, at which concurrency levels, for how long each, and the request cap per level.</summary>
internal sealed record LoadOptions(IReadOnlyList<string> Setups, IReadOnlyList<int> Levels, TimeSpan PerLevel, int MaxRequestsPerLevel, int Links, int Transfers, string Output)
{
    public static readonly string[] KnownSetups = ["sqlite", "postgres", "postgres-x2"];

    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        var setups = (Value("--setups") ?? string.Join(',', KnownSetups)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var setup in setups.Where(s => !KnownSetups.Contains(s)))
        {
            throw new ArgumentException($"Unknown setup '{setup}': use {string.Join(", ", KnownSetups)}.");
        }

        var levels = (Value("--levels") ?? "1,4,16,64").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var seconds = double.Parse(Value("--seconds") ?? "8", CultureInfo.InvariantCulture);
        var max = int.Parse(Value("--max-requests") ?? "100000", CultureInfo.InvariantCulture);
        // Enough one-time links and transfers that no level runs out (a worker that finds none reads the portal instead).
        var links = int.Parse(Value("--links") ?? "6000", CultureInfo.InvariantCulture);
        var transfers = int.Parse(Value("--transfers") ?? "1200", CultureInfo.InvariantCulture);
        return new LoadOptions(setups, levels, TimeSpan.FromSeconds(seconds), max, links, transfers, Value("--out") ?? Path.Combine("artifacts", "load"));
    }
}
