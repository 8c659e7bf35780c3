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
    private readonly IAdministrationStore _administrations;
    private readonly IUserStore _users;
    private readonly CollabAuthorization _access;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="rights">Reads grants and access answers; its optional facet <see cref="IUserOfficeAccessStore"/> is used when present.</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="users">Reads who asks when the rights store has no <see cref="IUserOfficeAccessStore"/> facet.</param>
    /// <param name="access">Resolves who asks (SEC-3).</param>
    public AccessService(IRightsStore rights, IAdministrationStore administrations, IUserStore users, CollabAuthorization access)
    {
        _rights = rights;
        _administrations = administrations;
        _users = users;
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
        var found = party.UserId is { } id && id != default ? await FindUserWithOfficeAccessAsync(id, administration, cancellationToken).ConfigureAwait(false) : null;
        var acting = await _access.AuthorizeAsync(party, found?.User, CollabAction.ReadAccess, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        if (acting.IsOfficeUser)
        {
            return found is { OfficeMayAccess: true };
        }

        var target = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
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
            ? await OfficeAdministrationsAsync(office, cancellationToken).ConfigureAwait(false)
            : acting.Person.ClientId is { } client ? await _administrations.ListLiveAdministrationsAsync(client, acting.Person.Companies, cancellationToken).ConfigureAwait(false) : [];
        return administrations.Select(a => AdministrationView.Of(a, acting.IsClientUser)).ToList();
    }

    // The rights store answers which (SEC-1), the administration store reads them; ordered by number as the office's list (ONB-3).
    private async Task<IReadOnlyList<Administration>> OfficeAdministrationsAsync(OfficeId office, CancellationToken cancellationToken)
    {
        var ids = await _rights.ListAccessibleAdministrationsAsync(office, cancellationToken).ConfigureAwait(false);
        return ids.Count == 0 ? [] : (await _administrations.ListAdministrationsAsync(ids, cancellationToken).ConfigureAwait(false)).OrderBy(a => a.Number.Value).ToList();
    }

    // The fused read when the store offers it (the hot path of every office request); otherwise the two required reads, same answer.
    private async Task<UserOfficeAccess?> FindUserWithOfficeAccessAsync(UserId user, AdministrationId administration, CancellationToken cancellationToken)
    {
        if (_rights is IUserOfficeAccessStore fused)
        {
            return await fused.FindUserWithOfficeAccessAsync(user, administration, cancellationToken).ConfigureAwait(false);
        }

        var found = await _users.FindUserAsync(user, cancellationToken).ConfigureAwait(false);
        return found is null ? null : new UserOfficeAccess(found, found is { Kind: UserKind.OfficeUser, OfficeId: { } office }
            && await _rights.OfficeMayAccessAsync(office, administration, cancellationToken).ConfigureAwait(false));
    }
}
