using Collab.Authorization;
using Collab.Registry;
using Collab.Telemetry;
using NodaTime;

namespace Collab.Tiers;

/// <summary>
/// Collaborations and their tiers: start and end a collaboration, change a client's tier (TIER-4) alone or in
/// bulk (TIER-5), and answer feature checks at the moment of an action (TIER-6, SHARE-11).
/// </summary>
public sealed class TierService
{
    /// <summary>How many clients a bulk change reads and saves at a time: big enough that commits are few, small enough that memory stays flat.</summary>
    internal int ChunkSize { get; set; } = 500;

    private readonly ITierStore _tiers;
    private readonly IUserStore _users;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IEnumerable<IOpenWorkSource> _openWork;
    private readonly TierCatalogue _catalogue;
    private readonly IClock _clock;
    private readonly CollabTelemetry _telemetry;
    private readonly OfficeZones _zones;
    private readonly CollabAuthorization _access;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="tiers">Reads collaborations.</param>
    /// <param name="users">Reads users.</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="openWork">Every source of open work that a downgrade must respect.</param>
    /// <param name="catalogue">The tier catalogue.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="telemetry">Traces and metrics.</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="zones">The office's zone: local dates in it (RET-1).</param>
    public TierService(ITierStore tiers, IUserStore users, ICollabUnitOfWork unitOfWork, IEnumerable<IOpenWorkSource> openWork, TierCatalogue catalogue, IClock clock, CollabTelemetry telemetry, OfficeZones zones, CollabAuthorization access)
    {
        _access = access;
        _zones = zones;
        _telemetry = telemetry;
        _tiers = tiers;
        _users = users;
        _unitOfWork = unitOfWork;
        _openWork = openWork;
        _catalogue = catalogue;
        _clock = clock;
    }

    /// <summary>Test seam: runs after a bulk chunk is decided and before it is saved.</summary>
    internal Func<Task>? BeforeChunkSaved { get; set; }

