namespace Collab;

/// <summary>Reads the audit trail (AUD-1).</summary>
public interface IAuditTrail
{
    /// <summary>All records about a subject, oldest first.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(AuditSubject subject, CancellationToken cancellationToken = default);
}
