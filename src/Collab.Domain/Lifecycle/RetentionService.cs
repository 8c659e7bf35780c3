using Collab.Authorization;
using Collab.Registry;
using NodaTime;

namespace Collab.Lifecycle;

/// <summary>
/// Legal holds and the deletion record (RET-2), for the people who place and lift holds and read what was deleted; the
/// deletions themselves are carried out by <see cref="RetentionPassService"/>.
/// </summary>
/// <param name="access">Checks who acts (SEC-3).</param>
/// <param name="administrations">Reads administrations.</param>
/// <param name="lifecycle">Reads schedules.</param>
/// <param name="unitOfWork">Saves changes.</param>
/// <param name="clock">The clock.</param>
public sealed class RetentionService(CollabAuthorization access, IAdministrationStore administrations, ILifecycleStore lifecycle, ICollabUnitOfWork unitOfWork, IClock clock)
{
    private readonly CollabAuthorization _access = access;
    private readonly IAdministrationStore _administrations = administrations;
    private readonly ILifecycleStore _lifecycle = lifecycle;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;

    /// <summary>Places a legal hold: no deletion happens while it stands (RET-2).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who places it.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="reason">Why, for the record and the blocked-deletion notice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="CollabRefusalException">Unknown or deleted administration, or an empty reason.</exception>
    public async Task PlaceLegalHoldAsync(ActingParty party, AdministrationId administration, string reason, CancellationToken cancellationToken = default)
    {
        var (actor, found) = await FindAsync(party, administration, cancellationToken).ConfigureAwait(false);
        found.PlaceLegalHold(reason, actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lifts a legal hold; a due deletion then proceeds on the next pass if the policy agrees.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who lifts it.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="CollabRefusalException">Unknown administration, or no hold to lift.</exception>
    public async Task LiftLegalHoldAsync(ActingParty party, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        var (actor, found) = await FindAsync(party, administration, cancellationToken).ConfigureAwait(false);
        found.LiftLegalHold(actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The deletion schedules of an administration, newest first: for a deleted one, the record of what was deleted, when and why it was allowed.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedules.</returns>
    public async Task<IReadOnlyList<DeletionView>> ListDeletionsAsync(ActingParty party, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        var found = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.ReadDeletions, found, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        return (await _lifecycle.ListDeletionsAsync(administration, cancellationToken).ConfigureAwait(false)).Select(d => DeletionView.Of(d, acting.IsClientUser)).ToList();
    }

    private async Task<(Actor Actor, Administration Administration)> FindAsync(ActingParty party, AdministrationId administration, CancellationToken cancellationToken)
    {
        var found = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.PlaceLegalHold, found, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        return (acting.Actor, found);
    }
}

/// <summary>What one retention pass did.</summary>
/// <param name="Warned">Warnings sent.</param>
/// <param name="Blocked">Due deletions kept because of a legal hold or the retention policy.</param>
/// <param name="Deleted">Administrations deleted.</param>
/// <param name="AuditRowsDeleted">Audit rows deleted past their retention, under signed checkpoints (AUD-2).</param>
public sealed record RetentionPassResult(int Warned, int Blocked, int Deleted, long AuditRowsDeleted = 0);