    /// <summary>Starts an office's collaboration with a client at a tier.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who starts it.</param>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="tier">The client's tier for all its services.</param>
    /// <param name="startsOn">The first day work can be started (office's local date).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The collaboration.</returns>
    /// <exception cref="CollabRefusalException">Unknown office or client, unknown tier, or the two already collaborate.</exception>
    public async Task<CollaborationView> StartCollaborationAsync(
        ActingParty party, OfficeId office, ClientId client, ClientTier tier, LocalDate startsOn, CancellationToken cancellationToken = default)
    {
        ClientCollaboration.CheckTier(tier);
        var actor = (await _access.AuthorizeAsync(party, CollabAction.StartCollaboration, new NewCollaboration(office, client), AuditSubject.Client(client), cancellationToken).ConfigureAwait(false)).Actor;
        if (await _tiers.FindTierAsync(office, client, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            throw CollabRefusals.CollaborationExists(office, client, existing);
        }

        var zone = await OfficeZoneAsync(office, cancellationToken).ConfigureAwait(false);
        var collaboration = ClientCollaboration.Start(office, client, tier, startsOn, zone, actor, _clock.GetCurrentInstant());
        _unitOfWork.Add(collaboration);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return CollaborationView.Of(collaboration);
    }

    /// <summary>Ends a collaboration: after <paramref name="endsOn"/> no new work can start; the client stays billable for the calendar years in which work could start (TIER-7).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who ends it.</param>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="endsOn">The last day work can be started.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The collaboration.</returns>
    /// <exception cref="CollabRefusalException">No such collaboration, already ended, or the date is before the start.</exception>
    public async Task<CollaborationView> EndCollaborationAsync(ActingParty party, OfficeId office, ClientId client, LocalDate endsOn, CancellationToken cancellationToken = default)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.EndCollaboration, new ClientTarget(client, office), cancellationToken).ConfigureAwait(false)).Actor;
        var collaboration = await FindAsync(office, client, cancellationToken).ConfigureAwait(false);
        var zone = await OfficeZoneAsync(office, cancellationToken).ConfigureAwait(false);
        collaboration.End(endsOn, zone, actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return CollaborationView.Of(collaboration);
    }

    /// <summary>The client's tier at the office now, for all its services (TIER-3).</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tier.</returns>
    /// <exception cref="CollabRefusalException">The office does not collaborate with the client.</exception>
    public async Task<ClientTier> GetTierAsync(ActingParty party, OfficeId office, ClientId client, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadTier, new ClientTarget(client, office), cancellationToken).ConfigureAwait(false);
        return await _tiers.FindTierAsync(office, client, cancellationToken).ConfigureAwait(false) ?? throw NoCollaboration(office, client);
    }

    /// <summary>Reads the client's tier now and refuses unless it includes the feature (SHARE-11). Use before any action that needs a feature.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="feature">The feature the action needs.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The client's tier, which includes the feature.</returns>
    /// <exception cref="CollabRefusalException">No collaboration, or the tier lacks the feature (the reason names the tier that has it).</exception>
    public async Task<ClientTier> RequireFeatureAsync(ActingParty party, OfficeId office, ClientId client, Feature feature, CancellationToken cancellationToken = default)
    {
        var tier = await GetTierAsync(party, office, client, cancellationToken).ConfigureAwait(false);
        _catalogue.Require(tier, feature);
        return tier;
    }

    /// <summary>Moves all of a client's services to another tier at once (TIER-4).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who changes it.</param>
    /// <param name="office">The office.</param>
    /// <param name="client">The client.</param>
    /// <param name="tier">The new tier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome: <see cref="TierChangeStatus.Changed"/> or <see cref="TierChangeStatus.AlreadyOnTier"/>.</returns>
    /// <exception cref="CollabRefusalException">
    /// No collaboration; unknown tier; the new tier allows fewer client users than are active; open work needs a
    /// feature the new tier lacks (the reason names what to finish or remove first); or a concurrent change.
    /// </exception>
    public async Task<TierChangeOutcome> ChangeTierAsync(ActingParty party, OfficeId office, ClientId client, ClientTier tier, CancellationToken cancellationToken = default)
    {
        ClientCollaboration.CheckTier(tier);
        var actor = (await _access.AuthorizeAsync(party, CollabAction.ChangeTier, new ClientTarget(client, office), cancellationToken).ConfigureAwait(false)).Actor;
        var collaboration = await FindAsync(office, client, cancellationToken).ConfigureAwait(false);
        var zone = await OfficeZoneAsync(office, cancellationToken).ConfigureAwait(false);
        var users = await _tiers.CountActiveClientUsersAsync([client], cancellationToken).ConfigureAwait(false);
        var context = await LoadContextAsync(office, zone, [client], users, tier, cancellationToken).ConfigureAwait(false);
        var outcome = Decide(collaboration, tier, context, actor, _clock.GetCurrentInstant());
        if (outcome.Refusal is { } refusal)
        {
            throw new CollabRefusalException(refusal);
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        _telemetry.TierChanges(outcome.Status.ToString(), 1);
        return outcome;
    }

    /// <summary>
    /// Changes the tier of many clients in one command (TIER-5, "selectiemodus voor mutatie"). Clients that can
    /// change do; the others are untouched and their outcome says why. Works in chunks: a few queries per chunk,
    /// never one per client, and never the whole selection in memory. A client changed by someone else during
    /// the run gets <see cref="TierChangeStatus.ConcurrentChange"/> instead of overwriting that change.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who changes them.</param>
    /// <param name="office">The office.</param>
    /// <param name="clients">The selection; duplicates are reported once each, in order.</param>
    /// <param name="tier">The new tier.</param>
    /// <param name="cancellationToken">Cancels between chunks; chunks already saved stay saved.</param>
    /// <returns>One outcome per requested client, in request order.</returns>
    /// <exception cref="CollabRefusalException">The tier is unknown (nothing changes).</exception>
    public async Task<BulkTierChangeResult> ChangeTiersAsync(
        ActingParty party, OfficeId office, IReadOnlyCollection<ClientId> clients, ClientTier tier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ClientCollaboration.CheckTier(tier);
        var actor = (await _access.AuthorizeAsync(party, CollabAction.ChangeTier, office, cancellationToken).ConfigureAwait(false)).Actor; // clients it does not collaborate with come back NotFound
        using var activity = CollabTelemetry.Source.StartActivity("collab.tier.bulk-change");
        activity?.SetTag("collab.clients", clients.Count);
        var outcomes = new List<TierChangeOutcome>(clients.Count);
        var zone = await OfficeZoneAsync(office, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in clients.Chunk(ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var distinct = chunk.Distinct().ToArray();
            var read = await _tiers.ReadForBulkChangeAsync(office, distinct, cancellationToken).ConfigureAwait(false);
            var collaborations = read.ToDictionary(r => r.Collaboration.ClientId, r => r.Collaboration);
            var context = await LoadContextAsync(office, zone, distinct, read.ToDictionary(r => r.Collaboration.ClientId, r => r.ActiveClientUsers), tier, cancellationToken)
                .ConfigureAwait(false);
            var now = _clock.GetCurrentInstant();
            var decided = new Dictionary<ClientId, TierChangeOutcome>(distinct.Length);
            foreach (var client in distinct)
            {
                decided[client] = collaborations.TryGetValue(client, out var collaboration)
                    ? Decide(collaboration, tier, context, actor, now)
                    : new TierChangeOutcome(client, TierChangeStatus.NotFound, null, NoCollaboration(office, client).Refusal);
            }

            if (BeforeChunkSaved is { } hook)
            {
                await hook().ConfigureAwait(false);
            }

            var changed = distinct.Where(c => decided[c].Status == TierChangeStatus.Changed).Select(c => collaborations[c]).ToList();
            foreach (var client in await _unitOfWork.SaveTierChangesAsync(changed, cancellationToken).ConfigureAwait(false))
            {
                decided[client] = new TierChangeOutcome(client, TierChangeStatus.ConcurrentChange, null, CollabRefusals.TierConcurrentChange(client).Refusal);
            }

            outcomes.AddRange(chunk.Select(c => decided[c]));
        }

        foreach (var status in Enum.GetValues<TierChangeStatus>())
        {
            _telemetry.TierChanges(status.ToString(), outcomes.Count(o => o.Status == status));
        }

        return new BulkTierChangeResult(outcomes);
    }

    private TierChangeOutcome Decide(ClientCollaboration collaboration, ClientTier tier, ChangeContext context, Actor actor, Instant now)
    {
        var client = collaboration.ClientId;
        if (collaboration.Tier == tier)
        {
            return new TierChangeOutcome(client, TierChangeStatus.AlreadyOnTier, tier, null);
        }

        // TIER-4: every change (in practice a downgrade) must leave room for the active users and keep the
        // features open work depends on. Other offices' running collaborations may allow more users.
        var activeUsers = context.ActiveUsers.GetValueOrDefault(client);
        var allowed = _catalogue.MaxClientUsers(tier);
        foreach (var other in context.OtherTiers[client])
        {
            allowed = Math.Max(allowed, _catalogue.MaxClientUsers(other));
        }

        if (activeUsers > allowed)
        {
            var who = string.Join(", ", context.ActiveEmails[client]);
            return Refused(client, collaboration.Tier, CollabRefusals.TierTooManyClientUsers(client, activeUsers, who, tier, allowed, activeUsers - allowed).Refusal);
        }

        var features = _catalogue.FeaturesOf(tier);
        var blocking = context.OpenWork[client].Where(w => !features.Contains(w.Feature)).ToList();
        if (blocking.Count > 0)
        {
            var what = blocking.Select(w => new Texts.TextRef("tier.open-work-item", w.Text ?? (object)w.Description, w.Feature.ToString())).ToList();
            return Refused(client, collaboration.Tier, CollabRefusals.TierOpenWorkNeedsFeature(tier, client, what).Refusal);
        }

        collaboration.ChangeTier(tier, actor, now);
        return new TierChangeOutcome(client, TierChangeStatus.Changed, tier, null);
    }

    private static TierChangeOutcome Refused(ClientId client, ClientTier current, Refusal refusal) =>
        new(client, TierChangeStatus.Refused, current, refusal);

    /// <summary>The office's collaborations, one per client with its tier (the office's client list).</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The collaborations.</returns>
    public async Task<IReadOnlyList<CollaborationView>> ListCollaborationsAsync(ActingParty party, OfficeId office, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadCollaborations, office, cancellationToken).ConfigureAwait(false);
        return (await _tiers.ListCollaborationsAsync(office, cancellationToken).ConfigureAwait(false)).Select(CollaborationView.Of).ToList();
    }

    private async Task<ChangeContext> LoadContextAsync(
        OfficeId office, DateTimeZone zone, IReadOnlyCollection<ClientId> clients, IReadOnlyDictionary<ClientId, int> users, ClientTier tier, CancellationToken cancellationToken)
    {
        // Other offices' tiers matter only for clients with more active users than the new tier allows: ask for those alone.
        var overLimit = users.Where(u => u.Value > _catalogue.MaxClientUsers(tier)).Select(u => u.Key).ToArray();
        var today = _clock.GetCurrentInstant().InZone(zone).Date;
        var others = overLimit.Length == 0 ? [] : await _tiers.OtherRunningTiersAsync(office, overLimit, today, cancellationToken).ConfigureAwait(false);
        var work = new List<OpenWork>();
        foreach (var source in _openWork)
        {
            work.AddRange(await source.FindOpenWorkAsync(office, clients, cancellationToken).ConfigureAwait(false));
        }

        // The users are named (TIER-4) only for clients over the new tier's limit: a few reads, off the common path.
        var emails = new List<(ClientId Client, string Email)>();
        foreach (var client in overLimit)
        {
            // Only users this office may read are named (SEC-5, SEC-6): another office's invitees count, but stay nameless.
            emails.AddRange((await _users.ListClientUsersAsync(client, cancellationToken).ConfigureAwait(false)).Where(u => u.IsActive && u.SeesWorkOf(office)).Select(u => (client, u.Email)).OrderBy(e => e.Email, StringComparer.Ordinal));
        }

        return new ChangeContext(users, others.ToLookup(o => o.Client, o => o.Tier), work.ToLookup(w => w.Client), emails.ToLookup(e => e.Client, e => e.Email));
    }

    private async Task<DateTimeZone> OfficeZoneAsync(OfficeId office, CancellationToken cancellationToken)
    {
        return await _zones.ZoneOfAsync(office, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ClientCollaboration> FindAsync(OfficeId office, ClientId client, CancellationToken cancellationToken)
    {
        Guard.Id(office.Value, "office");
        Guard.Id(client.Value, "client");
        return await _tiers.FindCollaborationAsync(office, client, cancellationToken).ConfigureAwait(false) ?? throw NoCollaboration(office, client);
    }

    private static CollabRefusalException NoCollaboration(OfficeId office, ClientId client) =>
        new(CollabRefusals.CollaborationNotFound("TIER-3", office, client).Refusal);

    // Indexed by client: a chunk of thousands of clients must not scan these lists once per client.
    private sealed record ChangeContext(IReadOnlyDictionary<ClientId, int> ActiveUsers, ILookup<ClientId, ClientTier> OtherTiers, ILookup<ClientId, OpenWork> OpenWork, ILookup<ClientId, string> ActiveEmails);
}
