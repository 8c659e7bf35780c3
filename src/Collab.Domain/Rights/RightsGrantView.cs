using NodaTime;

namespace Collab.Rights;

/// <summary>A grant of rights on an administration as its readers (the client's own users, the office that holds it) see it (SEC-6, ONB-3). A copy taken at the read.</summary>
/// <param name="Id">The grant's id.</param>
/// <param name="OfficeId">The office that receives the rights.</param>
/// <param name="AdministrationId">The administration the rights are for.</param>
/// <param name="ClientId">The client that owns the administration and granted the rights.</param>
/// <param name="IsActive">Whether the office has the rights now.</param>
/// <param name="GrantedAt">When the rights were (last) granted.</param>
/// <param name="GrantedBy">The client user who (last) granted them.</param>
/// <param name="Channel">Where they were (last) granted from.</param>
/// <param name="RevokedAt">When the rights were last revoked, if they are revoked now.</param>
/// <param name="RevokedBy">Who revoked them, if they are revoked now.</param>
public sealed record RightsGrantView(
    RightsGrantId Id, OfficeId OfficeId, AdministrationId AdministrationId, ClientId ClientId, bool IsActive, Instant GrantedAt, UserId GrantedBy,
    GrantChannel Channel, Instant? RevokedAt, UserId? RevokedBy)
{
    internal static RightsGrantView Of(RightsGrant g) => new(g.Id, g.OfficeId, g.AdministrationId, g.ClientId, g.IsActive, g.GrantedAt, g.GrantedBy, g.Channel, g.RevokedAt, g.RevokedBy);
}
