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
        if (source is not Deliverable deliverable)
        {
            return;
        }

        foreach (var happened in events.OfType<DeliverableChanged>())
        {
            switch (happened.Action)
            {
                case AuditAction.DeliverableShared when deliverable.Mode == ShareMode.Approval:
                    if (await portal.FindPortalItemAsync(deliverable.Id.Value, cancellationToken).ConfigureAwait(false) is { } earlier)
                    {
                        earlier.Reshare(deliverable.Title, happened.OccurredAt, deliverable.Deadline); // a new revision, shared again
                        changed.Add(earlier);
                    }
                    else
                    {
                        added.Add(PortalItem.Share(PortalItemKind.Deliverable, deliverable.Id.Value, deliverable.OfficeId, deliverable.ClientId, deliverable.CompanyId, deliverable.Title,
                            happened.OccurredAt, true, deliverable.Deadline, "Shared"));
                    }

                    break;
                case AuditAction.DeliverableRevised:
                    if (await portal.FindPortalItemAsync(deliverable.Id.Value, cancellationToken).ConfigureAwait(false) is { } revised)
                    {
                        // The office is changing it: gone until shared again — unless the client's permanent history keeps an approved revision (SHARE-5).
                        var kept = deliverable.Approvals.Any(a => a.KeptInHistory);
                        revised.Update(false, kept ? DeliverableState.Approved.ToString() : "Revised", !kept, happened.OccurredAt);
                        changed.Add(revised);
                    }

                    break;
                case AuditAction.DeliverableApproved or AuditAction.DeliverableRejected or AuditAction.DeliverableExpired:
                    if (await portal.FindPortalItemAsync(deliverable.Id.Value, cancellationToken).ConfigureAwait(false) is { } item)
                    {
                        item.Update(false, deliverable.State.ToString(), deliverable.State == DeliverableState.Approved && !deliverable.Approvals.Any(a => a.KeptInHistory), happened.OccurredAt);
                        changed.Add(item);
                    }

                    break;
            }
        }
    }
}
