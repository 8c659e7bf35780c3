namespace Collab;

/// <summary>
/// The one helper for background passes (expiry, reminders, polling): each due item is handled and saved on its
/// own, and an item another instance changed first is skipped, never handled twice. That is how the passes stay
/// correct when several app instances run them against one database at once.
/// </summary>
internal static class BackgroundPass
{
    /// <summary>
    /// Handles each due item and saves it alone; counts the items whose save won. The losing change (another instance,
    /// or a person, changed the same aggregate first) is dropped with everything it queued.
    /// </summary>
    internal static Task<int> RunAsync<T>(this ICollabUnitOfWork unitOfWork, IEnumerable<T> due, Func<T, Task> handle, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(due, async item =>
        {
            await handle(item).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>As above, where <paramref name="handle"/> may settle an item without doing the work (it returns false): saved, not counted.</summary>
    internal static async Task<int> RunAsync<T>(this ICollabUnitOfWork unitOfWork, IEnumerable<T> due, Func<T, Task<bool>> handle, CancellationToken cancellationToken)
    {
        var won = 0;
        foreach (var item in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var counts = await handle(item).ConfigureAwait(false);
            won += await unitOfWork.TrySaveChangesAsync(cancellationToken).ConfigureAwait(false) && counts ? 1 : 0;
        }

        return won;
    }

    /// <summary>Saves, or reports false when another instance changed the same aggregate first; the losing change is dropped.</summary>
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
