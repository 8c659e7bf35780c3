using Collab.Authorization;
using Collab.Backups;
using System.Text;
using Collab.Registry;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Licences;

/// <summary>What the first import step shows for review (LIC-3).</summary>
/// <param name="Administration">The administration the licence is for.</param>
/// <param name="Licence">What the licence says, its signing key and the fingerprint to confirm with.</param>
public sealed record LicenceReview(AdministrationId Administration, VerifiedLicence Licence);

/// <summary>The client user a licence import relies on (LIC-2): an existing active one, or one to create during the import.</summary>
public sealed record ImportUser
{
    private ImportUser(UserId? existing, string? newEmail)
    {
        Existing = existing;
        NewEmail = newEmail;
    }

    /// <summary>The existing client user, if that was chosen.</summary>
    public UserId? Existing { get; }

    /// <summary>The address of the client user to create, if that was chosen.</summary>
    public string? NewEmail { get; }

    /// <summary>Use an existing, active client user of the administration.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The choice.</returns>
    public static ImportUser ExistingUser(UserId user) => new(user, null);

    /// <summary>Create a client user with this address during the import, with access to the administration's company.</summary>
    /// <param name="email">The new user's e-mail address.</param>
    /// <returns>The choice.</returns>
    public static ImportUser CreateUser(string email) => new(null, email);
}

/// <summary>
/// Client administrations under the office's licence (LIC-1) and the import of the client's licence file in two
/// steps, read then confirm (LIC-2, LIC-3). A file that is malformed, tampered with, expired, not yet valid, or
/// issued for another client or administration is refused with its own reason, and nothing changes.
/// </summary>
public sealed class LicenceService
{
    private readonly IOfficeStore _offices;
    private readonly ICompanyStore _companies;
    private readonly IAdministrationStore _administrations;
    private readonly IUserStore _users;
    private readonly IBackupStore _backups;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly LicenceVerifier _verifier;
    private readonly CollabRegistry _registrations;
    private readonly InvitationService _invitations;
    private readonly CollabOptions _options;
    private readonly OfficeCalendar _calendar;
    private readonly CollabAuthorization _access;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="offices">Reads offices.</param>
    /// <param name="companies">Reads companies.</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="users">Reads users.</param>
    /// <param name="backups">Finds the client users of an administration.</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="verifier">Checks licence files.</param>
    /// <param name="registrations">Creates administrations and users.</param>
    /// <param name="options">Collab's options.</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="calendar">The office calendar: local dates in the office's zone (RET-1).</param>
    /// <param name="invitations">Invites a client user created during an import (SEC-7).</param>
    public LicenceService(IOfficeStore offices, ICompanyStore companies, IAdministrationStore administrations, IUserStore users, IBackupStore backups, ICollabUnitOfWork unitOfWork, IClock clock, LicenceVerifier verifier, CollabRegistry registrations, IOptions<CollabOptions> options, OfficeCalendar calendar, CollabAuthorization access, InvitationService invitations)
    {
        _invitations = invitations;
        _access = access;
        _calendar = calendar;
        _offices = offices;
        _companies = companies;
        _administrations = administrations;
        _users = users;
        _backups = backups;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _verifier = verifier;
        _registrations = registrations;
        _options = options.Value;
    }

    /// <summary>
    /// Sets up an administration for a client under the office's own licence, for example from a template with a
    /// standard chart of accounts (LIC-1). Needs the office's E-Accountancy module.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user.</param>
    /// <param name="office">The office whose licence it runs under.</param>
    /// <param name="company">The client's company.</param>
    /// <param name="number">A free administration number; fixed for life (LIC-6).</param>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The administration, held by the office.</returns>
    /// <exception cref="CollabRefusalException">Unknown office or company, no E-Accountancy module, number taken, or invalid name.</exception>
    public async Task<AdministrationView> SetUpClientAdministrationAsync(
        ActingParty party, OfficeId office, CompanyId company, AdministrationNumber number, string name, CancellationToken cancellationToken = default)
    {
        var owner = company == default ? null : await _companies.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.SetUpClientAdministration, owner, company, office, cancellationToken).ConfigureAwait(false);
        var found = await _offices.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        if (!found.Has(OfficeModules.EAccountancy))
        {
            throw CollabRefusals.LicenceOfficeModuleMissing(found.Name);
        }

