using Collab.Authorization;
using Collab.Deliverables;
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
    private readonly Registry.IRegistryStore _registry;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="access">Checks who reads (SEC-3).</param>
    /// <param name="deliverables">Tells whose a deliverable is.</param>
    /// <param name="receipts">The kept receipts.</param>
    /// <param name="chains">The audit chains.</param>
    /// <param name="registry">Finds the administration whose chain is verified, for the access check.</param>
    public EvidenceService(CollabAuthorization access, IDeliverableStore deliverables, IReceiptStore receipts, IAuditChainStore chains, Registry.IRegistryStore registry)
    {
        _registry = registry;
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
    /// </summary>
    /// <param name="party">Who asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="chain">The chain, as <see cref="AuditChain.Of(AdministrationId)"/>, <see cref="AuditChain.Of(OfficeId)"/> or <see cref="AuditChain.Platform"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Intact, or the first break.</returns>
    /// <exception cref="CollabRefusalException">The party may not read that chain (<c>access.refused</c>).</exception>
    public async Task<AuditChainVerification> VerifyAuditAsync(ActingParty party, string chain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        const CollabAction read = CollabAction.ReadAudit;
        var separator = chain.IndexOf(':', StringComparison.Ordinal);
        var id = separator > 0 && Guid.TryParse(chain.AsSpan(separator + 1), out var parsed) ? parsed : Guid.Empty;
        var subject = new AuditSubject(separator > 0 ? chain[..separator] : chain, id.ToString());
        switch (subject.Type)
        {
            case "administration" when id != Guid.Empty:
                var administration = await _registry.FindAdministrationAsync(new AdministrationId(id), cancellationToken).ConfigureAwait(false);
                await _access.AuthorizeAsync(party, read, administration, AuditSubject.Administration(new AdministrationId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case "office" when id != Guid.Empty:
                await _access.AuthorizeAsync(party, read, new OfficeId(id), cancellationToken).ConfigureAwait(false);
                break;
            case AuditChain.Platform or AuditChain.Legacy when party.IsPlatform:
                break; // the platform's own chains, and the rows from before chaining: the platform alone verifies them
            default:
                // Every other party and chain: resolved and counted like any audit read, then refused as an unknown target.
                await _access.AuthorizeAsync(party, read, subject, cancellationToken).ConfigureAwait(false);
                throw CollabAuthorization.Refused(subject);
        }

        var rows = await _chains.ReadChainAsync(chain, cancellationToken).ConfigureAwait(false);
        var head = await _chains.FindHeadAsync(chain, cancellationToken).ConfigureAwait(false);
        var checkpoint = await _chains.FindCheckpointAsync(chain, cancellationToken).ConfigureAwait(false);
        return AuditChain.Verify(chain, rows, checkpoint, head ?? new AuditChainHead(checkpoint?.Position ?? 0, checkpoint?.Hash ?? AuditChain.Genesis));
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

/// <summary>Reads audit chains for verification (AUD-2); the store port beside <see cref="AuditChain"/>.</summary>
public interface IAuditChainStore
{
    /// <summary>The rows of a chain in position order.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    Task<IReadOnlyList<AuditChainRow>> ReadChainAsync(string chain, CancellationToken cancellationToken = default);

    /// <summary>Where the store says the chain stands; null when it has no rows yet.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The head.</returns>
    Task<AuditChainHead?> FindHeadAsync(string chain, CancellationToken cancellationToken = default);

    /// <summary>The checkpoint left when the chain's oldest rows were deleted (RET-2); null when none were.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The checkpoint.</returns>
    Task<AuditCheckpoint?> FindCheckpointAsync(string chain, CancellationToken cancellationToken = default);
}
