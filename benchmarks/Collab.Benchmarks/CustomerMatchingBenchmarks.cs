using BenchmarkDotNet.Attributes;
using Collab.Links;

namespace Collab.Benchmarks;

/// <summary>
/// LINK-5: matching N app customers against N bookkeeping customers (10 000, 100 000 and 1 000 000; CI runs the
/// last two, the sizes the target is set for). Baseline: one pass building a dictionary of existing customers by number and one pass looking each app
/// customer up, the least any matcher must do. Collab also indexes names (Unicode-normalized), falls back to names,
/// detects ambiguity, conflicts and double claims, and returns results sorted by app id so they are order-independent.
/// A third of the app customers match by number, a third by name only, a third are new.
/// </summary>
[Config(typeof(LargeOperationConfig))]
public class CustomerMatchingBenchmarks
{
    private List<SyncRecord> _app = [];
    private List<SyncRecord> _existing = [];

    public static IEnumerable<int> Sizes => CollabBenchmarkConfig.CiMode ? [100_000, 1_000_000] : [10_000, 100_000, 1_000_000];

    [ParamsSource(nameof(Sizes))]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _existing = Enumerable.Range(0, Customers)
            .Select(i => new SyncRecord(SyncEntityKind.Customer, $"b{i}", 1, $"Klant {i} B.V.", $"{100_000 + i}"))
            .ToList();
        _app = Enumerable.Range(0, Customers)
            .Select(i => (i % 3) switch
            {
                0 => new SyncRecord(SyncEntityKind.Customer, $"a{i}", 1, $"Klant {i}", $"{100_000 + i}"),          // by number
                1 => new SyncRecord(SyncEntityKind.Customer, $"a{i}", 1, $"Klant  {i} B.V."),                       // by name (extra space)
                _ => new SyncRecord(SyncEntityKind.Customer, $"a{i}", 1, $"Nieuwe klant {i}", $"N{i}"),            // new
            })
            .ToList();
    }

    [Benchmark(Baseline = true, Description = "single-pass dictionary by number")]
    public int Dictionary()
    {
        var byNumber = new Dictionary<string, string>(_existing.Count, StringComparer.Ordinal);
        foreach (var customer in _existing)
        {
            byNumber[customer.Number!] = customer.Id;
        }

        var matched = 0;
        foreach (var customer in _app)
        {
            if (customer.Number is not null && byNumber.ContainsKey(customer.Number))
            {
                matched++;
            }
        }

        return matched;
    }

    // The floor of any matcher that honours LINK-5's "by number, else by exact name": both indexes built and both
    // looked up, nothing decided and nothing returned. What Collab spends above this row is the rule itself.
    [Benchmark(Description = "floor: two dictionaries (number and normalized name), lookups only")]
    public int TwoIndexes()
    {
        var byNumber = new Dictionary<string, int>(_existing.Count, StringComparer.Ordinal);
        var byName = new Dictionary<string, int>(_existing.Count, StringComparer.Ordinal);
        for (var i = 0; i < _existing.Count; i++)
        {
            byNumber[_existing[i].Number!] = i;
            byName[CustomerMatcher.NormalizeName(_existing[i].Name)] = i;
        }

        var found = 0;
        foreach (var customer in _app)
        {
            if (byName.ContainsKey(CustomerMatcher.NormalizeName(customer.Name)))
            {
                found++;
            }

            if (customer.Number is not null && byNumber.ContainsKey(customer.Number))
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark(Description = "Collab CustomerMatcher.Match")]
    public int Collab() => CustomerMatcher.Match(_app, _existing).Count(m => m.Outcome == MatchOutcome.Matched);
}
