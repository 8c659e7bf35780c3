namespace Collab;

/// <summary>The one load-or-refuse helper: what a store did not find becomes the SDK's NotFound refusal.</summary>
internal static class Load
{
    /// <summary>Awaits a store's find and refuses with <see cref="RefusalKind.NotFound"/> when it found nothing.</summary>
    /// <param name="find">The store call.</param>
    /// <param name="what">What was looked for, in the reason ("office", "report").</param>
    /// <param name="id">The id looked for.</param>
    internal static async Task<T> OrNotFound<T>(this Task<T?> find, string what, Guid id)
        where T : class =>
        await find.ConfigureAwait(false) ?? throw Refuse.NotFound(what, id);
}
