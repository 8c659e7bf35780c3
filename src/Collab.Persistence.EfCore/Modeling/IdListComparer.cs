using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collab.Persistence.EfCore;

/// <summary>
/// Change tracking for a list of ids kept as a primitive collection (a user's companies, an environment's
/// administrators): equal when the same ids stand in the same order, snapshotted as a copy.
/// </summary>
/// <remarks>
/// EF Core 10's own comparer for a primitive collection whose elements have a value converter creates a delegate
/// for its element comparer on every comparison (the pattern of dotnet/efcore#35239), so every DetectChanges over
/// a loaded user, environment or transfer paid for it; this one is compiled once per model.
/// </remarks>
/// <typeparam name="TId">The id type.</typeparam>
internal sealed class IdListComparer<TId>() : ValueComparer<IReadOnlyList<TId>>(
    (a, b) => SameIds(a, b),
    list => HashOf(list),
    list => Copy(list))
    where TId : struct, IEquatable<TId>
{
    public static readonly IdListComparer<TId> Instance = new();

    private static bool SameIds(IReadOnlyList<TId>? a, IReadOnlyList<TId>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int HashOf(IReadOnlyList<TId> list)
    {
        var hash = new HashCode();
        foreach (var id in list)
        {
            hash.Add(id);
        }

        return hash.ToHashCode();
    }

    private static IReadOnlyList<TId> Copy(IReadOnlyList<TId> list) => [.. list];
}

/// <summary>Maps a list of ids as a primitive collection: each element as its GUID, tracked by <see cref="IdListComparer{TId}"/>.</summary>
internal static class IdListMapping
{
    public static PrimitiveCollectionBuilder<IReadOnlyList<TId>> HasIdElements<TId>(this PrimitiveCollectionBuilder<IReadOnlyList<TId>> builder)
        where TId : struct, IEquatable<TId>
    {
        builder.ElementType(e => e.HasConversion(CollabValueConvention.IdConverter<TId>()));
        builder.Metadata.SetValueComparer(IdListComparer<TId>.Instance);
        return builder;
    }
}
