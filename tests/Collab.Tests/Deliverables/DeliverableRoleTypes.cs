using Collab.Deliverables;

namespace Collab.Tests.Deliverables;

/// <summary>The deliverable services, named by role rather than "…Service" (issue 34).</summary>
internal static class DeliverableRoleTypes
{
    internal static readonly Type[] All =
        [typeof(DeliverableAuthoring), typeof(DeliverableSharing), typeof(DeliverableLinks), typeof(DeliverableQueries), typeof(DeliverablePasses)];
}
