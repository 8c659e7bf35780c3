using Collab.Tiers;

namespace Collab.Deliverables;

/// <summary>Approval tasks in progress are open work: a downgrade that would remove approvals must wait for them (TIER-4).</summary>
internal sealed class OpenApprovals(IDeliverableStore deliverables) : IOpenWorkSource
{
    public async Task<IReadOnlyList<OpenWork>> FindOpenWorkAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        var open = await deliverables.OpenApprovalsAsync(office, clients, cancellationToken).ConfigureAwait(false);
        return open.Select(o => new OpenWork(o.Client, Feature.ShareAndApproveDeliverables, $"approval of '{o.Title}' (deadline {o.Deadline:yyyy-MM-dd})", new("openwork.approval", o.Title, o.Deadline))).ToList();
    }
}
