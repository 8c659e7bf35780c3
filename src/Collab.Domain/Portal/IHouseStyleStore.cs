namespace Collab.Portal;

/// <summary>The store of the <see cref="HouseStyle"/> aggregate: an office's portal look and texts (SHARE-10). Reads only; the unit of work saves.</summary>
public interface IHouseStyleStore
{
    /// <summary>Finds an office's house style, tracked.</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The style, or null when the office has none.</returns>
    Task<HouseStyle?> FindHouseStyleAsync(OfficeId office, CancellationToken cancellationToken = default);

    /// <summary>Finds the house style that owns a portal slug, untracked.</summary>
    /// <param name="slug">The slug, as stored (lower case).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The style, or null when no office owns the slug.</returns>
    Task<HouseStyle?> FindHouseStyleBySlugAsync(string slug, CancellationToken cancellationToken = default);
}
