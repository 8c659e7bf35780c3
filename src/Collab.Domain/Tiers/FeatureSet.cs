using System.Numerics;
using System.Runtime.CompilerServices;

namespace Collab.Tiers;

/// <summary>
/// The features of one tier as a bit mask (TIER-6). Get it once per request with
/// <see cref="TierCatalogue.FeaturesOf"/> when the client's tier is known; every <see cref="Contains"/> after
/// that is a range check and a bit test — no allocation, no storage, no lookup.
/// </summary>
/// <remarks>Immutable. The default value contains no feature.</remarks>
public readonly struct FeatureSet : IEquatable<FeatureSet>
{
    private readonly uint _mask;

    internal FeatureSet(uint mask) => _mask = mask;

    /// <summary>How many features the set holds.</summary>
    public int Count => BitOperations.PopCount(_mask);

    /// <summary>Whether the set holds a feature.</summary>
    /// <param name="feature">The feature.</param>
    /// <returns>True when included; false for undefined values.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(Feature feature) => (uint)feature < 32 && (_mask & (1u << (int)feature)) != 0;

    /// <summary>The features of this set that <paramref name="other"/> lacks (what a change of tier would remove).</summary>
    /// <param name="other">The other set.</param>
    /// <returns>The difference.</returns>
    public FeatureSet Except(FeatureSet other) => new(_mask & ~other._mask);

    /// <summary>The features, in <see cref="Feature"/> order.</summary>
    /// <returns>A new array.</returns>
    public Feature[] ToArray()
    {
        var mask = _mask;
        var result = new Feature[BitOperations.PopCount(mask)];
        for (var i = 0; mask != 0; i++)
        {
            result[i] = (Feature)BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
        }

        return result;
    }

    /// <inheritdoc />
    public bool Equals(FeatureSet other) => _mask == other._mask;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FeatureSet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)_mask;

    /// <summary>The feature names, comma-separated.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(", ", ToArray());

    /// <summary>Whether two sets hold the same features.</summary>
    /// <param name="left">One set.</param>
    /// <param name="right">The other set.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(FeatureSet left, FeatureSet right) => left.Equals(right);

    /// <summary>Whether two sets differ.</summary>
    /// <param name="left">One set.</param>
    /// <param name="right">The other set.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(FeatureSet left, FeatureSet right) => !left.Equals(right);
}
