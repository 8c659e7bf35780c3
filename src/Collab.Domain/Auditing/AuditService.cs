using Collab.Authorization;
using Collab.Links;
using Collab.Deliverables;
using Collab.Transfers;

namespace Collab;

/// <summary>Reads the audit trail for a host's pages, so an office can prove who agreed to what (AUD-1).</summary>
public sealed class AuditService
{
    private readonly IAuditTrail _trail;
    private readonly CollabAuthorization _access;
    private readonly IDeliverableStore _reports;
    private readonly ITransferStore _transfers;
    private readonly ILinkStore _links;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="trail">The audit trail port.</param>
    /// <param name="access">Checks who reads (SEC-3).</param>
    /// <param name="reports">Tells whose a report is.</param>
    /// <param name="transfers">Tells whose a transfer is.</param>
    /// <param name="links">Tells whose a link is.</param>
    public AuditService(IAuditTrail trail, CollabAuthorization access, IDeliverableStore reports, ITransferStore transfers, ILinkStore links)
    {
        _trail = trail;
        _access = access;
        _reports = reports;
        _transfers = transfers;
        _links = links;
    }

    /// <summary>All records about a subject, oldest first, for a party that may reach the subject itself.</summary>
    /// <param name="party">Who reads; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="subject">The subject, such as <c>AuditSubject.Transfer(id)</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    /// <exception cref="CollabRefusalException">The party may not reach the subject, or it does not exist (<c>access.refused</c>).</exception>
    public async Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(ActingParty party, AuditSubject subject, CancellationToken cancellationToken = default)
    {
        await CheckAsync(party, subject, cancellationToken).ConfigureAwait(false);
        return await _trail.ForSubjectAsync(subject, cancellationToken).ConfigureAwait(false);
    }

    // The trail of a subject is as private as the subject: each kind is checked the way reading it is.
    private async Task CheckAsync(ActingParty party, AuditSubject subject, CancellationToken cancellationToken)
    {
        const CollabAction read = CollabAction.ReadAudit;
        var id = Guid.TryParse(subject.Id, out var parsed) ? parsed : Guid.Empty;
        switch (subject.Type)
        {
            case "office":
                await _access.OfficeAsync(party, read, new OfficeId(id), cancellationToken).ConfigureAwait(false);
                return;
            case "client":
                await _access.ClientAsync(party, read, new ClientId(id), null, cancellationToken).ConfigureAwait(false);
                return;
            case "administration":
                await _access.AdministrationAsync(party, read, new AdministrationId(id), cancellationToken).ConfigureAwait(false);
                return;
            case "user":
                await _access.UserAsync(party, read, new UserId(id), cancellationToken).ConfigureAwait(false);
                return;
            case "environment":
                await _access.EnvironmentAsync(party, read, new EnvironmentId(id), cancellationToken).ConfigureAwait(false);
                return;
            case "transfer":
                var transfer = id == Guid.Empty ? null : await _transfers.FindRequestAsync(new TransferRequestId(id), cancellationToken).ConfigureAwait(false);
                await _access.TransferAsync(party, read, transfer, new TransferRequestId(id), cancellationToken).ConfigureAwait(false);
                return;
            case "report":
                var report = id == Guid.Empty ? null : await _reports.FindReportAsync(new DeliverableId(id), cancellationToken).ConfigureAwait(false);
                var owner = report is null ? (CollabAuthorization.Owner?)null : new CollabAuthorization.Owner(report.OfficeId, report.ClientId, report.CompanyId, report.State != DeliverableState.Draft);
                await _access.OwnedAsync(party, read, subject, owner, cancellationToken).ConfigureAwait(false);
                return;
            case "link":
                var link = id == Guid.Empty ? null : await _links.FindLinkAsync(new LinkId(id), cancellationToken).ConfigureAwait(false);
                await _access.LinkAsync(party, read, link, new LinkId(id), cancellationToken).ConfigureAwait(false);
                return;
            default:
                await _access.PartyAsync(party, read, subject, cancellationToken).ConfigureAwait(false);
                throw CollabAuthorization.Refused(subject);
        }
    }
}
