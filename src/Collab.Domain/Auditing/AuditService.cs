namespace Collab;

/// <summary>Reads the audit trail for a host's pages, so an office can prove who agreed to what (AUD-1).</summary>
/// <param name="trail">The audit trail port.</param>
public sealed class AuditService(IAuditTrail trail)
{
    /// <summary>All records about a subject, oldest first.</summary>
    /// <param name="subject">The subject, such as <c>AuditSubject.Transfer(id)</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    public Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(AuditSubject subject, CancellationToken cancellationToken = default) =>
        trail.ForSubjectAsync(subject, cancellationToken);
}
