namespace Collab.Stores.Specification;

/// <summary>
/// Names the store port members a specification test holds a store to. A vendor reads the test as the member's
/// contract; Collab's own tests check by reflection that every member of every store port has at least one.
/// </summary>
/// <param name="port">The port (for example <c>typeof(ILinkStore)</c>).</param>
/// <param name="members">The port's members the test proves, by <c>nameof</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoversAttribute(Type port, params string[] members) : Attribute
{
    /// <summary>The port.</summary>
    public Type Port { get; } = port;

    /// <summary>The port's members the test proves.</summary>
    public IReadOnlyList<string> Members { get; } = members;
}
