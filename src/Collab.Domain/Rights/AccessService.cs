using Collab.Authorization;
using Collab.Registry;

namespace Collab.Rights;

/// <summary>
/// Answers what the acting user may see (SEC-1): an office user sees what its office holds and what clients
/// granted it; a client user sees the live administrations of the companies it was given. An administration
/// out of reach and one that does not exist both get "no", so the answer reveals nothing.
/// </summary>
public sealed class AccessService
{
    private readonly IRightsStore _rights;
    private readonly IRegistryStore _registry;
    private readonly CollabAuthorization _access;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="rights">Reads grants.</param>
    /// <param name="registry">Reads administrations.</param>
    /// <param name="access">Resolves who asks (SEC-3).</param>
    public AccessService(IRightsStore rights, IRegistryStore registry, CollabAuthorization access)
    {
        _rights = rights;
        _registry = registry;
        _access = access;
    }

    /// <summary>Whether the acting user may access an administration now.</summary>
    /// <param name="party">Who asks, about itself; an unknown or deactivated user is refused.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when access is allowed.</returns>
    /// <exception cref="CollabRefusalException">The party is not an active user (<c>access.refused</c>).</exception>
    public async Task<bool> MayAccessAsync(ActingParty party, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        // The hot path of every office request: who asks (SEC-3) and the office's access read together.
        var found = party.UserId is { } id && id != default ? await _rights.FindUserWithOfficeAccessAsync(id, administration, cancellationToken).ConfigureAwait(false) : null;
        var acting = await _access.AuthorizeAsync(party, found?.User, CollabAction.ReadAccess, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        if (acting.IsOfficeUser)
        {
            return found is { OfficeMayAccess: true };
        }

        var target = administration == default ? null : await _registry.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        return target is { IsLive: true } && await _access.ReachesAsync(acting, CollabAction.ReadAccess, target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every administration the acting user may access, ordered by number (ONB-3: the office's list).</summary>
    /// <param name="party">Who asks, about itself.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations.</returns>
    /// <exception cref="CollabRefusalException">The party is not an active user (<c>access.refused</c>).</exception>
    public async Task<IReadOnlyList<AdministrationView>> ListAsync(ActingParty party, CancellationToken cancellationToken = default)
    {
        var acting = await _access.AuthorizeAsync(party, CollabAction.ReadAccess, new AuditSubject("administrations", "all"), cancellationToken).ConfigureAwait(false);
        var administrations = acting.Office is { } office
            ? await _rights.ListOfficeAdministrationsAsync(office, cancellationToken).ConfigureAwait(false)
            : acting.Person.ClientId is { } client ? await _rights.ListCompanyAdministrationsAsync(client, acting.Person.Companies, cancellationToken).ConfigureAwait(false) : [];
        return administrations.Select(a => AdministrationView.Of(a, acting.IsClientUser)).ToList();
    }
}
