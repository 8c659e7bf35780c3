using System.Runtime.CompilerServices;
using Collab.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Collab.Persistence.EfCore;

/// <summary>
/// The registry's six aggregates — offices, clients, companies, administrations, environments and users — one store per
/// aggregate port, in one class because they share the context and nothing else (each port is registered on its own).
/// </summary>
internal sealed class EfRegistryStore<TContext>(TContext context)
    : EfStore<TContext>(context), IOfficeStore, IClientStore, ICompanyStore, IAdministrationStore, IEnvironmentStore, IUserStore
    where TContext : DbContext
{
    public async Task<Office?> FindOfficeAsync(OfficeId id, CancellationToken cancellationToken) =>
        await _context.Set<Office>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    public async Task<Client?> FindClientAsync(ClientId id, CancellationToken cancellationToken) =>
        await _context.Set<Client>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    public async Task<Company?> FindCompanyAsync(CompanyId id, CancellationToken cancellationToken) =>
        await _context.Set<Company>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    public async Task<Administration?> FindAdministrationAsync(AdministrationId id, CancellationToken cancellationToken) =>
        await _context.Set<Administration>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    // Who acts is resolved on every call (SEC-3), so this is a hot path. A user the scope already tracks costs no query
    // (a call that reads the user again, or the people it notifies); otherwise one compiled query per model, which skips
    // the query building FindAsync repeats each time (4.9x instead of 6.3x the bare access check, pooled).
    private static readonly ConditionalWeakTable<IModel, Func<TContext, UserId, CancellationToken, Task<CollabUser?>>> UserQueries = new();

    public Task<CollabUser?> FindUserAsync(UserId id, CancellationToken cancellationToken) =>
        TrackedUser(id) is { } tracked
            ? Task.FromResult<CollabUser?>(tracked)
            : UserQueries.GetValue(_context.Model, static _ => EF.CompileAsyncQuery(
                    (TContext context, UserId user, CancellationToken _) => context.Set<CollabUser>().FirstOrDefault(u => u.Id == user)))
                (_context, id, cancellationToken);

    public async Task<CollabEnvironment?> FindEnvironmentAsync(EnvironmentId id, CancellationToken cancellationToken) =>
        await _context.Set<CollabEnvironment>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<CollabUser>> ListUsersAsync(IReadOnlyCollection<UserId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToArray();
        return await _context.Set<CollabUser>().Where(u => wanted.Contains(u.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CollabEnvironment>> ListEnvironmentsAsync(IReadOnlyCollection<EnvironmentId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToArray();
        return await _context.Set<CollabEnvironment>().Where(e => wanted.Contains(e.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Administration>> ListAdministrationsAsync(IReadOnlyCollection<AdministrationId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToArray();
        return await _context.Set<Administration>().AsNoTracking().Where(a => wanted.Contains(a.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Administration>> ListLiveAdministrationsAsync(
        ClientId client, IReadOnlyCollection<CompanyId> companies, CancellationToken cancellationToken)
    {
        var ids = companies.ToArray();
        return await _context.Set<Administration>().AsNoTracking()
            .Where(a => a.ClientId == client && ids.Contains(a.CompanyId) && a.State == AdministrationState.Live)
            .OrderBy(a => a.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Company>> ListCompaniesAsync(ClientId client, CancellationToken cancellationToken) =>
        await _context.Set<Company>().AsNoTracking().Where(c => c.ClientId == client).OrderBy(c => c.Name).ToListAsync(cancellationToken).ConfigureAwait(false);

    public Task<CollabUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken) =>
        _context.Set<CollabUser>().FirstOrDefaultAsync(u => u.Email == email, cancellationToken);

    public Task<bool> UserEmailExistsAsync(string email, CancellationToken cancellationToken) =>
        _context.Set<CollabUser>().AnyAsync(u => u.Email == email, cancellationToken);

    public Task<Administration?> FindLiveAdministrationByNumberAsync(AdministrationNumber number, CancellationToken cancellationToken) =>
        _context.Set<Administration>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Number == number && (a.State == AdministrationState.Live || a.State == AdministrationState.Restoring), cancellationToken);

    public async Task<IReadOnlyList<CollabUser>> ClientUsersReachingAsync(ClientId client, CompanyId company, CancellationToken cancellationToken)
    {
        var users = await _context.Set<CollabUser>().AsNoTracking()
            .Where(u => u.ClientId == client && u.IsActive && u.Kind == UserKind.ClientUser)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return users.Where(u => u.MayReach(company)).ToList();
    }

    public async Task<IReadOnlyList<CollabUser>> ListClientUsersAsync(ClientId client, CancellationToken cancellationToken) =>
        await _context.Set<CollabUser>().AsNoTracking()
            .Where(u => u.ClientId == client && u.IsActive && u.Kind == UserKind.ClientUser)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<CollabUser>> OfficeUsersAsync(OfficeId office, CancellationToken cancellationToken) =>
        await _context.Set<CollabUser>().AsNoTracking()
            .Where(u => u.OfficeId == office && u.IsActive && u.Kind == UserKind.OfficeUser)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
