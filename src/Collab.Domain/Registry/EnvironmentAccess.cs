using Collab.Authorization;

namespace Collab.Registry;

/// <summary>Acting on an environment: its office's users, or the platform.</summary>
internal sealed class EnvironmentAccess : IReachRule<CollabEnvironment>
{
    public ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, CollabEnvironment target, CancellationToken cancellationToken) =>
        ValueTask.FromResult(acting.IsPlatform || (acting.Office is { } office && target.OfficeId == office));
}
