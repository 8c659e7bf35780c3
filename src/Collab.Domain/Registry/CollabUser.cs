using System.Buffers.Text;
using System.Security.Cryptography;
using NodaTime;

namespace Collab.Registry;

/// <summary>Whether a user works for an office or for a client.</summary>
public enum UserKind
{
    /// <summary>An employee of an office; sees what the office may see.</summary>
    OfficeUser = 1,

    /// <summary>A user of a client; sees only the companies it was given (SEC-1).</summary>
    ClientUser = 2,
}

/// <summary>How a user came to act: accepted on the platform's word, or by accepting its invitation (SEC-7).</summary>
public enum UserAcceptance
{
    /// <summary>Not yet: the user was invited and has not accepted; it cannot act.</summary>
    Pending = 0,

    /// <summary>The platform made the user and vouched for it (provisioning, or users that existed before invitations).</summary>
    Platform = 1,

    /// <summary>The signed-in person accepted the invitation with its one-time token.</summary>
    Invitation = 2,
}

/// <summary>
/// A person who signs in: an office employee or a client user. A client user has a <b>home</b> (SEC-5): the client
/// itself (<see cref="HomeOfficeId"/> null) or the one office that invited it, whose work alone it reaches. A user an
/// office or a client administrator makes acts only after it accepted its invitation (SEC-7).
/// </summary>
public sealed class CollabUser : AggregateRoot
{
    private const int SecretBytes = 32;
    private const int TokenBytes = 16 + SecretBytes;

    // What an unknown invitation id is compared against, so an unknown id and a wrong secret take the same path.
    private static readonly byte[] NoSecretHash = SHA256.HashData(new byte[SecretBytes]);

    // Stored as plain GUIDs: EF maps a primitive collection natively on both engines.
    private readonly List<CompanyId> _companies = [];

    private CollabUser() => Email = string.Empty;

    /// <summary>The user's id.</summary>
    public UserId Id { get; private set; }

    /// <summary>Office user or client user.</summary>
    public UserKind Kind { get; private set; }

    /// <summary>The user's e-mail address, lower-case; unique across users.</summary>
    public string Email { get; private set; }

    /// <summary>The office an office user works for; null for client users.</summary>
    public OfficeId? OfficeId { get; private set; }

    /// <summary>The client a client user belongs to; null for office users.</summary>
    public ClientId? ClientId { get; private set; }

    /// <summary>Whether the user may sign in. Deactivated users count for no tier limit (TIER-4).</summary>
    public bool IsActive { get; private set; } = true;

    /// <summary>The language the user reads (<c>nl-NL</c> or <c>en-GB</c>); null for the default, Dutch (TXT-1).</summary>
    public string? Language { get; private set; }

    /// <summary>The companies a client user was given (SEC-1). Empty for office users.</summary>
    public IReadOnlyList<CompanyId> Companies => _companies;

    /// <summary>
    /// A client user's home (SEC-5): null when the client itself made it (its own account: registration, a transfer, the
    /// platform or a client administrator), else the office that invited it, whose work alone it reaches. Null for office users.
    /// </summary>
    public OfficeId? HomeOfficeId { get; private set; }

    /// <summary>Whether this client user administers its client's account: it acts for the client as a whole (the subscription, its users).</summary>
    public bool IsClientAdministrator { get; private set; }

    /// <summary>Whether the user may act: accepted on the platform's word or through its invitation (SEC-7).</summary>
    public UserAcceptance Acceptance { get; private set; }

    /// <summary>When the user accepted (or the platform vouched for it); null while its invitation is pending.</summary>
    public Instant? AcceptedAt { get; private set; }

    /// <summary>Who invited the user (an office user or a client administrator); null for users the platform made.</summary>
    public UserId? InvitedBy { get; private set; }

    /// <summary>Until when the pending invitation can be accepted; null when there is none.</summary>
    public Instant? InvitationExpiresAt { get; private set; }

    /// <summary>For store authors: the SHA-256 of the pending invitation token's secret; null when there is none. Not to be modified.</summary>
    public byte[]? InvitationHash { get; private set; }

    /// <summary>Whether this is a client user homed at the client itself (SEC-5).</summary>
    public bool IsHomedAtClient => Kind == UserKind.ClientUser && HomeOfficeId is null;

    /// <summary>Whether this client user may reach the given company of its client.</summary>
    /// <param name="company">The company's id.</param>
    /// <returns>True only for a client user that was given the company.</returns>
    public bool MayReach(CompanyId company) => IsActive && Kind == UserKind.ClientUser && _companies.Contains(company);

