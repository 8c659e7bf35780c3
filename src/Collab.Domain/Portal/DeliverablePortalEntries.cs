using Collab.Deliverables;

namespace Collab.Portal;

/// <summary>
/// Keeps the portal entry of a report in step with the report (SHARE-5, SHARE-6): an entry when it is shared for
/// approval, no open action once decided or expired, hidden once a client without the permanent portal approved it; an
/// approved revision kept in the permanent history stays visible while the office revises the deliverable (SHARE-5).
/// The portal owns its entries; the report capability only raises its events.
/// </summary>
internal sealed class DeliverablePortalEntries(IPortalItemStore portal) : IDomainEventHandler
{
    public async Task HandleAsync(AggregateRoot source, IReadOnlyList<IDomainEvent> events, List<AggregateRoot> added, List<AggregateRoot> changed, CancellationToken cancellationToken)
    {
        if (source is not Deliverable report)
        {
            return;
        }

        foreach (var happened in events.OfType<DeliverableChanged>())
        {
            switch (happened.Action)
            {
                case AuditAction.ReportShared when report.Mode == ShareMode.Approval:
                    if (await portal.FindPortalItemAsync(report.Id.Value, cancellationToken).ConfigureAwait(false) is { } earlier)
                    {
                        earlier.Reshare(report.Title, happened.OccurredAt, report.Deadline); // a new revision, shared again
                        changed.Add(earlier);
                    }
                    else
                    {
                        added.Add(PortalItem.Share(PortalItemKind.Deliverable, report.Id.Value, report.OfficeId, report.ClientId, report.CompanyId, report.Title,
                            happened.OccurredAt, true, report.Deadline, "Shared"));
                    }

                    break;
                case AuditAction.DeliverableRevised:
                    if (await portal.FindPortalItemAsync(report.Id.Value, cancellationToken).ConfigureAwait(false) is { } revised)
                    {
                        // The office is changing it: gone until shared again — unless the client's permanent history keeps an approved revision (SHARE-5).
                        var kept = report.Approvals.Any(a => a.KeptInHistory);
                        revised.Update(false, kept ? DeliverableState.Approved.ToString() : "Revised", !kept, happened.OccurredAt);
                        changed.Add(revised);
                    }

                    break;
                case AuditAction.ReportApproved or AuditAction.ReportRejected or AuditAction.ReportExpired:
                    if (await portal.FindPortalItemAsync(report.Id.Value, cancellationToken).ConfigureAwait(false) is { } item)
                    {
                        item.Update(false, report.State.ToString(), report.State == DeliverableState.Approved && !report.Approvals.Any(a => a.KeptInHistory), happened.OccurredAt);
                        changed.Add(item);
                    }

                    break;
            }
        }
    }
}
