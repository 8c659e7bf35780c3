using Collab.Authorization;
using Collab.Registry;

namespace Collab.Rights;

/// <summary>
/// Loads what a rights change acts on for a checked party: the administration (read only to learn whose it is, SEC-3)
/// and the office it is shared with, which must exist. Resolved from dependency injection.
/// </summary>
/// <param name="access">Checks who acts (SEC-3).</param>
/// <param name="administrations">Reads administrations.</param>
/// <param name="offices">Reads offices.</param>
public sealed class RightsTargets(CollabAuthorization access, IAdministrationStore administrations, IOfficeStore offices)
{
    internal async Task<(UserId User, Administration Administration)> AuthorizeAsync(
        ActingParty party, OfficeId office, AdministrationId administration, CollabAction action, CancellationToken cancellationToken)
    {
        var target = administration == default ? null : await administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        var acting = await access.AuthorizeAsync(party, action, target, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        Guard.Id(office.Value, "office");
        _ = await offices.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        return (acting.UserId, target);
    }
}
