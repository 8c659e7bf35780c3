using Collab.Authorization;

namespace Collab;

/// <summary>
/// Who asks Collab to act or to read client data (SEC-3). A host makes one from its signed-in user's id with
/// <see cref="User"/>; Collab then looks the user up in its own registry and decides from what it finds there
/// (kind, office, client, companies, whether it is active), never from anything the caller claims. The vendor's
/// provisioning code gets its party from <see cref="CollabPlatform"/>; Collab's background passes take no party at
/// all and record themselves as the system, which no caller can name.
/// </summary>
/// <remarks>The default value names nobody and is refused.</remarks>
public readonly struct ActingParty : IEquatable<ActingParty>
{
    private readonly UserId _user;
    private readonly string? _name;
    private readonly PartyKind _kind;

    private ActingParty(PartyKind kind, UserId user, string? name)
    {
        _kind = kind;
        _user = user;
        _name = name;
    }

    private enum PartyKind : byte
    {
        Nobody = 0,
        User = 1,
        Platform = 2,
    }

    /// <summary>The user this party names, or null for the platform, the system and the default value.</summary>
    public UserId? UserId => _kind == PartyKind.User ? _user : null;

    /// <summary>Whether this is the vendor's provisioning (from <see cref="CollabPlatform"/>).</summary>
    public bool IsPlatform => _kind == PartyKind.Platform;

    internal string? Name => _name;

    /// <summary>A user of Collab's registry (office user, client user or environment administrator).</summary>
    /// <param name="user">The signed-in user's id, as Collab issued it.</param>
    /// <returns>The party; what it may do is decided from the registry, not from this value.</returns>
    public static ActingParty User(UserId user) => new(PartyKind.User, user, null);

    internal static ActingParty Platform(string operatorName) => new(PartyKind.Platform, default, operatorName);

    /// <inheritdoc />
    public bool Equals(ActingParty other) => _kind == other._kind && _user == other._user && string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActingParty other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_kind, _user, _name);

    /// <summary>Whether two values name the same party.</summary>
    /// <param name="left">One party.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(ActingParty left, ActingParty right) => left.Equals(right);

    /// <summary>Whether two values name different parties.</summary>
    /// <param name="left">One party.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(ActingParty left, ActingParty right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => _kind switch
    {
        PartyKind.User => $"user:{_user}",
        PartyKind.Platform => $"platform:{_name}",
        _ => "nobody",
    };
}
