using Collab.Workflow;
using NodaTime;

namespace Collab.Transfers;

/// <summary>Where a transfer request stands.</summary>
public enum TransferState
{
    /// <summary>Waiting for the three consents (XFER-2).</summary>
    AwaitingConsents = 0,

    /// <summary>All three parties consented; it can be executed.</summary>
    Approved = 1,

    /// <summary>A party refused. Final.</summary>
    Refused = 2,

    /// <summary>The requester cancelled it. Final.</summary>
    Cancelled = 3,

    /// <summary>Not fully consented within its validity. Final (RET-3).</summary>
    Expired = 4,

    /// <summary>The administrations moved (XFER-4). Final.</summary>
    Executed = 5,
}

/// <summary>What can happen to a transfer request.</summary>
public enum TransferTrigger
{
    /// <summary>A party consents.</summary>
    Consent = 0,

    /// <summary>A party refuses.</summary>
    Refuse = 1,

    /// <summary>The requester cancels.</summary>
    Cancel = 2,

    /// <summary>The validity ran out.</summary>
    Expire = 3,

    /// <summary>The move is carried out.</summary>
    Execute = 4,

    /// <summary>The third consent is in. Fired by the request itself right after recording a consent, never from outside.</summary>
    Complete = 5,
}

/// <summary>The three parties whose consent a transfer needs (XFER-2).</summary>
public enum TransferParty
{
    /// <summary>The administrator of the environment the administrations leave.</summary>
    OldEnvironmentAdministrator = 0,

    /// <summary>The client whose administrations move.</summary>
    Client = 1,

    /// <summary>The administrator of the environment the administrations join.</summary>
    NewEnvironmentAdministrator = 2,
}

/// <summary>Who managed a bank link in the old environment (XFER-5).</summary>
public enum BankLinkManager
{
    /// <summary>The client set it up and manages it.</summary>
    Client = 1,

    /// <summary>The previous office managed it.</summary>
    PreviousOffice = 2,
}

/// <summary>A bank link of a moved administration, which is not copied and must be set up again (XFER-5).</summary>
/// <param name="Bank">The bank, such as Rabobank or Knab.</param>
/// <param name="Administration">The administration it belongs to.</param>
/// <param name="ManagedBy">Who managed it.</param>
public sealed record BankLink(string Bank, AdministrationId Administration, BankLinkManager ManagedBy);

/// <summary>What the transfer machine's guards look at: the request, the acting party and the instant.</summary>
/// <param name="Request">The request.</param>
/// <param name="Party">The party acting (consent and refusal).</param>
/// <param name="Now">The instant of the action.</param>
internal readonly record struct TransferContext(TransferRequest Request, TransferParty Party, Instant Now);

/// <summary>
/// A request to move one or more administrations of one client from an old environment to a new one
/// (XFER-1). It proceeds only with the consent of the old environment's administrator, the client and the new
/// environment's administrator, in any order (XFER-2); a party consents once and only for itself (XFER-3);
/// any party can refuse, the requester can cancel, and an unconsented request expires (RET-3).
/// </summary>
public sealed class TransferRequest : AggregateRoot
{
    internal static StateMachine<TransferState, TransferTrigger, TransferContext> Machine { get; } = BuildMachine();

    /// <summary>The lifecycle as a Mermaid <c>stateDiagram-v2</c>, each guarded transition labelled with its condition (for docs and admin pages).</summary>
    public static string Diagram => Machine.ToMermaid();

    private readonly List<AdministrationId> _administrations = [];
    private readonly List<BankLink> _bankLinks = [];

    private TransferRequest()
    {
        ClientEmail = string.Empty;
    }

    /// <summary>The request's id.</summary>
    public TransferRequestId Id { get; private set; }

    /// <summary>The client whose administrations move.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The environment the administrations leave.</summary>
    public EnvironmentId FromEnvironment { get; private set; }

    /// <summary>The environment the administrations join.</summary>
    public EnvironmentId ToEnvironment { get; private set; }

    /// <summary>The administrations that move (XFER-1).</summary>
    public IReadOnlyList<AdministrationId> Administrations => _administrations;

    /// <summary>The client's existing identity: the e-mail address it is invited through after the move (XFER-4).</summary>
    public string ClientEmail { get; private set; }

    /// <summary>The user who asked for the transfer; only they can cancel it.</summary>
    public UserId RequestedBy { get; private set; }

    /// <summary>When it was asked.</summary>
    public Instant RequestedAt { get; private set; }

