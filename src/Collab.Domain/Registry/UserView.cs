using NodaTime;

namespace Collab.Registry;

/// <summary>
/// A user as a reader sees it (SEC-6): who it is, whose it is (its office, or its client and home, SEC-5), what it reaches and
/// whether it may act (SEC-7) — never its invitation's secret. A copy taken at the read.
/// </summary>
/// <param name="Id">The user's id.</param>
/// <param name="Kind">Office user or client user.</param>
/// <param name="Email">Its e-mail address, lower-case.</param>
/// <param name="OfficeId">The office an office user works for; null for client users.</param>
/// <param name="ClientId">The client a client user belongs to; null for office users.</param>
/// <param name="HomeOfficeId">The office a client user is homed at; null for the client's own users and for office users.</param>
/// <param name="IsClientAdministrator">Whether it administers its client's account.</param>
/// <param name="IsActive">Whether it may sign in.</param>
/// <param name="Language">The language it reads; null for the default, Dutch.</param>
/// <param name="Companies">The companies a client user was given.</param>
/// <param name="Acceptance">Whether it may act yet, and on whose word.</param>
/// <param name="AcceptedAt">When it accepted, or the platform vouched for it.</param>
/// <param name="InvitationExpiresAt">Until when its pending invitation can be accepted; null when none is pending.</param>
public sealed record UserView(
    UserId Id, UserKind Kind, string Email, OfficeId? OfficeId, ClientId? ClientId, OfficeId? HomeOfficeId, bool IsClientAdministrator, bool IsActive,
    string? Language, IReadOnlyList<CompanyId> Companies, UserAcceptance Acceptance, Instant? AcceptedAt, Instant? InvitationExpiresAt)
{
    /// <summary>Whether this is a client user homed at the client itself (SEC-5).</summary>
    public bool IsHomedAtClient => Kind == UserKind.ClientUser && HomeOfficeId is null;

    /// <summary>Whether this client user may reach the given company of its client.</summary>
    /// <param name="company">The company's id.</param>
    /// <returns>True only for an active client user that was given the company.</returns>
    public bool MayReach(CompanyId company) => IsActive && Kind == UserKind.ClientUser && Companies.Contains(company);

    /// <summary>The view of a user.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The view.</returns>
    internal static UserView Of(CollabUser user) => new(
        user.Id, user.Kind, user.Email, user.OfficeId, user.ClientId, user.HomeOfficeId, user.IsClientAdministrator, user.IsActive, user.Language,
        [.. user.Companies], user.Acceptance, user.AcceptedAt, user.InvitationExpiresAt);
}
