using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Collab.Telemetry;

/// <summary>
/// Collab's traces and metrics, with what .NET already has: an <see cref="ActivitySource"/> named <c>Collab</c>
/// and a <see cref="Meter"/> named <c>Collab</c>, created through <see cref="IMeterFactory"/> when the host has
/// one. No OpenTelemetry package is needed to emit; collect with <c>AddSource("Collab")</c> and
/// <c>AddMeter("Collab")</c>. Tags come from fixed sets (actions, statuses, parties), never from ids.
/// </summary>
/// <remarks>Thread-safe; registered as a singleton by <c>AddCollab</c>.</remarks>
public sealed class CollabTelemetry : IDisposable
{
    /// <summary>The name of Collab's activity source and meter.</summary>
    public const string Name = "Collab";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _rights;
    private readonly Counter<long> _tierChanges;
    private readonly Counter<long> _consents;
    private readonly Counter<long> _notifications;
    private readonly Counter<long> _refusals;

    /// <summary>Creates the instruments.</summary>
    /// <param name="meterFactory">The host's meter factory; null to create the meter directly.</param>
    public CollabTelemetry(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _rights = _meter.CreateCounter<long>("collab.rights.changes", description: "Grants and revocations of office rights (ONB-3, ONB-4).");
        _tierChanges = _meter.CreateCounter<long>("collab.tier.changes", description: "Outcomes of tier changes, single and bulk (TIER-4, TIER-5).");
        _consents = _meter.CreateCounter<long>("collab.transfer.consents", description: "Consents given to transfers, by party (XFER-2).");
        _notifications = _meter.CreateCounter<long>("collab.outbox.dispatched", description: "Outbox deliveries, by result.");
        _refusals = _meter.CreateCounter<long>("collab.authorization.refusals", description: "Refused attempts to act or read, by action (SEC-3).");
    }

    /// <summary>The source of Collab's activities (one per service call that changes something).</summary>
    public static ActivitySource Source { get; } = new(Name);

    // Names computed once: the counter's tag must not allocate per refusal.
    private static readonly string[] ActionNames = BuildActionNames();

    private static string[] BuildActionNames()
    {
        var values = Enum.GetValues<Authorization.CollabAction>();
        var names = new string[values.Max(v => (int)v) + 1];
        foreach (var value in values)
        {
            names[(int)value] = value.ToString();
        }

        return names;
    }

    /// <summary>Counts a grant or revocation.</summary>
    /// <param name="action">The audit action.</param>
    public void RightsChanged(AuditAction action)
    {
        if (_rights.Enabled)
        {
            _rights.Add(1, new KeyValuePair<string, object?>("action", action == AuditAction.RightsGranted ? "granted" : "revoked"));
        }
    }

    /// <summary>Counts tier change outcomes.</summary>
    /// <param name="status">The outcome's status name.</param>
    /// <param name="count">How many clients had it.</param>
    public void TierChanges(string status, int count)
    {
        if (_tierChanges.Enabled && count > 0)
        {
            _tierChanges.Add(count, new KeyValuePair<string, object?>("status", status));
        }
    }

    /// <summary>Counts a consent.</summary>
    /// <param name="party">The party's name.</param>
    public void Consent(string party)
    {
        if (_consents.Enabled)
        {
            _consents.Add(1, new KeyValuePair<string, object?>("party", party));
        }
    }

    /// <summary>Counts one refused attempt, tagged with the action (a fixed set, so the tag's cardinality is bounded).</summary>
    /// <param name="action">What was refused.</param>
    public void AuthorizationRefused(Authorization.CollabAction action)
    {
        if (_refusals.Enabled)
        {
            _refusals.Add(1, new KeyValuePair<string, object?>("action", ActionNames[(int)action]));
        }
    }

    /// <summary>Counts an outbox delivery attempt.</summary>
    /// <param name="result"><c>sent</c>, <c>failed</c> or <c>dead_letter</c>.</param>
    public void Notification(string result)
    {
        if (_notifications.Enabled)
        {
            _notifications.Add(1, new KeyValuePair<string, object?>("result", result));
        }
    }

    /// <summary>Disposes the meter when Collab created it itself.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
