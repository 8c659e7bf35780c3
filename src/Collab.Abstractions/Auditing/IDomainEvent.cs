using NodaTime;

namespace Collab;

/// <summary>Something that happened in the domain, raised by an aggregate when its state changes.</summary>
public interface IDomainEvent
{
    /// <summary>When it happened.</summary>
    Instant OccurredAt { get; }
}

/// <summary>
/// A domain event that must appear in the audit trail (AUD-1). The stores turn each one into an
/// <see cref="AuditRecord"/> in the same transaction as the change, so an audited change cannot be saved without its record.
/// </summary>
public interface IAuditedEvent : IDomainEvent
{
    /// <summary>Who acted.</summary>
    Actor Actor { get; }

    /// <summary>What was done.</summary>
    AuditAction Action { get; }

    /// <summary>What it was done to.</summary>
    AuditSubject Subject { get; }

    /// <summary>Extra facts worth recording, as short <c>key=value</c> text.</summary>
    string Details { get; }
}
