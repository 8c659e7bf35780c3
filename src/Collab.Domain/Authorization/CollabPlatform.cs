namespace Collab.Authorization;

/// <summary>
/// The vendor's provisioning desk: the only way to get a party that may shape Collab's directory before any
/// office user exists (register offices and clients, set an office's modules, add companies, administrations,
/// environments and users). The platform party can do nothing else: it cannot read or act on reports,
/// questions, documents, rights, transfers, backups or tiers (apart from linking an office and a client).
/// </summary>
/// <remarks>
/// Registered by <c>AddCollab()</c>. Inject it only into provisioning code (an admin console, an onboarding
/// job), never into request handlers that act for a signed-in person: those pass <see cref="ActingParty.User"/>.
/// </remarks>
public sealed class CollabPlatform
{
    internal CollabPlatform()
    {
    }

    /// <summary>The platform party, named after the operator or job that provisions (recorded in the audit trail).</summary>
    /// <param name="operatorName">Who provisions, such as <c>onboarding</c> or an employee's name.</param>
    /// <returns>The party.</returns>
    /// <exception cref="CollabRefusalException">The name is empty, too long or contains control characters.</exception>
    public ActingParty Operator(string operatorName) => ActingParty.Platform(Guard.Name(operatorName, "operator name"));
}
