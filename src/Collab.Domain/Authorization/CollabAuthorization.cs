using System.Collections.Frozen;
using Collab.Registry;
using Collab.Rights;
using Collab.Telemetry;
using Collab.Tiers;
using Collab.Transfers;

namespace Collab.Authorization;

/// <summary>
/// The one place where Collab decides whether a party may do what it asks (SEC-3, SEC-1). Every public service
/// method that acts on or reads client data calls one of these checks before it uses the target: the party is
/// resolved in the registry (unknown, deactivated or forged parties are refused), the action must be one its
/// kind of party may take at all, and the target must be within its reach. Then the vendor's policies may add
/// a refusal. A refused party learns nothing: a target that does not exist and one that is not the party's get
/// the same <c>access.refused</c> refusal. Resolved from dependency injection; its checks are internal.
/// </summary>
public sealed class CollabAuthorization
{
    /// <summary>The code of the one refusal for "does not exist" and "not yours".</summary>
    public const string RefusedCode = "access.refused";

    private static readonly FrozenDictionary<CollabAction, Parties> Allowed = BuildTable();

    private readonly IRegistryStore _registry;
    private readonly ITierStore _tiers;
    private readonly IRightsStore _rights;
    private readonly IReadOnlyList<ICollabAuthorizationPolicy> _policies;
    private readonly CollabTelemetry _telemetry;
    private readonly NodaTime.IClock _clock;
    private readonly OfficeCalendar _calendar;

    /// <summary>Creates the checks; resolved from dependency injection.</summary>
    /// <param name="registry">Resolves parties and targets.</param>
    /// <param name="tiers">Tells which clients an office collaborates with.</param>
    /// <param name="rights">Tells which administrations an office holds or was granted.</param>
    /// <param name="policies">The vendor's stricter rules, run after Collab's own.</param>
    /// <param name="telemetry">Counts refusals.</param>
    /// <param name="clock">Tells whether a collaboration has ended.</param>
    /// <param name="calendar">The office calendar: the date a collaboration ends is a local date (RET-1).</param>
    public CollabAuthorization(
        IRegistryStore registry, ITierStore tiers, IRightsStore rights, IEnumerable<ICollabAuthorizationPolicy> policies, CollabTelemetry telemetry, NodaTime.IClock clock, OfficeCalendar calendar)
    {
        _clock = clock;
        _calendar = calendar;
        _registry = registry;
        _tiers = tiers;
        _rights = rights;
        _policies = policies.ToArray();
        _telemetry = telemetry;
    }

    [Flags]
    private enum Parties
    {
        Office = 1,
        Client = 2,
        Platform = 4,
        Users = Office | Client,
    }

    /// <summary>Whether a kind of party may take an action at all (before its reach is looked at). Public for documentation and tests.</summary>
    /// <param name="action">The action.</param>
    /// <param name="kind">The kind of party: <see cref="ActorKind.OfficeUser"/>, <see cref="ActorKind.ClientUser"/> or <see cref="ActorKind.Platform"/>.</param>
    /// <returns>True when that kind of party may take the action on targets within its reach.</returns>
    public static bool MayTake(CollabAction action, ActorKind kind) => Allowed.TryGetValue(action, out var parties) && kind switch
    {
        ActorKind.OfficeUser => (parties & Parties.Office) != 0,
        ActorKind.ClientUser => (parties & Parties.Client) != 0,
        ActorKind.Platform => (parties & Parties.Platform) != 0,
        _ => false,
    };

