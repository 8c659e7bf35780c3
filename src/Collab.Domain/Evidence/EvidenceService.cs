using Collab.Authorization;
using Collab.Deliverables;
using Collab.Registry;
using NodaTime;

namespace Collab.Evidence;

/// <summary>
/// Hands out the evidence Collab keeps: the signed receipts of decisions (SHARE-18) and the verification of an audit
/// chain (AUD-2). Every read checks who asks (SEC-3) and returns documents made for the reader (SEC-6).
/// </summary>
public sealed class EvidenceService
{
    private readonly CollabAuthorization _access;
    private readonly IDeliverableStore _deliverables;
    private readonly IReceiptStore _receipts;
    private readonly IAuditChainStore _chains;
    private readonly Registry.IAdministrationStore _administrations;
    private readonly Registry.IUserStore _users;
    private readonly ReceiptOptions _key;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="access">Checks who reads (SEC-3).</param>
    /// <param name="deliverables">Tells whose a deliverable is.</param>
    /// <param name="receipts">The kept receipts.</param>
    /// <param name="chains">The audit chains.</param>
    /// <param name="administrations">Finds the administration whose chain is verified, for the access check.</param>
    /// <param name="users">Reads the users who wrote a chain's rows, to count only what the reader may read.</param>
    /// <param name="options">Collab's options: the receipt key, whose public half checks a chain's checkpoint.</param>
    public EvidenceService(CollabAuthorization access, IDeliverableStore deliverables, IReceiptStore receipts, IAuditChainStore chains, Registry.IAdministrationStore administrations, Registry.IUserStore users, Microsoft.Extensions.Options.IOptions<CollabOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = options.Value.Receipts;
        _administrations = administrations;
        _users = users;
        _access = access;
        _deliverables = deliverables;
        _receipts = receipts;
        _chains = chains;
    }

    /// <summary>
    /// The receipts of a deliverable (SHARE-18), oldest first: for the office that made it, all of them; for a client
    /// user, those of its own decisions.
    /// </summary>
    /// <param name="party">Who reads; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="deliverable">The deliverable.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The receipts the reader may have.</returns>
    /// <exception cref="CollabRefusalException">The party may not reach the deliverable, or it does not exist (<c>access.refused</c>).</exception>
    public async Task<IReadOnlyList<ReceiptView>> ListReceiptsAsync(ActingParty party, DeliverableId deliverable, CancellationToken cancellationToken = default)
    {
        var subject = AuditSubject.Deliverable(deliverable);
        var found = deliverable == default ? null : await _deliverables.FindDeliverableAsync(deliverable, cancellationToken).ConfigureAwait(false);
        var owner = found is null ? (OfficeWork?)null : new OfficeWork(found.OfficeId, found.ClientId, found.CompanyId, found.State != DeliverableState.Draft);
        var reader = await _access.AuthorizeAsync(party, CollabAction.ReadAudit, owner, subject, cancellationToken).ConfigureAwait(false);
        var kept = await _receipts.ListReceiptsAsync(deliverable, cancellationToken).ConfigureAwait(false);
        return [.. kept.Where(r => !reader.IsClientUser || r.DecidedBy == reader.UserId).Select(r => new ReceiptView(r.Id, r.DeliverableId, r.Revision, r.Approved, r.DecidedAt, r.Json))];
    }

