using System.Text;
using Collab.Authorization;
using Collab.Registry;
using NodaTime;

namespace Collab.Licences;

/// <summary>
/// The import of the client's licence file in two steps, read then confirm (LIC-2, LIC-3), by the office or the client.
/// A file that is malformed, tampered with, expired, not yet valid, or issued for another client or administration is
/// refused with its own reason, and nothing changes.
/// </summary>
/// <param name="administrations">Reads administrations.</param>
/// <param name="access">Checks who acts (SEC-3).</param>
/// <param name="check">Verifies the file and checks it fits the administration today.</param>
/// <param name="importUser">The client user the import relies on, or creates.</param>
/// <param name="unitOfWork">Saves changes.</param>
public sealed class LicenceImportService(IAdministrationStore administrations, CollabAuthorization access, LicenceFileCheck check, LicenceImportUser importUser, ICollabUnitOfWork unitOfWork)
{
    private readonly IAdministrationStore _administrations = administrations;
    private readonly CollabAuthorization _access = access;
    private readonly LicenceFileCheck _check = check;
    private readonly LicenceImportUser _importUser = importUser;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;

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
        var licence = await _check.CheckAsync(target, file, cancellationToken).ConfigureAwait(false);
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
        var licence = await _check.CheckAsync(target, file, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(licence.Fingerprint, reviewedFingerprint, StringComparison.Ordinal))
        {
            throw CollabRefusals.LicenceNotReviewed();
        }

        var now = _check.Now();
        var created = await _importUser.ResolveAsync(acting, target, user, cancellationToken).ConfigureAwait(false);
        target.ImportClientLicence(Encoding.ASCII.GetString(file.Span), $"{LicenceFormat.Describe(licence.Content)};fingerprint={licence.Fingerprint};user={user.Existing?.ToString() ?? created!.Id.ToString()}", actor, now);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return AdministrationView.Of(target, acting.IsClientUser);
    }
}

/// <summary>Verifies a licence file and checks it fits the administration on the holder office's local day (LIC-3, RET-1).</summary>
/// <param name="verifier">Checks licence files.</param>
/// <param name="offices">Reads the holder office's zone.</param>
/// <param name="calendar">The office calendar.</param>
/// <param name="clock">The clock.</param>
public sealed class LicenceFileCheck(LicenceVerifier verifier, IOfficeStore offices, OfficeCalendar calendar, IClock clock)
{
    /// <summary>Now.</summary>
    internal Instant Now() => clock.GetCurrentInstant();

    internal async Task<VerifiedLicence> CheckAsync(Administration target, ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        target.EnsureLive("take a licence");
        var licence = verifier.Verify(file);
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
        var today = clock.GetCurrentInstant().InZone(zone).Date;
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
        var office = administration.HolderOfficeId is { } id ? await offices.FindOfficeAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return office is null ? calendar.DefaultZone : calendar.ZoneOf(office);
    }
}

/// <summary>The client user a licence import relies on (LIC-2): an active one of the client's own, or its first own login, created and invited (SEC-5, SEC-7).</summary>
/// <param name="users">Reads users.</param>
/// <param name="companies">Reads companies.</param>
/// <param name="registrations">Creates users.</param>
/// <param name="invitations">Invites a created user (SEC-7).</param>
/// <param name="offices">Reads the acting office's name for the invitation.</param>
/// <param name="unitOfWork">Adds the created user.</param>
public sealed class LicenceImportUser(IUserStore users, ICompanyStore companies, CollabRegistry registrations, InvitationService invitations, IOfficeStore offices, ICollabUnitOfWork unitOfWork)
{
    /// <summary>Checks the existing user, or prepares, adds and invites the new one; returns the created user, if any.</summary>
    internal async Task<CollabUser?> ResolveAsync(Acting acting, Administration target, ImportUser user, CancellationToken cancellationToken)
    {
        var actor = acting.Actor;
        CollabUser? created = null;
        if (user.Existing is { } existing)
        {
            var reaching = (await users.ClientUsersReachingAsync(target.ClientId, target.CompanyId, cancellationToken).ConfigureAwait(false)).OfTheClientsOwn(); // the client's own login (LIC-2, SEC-5)
            if (reaching.All(u => u.Id != existing))
            {
                throw CollabRefusals.LicenceClientUserNotActive(existing, target.Number);
            }
        }
        else
        {
            // SEC-5: an office makes the client's *first* own login here (as at registration, ONB-1), never another one next to
            // the client's: a client that has its own users adds more through its administrator.
            if ((await users.ListClientUsersAsync(target.ClientId, cancellationToken).ConfigureAwait(false)).Any(u => u.IsHomedAtClient))
            {
                throw CollabRefusals.LicenceClientHasUsers(target.Number);
            }

            var company = await companies.FindCompanyAsync(target.CompanyId, cancellationToken).OrNotFound("company", target.CompanyId.Value).ConfigureAwait(false);
            created = await registrations.PrepareClientUserAsync(actor, target.ClientId, user.NewEmail, [company], null, administrator: false, cancellationToken).ConfigureAwait(false);
            unitOfWork.Add(created);

            // The client's own login to its own books (LIC-2), made by the office: the person accepts before it acts (SEC-5, SEC-7).
            invitations.Issue(acting, created, (await offices.FindOfficeAsync(acting.Person.OfficeId!.Value, cancellationToken).ConfigureAwait(false))?.Name ?? string.Empty);
        }

        return created;
    }
}
