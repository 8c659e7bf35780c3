using Collab.Reports;

namespace Collab.Portal;

/// <summary>
/// Keeps the portal entry of a report in step with the report (SHARE-5, SHARE-6): an entry when it is shared for
/// approval, no open action once decided or expired, hidden once a client without the permanent portal approved it.
/// The portal owns its entries; the report capability only raises its events.
/// </summary>
internal sealed class ReportPortalEntries(IPortalStore portal) : IDomainEventHandler
{
    public async Task HandleAsync(AggregateRoot source, IReadOnlyList<IDomainEvent> events, List<AggregateRoot> added, List<AggregateRoot> changed, CancellationToken cancellationToken)
    {
        if (source is not AnnualReport report)
        {
            return;
        }

        foreach (var happened in events.OfType<ReportChanged>())
        {
            switch (happened.Action)
            {
                case AuditAction.ReportShared when report.Mode == ShareMode.Approval:
                    added.Add(PortalItem.Share(PortalItemKind.AnnualReport, report.Id.Value, report.OfficeId, report.ClientId, report.CompanyId, report.Title,
                        happened.OccurredAt, true, report.Deadline, "Shared"));
                    break;
                case AuditAction.ReportApproved or AuditAction.ReportRejected or AuditAction.ReportExpired:
                    if (await portal.FindPortalItemAsync(report.Id.Value, cancellationToken).ConfigureAwait(false) is { } item)
                    {
                        item.Update(false, report.State.ToString(), report.State == ReportState.Approved && !report.KeptInHistory, happened.OccurredAt);
                        changed.Add(item);
                    }

                    break;
            }
        }
    }
}
