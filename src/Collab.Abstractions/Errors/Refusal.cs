namespace Collab;

/// <summary>What kind of refusal a <see cref="Refusal"/> is, so a host can map it to a response (404, 409, 403, 400, 422).</summary>
public enum RefusalKind
{
    /// <summary>The input is malformed or out of range; fix the input and try again.</summary>
    InvalidInput = 1,

    /// <summary>Something the request names does not exist (or is not visible to the caller).</summary>
    NotFound = 2,

    /// <summary>The caller may not do this (SEC-1).</summary>
    Forbidden = 3,

    /// <summary>A domain rule forbids the action in the current state; the reason says what to do first.</summary>
    RuleViolation = 4,

    /// <summary>Someone else changed the same data at the same time; reload and try again. Nothing was saved.</summary>
    ConcurrencyConflict = 5,
}

/// <summary>
/// Why Collab refused an action: a kind, a stable machine-readable <see cref="Code"/>, a <see cref="Reason"/>
/// written for a person (it says what to do), and the DOMAIN rule it enforces when there is one.
/// </summary>
/// <remarks>A refused action changes nothing (SEC-2).</remarks>
/// <param name="Kind">The broad category, for mapping to a transport status.</param>
/// <param name="Code">A stable dotted code such as <c>rights.already-granted</c>; safe to switch on.</param>
/// <param name="Reason">A sentence a person can act on. Never contains secrets.</param>
/// <param name="RuleId">The DOMAIN.md rule id (for example <c>ONB-4</c>) when the refusal enforces one.</param>
/// <param name="TextKey">The key of its text in Collab's text catalogue (TXT-1); null when it is the <paramref name="Code"/>.</param>
/// <param name="Arguments">The values its text names (ids, names, dates, amounts), so the text can be rendered in any language.</param>
/// <remarks>
/// <see cref="Reason"/> is the English text, for logs and developers. Show a person the text in their language with
/// <c>CollabTexts.Describe(refusal, culture)</c> (TXT-1): the code and the arguments stay the same in every language.
/// </remarks>
public sealed record Refusal(RefusalKind Kind, string Code, string Reason, string? RuleId = null, string? TextKey = null, IReadOnlyList<object?>? Arguments = null);

/// <summary>
/// The single error type of the Collab SDK: every refusal (bad input, unknown id, missing right, broken
/// rule, concurrent change) is thrown as this exception carrying a <see cref="Collab.Refusal"/>.
/// </summary>
public sealed class CollabRefusalException : Exception
{
    /// <summary>Creates the exception for a refusal.</summary>
    /// <param name="refusal">Why the action was refused.</param>
    /// <exception cref="ArgumentNullException"><paramref name="refusal"/> is null.</exception>
    public CollabRefusalException(Refusal refusal)
        : this(refusal, null)
    {
    }

    /// <summary>Creates the exception for a refusal caused by another exception.</summary>
    /// <param name="refusal">Why the action was refused.</param>
    /// <param name="innerException">The underlying failure, for logs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="refusal"/> is null.</exception>
    public CollabRefusalException(Refusal refusal, Exception? innerException)
        : base((refusal ?? throw new ArgumentNullException(nameof(refusal))).Reason, innerException)
    {
        Refusal = refusal;
    }

    /// <summary>Why the action was refused.</summary>
    public Refusal Refusal { get; }

    /// <summary>Shortcut for <c>Refusal.Kind</c>.</summary>
    public RefusalKind Kind => Refusal.Kind;

    /// <summary>Shortcut for <c>Refusal.Code</c>.</summary>
    public string Code => Refusal.Code;

    /// <summary>
    /// Whether this refusal has <paramref name="code"/>: its <see cref="Code"/>, or the code it had before 0.6.0
    /// (<see cref="RefusalCodes.LegacyOf"/>; <c>report.not-viewable</c> matches <c>deliverable.not-viewable</c>). Match with this
    /// while callers still switch on the old codes; they are kept as aliases until 0.7.0.
    /// </summary>
    /// <param name="code">A code, current or old.</param>
    /// <returns>True when it names this refusal.</returns>
    public bool Is(string code) =>
        string.Equals(Code, code, StringComparison.Ordinal) || (code is not null && string.Equals(RefusalCodes.LegacyOf(Code), code, StringComparison.Ordinal));
}

/// <summary>
/// Refusal codes renamed in 0.6.0 ("one name per thing": a deliverable is no longer also called a report). The old codes
/// stay documented aliases for one minor version: <see cref="CollabRefusalException.Is"/> matches them and Collab.AspNetCore's
/// problem details carry them as <c>legacyCode</c>.
/// </summary>
public static class RefusalCodes
{
    private const string OldPrefix = "report.";
    private const string NewPrefix = "deliverable.";

    // Every deliverable code that existed before 0.6.0 under "report.", besides the state machine's "report.<trigger>-not-permitted".
    private static readonly HashSet<string> Renamed = new(StringComparer.Ordinal)
    {
        "deliverable.deadline-passed", "deliverable.deadline-required", "deliverable.not-shared-by-link", "deliverable.not-viewable", "deliverable.reminder-already-sent",
    };

    /// <summary>The code a refusal had before 0.6.0, or null when its code did not change.</summary>
    /// <param name="code">A current code.</param>
    /// <returns>The old code (<c>deliverable.not-viewable</c> → <c>report.not-viewable</c>), or null.</returns>
    public static string? LegacyOf(string? code) =>
        code is not null && code.StartsWith(NewPrefix, StringComparison.Ordinal) && (Renamed.Contains(code) || code.EndsWith("-not-permitted", StringComparison.Ordinal))
            ? OldPrefix + code[NewPrefix.Length..]
            : null;
}
