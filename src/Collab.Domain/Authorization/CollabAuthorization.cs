using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Collab.Registry;
using Collab.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Authorization;

/// <summary>
/// The one place where Collab decides whether a party may do what it asks (SEC-3, SEC-1). Every public service method that
/// acts on or reads client data loads its target and calls <see cref="AuthorizeAsync{TTarget}"/> before it uses it: the party
/// is resolved in the registry (unknown, deactivated or forged parties are refused), the action must be one its kind of party
/// may take at all, and the target must be within its reach — a rule its capability owns (<see cref="IReachRule{TTarget}"/>,
/// for example <see cref="Rights.AdministrationAccess"/>). Then the vendor's policies may add a refusal. A refused party
/// learns nothing: a target that does not exist and one that is not the party's get the same <c>access.refused</c> refusal.
/// Resolved from dependency injection; its checks are internal.
/// </summary>
public sealed class CollabAuthorization
{
    /// <summary>The code of the one refusal for "does not exist" and "not yours".</summary>
    public const string RefusedCode = "access.refused";

    private static readonly FrozenDictionary<CollabAction, Parties> Allowed = BuildTable();

    private readonly IUserStore _users;
    private readonly IServiceProvider _rules;
    private readonly IReadOnlyList<ICollabAuthorizationPolicy> _policies;
    private readonly CollabTelemetry _telemetry;