    /// <summary>When it expires if not all parties consented: the start of the day after its last valid local day in the office's time zone.</summary>
    public Instant ExpiresAt { get; private set; }

    /// <summary>Where it stands.</summary>
    public TransferState State { get; private set; }

    /// <summary>When the old environment's administrator consented.</summary>
    public Instant? OldAdministratorConsentAt { get; private set; }

    /// <summary>Who consented for the old environment.</summary>
    public UserId? OldAdministratorConsentBy { get; private set; }

    /// <summary>When the client consented.</summary>
    public Instant? ClientConsentAt { get; private set; }

    /// <summary>Which client user consented.</summary>
    public UserId? ClientConsentBy { get; private set; }

    /// <summary>When the new environment's administrator consented.</summary>
    public Instant? NewAdministratorConsentAt { get; private set; }

    /// <summary>Who consented for the new environment.</summary>
    public UserId? NewAdministratorConsentBy { get; private set; }

    /// <summary>When it was refused, cancelled, expired or executed.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>Why it was refused, when it was.</summary>
    public string? RefusalReason { get; private set; }

    /// <summary>Who pays for the client's user in the new environment, once executed (XFER-6).</summary>
    public BillingParty? BilledTo { get; private set; }

    /// <summary>The bank links of the moved administrations; they are not copied (XFER-5).</summary>
    public IReadOnlyList<BankLink> BankLinks => _bankLinks;

    /// <summary>How many of the three parties consented.</summary>
    public int ConsentCount => TransferConsents.Count(OldAdministratorConsentAt, ClientConsentAt, NewAdministratorConsentAt);

    /// <summary>Whether a party consented.</summary>
    /// <param name="party">The party.</param>
    /// <returns>True once it consented.</returns>
    public bool HasConsented(TransferParty party) => TransferConsents.Given(party, OldAdministratorConsentAt, ClientConsentAt, NewAdministratorConsentAt);

    /// <summary>What a party could do now and, where it cannot, why (for the office's and client's screens).</summary>
    /// <param name="party">The party looking.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The handled triggers with their status.</returns>
    public IReadOnlyList<TriggerStatus<TransferTrigger>> Triggers(TransferParty party, Instant now) => Machine.Triggers(State, new TransferContext(this, party, now));

    /// <summary>
    /// The state firing <paramref name="trigger"/> would lead to now, without firing it: the transfer workflow's own
    /// transition and guards (for screens that show what a step would do, and for measuring the engine). Allocates nothing.
    /// </summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="party">The party that would fire it (consents are per party).</param>
    /// <param name="now">The instant.</param>
    /// <returns>The state after the trigger.</returns>
    /// <exception cref="CollabRefusalException">The trigger is not permitted now; the reason names the unmet guard.</exception>
    public TransferState Preview(TransferTrigger trigger, TransferParty party, Instant now) => Machine.Fire(State, trigger, new TransferContext(this, party, now));

    internal static TransferRequest Create(
        ClientId client, EnvironmentId from, EnvironmentId to, IReadOnlyCollection<AdministrationId> administrations, string clientEmail,
        IReadOnlyList<BankLink> bankLinks, UserId requestedBy, Instant now, Instant expiresAt)
    {
        var request = new TransferRequest
        {
            Id = TransferRequestId.New(),
            ClientId = client,
            FromEnvironment = from,
            ToEnvironment = to,
            ClientEmail = clientEmail,
            RequestedBy = requestedBy,
            RequestedAt = now,
            ExpiresAt = expiresAt,
            State = TransferState.AwaitingConsents,
        };
        request._administrations.AddRange(administrations.Distinct());
        request._bankLinks.AddRange(bankLinks);
        request.Raise(new TransferChanged(now, Actor.OfficeUser(requestedBy), AuditAction.TransferRequested, request.Id,
            $"client={client};from={from};to={to};administrations={string.Join(',', request._administrations)};expires={expiresAt}"));
        return request;
    }

    internal void Consent(TransferParty party, UserId user, Instant now)
    {
        var context = new TransferContext(this, party, now);
        State = Machine.Fire(State, TransferTrigger.Consent, context);
        switch (party)
        {
            case TransferParty.OldEnvironmentAdministrator:
                (OldAdministratorConsentAt, OldAdministratorConsentBy) = (now, user);
                break;
            case TransferParty.Client:
                (ClientConsentAt, ClientConsentBy) = (now, user);
                break;
            default:
                (NewAdministratorConsentAt, NewAdministratorConsentBy) = (now, user);
                break;
        }

        if (Machine.CanFire(State, TransferTrigger.Complete, context))
        {
            State = Machine.Fire(State, TransferTrigger.Complete, context);
        }

        Raise(new TransferChanged(now, ActorFor(party, user), AuditAction.TransferConsented, Id, $"party={party};consents={ConsentCount};state={State}"));
    }

