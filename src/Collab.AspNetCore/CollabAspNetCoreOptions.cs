using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Collab.AspNetCore;

/// <summary>How Collab's endpoints read the signed-in principal and how hard they limit the anonymous token endpoints.</summary>
public sealed class CollabAspNetCoreOptions
{
    /// <summary>
    /// The claim whose value is the signed-in user's Collab <see cref="UserId"/> (a GUID), read by the default
    /// <see cref="ICollabPartyResolver"/>. Default <c>collab-user</c>; set it to <c>sub</c> or
    /// <see cref="ClaimTypes.NameIdentifier"/> when the identity provider issues Collab's user ids there.
    /// </summary>
    public string UserIdClaimType { get; set; } = "collab-user";

    /// <summary>How many token requests (open, confirm, read, accept) one client address may make per <see cref="TokenWindow"/>. Default 60.</summary>
    public int TokenPermitsPerAddress { get; set; } = 60;

    /// <summary>How many requests may name one token per <see cref="TokenWindow"/>, from any address. Default 10.</summary>
    public int TokenPermitsPerToken { get; set; } = 10;

    /// <summary>The window the token limits count in. Default one minute.</summary>
    public TimeSpan TokenWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The operator name the provisioning endpoints record in the audit trail (<c>CollabPlatform.Operator</c>).
    /// Default: the principal's name, else <c>http-provisioning</c>. Guard the provisioning group with the host's own
    /// authorization: Collab cannot tell a vendor's administrator from anyone else.
    /// </summary>
    public Func<HttpContext, string> ProvisioningOperator { get; set; } =
        static context => context.User.Identity?.Name is { Length: > 0 } name ? name : "http-provisioning";
}
