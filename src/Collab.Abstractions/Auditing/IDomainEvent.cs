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

/// <summary>
/// An audited event whose audit row id is chosen when it is raised, so evidence made before the save (a receipt,
/// SHARE-18) can name the row it becomes (AUD-2). Stores use <see cref="AuditId"/> as the row's id.
/// </summary>
public interface IIdentifiedAuditedEvent : IAuditedEvent
{
    /// <summary>The id of the audit row this event becomes.</summary>
    Guid AuditId { get; }
}