    /// <summary>Whether this client user may see the work of an office for its client (SEC-5): client-homed users see every office's, office-homed ones only their office's.</summary>
    /// <param name="office">The office whose work it is.</param>
    /// <returns>True for a client-homed user, or one homed at that office.</returns>
    public bool SeesWorkOf(OfficeId office) => Kind == UserKind.ClientUser && (HomeOfficeId is null || HomeOfficeId == office);

    /// <summary>The invitation id of a token (its first 16 bytes), or null for text that is no invitation token; the secret comes out.</summary>
    internal static UserId? ParseInvitation(string? token, out byte[] secret)
    {
        secret = new byte[SecretBytes];
        if (token is null || token.Length != Base64Url.GetEncodedLength(TokenBytes))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[TokenBytes];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenBytes)
        {
            return null;
        }

        bytes[16..].CopyTo(secret);
        return new UserId(new Guid(bytes[..16]));
    }

    /// <summary>
    /// Whether a presented secret is this user's pending invitation's: compared in constant time; a null user compares
    /// against a fixed hash, so an unknown id costs the same as a wrong secret (SHARE-1's rules, SEC-7).
    /// </summary>
    internal static bool InvitationMatches(CollabUser? user, byte[] secret)
    {
        var hash = SHA256.HashData(secret);
        var expected = user?.InvitationHash is { Length: 32 } stored ? stored : NoSecretHash;
        return CryptographicOperations.FixedTimeEquals(hash, expected) && user?.InvitationHash is not null;
    }

    /// <summary>Gives a client user one more company of its own client: one login can reach all of them (TIER-8).</summary>
    internal void SetLanguage(string? language, Actor actor, Instant now)
    {
        Language = language is null ? null : Texts.CollabTexts.LanguageFor(language).Name;
        Raise(new RegistryChanged(now, actor, AuditAction.UserLanguageChanged, AuditSubject.User(Id), $"language={Language ?? "default"}"));
    }

    internal void AddCompany(Company company, Actor actor, Instant now)
    {
        if (Kind != UserKind.ClientUser || company.ClientId != ClientId)
        {
            throw CollabRefusals.UserCompanyOfOtherClient(company.Name);
        }

        if (_companies.Contains(company.Id))
        {
            throw CollabRefusals.UserCompanyAlreadyGiven(Email, company.Name);
        }

        _companies.Add(company.Id);
        Raise(new RegistryChanged(now, actor, AuditAction.UserCompanyAdded, AuditSubject.User(Id), $"company={company.Id}"));
    }

    /// <summary>Deactivates the user: it can no longer sign in or reach anything, and no longer counts for tier limits.</summary>
    internal void Deactivate(Actor actor, Instant now)
    {
        if (!IsActive)
        {
            throw CollabRefusals.UserAlreadyInactive(Email);
        }

        IsActive = false;
        Raise(new RegistryChanged(now, actor, AuditAction.UserDeactivated, AuditSubject.User(Id), $"kind={Kind}"));
    }

    /// <summary>
    /// Invites the user: a fresh one-time token (≥128 bits of secret, only its hash kept), valid until <paramref name="expiresAt"/>;
    /// any earlier pending token stops working. Only for users that have not accepted yet.
    /// </summary>
    internal string Invite(UserId? inviter, Actor actor, Instant now, Instant expiresAt)
    {
        if (Acceptance != UserAcceptance.Pending)
        {
            throw CollabRefusals.UserInvitationAlreadyAccepted(Email);
        }

        var reissue = InvitationHash is not null;
        Span<byte> token = stackalloc byte[TokenBytes];
        Id.Value.TryWriteBytes(token[..16]);
        RandomNumberGenerator.Fill(token[16..]);
        InvitationHash = SHA256.HashData(token[16..]);
        InvitationExpiresAt = expiresAt;
        InvitedBy ??= inviter;
        Raise(new RegistryChanged(now, actor, reissue ? AuditAction.InvitationReissued : AuditAction.UserInvited, AuditSubject.User(Id),
            $"expires={expiresAt}"));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Makes one of the client's own users its administrator (SEC-5): a transfer brings a client without one (XFER-4).</summary>
    internal void MakeClientAdministrator(Actor actor, Instant now)
    {
        if (!IsHomedAtClient || IsClientAdministrator)
        {
            throw CollabRefusals.UserNotClientAdministratorCandidate(Email);
        }

        IsClientAdministrator = true;
        Raise(new RegistryChanged(now, actor, AuditAction.ClientAdministratorAppointed, AuditSubject.User(Id), $"client={ClientId}"));
    }

    /// <summary>Spends the invitation: from now on the user acts (SEC-7). The caller compared the secret first.</summary>
    internal void AcceptInvitation(Actor actor, Instant now)
    {
        if (Acceptance != UserAcceptance.Pending || InvitationHash is null || InvitationExpiresAt is not { } expires || now >= expires)
        {
            throw InvitationRefusal();
        }

        Acceptance = UserAcceptance.Invitation;
        AcceptedAt = now;
        InvitationHash = null;
        InvitationExpiresAt = null;
        Raise(new RegistryChanged(now, actor, AuditAction.InvitationAccepted, AuditSubject.User(Id), "through=invitation"));
    }

    /// <summary>One answer for an unknown, wrong, spent or expired invitation token: it reveals nothing about the user.</summary>
    internal static CollabRefusalException InvitationRefusal() => CollabRefusals.UserInvitationUnusable();

    private void AcceptOnPlatformsWord(Actor actor, Instant now)
    {
        Acceptance = UserAcceptance.Platform;
        AcceptedAt = now;
        Raise(new RegistryChanged(now, actor, AuditAction.InvitationAccepted, AuditSubject.User(Id), "through=platform"));
    }

    internal static CollabUser CreateOfficeUser(OfficeId office, string email, Actor actor, Instant now)
    {
        var user = new CollabUser { Id = UserId.New(), Kind = UserKind.OfficeUser, Email = Guard.Email(email), OfficeId = office };
        user.Raise(new RegistryChanged(now, actor, AuditAction.UserCreated, AuditSubject.User(user.Id), $"kind=office-user;office={office}"));
        if (actor.Kind == ActorKind.Platform)
        {
            user.AcceptOnPlatformsWord(actor, now); // users the platform makes act on its word (SEC-7)
        }

        return user;
    }

    /// <summary>
    /// A new client user (SEC-5): homed at <paramref name="homeOffice"/> when an office invites it, else at the client. Users the
    /// platform makes are accepted on its word; the others act after accepting the invitation the caller issues (SEC-7).
    /// </summary>
    internal static CollabUser CreateClientUser(
        ClientId client, string email, IReadOnlyCollection<Company> companies, OfficeId? homeOffice, bool administrator, Actor actor, Instant now)
    {
        if (homeOffice is not null && administrator)
        {
            throw CollabRefusals.UserOfficeHomedAdministrator(email); // an office's invitee never administers the client's account
        }

        var user = new CollabUser
        {
            Id = UserId.New(), Kind = UserKind.ClientUser, Email = Guard.Email(email), ClientId = client, HomeOfficeId = homeOffice, IsClientAdministrator = administrator,
        };
        foreach (var company in companies)
        {
            if (company.ClientId != client)
            {
                throw CollabRefusals.UserCompanyOfOtherClient(company.Id);
            }

            if (!user._companies.Contains(company.Id))
            {
                user._companies.Add(company.Id);
            }
        }

        user.Raise(new RegistryChanged(now, actor, AuditAction.UserCreated, AuditSubject.User(user.Id),
            $"kind=client-user;client={client};home={(homeOffice is { } home ? $"office:{home}" : "client")};administrator={(administrator ? "yes" : "no")};companies={string.Join(',', user._companies)}"));
        if (actor.Kind == ActorKind.Platform)
        {
            user.AcceptOnPlatformsWord(actor, now);
        }

        return user;
    }
}

/// <summary>Who among a client's users hears of an office's work (SEC-5): those that accepted and may see that office's work.</summary>
internal static class ClientUserFilters
{
    internal static IReadOnlyList<CollabUser> SeeingWorkOf(this IEnumerable<CollabUser> users, OfficeId office) =>
        users.Where(u => u.Acceptance != UserAcceptance.Pending && u.SeesWorkOf(office)).ToList();

    internal static IReadOnlyList<CollabUser> OfTheClientsOwn(this IEnumerable<CollabUser> users) =>
        users.Where(u => u.IsHomedAtClient).ToList();

    /// <summary>Users that may act: a pending invitee hears of nothing until it accepted (SEC-7).</summary>
    internal static IReadOnlyList<CollabUser> ThatMayAct(this IEnumerable<CollabUser> users) =>
        users.Where(u => u.Acceptance != UserAcceptance.Pending).ToList();
}
