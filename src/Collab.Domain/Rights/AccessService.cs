using Collab.Registry;

namespace Collab.Rights;

/// <summary>
/// Answers who may see which administration (SEC-1): an office sees what it holds and what clients granted
/// it; an office user sees what its office sees; a client user sees the administrations of the companies it
/// was given. Unknown ids get "no", never an error, so the answer reveals nothing.
/// </summary>
public sealed class AccessService
{
    private readonly IRegistryStore _registry;
    private readonly IRightsStore _rights;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="registry">Reads the registry.</param>
    /// <param name="rights">Reads grants.</param>
    public AccessService(IRegistryStore registry, IRightsStore rights)
    {
        _registry = registry;
        _rights = rights;
    }

    /// <summary>Whether an office may access an administration now.</summary>
    /// <param name="office">The office.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when the office holds it or has an active grant.</returns>
    public Task<bool> OfficeMayAccessAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken = default) =>
        _rights.OfficeMayAccessAsync(office, administration, cancellationToken);

    /// <summary>Whether a user (office or client) may access an administration now.</summary>
    /// <param name="user">The user.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>True when access is allowed.</returns>
    public async Task<bool> UserMayAccessAsync(UserId user, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        var found = await _registry.FindUserAsync(user, cancellationToken).ConfigureAwait(false);
        switch (found)
        {
            case { IsActive: false }:
                return false;
            case { Kind: UserKind.OfficeUser, OfficeId: { } office }:
                return await _rights.OfficeMayAccessAsync(office, administration, cancellationToken).ConfigureAwait(false);
            case { Kind: UserKind.ClientUser }:
                var target = await _registry.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
                return target is { IsLive: true } && target.ClientId == found.ClientId && found.MayReach(target.CompanyId);
            default:
                return false;
        }
    }

    /// <summary>The office's list: every administration it may access, ordered by number (ONB-3).</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations.</returns>
    public Task<IReadOnlyList<Administration>> ListForOfficeAsync(OfficeId office, CancellationToken cancellationToken = default) =>
        _rights.ListOfficeAdministrationsAsync(office, cancellationToken);

    /// <summary>Every administration a user may access, ordered by number.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administrations; empty for an unknown user.</returns>
    public async Task<IReadOnlyList<Administration>> ListForUserAsync(UserId user, CancellationToken cancellationToken = default)
    {
        var found = await _registry.FindUserAsync(user, cancellationToken).ConfigureAwait(false);
        return found switch
        {
            { IsActive: false } => [],
            { Kind: UserKind.OfficeUser, OfficeId: { } office } => await _rights.ListOfficeAdministrationsAsync(office, cancellationToken).ConfigureAwait(false),
            { Kind: UserKind.ClientUser, ClientId: { } client } => await _rights.ListCompanyAdministrationsAsync(client, found.Companies, cancellationToken).ConfigureAwait(false),
            _ => [],
        };
    }
}
