namespace Collab.Portal;

/// <summary>The store of the <see cref="QuestionBatch"/> aggregate (SHARE-9). Reads only; the unit of work saves.</summary>
public interface IQuestionBatchStore
{
    /// <summary>Finds a question batch, tracked.</summary>
    /// <param name="id">The batch.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch, or null when none has the id.</returns>
    Task<QuestionBatch?> FindBatchAsync(QuestionBatchId id, CancellationToken cancellationToken = default);

    /// <summary>Question batches the office sent to the given clients that are not fully answered yet (open work, TIER-4).</summary>
    /// <param name="office">The office.</param>
    /// <param name="clients">The clients.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One entry per batch in the sent state, in no particular order; never one of another office or client, nor one answered.</returns>
    Task<IReadOnlyList<OpenBatch>> ListOpenBatchesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken = default);
}

/// <summary>A question batch that waits for its client's answers (<see cref="IQuestionBatchStore.ListOpenBatchesAsync"/>).</summary>
/// <param name="Client">The client it was sent to.</param>
/// <param name="Title">Its title.</param>
public sealed record OpenBatch(ClientId Client, string Title);
