using System.Text;

namespace Collab.Links;

/// <summary>How an app customer was matched on first link (LINK-5).</summary>
public enum MatchOutcome
{
    /// <summary>Matched to exactly one existing customer, by number or else by exact name.</summary>
    Matched = 1,

    /// <summary>No existing customer has its number or name: it is created.</summary>
    New = 2,

    /// <summary>Two or more existing customers fit (or another app customer claims the same one): reported, never guessed.</summary>
    Ambiguous = 3,

    /// <summary>The number points to one existing customer and the name to another: reported, never guessed.</summary>
    Conflicting = 4,
}

/// <summary>The match of one app customer.</summary>
/// <param name="AppCustomerId">The app's id of the customer.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="BookkeepingId">The existing customer it matched, for <see cref="MatchOutcome.Matched"/>.</param>
/// <param name="Candidates">The existing customers that fit, for <see cref="MatchOutcome.Ambiguous"/> and <see cref="MatchOutcome.Conflicting"/>, sorted.</param>
public sealed record CustomerMatch(string AppCustomerId, MatchOutcome Outcome, string? BookkeepingId, IReadOnlyList<string> Candidates);

/// <summary>
/// Matches an app's customers to the bookkeeping's existing customers on first link (LINK-5): by customer number,
/// else by exact name, so no duplicate arises; two candidates are reported, never guessed. Deterministic (the
/// result does not depend on the order of either list) and linear in the number of customers.
/// </summary>
/// <remarks>
/// Numbers are compared after trimming. Names are "exact" after Unicode NFC normalization, trimming and collapsing
/// runs of white space to one space; case counts ("Bakker" and "bakker" are different names), so two customers
/// whose names differ only in case are never merged.
/// </remarks>
public static class CustomerMatcher
{
    /// <summary>Matches every app customer.</summary>
    /// <param name="appCustomers">The app's customers, with distinct ids (a repeated id gets one result per occurrence).</param>
    /// <param name="existing">The bookkeeping's customers.</param>
    /// <returns>One match per app customer, in the order given; each one's outcome does not depend on the order of either list.</returns>
    // Matching runs once per link setup, over up to millions of customers: compiled fully optimized from the first
    // call, since a one-off batch never lives long enough for tiered compilation to catch up.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<CustomerMatch> Match(IReadOnlyCollection<SyncRecord> appCustomers, IReadOnlyCollection<SyncRecord> existing)
    {
        ArgumentNullException.ThrowIfNull(appCustomers);
        ArgumentNullException.ThrowIfNull(existing);

        // Existing customers are addressed by position, so indexes and claim counts are plain int arrays.
        var customers = existing as IReadOnlyList<SyncRecord> ?? existing.ToArray();
        var byNumber = new Dictionary<string, Bucket>(customers.Count, StringComparer.Ordinal);
        var byName = new Dictionary<string, Bucket>(customers.Count, StringComparer.Ordinal);
        var names = new string[customers.Count]; // normalized, so a number match checks its name in O(1)
        for (var i = 0; i < customers.Count; i++)
        {
            if (NormalizeNumber(customers[i].Number) is { } number)
            {
                Add(byNumber, number, i);
            }

            names[i] = NormalizeName(customers[i].Name);
            Add(byName, names[i], i);
        }

        var matches = new CustomerMatch[appCustomers.Count];
        var claimed = new int[appCustomers.Count];
        var claims = new int[customers.Count];
        var n = 0;
        foreach (var customer in appCustomers)
        {
            var (outcome, target, candidates) = MatchOne(customer, byNumber, byName, names);
            claimed[n] = -1;
            switch (outcome)
            {
                case MatchOutcome.Matched:
                    claims[target]++;
                    claimed[n] = target;
                    matches[n] = new CustomerMatch(customer.Id, MatchOutcome.Matched, customers[target].Id, []);
                    break;
                case MatchOutcome.New:
                    matches[n] = new CustomerMatch(customer.Id, MatchOutcome.New, null, []);
                    break;
                case MatchOutcome.Conflicting: // target is the customer the number points to; candidates the named ones
                    matches[n] = new CustomerMatch(customer.Id, outcome, null, candidates.Ids(customers, also: target));
                    break;
                default:
                    matches[n] = new CustomerMatch(customer.Id, outcome, null, candidates.Ids(customers));
                    break;
            }

            n++;
        }

        // An existing customer claimed by two app customers would merge them: report each instead.
        for (var i = 0; i < n; i++)
        {
            if (claimed[i] >= 0 && claims[claimed[i]] > 1)
            {
                matches[i] = new CustomerMatch(matches[i].AppCustomerId, MatchOutcome.Ambiguous, null, [customers[claimed[i]].Id]);
            }
        }

        return matches;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (MatchOutcome Outcome, int Target, Bucket Candidates) MatchOne(
        SyncRecord customer, Dictionary<string, Bucket> byNumber, Dictionary<string, Bucket> byName, string[] names)
    {
        var name = NormalizeName(customer.Name);
        byName.TryGetValue(name, out var named);
        if (NormalizeNumber(customer.Number) is { } number && byNumber.TryGetValue(number, out var numbered))
        {
            if (numbered.Count > 1)
            {
                return (MatchOutcome.Ambiguous, -1, numbered);
            }

            var byItsNumber = numbered.First;
            // The name points elsewhere exactly when some customer has it and the number's customer does not.
            return named.Count > 0 && names[byItsNumber] != name
                ? (MatchOutcome.Conflicting, byItsNumber, named)
                : (MatchOutcome.Matched, byItsNumber, default);
        }

        return named.Count switch
        {
            0 => (MatchOutcome.New, -1, default),
            1 => (MatchOutcome.Matched, named.First, default),
            _ => (MatchOutcome.Ambiguous, -1, named),
        };
    }

    /// <summary>The form in which names are compared: NFC, trimmed, white-space runs collapsed to one space.</summary>
    /// <param name="name">A name.</param>
    /// <returns>The comparable form.</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        if (IsPlain(name))
        {
            return name; // the common case costs one scan and no allocation
        }

        // ASCII is always in NFC, so only other text pays for Unicode normalization.
        var text = System.Text.Ascii.IsValid(name) ? name : name.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // Printable ASCII with single spaces between words is already in normal form.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool IsPlain(string name)
    {
        if (name[0] == ' ' || name[^1] == ' ')
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in name)
        {
            if (c is < ' ' or > '~' || (c == ' ' && previousSpace))
            {
                return false;
            }

            previousSpace = c == ' ';
        }

        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static string? NormalizeNumber(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return null;
        }

        return char.IsWhiteSpace(number[0]) || char.IsWhiteSpace(number[^1])
            ? (string.IsNullOrWhiteSpace(number) ? null : number.Trim())
            : number;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Add(Dictionary<string, Bucket> index, string key, int position)
    {
        ref var bucket = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
        bucket = bucket.With(position);
    }

    /// <summary>The positions of existing customers under one key: the first inline, more in a list (rare).</summary>
    private readonly struct Bucket(int count, int first, List<int>? rest)
    {
        public int Count { get; } = count;

        public int First { get; } = first;

        // Each position is added once per index, so no duplicate check (which would make many equal names quadratic).
        public Bucket With(int position)
        {
            if (Count == 0)
            {
                return new Bucket(1, position, null);
            }

            var more = rest ?? [];
            more.Add(position);
            return new Bucket(Count + 1, First, more);
        }

        public string[] Ids(IReadOnlyList<SyncRecord> customers, int also = -1)
        {
            var ids = new List<string>(Count + 1) { customers[First].Id };
            if (also >= 0)
            {
                ids.Add(customers[also].Id);
            }

            ids.AddRange(rest?.Select(p => customers[p].Id) ?? []);
            var array = ids.Distinct(StringComparer.Ordinal).ToArray();
            Array.Sort(array, StringComparer.Ordinal);
            return array;
        }
    }
}