    /// <summary>Creates the checks; resolved from dependency injection.</summary>
    /// <param name="users">Resolves parties: the user store's lookup, nothing else.</param>
    /// <param name="rules">The scope that holds each capability's reach rule.</param>
    /// <param name="policies">The vendor's stricter rules, run after Collab's own.</param>
    /// <param name="telemetry">Counts refusals.</param>
    public CollabAuthorization(IUserStore users, IServiceProvider rules, IEnumerable<ICollabAuthorizationPolicy> policies, CollabTelemetry telemetry)
    {
        _users = users;
        _rules = rules;
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
    internal async Task<Acting> AuthorizeAsync(ActingParty party, CollabAction action, AuditSubject target, CancellationToken cancellationToken)
    {
        var acting = await ResolveAsync(party, action, target, cancellationToken).ConfigureAwait(false);
        return await PoliciesAsync(acting, action, target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A party the caller already read from its store together with what it asks about (the access check's one query,
    /// <see cref="Rights.IUserOfficeAccessStore.FindUserWithOfficeAccessAsync"/> or its fallback): the same decision about the party as
    /// <see cref="AuthorizeAsync(ActingParty, CollabAction, AuditSubject, CancellationToken)"/>, without reading it again.
    /// </summary>
    internal Task<Acting> AuthorizeAsync(ActingParty party, CollabUser? user, CollabAction action, AuditSubject target, CancellationToken cancellationToken) =>
        PoliciesAsync(Resolve(party, ActsAsPlatform(party, action) ? null : user, action, target), action, target, cancellationToken);

    /// <summary>
    /// The one calling convention: the service loaded <paramref name="target"/> (null when it does not exist), and the party must
    /// reach it by its capability's rule. A target that does not exist and one out of reach get the same refusal, which names
    /// <paramref name="subject"/> as the caller sent it. After the call the target is not null.
    /// </summary>
    internal async Task<Acting> AuthorizeAsync<TTarget>(ActingParty party, CollabAction action, [NotNull] TTarget? target, AuditSubject subject, CancellationToken cancellationToken)
        where TTarget : notnull
    {
        var acting = await ResolveAsync(party, action, subject, cancellationToken).ConfigureAwait(false);
        if (target is null || !await ReachesAsync(acting, action, target, cancellationToken).ConfigureAwait(false))
        {
            _telemetry.AuthorizationRefused(action);
            throw Refused(subject);
        }

        return await PoliciesAsync(acting, action, subject, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Acting for an office (<see cref="OfficeAccess"/>): the target is the office's id, named in a refusal.</summary>
    internal Task<Acting> AuthorizeAsync(ActingParty party, CollabAction action, OfficeId office, CancellationToken cancellationToken) =>
        AuthorizeAsync(party, action, office, AuditSubject.Office(office), cancellationToken);

    /// <summary>Acting on a client, for the office it names if any (<see cref="ClientAccess"/>): the client's id is named in a refusal.</summary>
    internal Task<Acting> AuthorizeAsync(ActingParty party, CollabAction action, ClientTarget client, CancellationToken cancellationToken) =>
        AuthorizeAsync(party, action, client, AuditSubject.Client(client.Client), cancellationToken);

    /// <summary>
    /// Acting on a company the service loaded (null when it does not exist), for the office it names if any (<see cref="CompanyAccess"/>):
    /// the company's id is named in a refusal. After the call the company is not null.
    /// </summary>
    internal async Task<Acting> AuthorizeAsync(ActingParty party, CollabAction action, [NotNull] Company? company, CompanyId id, OfficeId? office, CancellationToken cancellationToken)
    {
        var acting = await AuthorizeAsync(party, action, company is null ? null : new CompanyTarget(company, office), new AuditSubject("company", id.ToString()), cancellationToken).ConfigureAwait(false);
        System.Diagnostics.Debug.Assert(company is not null, "a missing target is refused");
        return acting;
    }

    /// <summary>
    /// Loads a company only to learn whose it is, then checks the party against it (SEC-3); an office only while it works
    /// for the client. The caller gets the company only when the check passes.
    /// </summary>
    internal async Task<(Acting Acting, Company Company)> LoadCompanyAsync(Registry.ICompanyStore companies, ActingParty party, CollabAction action, CompanyId company, OfficeId? office, CancellationToken cancellationToken)
    {
        var owner = company == default ? null : await companies.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
        var acting = await AuthorizeAsync(party, action, owner, company, office, cancellationToken).ConfigureAwait(false);
        return (acting, owner);
    }

    /// <summary>
    /// For reads that return null for what does not exist: the party itself is still refused (unknown, deactivated, not allowed the
    /// action), a target that does not exist or is out of reach gives null (counted as a refusal, as it is one), a vendor policy's
    /// refusal is thrown.
    /// </summary>
    internal async Task<Acting?> TryAuthorizeAsync<TTarget>(ActingParty party, CollabAction action, TTarget? target, AuditSubject subject, CancellationToken cancellationToken)
        where TTarget : notnull
    {
        var acting = await ResolveAsync(party, action, default, cancellationToken).ConfigureAwait(false); // a refused party is told so without naming the target
        if (target is null || !await ReachesAsync(acting, action, target, cancellationToken).ConfigureAwait(false))
        {
            _telemetry.AuthorizationRefused(action);
            return null;
        }

        return await PoliciesAsync(acting, action, subject, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same rule as a question about a party already resolved: for reads that answer "no" and for filtering lists.</summary>
    internal ValueTask<bool> ReachesAsync<TTarget>(Acting acting, CollabAction action, TTarget target, CancellationToken cancellationToken)
        where TTarget : notnull =>
        _rules.GetRequiredService<IReachRule<TTarget>>().ReachesAsync(acting, action, target, cancellationToken);

    /// <summary>The refusal a party receives for a target it may not reach or that does not exist: the same words for both, and for a refused party.</summary>
    internal static CollabRefusalException Refused(AuditSubject target) => new(target.Type is null
        ? Refuse.Keyed(RefusalKind.NotFound, RefusedCode, "access.refused-party", "SEC-3")
        : CollabRefusals.AccessRefused(Refuse.Noun(target.Type), target.Id).Refusal);

    private async Task<Acting> ResolveAsync(ActingParty party, CollabAction action, AuditSubject target, CancellationToken cancellationToken)
    {
        if (ActsAsPlatform(party, action))
        {
            return Resolve(party, null, action, target);
        }

        var user = party.UserId is { } id && id != default ? await _users.FindUserAsync(id, cancellationToken).ConfigureAwait(false) : null;
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
            [CollabAction.DraftDeliverable] = office,
            [CollabAction.ShareDeliverable] = office,
            [CollabAction.ReadDeliverables] = users,
            [CollabAction.ViewDeliverable] = client,
            [CollabAction.DecideDeliverable] = client,
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

}