        return AdministrationView.Of(await _registrations.CreateAdministrationAsync(acting, owner, number, name, office, null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Step one of a licence import (LIC-3): verifies the file and checks it fits the administration, and returns
    /// what it says for review. Changes nothing.
    /// </summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="administration">The administration to import into.</param>
    /// <param name="file">The licence file's bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The review; confirm with its fingerprint.</returns>
    /// <exception cref="CollabRefusalException">
    /// The file is empty, too large, malformed, signed by an untrusted key, tampered with, expired, not yet valid,
    /// issued to someone else or for other administrations; or the administration is unknown or not live.
    /// </exception>
    public async Task<LicenceReview> ReadClientLicenceAsync(ActingParty party, AdministrationId administration, ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default)
    {
        var target = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(party, CollabAction.ImportLicence, target, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        var licence = await CheckAsync(target, file, cancellationToken).ConfigureAwait(false);
        return new LicenceReview(target.Id, licence);
    }

    /// <summary>
    /// Step two (LIC-2, LIC-3): imports the reviewed file. The file is checked again, must be the one reviewed
    /// (same fingerprint), and needs an active client user of the administration, or creates one. Everything is
    /// saved at once, or nothing.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). Who confirms.</param>
    /// <param name="administration">The administration.</param>
    /// <param name="file">The licence file's bytes, as reviewed.</param>
    /// <param name="reviewedFingerprint">The fingerprint from <see cref="ReadClientLicenceAsync"/>.</param>
    /// <param name="user">The existing client user, or the one to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The administration, now under the client's licence.</returns>
    /// <exception cref="CollabRefusalException">
    /// Any reason of <see cref="ReadClientLicenceAsync"/>; a different file than reviewed; the user is unknown, not
    /// the client's, inactive or without access to the company; or a new user cannot be created.
    /// </exception>
    public async Task<AdministrationView> ImportClientLicenceAsync(
        ActingParty party, AdministrationId administration, ReadOnlyMemory<byte> file, string reviewedFingerprint, ImportUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var target = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.ImportLicence, target, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        var licence = await CheckAsync(target, file, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(licence.Fingerprint, reviewedFingerprint, StringComparison.Ordinal))
        {
            throw CollabRefusals.LicenceNotReviewed();
        }

        var now = _clock.GetCurrentInstant();
        CollabUser? created = null;
        if (user.Existing is { } existing)
        {
            var users = (await _users.ClientUsersReachingAsync(target.ClientId, target.CompanyId, cancellationToken).ConfigureAwait(false)).OfTheClientsOwn(); // the client's own login (LIC-2, SEC-5)
            if (users.All(u => u.Id != existing))
            {
                throw CollabRefusals.LicenceClientUserNotActive(existing, target.Number);
            }
        }
        else
        {
            // SEC-5: an office makes the client's *first* own login here (as at registration, ONB-1), never another one next to
            // the client's: a client that has its own users adds more through its administrator.
            if ((await _users.ListClientUsersAsync(target.ClientId, cancellationToken).ConfigureAwait(false)).Any(u => u.IsHomedAtClient))
            {
                throw CollabRefusals.LicenceClientHasUsers(target.Number);
            }

            var company = await _companies.FindCompanyAsync(target.CompanyId, cancellationToken).OrNotFound("company", target.CompanyId.Value).ConfigureAwait(false);
            created = await _registrations.PrepareClientUserAsync(actor, target.ClientId, user.NewEmail, [company], null, administrator: false, cancellationToken).ConfigureAwait(false);
            _unitOfWork.Add(created);

            // The client's own login to its own books (LIC-2), made by the office: the person accepts before it acts (SEC-5, SEC-7).
            _invitations.Issue(acting, created, (await _offices.FindOfficeAsync(acting.Person.OfficeId!.Value, cancellationToken).ConfigureAwait(false))?.Name ?? string.Empty);
        }

        target.ImportClientLicence(Encoding.ASCII.GetString(file.Span), $"{LicenceFormat.Describe(licence.Content)};fingerprint={licence.Fingerprint};user={user.Existing?.ToString() ?? created!.Id.ToString()}", actor, now);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return AdministrationView.Of(target, acting.IsClientUser);
    }

    private async Task<VerifiedLicence> CheckAsync(Administration target, ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        target.EnsureLive("take a licence");
        var licence = _verifier.Verify(file);
        var content = licence.Content;
        if (content.LicenseeKind != LicenseeKind.Client || content.LicenseeId != target.ClientId.Value)
        {
            throw CollabRefusals.LicenceWrongLicensee(content.LicenseeKind.ToString().ToLowerInvariant(), content.LicenseeName, target.Number);
        }

        if (!content.Administrations.Contains(target.Number))
        {
            throw CollabRefusals.LicenceWrongAdministration(string.Join(", ", content.Administrations), target.Number);
        }

        var zone = await ZoneAsync(target, cancellationToken).ConfigureAwait(false);
        var today = _clock.GetCurrentInstant().InZone(zone).Date;
        if (today < content.ValidFrom)
        {
            throw CollabRefusals.LicenceNotYetValid(content.ValidFrom);
        }

        if (today > content.ValidUntil)
        {
            throw CollabRefusals.LicenceExpired(content.ValidUntil);
        }

        return licence;
    }

    private async Task<DateTimeZone> ZoneAsync(Administration administration, CancellationToken cancellationToken)
    {
        var office = administration.HolderOfficeId is { } id ? await _offices.FindOfficeAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return office is null ? _calendar.DefaultZone : _calendar.ZoneOf(office);
    }
}
