namespace Collab;

/// <summary>Builds the SDK's one error type; keeps refusal wording consistent.</summary>
internal static class Refuse
{
    internal static CollabRefusalException InvalidInput(string code, string reason, string? rule = null) =>
        new(new Refusal(RefusalKind.InvalidInput, code, reason, rule));

    internal static CollabRefusalException NotFound(string what, Guid id) =>
        new(new Refusal(RefusalKind.NotFound, $"{what}.not-found", $"No {what} with id {id} exists: check the id, or create the {what} first."));

    internal static CollabRefusalException Missing(string code, string reason, string rule) =>
        new(new Refusal(RefusalKind.NotFound, code, reason, rule));

    internal static CollabRefusalException Forbidden(string code, string reason, string rule) =>
        new(new Refusal(RefusalKind.Forbidden, code, reason, rule));

    internal static CollabRefusalException Rule(string code, string reason, string rule) =>
        new(new Refusal(RefusalKind.RuleViolation, code, reason, rule));
}
