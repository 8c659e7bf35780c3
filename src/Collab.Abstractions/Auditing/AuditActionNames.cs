using System.Collections.Frozen;

namespace Collab;

/// <summary>
/// The name an <see cref="AuditAction"/> is stored and hashed under (AUD-2). Audit rows are hash-chained over their stored
/// action name, so a member renamed in code keeps its old name in storage: 0.6.0 renamed the report actions to
/// deliverable actions (<see cref="AuditAction.DeliverableDrafted"/> is stored as <c>ReportDrafted</c>, and so on), and rows written
/// before and after the rename read, hash and verify alike. A store writes <see cref="Stored"/> and reads with <see cref="Parse"/>.
/// </summary>
public static class AuditActionNames
{
    private static readonly FrozenDictionary<AuditAction, string> Legacy = new Dictionary<AuditAction, string>
    {
        [AuditAction.DeliverableDrafted] = "ReportDrafted",
        [AuditAction.DeliverableShared] = "ReportShared",
        [AuditAction.DeliverableApproved] = "ReportApproved",
        [AuditAction.DeliverableRejected] = "ReportRejected",
        [AuditAction.DeliverableExpired] = "ReportExpired",
        [AuditAction.DeliverableViewed] = "ReportViewed",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<AuditAction, string> Names =
        Enum.GetValues<AuditAction>().ToFrozenDictionary(a => a, a => Legacy.TryGetValue(a, out var stored) ? stored : a.ToString());

    private static readonly FrozenDictionary<string, AuditAction> ByName =
        Names.Select(n => KeyValuePair.Create(n.Value, n.Key))
            .Concat(Legacy.Keys.Select(a => KeyValuePair.Create(a.ToString(), a))) // the code name reads too, should a vendor's store have written it
            .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The name <paramref name="action"/> is stored and hashed under; a value without a member is stored as its number.</summary>
    /// <param name="action">The action.</param>
    /// <returns>Its stored name.</returns>
    public static string Stored(AuditAction action) =>
        Names.TryGetValue(action, out var name) ? name : ((int)action).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a stored action name: the stored name, a renamed member's code name, or a number.</summary>
    /// <param name="stored">The stored name.</param>
    /// <returns>The action.</returns>
    /// <exception cref="FormatException">The name is no action's.</exception>
    public static AuditAction Parse(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return ByName.TryGetValue(stored, out var action) ? action
            : Enum.TryParse<AuditAction>(stored, ignoreCase: false, out action) ? action
            : throw new FormatException($"'{stored}' is no audit action.");
    }
}

/// <summary>
/// Reads the name a <see cref="NotificationKind"/> was stored under (an outbox row). 0.6.0 renamed the report kinds to
/// deliverable kinds (<c>ReportReady</c> → <see cref="NotificationKind.DeliverableReady"/>, <c>ReportDecided</c> →
/// <see cref="NotificationKind.DeliverableDecided"/>): new rows store the new name, and rows queued before the upgrade still read.
/// </summary>
public static class NotificationKindNames
{
    private static readonly FrozenDictionary<string, NotificationKind> LegacyNames = new Dictionary<string, NotificationKind>(StringComparer.Ordinal)
    {
        ["ReportReady"] = NotificationKind.DeliverableReady,
        ["ReportDecided"] = NotificationKind.DeliverableDecided,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The name a kind is stored under: its member name.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its stored name.</returns>
    public static string Stored(NotificationKind kind) => kind.ToString();

    /// <summary>Reads a stored kind: its member name, or the name it had before 0.6.0.</summary>
    /// <param name="stored">The stored name.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="FormatException">The name is no kind's.</exception>
    public static NotificationKind Parse(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return LegacyNames.TryGetValue(stored, out var kind) ? kind
            : Enum.TryParse<NotificationKind>(stored, ignoreCase: false, out kind) ? kind
            : throw new FormatException($"'{stored}' is no notification kind.");
    }
}
