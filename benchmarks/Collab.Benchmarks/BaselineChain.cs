using Collab.Evidence;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// What a hand-written baseline must do for AUD-2 too: give each audit row its place in a chain and its SHA-256 with
/// the previous row's. The head is kept in memory (one writer, no lock and no read), so the baseline stays the least
/// any implementation must do; each baseline has a chain of its own so its positions never meet Collab's.
/// </summary>
internal sealed class BaselineChain
{
    private readonly string _chain = "baseline:" + Guid.NewGuid();
    private readonly Lock _gate = new();
    private long _position;
    private string _previous = AuditChain.Genesis;

    public (string Chain, long Position, string Previous, string Hash) Link(Guid id, Instant at, ActorKind actorKind, string actorId, AuditAction action, string subjectType, string subjectId, string details)
    {
        lock (_gate)
        {
            var row = new AuditChainRow(_chain, ++_position, id, at, actorKind, actorId, action, subjectType, subjectId, details, _previous, string.Empty);
            var previous = _previous;
            _previous = AuditChain.Hash(row);
            return (_chain, _position, previous, _previous);
        }
    }
}
