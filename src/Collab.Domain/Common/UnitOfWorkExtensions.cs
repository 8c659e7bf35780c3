
namespace Collab;

internal static class UnitOfWorkExtensions
{
    /// <summary>
    /// Saves, or reports false when another instance changed the same aggregate first: how background passes
    /// (expiry, reminders) stay correct when several app instances run them at once. The losing change is dropped.
    /// </summary>
    internal static async Task<bool> TrySaveChangesAsync(this ICollabUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CollabRefusalException e) when (e.Kind == RefusalKind.ConcurrencyConflict)
        {
            return false;
        }
    }
}
