namespace Collab;

/// <summary>
/// The number of an administration as people know it (administratienummer). It never changes once the
/// administration exists (LIC-6): giving a client another number means copying to a new administration.
/// </summary>
/// <remarks>Valid numbers are 1 to 999 999 999. The default value (0) is not a valid number.</remarks>
public readonly record struct AdministrationNumber
{
    /// <summary>The largest number an administration can have.</summary>
    public const int MaxValue = 999_999_999;

    private AdministrationNumber(int value) => Value = value;

    /// <summary>The number itself.</summary>
    public int Value { get; }

    /// <summary>Creates an administration number after checking its range.</summary>
    /// <param name="value">A number from 1 to <see cref="MaxValue"/>.</param>
    /// <returns>The administration number.</returns>
    /// <exception cref="CollabRefusalException">
    /// Kind <see cref="RefusalKind.InvalidInput"/> when <paramref name="value"/> is out of range.
    /// </exception>
    public static AdministrationNumber From(int value) =>
        value is >= 1 and <= MaxValue
            ? new AdministrationNumber(value)
            : throw new CollabRefusalException(new Refusal(
                RefusalKind.InvalidInput,
                "administration.number-out-of-range",
                $"Administration number {value} is not valid: use a whole number from 1 to {MaxValue}.", null, null, [value, MaxValue])); // text: the catalogue's "administration.number-out-of-range"

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
