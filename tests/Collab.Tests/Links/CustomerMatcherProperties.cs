using Collab.Links;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Collab.Tests.Links;

/// <summary>LINK-5 as properties over random customer sets: reused numbers, duplicate names, Unicode and white-space variants.</summary>
public sealed class CustomerMatcherProperties
{
    // Few distinct names and numbers, so collisions are common; "é" precomposed and decomposed, odd spaces, case.
    private static readonly string[] Names =
        ["Bakker", "bakker", "Bakker ", "  Bakker", "Bak ker", "Bak\u00A0ker", "Bak  ker", "Caf\u00E9 Noord", "Cafe\u0301 Noord", "Jansen", "Jansen\t", "Smit", "", "Ünal", "U\u0308nal"];

    private static readonly string[] Numbers = ["100", " 100", "100 ", "200", "300", "", " ", "A-1"];

    private static Gen<List<SyncRecord>> Customers(string prefix) =>
        from size in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 12)), (1, Gen.Choose(40, 80)))
        from picks in Gen.ListOf(Gen.Zip(Gen.Elements(Names), Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(Numbers).Select(n => (string?)n))), size)
        select picks.Select((p, i) => new SyncRecord(SyncEntityKind.Customer, $"{prefix}{i}", 1, p.Item1, p.Item2)).ToList();

    private static readonly Gen<(List<SyncRecord> App, List<SyncRecord> Existing, int Seed)> Cases =
        from app in Customers("a")
        from existing in Customers("b")
        from seed in Gen.Choose(0, int.MaxValue)
        select (app, existing, seed);

    // R: LINK-5
    [Property(MaxTest = 1500)]
    public Property LINK5_matching_never_duplicates_an_existing_customer_never_merges_two_and_does_not_depend_on_order()
    {
        return Prop.ForAll(Arb.From(Cases), c =>
        {
            var matches = CustomerMatcher.Match(c.App, c.Existing);
            var existingById = c.Existing.ToDictionary(e => e.Id);
            var appById = c.App.ToDictionary(a => a.Id);
            string? Number(SyncRecord r) => string.IsNullOrWhiteSpace(r.Number) ? null : r.Number.Trim();

            // One result per app customer.
            var complete = matches.Select(m => m.AppCustomerId).Order(StringComparer.Ordinal).SequenceEqual(c.App.Select(a => a.Id).Order(StringComparer.Ordinal));

            // A new customer is never a duplicate: no existing customer shares its number or its normalized name.
            var noDuplicates = matches.Where(m => m.Outcome == MatchOutcome.New).All(m =>
                c.Existing.All(e => (Number(e) is null || Number(e) != Number(appById[m.AppCustomerId]))
                                    && CustomerMatcher.NormalizeName(e.Name) != CustomerMatcher.NormalizeName(appById[m.AppCustomerId].Name)));

            // A match is justified by number, or by name when the number finds nothing; never two app customers on one.
            var justified = matches.Where(m => m.Outcome == MatchOutcome.Matched).All(m =>
            {
                var app = appById[m.AppCustomerId];
                var target = existingById[m.BookkeepingId!];
                return (Number(app) is { } n && Number(target) == n)
                       || (c.Existing.All(e => Number(app) is null || Number(e) != Number(app)) && CustomerMatcher.NormalizeName(target.Name) == CustomerMatcher.NormalizeName(app.Name));
            });
            var neverMerged = matches.Where(m => m.BookkeepingId is not null).GroupBy(m => m.BookkeepingId).All(g => g.Count() == 1);

            // Undecided outcomes name real candidates, at least one.
            var candidatesReal = matches.Where(m => m.Outcome is MatchOutcome.Ambiguous or MatchOutcome.Conflicting)
                .All(m => m.BookkeepingId is null && m.Candidates.Count >= 1 && m.Candidates.All(existingById.ContainsKey));

            // Any order of either list gives the same answer.
            var random = new Random(c.Seed);
            var shuffled = CustomerMatcher.Match(c.App.OrderBy(_ => random.Next()).ToList(), c.Existing.OrderBy(_ => random.Next()).ToList());
            var orderFree = shuffled.OrderBy(m => m.AppCustomerId, StringComparer.Ordinal)
                .SequenceEqual(matches.OrderBy(m => m.AppCustomerId, StringComparer.Ordinal), MatchComparer.Instance);

            return complete && noDuplicates && justified && neverMerged && candidatesReal && orderFree;
        });
    }

    // R: LINK-5
    [Theory]
    [InlineData("a unique number with the same name", "Bakker|100", "Bakker|100;Jansen|200", "Matched:b0:")]
    [InlineData("a unique number, another customer's name", "Jansen|100", "Bakker|100;Jansen|200", "Conflicting::b0,b1")]
    [InlineData("a unique number, a name nobody has", "Smit|100", "Bakker|100;Jansen|200", "Matched:b0:")]
    [InlineData("a number two customers share", "Bakker|100", "Bakker|100;Baker|100", "Ambiguous::b0,b1")]
    [InlineData("no number, one customer with the name", "Jansen|", "Bakker|100;Jansen|200", "Matched:b1:")]
    [InlineData("no number, two with the name", "Jansen|", "Jansen|200;Jansen|300", "Ambiguous::b0,b1")]
    [InlineData("no number, nobody with the name", "Smit|", "Bakker|100;Jansen|200", "New::")]
    [InlineData("a number nobody has, one with the name", "Jansen|999", "Bakker|100;Jansen|200", "Matched:b1:")]
    public void LINK5_each_kind_of_customer_gets_its_own_outcome(string situation, string app, string existing, string expected)
    {
        static List<SyncRecord> Parse(string list, string prefix) => list.Split(';').Select((c, i) =>
        {
            var parts = c.Split('|');
            return new SyncRecord(SyncEntityKind.Customer, $"{prefix}{i}", 1, parts[0], parts[1].Length == 0 ? null : parts[1]);
        }).ToList();

        var match = Assert.Single(CustomerMatcher.Match(Parse(app, "a"), Parse(existing, "b")));

        Assert.True($"{match.Outcome}:{match.BookkeepingId}:{string.Join(",", match.Candidates)}" == expected, $"{situation}: {match}");
    }

    // R: LINK-5
    [Fact]
    public void LINK5_two_app_customers_that_would_land_on_one_existing_customer_are_both_reported_not_merged()
    {
        var matches = CustomerMatcher.Match(
            [new SyncRecord(SyncEntityKind.Customer, "a0", 1, "Bakker", "100"), new SyncRecord(SyncEntityKind.Customer, "a1", 1, "Bakker B.V.", "100")],
            [new SyncRecord(SyncEntityKind.Customer, "b0", 1, "Bakker", "100")]);

        Assert.All(matches, m => Assert.Equal((MatchOutcome.Ambiguous, (string?)null, "b0"), (m.Outcome, m.BookkeepingId, string.Join(",", m.Candidates))));
    }

    // R: LINK-5
    [Fact]
    public void LINK5_names_match_exactly_after_unicode_and_white_space_normalization_but_case_still_counts()
    {
        Assert.Equal("Café Noord", CustomerMatcher.NormalizeName("  Cafe\u0301   Noord\t"));
        Assert.Equal("Bak ker", CustomerMatcher.NormalizeName("Bak\u00A0ker"));
        var matches = CustomerMatcher.Match(
            [new SyncRecord(SyncEntityKind.Customer, "a1", 1, "bakker"), new SyncRecord(SyncEntityKind.Customer, "a2", 1, "Café  Noord ")],
            [new SyncRecord(SyncEntityKind.Customer, "b1", 1, "Bakker"), new SyncRecord(SyncEntityKind.Customer, "b2", 1, "Cafe\u0301 Noord")]);

        Assert.Equal(MatchOutcome.New, matches[0].Outcome);
        Assert.Equal(("b2", MatchOutcome.Matched), (matches[1].BookkeepingId, matches[1].Outcome));
    }

    // R: LINK-5
    [Fact]
    public void LINK5_a_repeated_bookkeeping_id_is_never_guessed_between()
    {
        var twice = new[] { new SyncRecord(SyncEntityKind.Customer, "x", 1, "A"), new SyncRecord(SyncEntityKind.Customer, "x", 2, "A") };

        var match = Assert.Single(CustomerMatcher.Match([new SyncRecord(SyncEntityKind.Customer, "a", 1, "A")], twice));
        Assert.Equal(MatchOutcome.Ambiguous, match.Outcome);
        Assert.Equal(["x"], match.Candidates);
    }

    private sealed class MatchComparer : IEqualityComparer<CustomerMatch>
    {
        public static readonly MatchComparer Instance = new();

        public bool Equals(CustomerMatch? x, CustomerMatch? y) =>
            x!.AppCustomerId == y!.AppCustomerId && x.Outcome == y.Outcome && x.BookkeepingId == y.BookkeepingId && x.Candidates.SequenceEqual(y.Candidates);

        public int GetHashCode(CustomerMatch obj) => obj.AppCustomerId.GetHashCode(StringComparison.Ordinal);
    }
}