    /// <summary>A party with nothing more to reach (its own portal, its own access list, a link not yet bound to an administration).</summary>
    internal async Task<Acting> PartyAsync(ActingParty party, CollabAction action, AuditSubject target, CancellationToken cancellationToken)
    {
        var acting = await ResolveAsync(party, action, target, cancellationToken).ConfigureAwait(false);
        return await PoliciesAsync(acting, action, target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A party asking about one administration, and for an office user whether its office may access it (SEC-1): one read
    /// of the user and the answer together (<see cref="IRightsStore.FindUserWithOfficeAccessAsync"/>), then the same
    /// decision about the party as <see cref="PartyAsync"/>. The hot path of office requests.
    /// </summary>
    internal async Task<(Acting Acting, bool OfficeMayAccess)> PartyWithOfficeAccessAsync(ActingParty party, CollabAction action, AdministrationId administration, CancellationToken cancellationToken)
    {
        var target = AuditSubject.Administration(administration);
        var found = !ActsAsPlatform(party, action) && party.UserId is { } id && id != default
            ? await _rights.FindUserWithOfficeAccessAsync(id, administration, cancellationToken).ConfigureAwait(false)
            : null;
        var acting = await PoliciesAsync(Resolve(party, found?.User, action, target), action, target, cancellationToken).ConfigureAwait(false);
        return (acting, acting.IsOfficeUser && found is { OfficeMayAccess: true });
    }

    /// <summary>Acting for an office: its own users (or, for actions that allow it, the platform and the office's clients' users).</summary>
    internal Task<Acting> OfficeAsync(ActingParty party, CollabAction action, OfficeId office, CancellationToken cancellationToken) =>
        CheckAsync(party, action, AuditSubject.Office(office), async acting => acting switch
        {
            { IsPlatform: true } => await _registry.FindOfficeAsync(office, cancellationToken).ConfigureAwait(false) is not null,
            { IsOfficeUser: true } => acting.User!.OfficeId == office,
            _ => action is CollabAction.ReadOffice or CollabAction.ReadPortal // a client user sees its offices, nothing more; an office's invitee only its own (SEC-5)
                && acting.User!.ClientId is { } client && acting.User.SeesWorkOf(office)
                && await _tiers.FindCollaborationAsync(office, client, cancellationToken).ConfigureAwait(false) is not null,
        }, cancellationToken);

    /// <summary>
    /// Acting on a client: an office user whose office collaborates with it (and is <paramref name="office"/> when one is named),
    /// one of the client's own users, or the platform.
    /// </summary>
    internal Task<Acting> ClientAsync(ActingParty party, CollabAction action, ClientId client, OfficeId? office, CancellationToken cancellationToken) =>
        CheckAsync(party, action, AuditSubject.Client(client), async acting => acting switch
        {
            { IsPlatform: true } => await _registry.FindClientAsync(client, cancellationToken).ConfigureAwait(false) is not null,
            { IsOfficeUser: true } => OfficeMatches(acting, office) && await CollaboratesAsync(acting, client, cancellationToken).ConfigureAwait(false),
            _ => acting.User!.ClientId == client
                && (office is null ? acting.User.IsHomedAtClient || action is CollabAction.ReadClient or CollabAction.ReadCompanies
                    : acting.User.SeesWorkOf(office.Value) && await _tiers.FindCollaborationAsync(office.Value, client, cancellationToken).ConfigureAwait(false) is not null),
        }, cancellationToken);

    /// <summary>
    /// Starting a collaboration: the platform, or a user of the office when the client already came to that office — the office
    /// holds one of the client's administrations or the client granted it rights to one (ONB-3). No office starts working for a
    /// client on its own say-so.
    /// </summary>
    internal Task<Acting> NewCollaborationAsync(ActingParty party, OfficeId office, ClientId client, CancellationToken cancellationToken) =>
        CheckAsync(party, CollabAction.StartCollaboration, AuditSubject.Client(client), async acting => acting switch
        {
            { IsPlatform: true } => await _registry.FindClientAsync(client, cancellationToken).ConfigureAwait(false) is not null
                && await _registry.FindOfficeAsync(office, cancellationToken).ConfigureAwait(false) is not null,
            { IsOfficeUser: true } => acting.User!.OfficeId == office && await _rights.OfficeReachesClientAsync(office, client, cancellationToken).ConfigureAwait(false),
            _ => false,
        }, cancellationToken);

    /// <summary>Acting on a company: an office user whose office collaborates with its client, a client user given it, or the platform.</summary>
    internal async Task<(Acting Acting, Company Company)> CompanyAsync(ActingParty party, CollabAction action, CompanyId company, OfficeId? office, CancellationToken cancellationToken)
    {
        var found = company == default ? null : await _registry.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
        var acting = await CheckAsync(party, action, new AuditSubject("company", company.ToString()), async acting => found is not null && acting switch
        {
            { IsPlatform: true } => true,
            { IsOfficeUser: true } => OfficeMatches(acting, office) && await CollaboratesAsync(acting, found.ClientId, cancellationToken).ConfigureAwait(false),
            _ => acting.User!.ClientId == found.ClientId && acting.User.MayReach(found.Id) && (office is null || acting.User.SeesWorkOf(office.Value))
                && (acting.User.HomeOfficeId is not { } home || await OfficeWorksForAsync(home, found.ClientId, cancellationToken).ConfigureAwait(false)),
        }, cancellationToken).ConfigureAwait(false);
        return (acting, found!);
    }

    /// <summary>Acting on an administration (SEC-1): an office that holds it or was granted rights, a client user given its company, or the platform.</summary>
    internal async Task<(Acting Acting, Administration Administration)> AdministrationAsync(
        ActingParty party, CollabAction action, AdministrationId administration, CancellationToken cancellationToken)
    {
        var found = administration == default ? null : await _registry.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        var acting = await CheckAsync(party, action, AuditSubject.Administration(administration),
            acting => found is not null ? ReachesAsync(acting, found, cancellationToken) : Task.FromResult(false), cancellationToken).ConfigureAwait(false);
        return (acting, found!);
    }

    /// <summary>
    /// Acting on a user (SEC-5): itself (reads), the platform, an office on its own users and — to read — on the client users it works
    /// with, to make, widen, deactivate or re-invite — only on the client users homed at it; a client user reads its client's users it
    /// shares a home with, and a client administrator manages its client's own (client-homed) users.
    /// </summary>
    internal async Task<(Acting Acting, CollabUser User)> UserAsync(ActingParty party, CollabAction action, UserId user, CancellationToken cancellationToken)
    {
        var found = user == default ? null : await _registry.FindUserAsync(user, cancellationToken).ConfigureAwait(false);
        var reads = action is CollabAction.ReadUsers or CollabAction.ReadAudit;
        var acting = await CheckAsync(party, action, AuditSubject.User(user), async acting => found is not null && acting switch
        {
            { IsPlatform: true } => true,
            _ when acting.User!.Id == found.Id => reads,
            { IsOfficeUser: true } => found.OfficeId is { } office
                ? office == acting.User!.OfficeId
                : found.ClientId is { } client
                    && (reads ? found.SeesWorkOf(acting.User!.OfficeId!.Value)
                        : found.HomeOfficeId == acting.User!.OfficeId
                            || (action == CollabAction.ReissueInvitation && await InvitedByOfficeAsync(found, acting.User.OfficeId!.Value, cancellationToken).ConfigureAwait(false)))
                    && await CollaboratesAsync(acting, client, cancellationToken).ConfigureAwait(false),
            _ => found.ClientId is not null && found.ClientId == acting.User!.ClientId
                && (action == CollabAction.ReadUsers ? acting.User.IsHomedAtClient || found.HomeOfficeId == acting.User.HomeOfficeId
                    : !reads && acting.User.IsClientAdministrator && found.IsHomedAtClient),
        }, cancellationToken).ConfigureAwait(false);
        return (acting, found!);
    }

    // The client's own users an office registered (ONB-1, LIC-2): that office re-invites them while they have not accepted (SEC-7).
    private async Task<bool> InvitedByOfficeAsync(CollabUser user, OfficeId office, CancellationToken cancellationToken) =>
        user.Acceptance == UserAcceptance.Pending && user.InvitedBy is { } inviter
        && (await _registry.FindUserAsync(inviter, cancellationToken).ConfigureAwait(false))?.OfficeId == office;

    /// <summary>Acting on an environment: its office's users, or the platform.</summary>
    internal async Task<(Acting Acting, CollabEnvironment Environment)> EnvironmentAsync(ActingParty party, CollabAction action, EnvironmentId environment, CancellationToken cancellationToken)
    {
        var found = environment == default ? null : await _registry.FindEnvironmentAsync(environment, cancellationToken).ConfigureAwait(false);
        var acting = await CheckAsync(party, action, AuditSubject.Environment(environment), acting => Task.FromResult(found is not null && acting switch
        {
            { IsPlatform: true } => true,
            { IsOfficeUser: true } => found.OfficeId == acting.User!.OfficeId,
            _ => false,
        }), cancellationToken).ConfigureAwait(false);
        return (acting, found!);
    }

    /// <summary>
    /// Acting on something an office made for a company of a client (a report, a batch, a questionnaire, a document): the office's
    /// users, and — when <see cref="Owner.ClientMaySee"/> — the client's users given that company. A null owner is a target that does not exist.
    /// </summary>
    internal Task<Acting> OwnedAsync(ActingParty party, CollabAction action, AuditSubject target, Owner? owner, CancellationToken cancellationToken) =>
        CheckAsync(party, action, target, async acting => owner is { } o && acting switch
        {
            // The office's own work, while it still works for the client: its reach ends with the collaboration (SEC-5).
            { IsOfficeUser: true } => acting.User!.OfficeId == o.Office
                && (o.Client == default || await OfficeWorksForAsync(o.Office, o.Client, cancellationToken).ConfigureAwait(false)), // a template is the office's, for no client
            { IsClientUser: true } => ClientUserSees(acting.User!, o)
                && (acting.User!.HomeOfficeId is not { } home || await OfficeWorksForAsync(home, o.Client, cancellationToken).ConfigureAwait(false)), // an invitee's reach ends with its office's
            _ => false,
        }, cancellationToken);

    /// <summary>Whether a client user may see what an office made for one of its companies (SEC-1, SEC-5): given the company, and homed at the client or at that office.</summary>
    internal static bool ClientUserSees(CollabUser user, Owner owner) =>
        owner.ClientMaySee && user.ClientId == owner.Client && user.MayReach(owner.Company) && user.SeesWorkOf(owner.Office);

    /// <summary>
    /// Acting on a transfer: users of the offices whose environments it moves between, and users of its client who may reach
    /// every administration it moves (a client user given one company never acts on another company's move).
    /// </summary>
    internal async Task<Acting> TransferAsync(ActingParty party, CollabAction action, TransferRequest? transfer, TransferRequestId id, CancellationToken cancellationToken)
    {
        return await CheckAsync(party, action, AuditSubject.Transfer(id), async acting =>
        {
            if (transfer is null)
            {
                return false;
            }

            if (acting.IsOfficeUser)
            {
                var environments = await _registry.ListEnvironmentsAsync([transfer.FromEnvironment, transfer.ToEnvironment], cancellationToken).ConfigureAwait(false);
                return environments.Any(e => e.OfficeId == acting.User!.OfficeId);
            }

            return await ClientReachesTransferAsync(acting, transfer, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a client user may see a transfer: one of its client's, moving only companies it was given (SEC-1). Also filters lists.</summary>
    internal async Task<bool> ClientReachesTransferAsync(Acting acting, TransferRequest transfer, CancellationToken cancellationToken)
    {
        if (!acting.IsClientUser || acting.User!.ClientId != transfer.ClientId || !acting.User.IsHomedAtClient)
        {
            return false; // consenting to a move binds the client as a whole: an office's invitee never does (SEC-5)
        }

        foreach (var administration in transfer.Administrations)
        {
            var moved = await _registry.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
            if (moved is null || !acting.User.MayReach(moved.CompanyId))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Acting on an integration link: before an administration is chosen it belongs to whoever made it — the office of the office
    /// user who started it, or the client user itself (SEC-6); from then on only a party that reaches that administration (LINK-3, SEC-1).
    /// </summary>
    internal Task<Acting> LinkAsync(ActingParty party, CollabAction action, Links.IntegrationLink? link, LinkId id, CancellationToken cancellationToken) =>
        CheckAsync(party, action, AuditSubject.Link(id), async acting => link switch
        {
            null => false,
            { AdministrationId: null } => link.MadeByOffice is { } office
                ? acting.IsOfficeUser && acting.User!.OfficeId == office
                : link.MadeBy is { } maker && acting.User?.Id == maker,
            _ => await _registry.FindAdministrationAsync(link.AdministrationId.Value, cancellationToken).ConfigureAwait(false) is { } target
                && await ReachesAsync(acting, target, cancellationToken).ConfigureAwait(false),
        }, cancellationToken);

    /// <summary>The same check as a question: whether the party reaches the administration, without refusing (for reads that answer "no").</summary>
    internal async Task<bool> ReachesAsync(Acting acting, Administration administration, CancellationToken cancellationToken) => acting switch
    {
        { IsPlatform: true } => true,
        { IsOfficeUser: true } => await _rights.OfficeMayAccessAsync(acting.User!.OfficeId!.Value, administration.Id, cancellationToken).ConfigureAwait(false)
            || (!administration.IsLive // what is left of a released or deleted administration stays readable to the office that worked on it
                && (administration.HolderOfficeId == acting.User.OfficeId
                    || await _rights.FindGrantAsync(acting.User.OfficeId!.Value, administration.Id, cancellationToken).ConfigureAwait(false) is not null
                    || await CollaboratesAsync(acting, administration.ClientId, cancellationToken).ConfigureAwait(false))),
        // An administration is the client's own, not an office's work: an office's invitee never reaches one (SEC-5).
        { IsClientUser: true } => acting.User!.ClientId == administration.ClientId && acting.User.IsHomedAtClient && acting.User.MayReach(administration.CompanyId),
        _ => false,
    };

    /// <summary>
    /// For reads that return null for what does not exist: a party that is itself refused (unknown, deactivated, not allowed the
    /// action) is refused, and a target out of its reach reads as null, exactly like one that does not exist.
    /// </summary>
    internal async Task<T?> OrNullAsync<T>(ActingParty party, CollabAction action, Func<Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        _ = await ResolveAsync(party, action, default, cancellationToken).ConfigureAwait(false);
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (CollabRefusalException e) when (e.Code == RefusedCode)
        {
            return null;
        }
    }

    /// <summary>The refusal a party receives for a target it may not reach or that does not exist: the same words for both, and for a refused party.</summary>
    internal static CollabRefusalException Refused(AuditSubject target) => new(target.Type is null
        ? Refuse.Keyed(RefusalKind.NotFound, RefusedCode, "access.refused-party", "SEC-3")
        : Refuse.Refusal(RefusalKind.NotFound, RefusedCode, "SEC-3", Refuse.Noun(target.Type), target.Id));

    private static bool OfficeMatches(Acting acting, OfficeId? office) => office is null || office == acting.User!.OfficeId;

    // "Collaborates with or holds" (SEC-3): a collaboration that has not ended, or a live administration of the client the office holds or was granted.
    private async Task<bool> CollaboratesAsync(Acting acting, ClientId client, CancellationToken cancellationToken) =>
        acting.User!.OfficeId is { } office && await OfficeWorksForAsync(office, client, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Whether an office still works for a client: a collaboration that has not ended (in the office's zone), or a live
    /// administration of the client it holds or was granted. Its reach to its deliverables, portal and questions for that
    /// client ends with it (SEC-5).
    /// </summary>
    internal async Task<bool> OfficeWorksForAsync(OfficeId office, ClientId client, CancellationToken cancellationToken)
    {
        if (await _tiers.FindCollaborationAsync(office, client, cancellationToken).ConfigureAwait(false) is { } collaboration)
        {
            if (collaboration.EndsOn is not { } ends)
            {
                return true;
            }

            var zone = await _registry.FindOfficeAsync(office, cancellationToken).ConfigureAwait(false) is { } found ? _calendar.ZoneOf(found) : _calendar.DefaultZone;
            if (_clock.GetCurrentInstant().InZone(zone).Date <= ends)
            {
                return true;
            }
        }

        return await _rights.OfficeReachesClientAsync(office, client, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Acting> CheckAsync(ActingParty party, CollabAction action, AuditSubject target, Func<Acting, Task<bool>> reaches, CancellationToken cancellationToken)
    {
        var acting = await ResolveAsync(party, action, target, cancellationToken).ConfigureAwait(false);
        if (!await reaches(acting).ConfigureAwait(false))
        {
            _telemetry.AuthorizationRefused(action);
            throw Refused(target);
        }

        return await PoliciesAsync(acting, action, target, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Acting> ResolveAsync(ActingParty party, CollabAction action, AuditSubject target, CancellationToken cancellationToken)
    {
        if (ActsAsPlatform(party, action))
        {
            return Resolve(party, null, action, target);
        }

        var user = party.UserId is { } id && id != default ? await _registry.FindUserAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return Resolve(party, user, action, target);
    }

    private static bool ActsAsPlatform(ActingParty party, CollabAction action) => party.IsPlatform && MayTake(action, ActorKind.Platform);

    // Who the party is, from the user the registry holds for it: the same decision whichever read found the user.
    private Acting Resolve(ActingParty party, CollabUser? user, CollabAction action, AuditSubject target)
    {
        if (ActsAsPlatform(party, action))
        {
            return new Acting(party, null, Actor.Platform(party.Name!));
        }

        var kind = user?.Kind == UserKind.ClientUser ? ActorKind.ClientUser : ActorKind.OfficeUser;
        if (user is not { IsActive: true } || !MayTake(action, kind)
            || (user.Acceptance == UserAcceptance.Pending) != (action == CollabAction.AcceptInvitation) // an invitee acts once it accepted, and accepts once (SEC-7)
            || (kind == ActorKind.ClientUser && !ClientUserMayTake(action, user)))
        {
            // The party itself is refused: the same words as for a target out of reach, so nothing is learnt either way.
            _telemetry.AuthorizationRefused(action);
            throw Refused(target);
        }

        return new Acting(party, user, kind == ActorKind.ClientUser ? Actor.ClientUser(user.Id) : Actor.OfficeUser(user.Id));
    }

    // Acts that bind the client as a whole need a user of the client's own (SEC-5); the subscription and the client's users, its administrator.
    private static bool ClientUserMayTake(CollabAction action, CollabUser user) => action switch
    {
        CollabAction.GrantRights or CollabAction.RevokeRights or CollabAction.DecideTransfer or CollabAction.ReadSubscription
            or CollabAction.MakeBackup or CollabAction.RestoreBackup or CollabAction.ReadBackups or CollabAction.ReadDeletions => user.IsHomedAtClient,
        CollabAction.ChangeSubscription or CollabAction.InviteUser or CollabAction.GiveCompany or CollabAction.DeactivateUser
            or CollabAction.ReissueInvitation => user.IsHomedAtClient && user.IsClientAdministrator,
        _ => true,
    };

    private async Task<Acting> PoliciesAsync(Acting acting, CollabAction action, AuditSubject target, CancellationToken cancellationToken)
    {
        if (_policies.Count == 0)
        {
            return acting;
        }

        var request = new AuthorizationRequest(action, acting.Party, acting.User, target);
        foreach (var policy in _policies)
        {
            if (await policy.CheckAsync(request, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                _telemetry.AuthorizationRefused(action);
                throw new CollabRefusalException(refusal);
            }
        }

        return acting;
    }

    private static FrozenDictionary<CollabAction, Parties> BuildTable()
    {
        const Parties office = Parties.Office, client = Parties.Client, platform = Parties.Platform, users = Parties.Users;
        var table = new Dictionary<CollabAction, Parties>
        {
            [CollabAction.RegisterOffice] = platform,
            [CollabAction.SetOfficeModules] = platform,
            [CollabAction.RegisterClient] = platform,
            [CollabAction.AddCompany] = office | platform,
            [CollabAction.CreateAdministration] = office | platform,
            [CollabAction.CreateEnvironment] = office | platform,
            [CollabAction.CreateOfficeUser] = platform,
            [CollabAction.CreateClientUser] = platform,
            [CollabAction.InviteUser] = users,
            [CollabAction.AcceptInvitation] = users,
            [CollabAction.ReissueInvitation] = users,
            [CollabAction.GiveCompany] = users | platform,
            [CollabAction.DeactivateUser] = users | platform,
            [CollabAction.ReadOffice] = users | platform,
            [CollabAction.ReadClient] = users | platform,
            [CollabAction.ReadCompanies] = users | platform,
            [CollabAction.ReadAdministration] = users | platform,
            [CollabAction.ReadEnvironment] = office | platform,
            [CollabAction.ReadUsers] = users | platform,
            [CollabAction.StartCollaboration] = office | platform,
            [CollabAction.EndCollaboration] = office,
            [CollabAction.ReadTier] = office,
            [CollabAction.ChangeTier] = office,
            [CollabAction.ReadCollaborations] = office,
            [CollabAction.ReadStatement] = office,
            [CollabAction.IssueStatement] = office,
            [CollabAction.ReadAccess] = users,
            [CollabAction.GrantRights] = client,
            [CollabAction.RevokeRights] = client,
            [CollabAction.DraftReport] = office,
            [CollabAction.ShareReport] = office,
            [CollabAction.ReadReports] = users,
            [CollabAction.ViewReport] = client,
            [CollabAction.DecideReport] = client,
            [CollabAction.ReadPortal] = users,
            [CollabAction.UploadDocument] = users,
            [CollabAction.OpenDocument] = users,
            [CollabAction.SetHouseStyle] = office,
            [CollabAction.ReadHouseStyle] = office,
            [CollabAction.PrepareQuestions] = office,
            [CollabAction.AnswerQuestions] = client,
            [CollabAction.ReadQuestions] = users,
            [CollabAction.ManageQuestionnaires] = office,
            [CollabAction.AnswerQuestionnaire] = client,
            [CollabAction.RequestTransfer] = office,
            [CollabAction.DecideTransfer] = users,
            [CollabAction.CancelTransfer] = office,
            [CollabAction.ExecuteTransfer] = office,
            [CollabAction.ReadTransfers] = users,
            [CollabAction.TickFollowUp] = office,
            [CollabAction.MakeBackup] = users,
            [CollabAction.ReadBackups] = users,
            [CollabAction.RestoreBackup] = users,
            [CollabAction.SetUpClientAdministration] = office,
            [CollabAction.ImportLicence] = office,
            [CollabAction.RegisterOnlineClient] = office,
            [CollabAction.ReadSubscription] = users,
            [CollabAction.ChangeSubscription] = client,
            [CollabAction.PlaceLegalHold] = office,
            [CollabAction.ReadDeletions] = users,
            [CollabAction.ManageLink] = users,
            [CollabAction.ReadLink] = users,
            [CollabAction.ReadAudit] = users,
            [CollabAction.ReadInsights] = client,
            [CollabAction.ReadOverview] = office,
            [CollabAction.SetLanguage] = users,
            [CollabAction.SetOfficeLanguage] = office | platform,
        };
        return table.ToFrozenDictionary();
    }

    /// <summary>Who made a thing and whether the client may see it: what <see cref="OwnedAsync"/> checks.</summary>
    internal readonly record struct Owner(OfficeId Office, ClientId Client, CompanyId Company, bool ClientMaySee);
}
