using Collab.Authorization;
using Collab.Texts;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Registry;

/// <summary>A user invited to act, with the one-time token to hand to it (SEC-7). The token is a secret: Collab keeps only its hash.</summary>
/// <param name="User">The invited user's id.</param>
/// <param name="Email">Where the invitation was sent.</param>
/// <param name="Token">The one-time token; Collab also sends it in a <see cref="NotificationKind.UserInvitation"/> message.</param>
/// <param name="ExpiresAt">Until when it can be accepted.</param>
public sealed record UserInvitation(UserId User, string Email, string Token, Instant ExpiresAt)
{
    /// <summary>The invitation without its token, so a log line never carries the secret.</summary>
    /// <returns>The user, address and expiry.</returns>
    public override string ToString() => $"UserInvitation {{ User = {User}, Email = {Email}, ExpiresAt = {ExpiresAt} }}";
}

/// <summary>
/// Invitations (SEC-5, SEC-7): an office invites its colleagues and client users homed at itself, a client administrator the
/// client's own users; an invited user acts only after the signed-in person accepts with the one-time token, and its inviter's
/// side can replace a pending invitation. Users the platform makes need none (<see cref="CollabRegistry"/>).
/// </summary>
public sealed class InvitationService
{
    private readonly IOfficeStore _offices;
    private readonly IClientStore _clients;
    private readonly ICompanyStore _companies;
    private readonly IUserStore _users;
    private readonly CollabRegistry _registry;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly CollabOptions _options;
    private readonly CollabAuthorization _access;
    private readonly CollabTexts _texts;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="offices">Reads offices.</param>
    /// <param name="clients">Reads clients.</param>
    /// <param name="companies">Reads companies.</param>
    /// <param name="users">Reads users.</param>
    /// <param name="registry">Checks a new client user against its client's tier.</param>
    /// <param name="unitOfWork">Saves changes and queues the invitation.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Collab's options: how long an invitation lasts.</param>
    /// <param name="access">Checks who acts (SEC-3, SEC-5).</param>
    /// <param name="texts">The invitation's text in the invitee's language (TXT-1).</param>
    public InvitationService(IOfficeStore offices, IClientStore clients, ICompanyStore companies, IUserStore users, CollabRegistry registry, ICollabUnitOfWork unitOfWork, IClock clock, IOptions<CollabOptions> options, CollabAuthorization access, CollabTexts texts)
    {
        _offices = offices;
        _clients = clients;
        _companies = companies;
        _users = users;
        _registry = registry;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _options = options.Value;
        _access = access;
        _texts = texts;
    }

