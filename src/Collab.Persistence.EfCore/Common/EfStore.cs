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

    /// <summary>
    /// The user with the id when this context already tracks it (a call that read it before, or will save it), read
    /// without DetectChanges (a key never changes) and not through DbSet.Local, whose view stays subscribed to the
    /// change tracker of a pooled context and slows every later call.
    /// </summary>
    private protected CollabUser? TrackedUser(UserId id)
    {
        var tracker = _context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<CollabUser>())
            {
                if (entry.Entity.Id == id && entry.State != EntityState.Deleted)
                {
                    return entry.Entity;
                }
            }

            return null;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
