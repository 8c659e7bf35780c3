using NodaTime;

namespace Collab.Tiers;

/// <summary>Reads collaborations, their tiers and what billing needs.</summary>
public interface ITierStore
{
    /// <summary>Finds the collaboration of an office with a client, tracked for change.</summary>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The collaboration, or null.</returns>
    Task<ClientCollaboration?> FindCollaborationAsync(OfficeId office, ClientId client, CancellationToken cancellationToken = default);

    /// <summary>The tier of a client at an office, without tracking anything; null when they do not collaborate.</summary>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tier, or null.</returns>
    Task<ClientTier?> FindTierAsync(OfficeId office, ClientId client, CancellationToken cancellationToken = default);

    /// <summary>
    /// The office's collaborations with the given clients and each client's active client users, in one query,
    /// for a bulk change. They are not tracked, so memory stays flat however large the selection; the unit of work
    /// saves them with <see cref="ICollabUnitOfWork.SaveTierChangesAsync"/>.
    /// </summary>
    /// <param name="office">The office.</param>
    /// <param name="clients">The clients (a chunk of a bulk change).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The collaborations found, each with its client's active users; clients without one are absent.</returns>
    Task<IReadOnlyList<BulkChangeCandidate>> ReadForBulkChangeAsync(
        OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken = default);

    /// <summary>The tiers of the given clients at offices other than <paramref name="office"/> whose collaboration has not ended before <paramref name="today"/>.</summary>
    /// <param name="office">The office to leave out; the default id leaves none out.</param>
    /// <param name="clients">The clients.</param>
    /// <param name="today">The date that decides which collaborations still run.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One entry per other office's running collaboration; a client may appear once per other office.</returns>
    Task<IReadOnlyList<ClientTierAt>> OtherRunningTiersAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, LocalDate today, CancellationToken cancellationToken = default);

    /// <summary>How many active client users each client has, in one query.</summary>
    /// <param name="clients">The clients.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts; clients without active users are absent.</returns>
    Task<IReadOnlyDictionary<ClientId, int>> CountActiveClientUsersAsync(IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams what the monthly statement needs (TIER-7), from the history: one row per client whose collaboration with the
    /// office ran at some moment of [<paramref name="monthStart"/>, <paramref name="nextMonthStart"/>) — between its
    /// <see cref="ClientCollaboration.StartsAt"/> and <see cref="ClientCollaboration.EndsAt"/> — with the highest tier it
    /// held then (the tier of its <see cref="TierHistoryEntry"/> in effect at <paramref name="monthStart"/>, and of every entry
    /// taking effect before <paramref name="nextMonthStart"/> and the end, except one that a later entry replaces at the same instant)
    /// and its client users active at some moment of the range (activated before <paramref name="nextMonthStart"/>, not deactivated
    /// at or before <paramref name="monthStart"/> or at the instant they were activated).
    /// </summary>
    /// <param name="office">The office.</param>
    /// <param name="monthStart">The first instant of the month in the office's time zone.</param>
    /// <param name="nextMonthStart">The first instant of the next month.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per client billed, in no particular order.</returns>
    IAsyncEnumerable<StatementRow> StreamStatementRowsAsync(OfficeId office, Instant monthStart, Instant nextMonthStart, CancellationToken cancellationToken = default);

    /// <summary>The statement an office issued for a month, untracked; null when the month is not issued.</summary>
    /// <param name="office">The office.</param>
    /// <param name="month">The month.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The issued statement with its lines, or null.</returns>
    Task<IssuedStatement?> FindIssuedStatementAsync(OfficeId office, YearMonth month, CancellationToken cancellationToken = default);

    /// <summary>The office's collaborations, one per client, ordered by client id; untracked (the office's client list).</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The collaborations.</returns>
    Task<IReadOnlyList<ClientCollaboration>> ListCollaborationsAsync(OfficeId office, CancellationToken cancellationToken = default);

    /// <summary>Every collaboration of a client, with any office, tracked: work that depends on the client's tier touches them (SEC-4).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The collaborations.</returns>
    Task<IReadOnlyList<ClientCollaboration>> ListClientCollaborationsAsync(ClientId client, CancellationToken cancellationToken = default);
}

/// <summary>A collaboration read for a bulk tier change with its client's active client users (<see cref="ITierStore.ReadForBulkChangeAsync"/>).</summary>
/// <param name="Collaboration">The collaboration, untracked.</param>
/// <param name="ActiveClientUsers">How many active client users its client has.</param>
public sealed record BulkChangeCandidate(ClientCollaboration Collaboration, int ActiveClientUsers);

/// <summary>A client's tier at another office (<see cref="ITierStore.OtherRunningTiersAsync"/>).</summary>
/// <param name="Client">The client.</param>
/// <param name="Tier">Its tier there.</param>
public sealed record ClientTierAt(ClientId Client, ClientTier Tier);
