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

    internal bool IsOfficeUser => User is { Kind: UserKind.OfficeUser };

    internal bool IsClientUser => User is { Kind: UserKind.ClientUser };

    /// <summary>The acting user's id; only for actions no platform or system party can reach.</summary>
    internal UserId UserId => User?.Id ?? throw new InvalidOperationException("This action is only for users; the authorization table allows no other party.");
}
