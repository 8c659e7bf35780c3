using Collab.Texts;

namespace Collab;

/// <summary>
/// Builds the SDK's one error type. Every refusal's text comes from the catalogue by its code (TXT-1): the English
/// text is the <see cref="Refusal.Reason"/>, and the arguments travel with it so a host can show it in Dutch.
/// </summary>
internal static class Refuse
{
    internal static CollabRefusalException Input(string code, string? rule, params object?[] arguments) => new(Refusal(RefusalKind.InvalidInput, code, rule, arguments));

    internal static CollabRefusalException Unknown(string code, string? rule, params object?[] arguments) => new(Refusal(RefusalKind.NotFound, code, rule, arguments));

    internal static CollabRefusalException Denied(string code, string? rule, params object?[] arguments) => new(Refusal(RefusalKind.Forbidden, code, rule, arguments));

    internal static CollabRefusalException Violation(string code, string? rule, params object?[] arguments) => new(Refusal(RefusalKind.RuleViolation, code, rule, arguments));

    /// <summary>A thing that does not exist: code <c>{what}.not-found</c>, one text for all of them.</summary>
    internal static CollabRefusalException NotFound(string what, Guid id) =>
        new(Keyed(RefusalKind.NotFound, $"{what}.not-found", "common.not-found", null, Noun(what), id));

    internal static Refusal Refusal(RefusalKind kind, string code, string? rule, params object?[] arguments) => Keyed(kind, code, null, rule, arguments);

    /// <summary>A refusal whose code is built from its context (<c>report.title.required</c>) and whose text is shared (<c>common.required</c>).</summary>
    internal static Refusal Keyed(RefusalKind kind, string code, string? textKey, string? rule, params object?[] arguments) =>
        new(kind, code, CollabTexts.InEnglish(textKey ?? code, arguments), rule, textKey, arguments);

    /// <summary>A field's or thing's name as a text of its own (<c>field.client-name</c>), so it is translated with the sentence.</summary>
    internal static TextRef Field(string label) => new("field." + label.Replace(' ', '-'));

    internal static TextRef Noun(string what) => new("noun." + what.Replace(' ', '-'));

    /// <summary>A state machine guard's reason ("the approval deadline has passed") as a text: <c>guard.the-approval-deadline-has-passed</c>.</summary>
    internal static TextRef Reason(string reason) =>
        new("guard." + string.Join('-', reason.ToLowerInvariant().Split((char[])[' ', ',', '.', '\'', ';'], StringSplitOptions.RemoveEmptyEntries)));
}
