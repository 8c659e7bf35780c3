using NodaTime;

namespace Collab.Registry;

/// <summary>A change to the registry of offices, clients, companies, administrations and users.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Action">What was done.</param>
/// <param name="Subject">What it was done to.</param>
/// <param name="Details">Facts worth recording.</param>
public sealed record RegistryChanged(Instant OccurredAt, Actor Actor, AuditAction Action, AuditSubject Subject, string Details) : IAuditedEvent;
