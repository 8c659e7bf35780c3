using Collab.Texts;

namespace Collab;

/// <summary>
/// Builds the SDK's one error type. Every refusal's text comes from the catalogue by its code (TXT-1): the English
/// text is the <see cref="Refusal.Reason"/>, and the arguments travel with it so a host can show it in Dutch.
/// </summary>
/// <remarks>A refusal with a fixed code has its own method in <see cref="CollabRefusals"/> (issue 34); what stays here builds the
/// refusals whose code comes from their context.</remarks>
internal static class Refuse
{
    /// <summary>A thing that does not exist: code <c>{what}.not-found</c>, one text for all of them.</summary>
    internal static CollabRefusalException NotFound(string what, Guid id) =>
        new(Keyed(RefusalKind.NotFound, $"{what}.not-found", "common.not-found", null, Noun(what), id));

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