    /// <summary>An office user invites a colleague into its own office (SEC-7).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A user of that office.</param>
    /// <param name="office">The office.</param>
    /// <param name="email">The colleague's e-mail address (unique).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitation.</returns>
    /// <exception cref="CollabRefusalException">The party is not a user of the office, or the address is invalid or taken.</exception>
    public async Task<UserInvitation> InviteOfficeUserAsync(ActingParty party, OfficeId office, string email, CancellationToken cancellationToken = default)
    {
        var acting = await _access.AuthorizeAsync(party, CollabAction.InviteUser, office, cancellationToken).ConfigureAwait(false);
        var found = await _offices.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var user = CollabUser.CreateOfficeUser(office, email, acting.Actor, now);
        if (found.Language is { } language)
        {
            user.SetLanguage(language, acting.Actor, now); // the office's language until the user chooses its own (TXT-1)
        }

        await _registry.EnsureEmailFreeAsync(user.Email, cancellationToken).ConfigureAwait(false);
        return await InviteAsync(acting, user, found.Name, isNew: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Invites a client user (SEC-5, SEC-7). Invited by an office user, it is homed at that office and reaches only that office's
    /// work; invited by a client administrator, it is one of the client's own users and reaches only companies the administrator
    /// reaches. While the client collaborates, its tier limits its active client users (TIER-1, TIER-2).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3): a user of an office that works for the client, or a client administrator.</param>
    /// <param name="client">The client.</param>
    /// <param name="email">The user's e-mail address (unique).</param>
    /// <param name="companies">The client's companies it may reach.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitation.</returns>
    /// <exception cref="CollabRefusalException">
    /// The party may not invite for the client, a company is unknown or out of the party's reach, the address is invalid or taken,
    /// or the client's tier allows no more client users.
    /// </exception>
    public async Task<UserInvitation> InviteClientUserAsync(
        ActingParty party, ClientId client, string email, IReadOnlyCollection<CompanyId> companies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var acting = await _access.AuthorizeAsync(party, CollabAction.InviteUser, new ClientTarget(client, null), cancellationToken).ConfigureAwait(false);
        var found = new List<Company>(companies.Count);
        foreach (var id in companies)
        {
            // Another client's company, or one the inviting administrator cannot reach itself, reads as unknown.
            var company = await _companies.FindCompanyAsync(id, cancellationToken).ConfigureAwait(false);
            found.Add(company is not null && company.ClientId == client && (!acting.IsClientUser || acting.User.MayReach(company.Id))
                ? company
                : throw CollabAuthorization.Refused(new AuditSubject("company", id.ToString())));
        }

        var home = acting.Office;
        var user = await _registry.PrepareClientUserAsync(acting.Actor, client, email, found, home, administrator: false, cancellationToken).ConfigureAwait(false);
        return await InviteAsync(acting, user, await InviterNameAsync(home, client, cancellationToken).ConfigureAwait(false), isNew: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The signed-in person accepts its invitation (SEC-7): the token works once, before it expires, and only for the user it was
    /// made for. Unknown, wrong, spent, replaced and expired tokens all get the same refusal. The acceptance is recorded (AUD-1).
    /// </summary>
    /// <param name="party">The invited user, as the host signed it in; Collab checks it against its registry (SEC-3).</param>
    /// <param name="token">The token from the invitation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, who may now act.</returns>
    /// <exception cref="CollabRefusalException">The party has no pending invitation, or the token is not its pending one (<c>user.invitation-unusable</c>).</exception>
    public async Task<UserView> AcceptAsync(ActingParty party, string token, CancellationToken cancellationToken = default)
    {
        var id = CollabUser.ParseInvitation(token, out var secret);
        var acting = await _access.AuthorizeAsync(party, CollabAction.AcceptInvitation, AuditSubject.User(id ?? default), cancellationToken).ConfigureAwait(false);
        var user = acting.Person;

        // The secret is compared in constant time whatever the id says; a token made for someone else is as unusable as a wrong one.
        if (!CollabUser.InvitationMatches(user, secret) | id != user.Id)
        {
            throw CollabUser.InvitationRefusal();
        }

        user.AcceptInvitation(acting.Actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return UserView.Of(user);
    }

    /// <summary>Replaces a user's pending invitation with a fresh one (SEC-7): the earlier token stops working. Its inviter's side only.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3): a user of the inviting office, or a client administrator for the client's own users.</param>
    /// <param name="user">The invited user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new invitation.</returns>
    /// <exception cref="CollabRefusalException">The party may not act on the user, or the user already accepted.</exception>
    public async Task<UserInvitation> ReissueAsync(ActingParty party, UserId user, CancellationToken cancellationToken = default)
    {
        var found = user == default ? null : await _users.FindUserAsync(user, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.ReissueInvitation, found, AuditSubject.User(user), cancellationToken).ConfigureAwait(false);
        var inviter = await InviterNameAsync(found.OfficeId ?? found.HomeOfficeId ?? acting.User?.OfficeId, found.ClientId ?? default, cancellationToken).ConfigureAwait(false);
        return await InviteAsync(acting, found, inviter, isNew: false, cancellationToken).ConfigureAwait(false);
    }

    // Who the invitation names as inviting: the office, or else the client itself.
    private async Task<string> InviterNameAsync(OfficeId? office, ClientId client, CancellationToken cancellationToken) =>
        (office is { } o
            ? (await _offices.FindOfficeAsync(o, cancellationToken).ConfigureAwait(false))?.Name
            : (await _clients.FindClientAsync(client, cancellationToken).ConfigureAwait(false))?.Name) ?? string.Empty;

    /// <summary>Issues the invitation of a user made in this call or earlier, queues it to the user and saves (one transaction).</summary>
    private async Task<UserInvitation> InviteAsync(Acting acting, CollabUser user, string inviterName, bool isNew, CancellationToken cancellationToken)
    {
        var invitation = Issue(acting, user, inviterName);
        if (isNew)
        {
            _unitOfWork.Add(user);
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return invitation;
    }

    /// <summary>Issues a user's invitation and queues it to the user, for a caller that saves it with its own change (registration, licence import).</summary>
    internal UserInvitation Issue(Acting acting, CollabUser user, string inviterName)
    {
        var now = _clock.GetCurrentInstant();
        var expires = now + Duration.FromDays(_options.InvitationValidityDays);
        var token = user.Invite(acting.User?.Id, acting.Actor, now, expires);
        _unitOfWork.Notify(_texts, [user], NotificationKind.UserInvitation, AuditSubject.User(user.Id), new("notification.user-invited", inviterName, expires.InUtc().LocalDateTime), token);
        return new UserInvitation(user.Id, user.Email, token, expires);
    }
}
