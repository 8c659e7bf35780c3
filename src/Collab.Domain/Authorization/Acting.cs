using System.Diagnostics.CodeAnalysis;
using Collab.Registry;

namespace Collab.Authorization;

/// <summary>A party that passed the check: the registry's user (null for the platform and the system) and how the audit trail names it.</summary>
internal sealed class Acting
{
    internal Acting(ActingParty party, CollabUser? user, Actor actor)
    {
        Party = party;
        User = user;
        Actor = actor;
    }

    internal ActingParty Party { get; }

    internal CollabUser? User { get; }

    internal Actor Actor { get; }

    internal bool IsPlatform => Party.IsPlatform;

    [MemberNotNullWhen(true, nameof(User))]
    internal bool IsOfficeUser => User is { Kind: UserKind.OfficeUser };

    [MemberNotNullWhen(true, nameof(User))]
    internal bool IsClientUser => User is { Kind: UserKind.ClientUser };

    /// <summary>The acting office user's office; null for every other party.</summary>
    internal OfficeId? Office => IsOfficeUser ? User.OfficeId : null;

    /// <summary>The acting user; only for actions no platform or system party can take (the action table allows users alone).</summary>
    internal CollabUser Person => User ?? throw new InvalidOperationException("This action is only for users; the authorization table allows no other party.");

    /// <summary>The acting user's id; only for actions no platform or system party can take.</summary>
    internal UserId UserId => Person.Id;
}