    internal void Refuse(TransferParty party, UserId user, string reason, Instant now)
    {
        State = Machine.Fire(State, TransferTrigger.Refuse, new TransferContext(this, party, now));
        (ClosedAt, RefusalReason) = (now, reason);
        Raise(new TransferChanged(now, ActorFor(party, user), AuditAction.TransferRefused, Id, $"party={party};reason={reason}"));
    }

    internal void Cancel(UserId user, Instant now)
    {
        if (user != RequestedBy)
        {
            throw CollabRefusals.TransferCancelByOther();
        }

        State = Machine.Fire(State, TransferTrigger.Cancel, new TransferContext(this, default, now));
        ClosedAt = now;
        Raise(new TransferChanged(now, Actor.OfficeUser(user), AuditAction.TransferCancelled, Id, string.Empty));
    }

    internal void Expire(Instant now)
    {
        State = Machine.Fire(State, TransferTrigger.Expire, new TransferContext(this, default, now));
        ClosedAt = now;
        Raise(new TransferChanged(now, Actor.System("transfer-expiry"), AuditAction.TransferExpired, Id, $"consents={ConsentCount}"));
    }

    internal void Execute(UserId user, BillingParty billedTo, Instant now)
    {
        if (!Enum.IsDefined(billedTo))
        {
            throw CollabRefusals.TransferUnknownBillingParty((int)billedTo);
        }

        State = Machine.Fire(State, TransferTrigger.Execute, new TransferContext(this, default, now));
        (ClosedAt, BilledTo) = (now, billedTo);
        Raise(new TransferChanged(now, Actor.OfficeUser(user), AuditAction.TransferExecuted, Id, $"billedTo={billedTo}"));
    }

    private static Actor ActorFor(TransferParty party, UserId user) => party == TransferParty.Client ? Actor.ClientUser(user) : Actor.OfficeUser(user);

    private static StateMachine<TransferState, TransferTrigger, TransferContext> BuildMachine()
    {
        var notExpired = new Guard<TransferContext>(static (in TransferContext c) => c.Now < c.Request.ExpiresAt, "the request has expired");
        var firstConsent = new Guard<TransferContext>(static (in TransferContext c) => !c.Request.HasConsented(c.Party), "this party has already consented, and a party consents only once");
        var allConsented = new Guard<TransferContext>(static (in TransferContext c) => c.Request.ConsentCount == 3, "not all three parties have consented");
        var expired = new Guard<TransferContext>(static (in TransferContext c) => c.Now >= c.Request.ExpiresAt, "the request has not expired yet");

        return new StateMachineBuilder<TransferState, TransferTrigger, TransferContext>("transfer", "XFER-2")
            .PermitIf(TransferState.AwaitingConsents, TransferTrigger.Consent, TransferState.AwaitingConsents, notExpired, firstConsent)
            .PermitIf(TransferState.AwaitingConsents, TransferTrigger.Complete, TransferState.Approved, allConsented)
            .PermitIf(TransferState.AwaitingConsents, TransferTrigger.Refuse, TransferState.Refused, notExpired)
            .PermitIf(TransferState.AwaitingConsents, TransferTrigger.Cancel, TransferState.Cancelled, notExpired)
            .PermitIf(TransferState.AwaitingConsents, TransferTrigger.Expire, TransferState.Expired, expired)
            .Permit(TransferState.Approved, TransferTrigger.Execute, TransferState.Executed)
            .Permit(TransferState.Approved, TransferTrigger.Cancel, TransferState.Cancelled)
            .Build();
    }
}

/// <summary>Something happened to a transfer request (AUD-1).</summary>
/// <param name="OccurredAt">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What.</param>
/// <param name="Transfer">The request.</param>
/// <param name="Details">Facts worth proving.</param>
public sealed record TransferChanged(Instant OccurredAt, Actor Actor, AuditAction Action, TransferRequestId Transfer, string Details) : IAuditedEvent
{
    /// <inheritdoc />
    public AuditSubject Subject => AuditSubject.Transfer(Transfer);
}