    /// <summary>
    /// Verifies an audit chain (AUD-2) from its first kept row (or its checkpoint) to its head, and names the first row
    /// that was changed, removed or inserted. The chain of an administration is verified for those who may read its audit;
    /// an office's for that office; the platform's (and the rows from before chaining, <see cref="AuditChain.Legacy"/>) for the platform.
    /// The whole chain is checked, read as a stream (constant memory, however long); the answer is made for its reader
    /// (SEC-6): <see cref="AuditChainVerification.RowsVerified"/> counts the rows the reader may read (an office not those of
    /// another office's work on the same administration), and a break's position counts those rows too (the break lies
    /// after the reader's n-th row), with the row's id only when the reader may read that row. The platform reads all.
    /// </summary>
    /// <param name="party">Who asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="chain">The chain, as <see cref="AuditChain.Of(AdministrationId)"/>, <see cref="AuditChain.Of(OfficeId)"/> or <see cref="AuditChain.Platform"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Intact, or the first break, as the reader may see it.</returns>
    /// <exception cref="CollabRefusalException">The party may not read that chain (<c>access.refused</c>).</exception>
    public async Task<AuditChainVerification> VerifyAuditAsync(ActingParty party, string chain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        const CollabAction read = CollabAction.ReadAudit;
        var separator = chain.IndexOf(':', StringComparison.Ordinal);
        var id = separator > 0 && Guid.TryParse(chain.AsSpan(separator + 1), out var parsed) ? parsed : Guid.Empty;
        var subject = new AuditSubject(separator > 0 ? chain[..separator] : chain, id.ToString());
        Acting? reader = null;
        switch (subject.Type)
        {
            case "administration" when id != Guid.Empty:
                var administration = await _administrations.FindAdministrationAsync(new AdministrationId(id), cancellationToken).ConfigureAwait(false);
                reader = await _access.AuthorizeAsync(party, read, administration, AuditSubject.Administration(new AdministrationId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case "office" when id != Guid.Empty:
                reader = await _access.AuthorizeAsync(party, read, new OfficeId(id), cancellationToken).ConfigureAwait(false);
                break;
            case AuditChain.Platform or AuditChain.Legacy when party.IsPlatform:
                break; // the platform's own chains, and the rows from before chaining: the platform alone verifies them
            default:
                // Every other party and chain: resolved and counted like any audit read, then refused as an unknown target.
                await _access.AuthorizeAsync(party, read, subject, cancellationToken).ConfigureAwait(false);
                throw CollabAuthorization.Refused(subject);
        }

        var user = reader?.User;
        var (verification, readers) = await WalkAsync(chain, user is not null, cancellationToken).ConfigureAwait(false);
        return user is null ? verification : await readers!.ForAsync(user, verification, _users, cancellationToken).ConfigureAwait(false);
    }

    // The checkpoint, then the head, then the rows up to the head: rows a writer adds meanwhile are past the head and not
    // read. A retention pass that deletes the oldest rows meanwhile moves the checkpoint: then the walk is done once more.
    // A checkpoint the receipt key did not sign counts for nothing: the rows before the first kept one are then missing.
    private async Task<(AuditChainVerification Verification, ChainReaders? Readers)> WalkAsync(string chain, bool forUser, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var checkpoint = await _chains.FindCheckpointAsync(chain, cancellationToken).ConfigureAwait(false);
            var head = await _chains.FindHeadAsync(chain, cancellationToken).ConfigureAwait(false)
                       ?? new AuditChainHead(checkpoint?.Position ?? 0, checkpoint?.Hash ?? AuditChain.Genesis);
            var signed = checkpoint is not null && _key.IsConfigured && checkpoint.IsSignedBy(_key.CreateSigner().ExportPublicKey()) ? checkpoint : null;
            var readers = forUser ? new ChainReaders() : null; // the platform reads every row: nothing to tally
            var rows = UpToAsync(chain, head, cancellationToken);
            var verification = await AuditChain.VerifyAsync(chain, readers is null ? rows : readers.Count(rows), signed, head, cancellationToken).ConfigureAwait(false);
            if (verification.IsIntact || attempt == 2 || await _chains.FindCheckpointAsync(chain, cancellationToken).ConfigureAwait(false) == checkpoint)
            {
                return (verification, readers);
            }
        }
    }

    private async IAsyncEnumerable<AuditChainRow> UpToAsync(string chain, AuditChainHead head, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _chains.StreamChainAsync(chain, cancellationToken).ConfigureAwait(false))
        {
            if (row.Position > head.Position
                && await _chains.FindHeadAsync(chain, cancellationToken).ConfigureAwait(false) is { } moved && moved.Position >= row.Position)
            {
                yield break; // written after the head was read
            }

            yield return row; // a row past a head that did not move was put in: the walk names it
        }
    }

    // Tallies the streamed rows by what decides who may read them (actor, and the office and company the details name),
    // so the answer can be cut to its reader without holding the rows: the verified rows are all streamed rows but the
    // last one or two (the broken row and the one read after it).
    private sealed class ChainReaders
    {
        private readonly Dictionary<(ActorKind Kind, string Actor, string? Office, string? Company), long> _tally = [];
        private readonly List<(Guid Id, (ActorKind, string, string?, string?) Key)> _last = [];
        private long _streamed;

