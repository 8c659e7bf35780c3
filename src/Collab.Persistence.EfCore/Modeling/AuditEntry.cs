using NodaTime;

namespace Collab.Persistence.EfCore;

/// <summary>The stored shape of an <see cref="AuditRecord"/>: flat columns, insert-only.</summary>
internal sealed class AuditEntry
{
    public Guid Id { get; set; }

    public Instant At { get; set; }

    public ActorKind ActorKind { get; set; }

    public string ActorId { get; set; } = string.Empty;

    public AuditAction Action { get; set; }

    public string SubjectType { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    public string Details { get; set; } = string.Empty;

    // The key: insertion order, so records at the same instant read back in the order they were written.
    public long Sequence { get; set; }

    /// <summary>The hash chain the row is in (AUD-2): <c>administration:…</c>, <c>office:…</c> or <c>platform</c>.</summary>
    public string Chain { get; set; } = Evidence.AuditChain.Platform;

    /// <summary>Its place in the chain, from 1; unique per chain, so two writers can never fork it.</summary>
    public long ChainPosition { get; set; }

    /// <summary>The predecessor's <see cref="Hash"/>, or 64 zeros for the first row.</summary>
    public string PreviousHash { get; set; } = Evidence.AuditChain.Genesis;

    /// <summary>SHA-256 of the row's canonical content with <see cref="PreviousHash"/> (<see cref="Evidence.AuditChain.Hash"/>).</summary>
    public string Hash { get; set; } = string.Empty;

    public static AuditEntry From(IAuditedEvent audited, string chain = Evidence.AuditChain.Platform) => new()
    {
        Id = audited is IIdentifiedAuditedEvent identified ? identified.AuditId : Guid.CreateVersion7(),
        Chain = chain,
        At = audited.OccurredAt,
        ActorKind = audited.Actor.Kind,
        ActorId = audited.Actor.Id,
        Action = audited.Action,
        SubjectType = audited.Subject.Type,
        SubjectId = audited.Subject.Id,
        Details = audited.Details,
    };

    public Evidence.AuditChainRow ToChainRow() =>
        new(Chain, ChainPosition, Id, At, ActorKind, ActorId, Action, SubjectType, SubjectId, Details, PreviousHash, Hash);

    public AuditRecord ToRecord() =>
        new(Id, At, new Actor(ActorKind, ActorId), Action, new AuditSubject(SubjectType, SubjectId), Details);
}

/// <summary>Where an audit chain stands (AUD-2): its last position and hash; locked by each save that extends the chain.</summary>
internal sealed class AuditChainHeadEntry
{
    public string Chain { get; set; } = string.Empty;

    public long Position { get; set; }

    public string Hash { get; set; } = Evidence.AuditChain.Genesis;
}

/// <summary>A signed checkpoint left when a chain's oldest rows were deleted (AUD-2, RET-2).</summary>
internal sealed class AuditCheckpointEntry
{
    public Guid Id { get; set; }

    public string Chain { get; set; } = string.Empty;

    public long Position { get; set; }

    public string Hash { get; set; } = string.Empty;

    public Instant DeletedAt { get; set; }

    public string KeyId { get; set; } = string.Empty;

    public string Signature { get; set; } = string.Empty;
}

/// <summary>The single row that says which Collab schema version the database holds.</summary>
internal sealed class CollabSchemaInfo
{
    public int Id { get; set; }

    public int Version { get; set; }
}

/// <summary>A notification waiting in the outbox, written in the same transaction as the change that caused it.</summary>
internal sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public Instant CreatedAt { get; set; }

    public NotificationKind Kind { get; set; }

    public string Recipient { get; set; } = string.Empty;

    public string SubjectType { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    /// <summary>The subject line, in the recipient's language (TXT-1).</summary>
    public string? Title { get; set; }

    /// <summary>The body as HTML.</summary>
    public string? Html { get; set; }

    /// <summary>The recipient's language.</summary>
    public string? Language { get; set; }

    /// <summary>A secret the template needs (a link token); erased once delivered.</summary>
    public string? Reference { get; set; }

    public int Attempts { get; set; }

    /// <summary>Until when a dispatcher holds the message; another may claim it after that.</summary>
    public Instant? LeaseUntil { get; set; }

    public Guid? LeaseOwner { get; set; }

    public Instant? DispatchedAt { get; set; }

    /// <summary>When delivery was given up after the attempt limit; such a message is never claimed again.</summary>
    public Instant? DeadLetteredAt { get; set; }

    public string? LastError { get; set; }

    public static OutboxMessage From(Notification notification, Instant now) => new()
    {
        Id = notification.Id,
        CreatedAt = now,
        Kind = notification.Kind,
        Recipient = notification.Recipient,
        SubjectType = notification.Subject.Type,
        SubjectId = notification.Subject.Id,
        Text = notification.Text,
        Reference = notification.Reference,
        Title = notification.Title,
        Html = notification.Html,
        Language = notification.Language,
    };

    public Notification ToNotification() => new(Id, Kind, Recipient, new AuditSubject(SubjectType, SubjectId), Text, Reference, Title, Html, Language);
}
