using Collab.Registry;
using Microsoft.EntityFrameworkCore;

namespace Collab.Persistence.EfCore;

/// <summary>
/// Base of the EF Core stores: each port has its own store class, and all of them share the vendor's scoped
/// DbContext, so what they track is saved together by <see cref="EfUnitOfWork{TContext}"/>.
/// </summary>
internal abstract class EfStore<TContext>
    where TContext : DbContext
{
    private protected readonly TContext _context;

    private protected EfStore(TContext context)
    {
        _context = context;
        if (context.Model.FindEntityType(typeof(Office)) is null)
        {
            throw new InvalidOperationException(
                $"{typeof(TContext).Name} has no Collab tables: call modelBuilder.ApplyCollabModel() in its OnModelCreating.");
        }
    }
}
