using NodaTime;

namespace Collab.Rights;

/// <summary>Where the client granted rights from (ONB-3: desktop or web edition).</summary>
public enum GrantChannel
{
    /// <summary>The desktop edition.</summary>
    Desktop = 1,

    /// <summary>The web edition.</summary>
    Web = 2,

    /// <summary>Part of the registration the client agreed to when the office registered it (ONB-1).</summary>
    Registration = 3,
}

/// <summary>
/// Rights of one office to one administration, granted free of charge by the client (ONB-3) and revocable
/// at any time with immediate effect (ONB-4). There is one grant per (office, administration) pair; granting
/// again after a revocation reactivates it, so the pair's history lives in the audit trail.
/// </summary>
public sealed class RightsGrant : AggregateRoot
{
    private RightsGrant()
    {
    }

    /// <summary>The grant's id.</summary>
    public RightsGrantId Id { get; private set; }

    /// <summary>The office that receives the rights.</summary>
    public OfficeId OfficeId { get; private set; }

    /// <summary>The administration the rights are for.</summary>
    public AdministrationId AdministrationId { get; private set; }

    /// <summary>The client that owns the administration and granted the rights.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>Whether the office has the rights now.</summary>
    public bool IsActive { get; private set; }

    /// <summary>When the rights were (last) granted.</summary>
    public Instant GrantedAt { get; private set; }

    /// <summary>The client user who (last) granted them.</summary>
    public UserId GrantedBy { get; private set; }

    /// <summary>Where they were (last) granted from.</summary>
    public GrantChannel Channel { get; private set; }

    /// <summary>When the rights were last revoked, if they are revoked now.</summary>
    public Instant? RevokedAt { get; private set; }

    /// <summary>Who revoked them, if they are revoked now.</summary>
    public UserId? RevokedBy { get; private set; }

    internal static RightsGrant Grant(OfficeId office, Registry.Administration administration, UserId grantedBy, GrantChannel channel, Instant now)
    {
        CheckChannel(channel);
        var grant = new RightsGrant
        {
            Id = RightsGrantId.New(),
            OfficeId = office,
            AdministrationId = administration.Id,
            ClientId = administration.ClientId,
        };
        grant.Activate(grantedBy, channel, now);
        return grant;
    }

    /// <summary>Grants again after a revocation.</summary>
    internal void Regrant(UserId grantedBy, GrantChannel channel, Instant now)
    {
        CheckChannel(channel);
        if (IsActive)
        {
            throw CollabRefusals.RightsAlreadyGranted(OfficeId, AdministrationId, GrantedAt);
        }

        Activate(grantedBy, channel, now);
    }

    /// <summary>Revokes the rights; access ends at once (ONB-4).</summary>
    internal void Revoke(UserId revokedBy, Instant now)
    {
        if (!IsActive)
        {
            throw CollabRefusals.RightsNotGranted(OfficeId, AdministrationId);
        }

        IsActive = false;
        RevokedAt = now;
        RevokedBy = revokedBy;
        Raise(new RightsChanged(now, Actor.ClientUser(revokedBy), AuditAction.RightsRevoked, OfficeId, AdministrationId, Channel));
    }

    private void Activate(UserId grantedBy, GrantChannel channel, Instant now)
    {
        IsActive = true;
        GrantedAt = now;
        GrantedBy = grantedBy;
        Channel = channel;
        RevokedAt = null;
        RevokedBy = null;
        Raise(new RightsChanged(now, Actor.ClientUser(grantedBy), AuditAction.RightsGranted, OfficeId, AdministrationId, channel));
    }

    private static void CheckChannel(GrantChannel channel)
    {
        if (!Enum.IsDefined(channel))
        {
            throw CollabRefusals.RightsUnknownChannel((int)channel);
        }
    }
}

/// <summary>Rights were granted or revoked (AUD-1).</summary>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">The client user who acted.</param>
/// <param name="Action"><see cref="AuditAction.RightsGranted"/> or <see cref="AuditAction.RightsRevoked"/>.</param>
/// <param name="OfficeId">The office whose rights changed.</param>
/// <param name="AdministrationId">The administration concerned.</param>
/// <param name="Channel">Where the grant came from.</param>
public sealed record RightsChanged(Instant OccurredAt, Actor Actor, AuditAction Action, OfficeId OfficeId, AdministrationId AdministrationId, GrantChannel Channel)
    : IAuditedEvent
{
    /// <inheritdoc />
    public AuditSubject Subject => AuditSubject.Administration(AdministrationId);

    /// <inheritdoc />
    public string Details => $"office={OfficeId};channel={Channel}";
}
