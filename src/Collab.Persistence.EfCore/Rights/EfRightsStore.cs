using System.Linq.Expressions;
using Collab.Authorization;
using Collab.Registry;
using Collab.Rights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using System.Runtime.CompilerServices;

namespace Collab.Persistence.EfCore;

/// <summary>Grants of rights and the access check (ONB-3, ONB-4, SEC-1), with the optional one-read facet of the access check.</summary>
internal sealed class EfRightsStore<TContext>(TContext context) : EfStore<TContext>(context), IRightsStore, IUserOfficeAccessStore
    where TContext : DbContext
{
    public Task<RightsGrant?> FindGrantAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken) =>
        _context.Set<RightsGrant>().FirstOrDefaultAsync(g => g.OfficeId == office && g.AdministrationId == administration, cancellationToken);

    // The access check runs on most office requests: compiled, so EF skips its query-cache lookup and
    // expression hashing on every call. A compiled query is bound to one model, and one context type may
    // run with several (SQLite and PostgreSQL, or one per tenant), hence one compilation per model.
    private static readonly ConditionalWeakTable<IModel, Func<TContext, OfficeId, AdministrationId, CancellationToken, Task<bool>>> OfficeMayAccessQueries = new();

    public Task<bool> OfficeMayAccessAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken) =>
        OfficeMayAccessQueries.GetValue(_context.Model, static _ => EF.CompileAsyncQuery(ReachRules.Expand<Func<TContext, OfficeId, AdministrationId, CancellationToken, bool>>(
            (TContext context, OfficeId office, AdministrationId administration, CancellationToken _) =>
                context.Set<Administration>().Any(
                    a => a.Id == administration && AdministrationAccess.OfficeMayAccess(a, office, context.Set<RightsGrant>())))))
            (_context, office, administration, cancellationToken);

    // The access check of every office request with who asks (SEC-3): the user and the EXISTS in one compiled query,
    // untracked (the caller only reads it), where the two reads cost one more round trip and about half again the time.
    // A user the scope already tracks is taken as it is, so this call sees what FindUserAsync would.
    private static readonly ConditionalWeakTable<IModel, Func<TContext, UserId, AdministrationId, CancellationToken, Task<UserOfficeAccess?>>> UserWithAccessQueries = new();

    public async Task<UserOfficeAccess?> FindUserWithOfficeAccessAsync(UserId user, AdministrationId administration, CancellationToken cancellationToken)
    {
        if (TrackedUser(user) is { } tracked)
        {
            return new UserOfficeAccess(tracked, tracked is { Kind: UserKind.OfficeUser, OfficeId: { } office }
                && await OfficeMayAccessAsync(office, administration, cancellationToken).ConfigureAwait(false));
        }

        return await UserWithAccessQueries.GetValue(_context.Model, static _ => EF.CompileAsyncQuery(ReachRules.Expand<Func<TContext, UserId, AdministrationId, CancellationToken, UserOfficeAccess?>>(
                (TContext context, UserId user, AdministrationId administration, CancellationToken _) => context.Set<CollabUser>().AsNoTracking()
                    .Where(u => u.Id == user)
                    .Select(u => new UserOfficeAccess(
                        u,
                        u.Kind == UserKind.OfficeUser && u.OfficeId != null && context.Set<Administration>().Any(
                            a => a.Id == administration && AdministrationAccess.OfficeMayAccess(a, u.OfficeId.Value, context.Set<RightsGrant>()))))
                    .FirstOrDefault())))
            (_context, user, administration, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> OfficeReachesClientAsync(OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        _context.Set<Administration>().Where(a => a.ClientId == client).Where(Reached(office)).AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<AdministrationId>> ListAccessibleAdministrationsAsync(OfficeId office, CancellationToken cancellationToken) =>
        await _context.Set<Administration>()
            .Where(Reached(office))
            .OrderBy(a => a.Number)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    // The administrations the office reaches (SEC-1), as a filter: the rule of AdministrationAccess against the grants table.
    private Expression<Func<Administration, bool>> Reached(OfficeId office) =>
        ReachRules.Expand<Func<Administration, bool>>(a => AdministrationAccess.OfficeMayAccess(a, office, _context.Set<RightsGrant>()));
}
