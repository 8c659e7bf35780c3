using Collab.Authorization;
using Collab.Registry;

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
/// Client administrations under the office's own licence (LIC-1), set up by office staff; the import of the client's
/// licence file is <see cref="LicenceImportService"/>.
/// </summary>
/// <param name="offices">Reads offices.</param>
/// <param name="companies">Reads companies.</param>
/// <param name="registrations">Creates administrations.</param>
/// <param name="access">Checks who acts (SEC-3).</param>
public sealed class LicenceService(IOfficeStore offices, ICompanyStore companies, CollabRegistry registrations, CollabAuthorization access)
{
    private readonly IOfficeStore _offices = offices;
    private readonly ICompanyStore _companies = companies;
    private readonly CollabRegistry _registrations = registrations;
    private readonly CollabAuthorization _access = access;

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
}
