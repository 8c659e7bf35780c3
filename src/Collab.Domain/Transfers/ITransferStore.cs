using NodaTime;

namespace Collab.Transfers;

/// <summary>Reads transfer requests, their follow-up checklists and environment access.</summary>
public interface ITransferStore
{
    /// <summary>Finds a transfer request, tracked for change.</summary>
    /// <param name="id">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request, or null.</returns>
    Task<TransferRequest?> FindRequestAsync(TransferRequestId id, CancellationToken cancellationToken = default);

    /// <summary>A client's requests that are still open (awaiting consents or approved).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The open requests.</returns>
    Task<IReadOnlyList<TransferRequest>> ListOpenRequestsAsync(ClientId client, CancellationToken cancellationToken = default);

    /// <summary>Requests awaiting consents whose expiry instant has passed, oldest first, tracked for change.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The due requests.</returns>
    Task<IReadOnlyList<TransferRequest>> FindDueForExpiryAsync(Instant now, int max, CancellationToken cancellationToken = default);

    /// <summary>Finds a user's access to an environment, tracked for change.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The access, or null.</returns>
    Task<EnvironmentAccess?> FindAccessAsync(EnvironmentId environment, UserId user, CancellationToken cancellationToken = default);

    /// <summary>The follow-up checklist of a transfer, in order.</summary>
    /// <param name="transfer">The transfer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items (tracked, so they can be ticked off).</returns>
    Task<IReadOnlyList<FollowUpItem>> ListFollowUpAsync(TransferRequestId transfer, CancellationToken cancellationToken = default);

    /// <summary>The requests that move administrations out of or into an environment of the office, newest first; untracked.</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The requests.</returns>
    Task<IReadOnlyList<TransferRequest>> ListForOfficeAsync(OfficeId office, CancellationToken cancellationToken = default);
}