        public async IAsyncEnumerable<AuditChainRow> Count(IAsyncEnumerable<AuditChainRow> rows)
        {
            await foreach (var row in rows.ConfigureAwait(false))
            {
                var key = (row.ActorKind, row.ActorId, AuditService.Field(row.Details, "office"), AuditService.Field(row.Details, "company"));
                _tally[key] = _tally.GetValueOrDefault(key) + 1;
                _last.Add((row.Id, key));
                if (_last.Count > 2)
                {
                    _last.RemoveAt(0);
                }

                _streamed++;
                yield return row;
            }
        }

        public async Task<AuditChainVerification> ForAsync(CollabUser reader, AuditChainVerification verification, Registry.IUserStore users, CancellationToken cancellationToken)
        {
            var actors = await AuditService.ActorsAsync(users, _tally.Keys.Select(k => new Actor(k.Kind, k.Actor)), cancellationToken).ConfigureAwait(false);
            var readable = _tally.Keys.Where(k => AuditService.Readable(reader, k.Actor, k.Office, k.Company, actors)).ToHashSet();
            if (readable.Count == _tally.Count)
            {
                return verification; // the reader may read every row: the chain's own numbers
            }

            var unverified = _last.Skip(_last.Count - (int)Math.Min(_streamed - verification.RowsVerified, _last.Count)).ToList();
            var count = _tally.Where(t => readable.Contains(t.Key)).Sum(t => t.Value) - unverified.Count(u => readable.Contains(u.Key));
            if (verification.FirstBreak is not { } found)
            {
                return verification with { RowsVerified = count };
            }

            var row = unverified.FirstOrDefault(u => u.Id == found.RowId);
            var named = found.RowId is not null && row.Id == found.RowId && readable.Contains(row.Key) ? found.RowId : null;
            return verification with { RowsVerified = count, FirstBreak = found with { Position = count + 1, RowId = named } };
        }
    }
}

/// <summary>A kept receipt as its reader gets it (SHARE-18): the signed document and what finds it.</summary>
/// <param name="Id">The receipt's id.</param>
/// <param name="Deliverable">The deliverable.</param>
/// <param name="Revision">The revision decided on.</param>
/// <param name="Approved">Approved, else rejected.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Json">The signed receipt, canonical JSON: save it as a <c>.json</c> file and check it with <c>collab-verify</c>.</param>
public sealed record ReceiptView(Guid Id, DeliverableId Deliverable, int Revision, bool Approved, Instant DecidedAt, string Json);

/// <summary>How far a chain may be cut by retention (RET-2): its rows up to <paramref name="Position"/> are past their retention.</summary>
/// <param name="Chain">The chain.</param>
/// <param name="Position">The last row that goes.</param>
/// <param name="Hash">That row's hash, for the checkpoint.</param>
public sealed record AuditChainCut(string Chain, long Position, string Hash);

/// <summary>Reads audit chains for verification and cuts their oldest rows under a checkpoint (AUD-2); the store port beside <see cref="AuditChain"/>.</summary>
public interface IAuditChainStore
{
    /// <summary>The rows of a chain in position order, streamed (a chain may hold millions of rows: read them one by one, never all at once).</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    IAsyncEnumerable<AuditChainRow> StreamChainAsync(string chain, CancellationToken cancellationToken = default);

    /// <summary>Where the store says the chain stands; null when it has no rows yet.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The head.</returns>
    Task<AuditChainHead?> FindHeadAsync(string chain, CancellationToken cancellationToken = default);

    /// <summary>
    /// Chains whose oldest rows were written before <paramref name="before"/>, each with how far it may be cut: the last
    /// position up to which every row was written before then, and that row's hash (RET-2, AUD-2).
    /// </summary>
    /// <param name="before">Rows written before this instant are past their retention.</param>
    /// <param name="max">At most this many chains.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cuts.</returns>
    Task<IReadOnlyList<AuditChainCut>> FindExpiredAsync(NodaTime.Instant before, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a chain's rows up to the checkpoint's position and keeps the signed checkpoint, in one transaction, so the
    /// rest of the chain still verifies (AUD-2, RET-2). False when another pass cut the chain there first (nothing changed).
    /// </summary>
    /// <param name="checkpoint">The signed checkpoint: the last deleted row's position and hash.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>How many rows were deleted, or -1 when the checkpoint was there already.</returns>
    Task<long> CutAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The checkpoint left when the chain's oldest rows were deleted (RET-2); null when none were.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The checkpoint.</returns>
    Task<AuditCheckpoint?> FindCheckpointAsync(string chain, CancellationToken cancellationToken = default);
}
