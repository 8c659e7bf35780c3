using Collab.Authorization;
using Collab.Registry;
using Collab.Rights;

namespace Collab.Lifecycle;

/// <summary>
/// Office staff register a new client for online collaboration (ONB-1, ONB-2): a plan with the first calendar month
/// free, on a new administration or one the office holds; an existing customer is sent to granting rights instead.
/// </summary>
public sealed class ClientRegistrationService
{
    private readonly CollabAuthorization _access;
    private readonly RegistrationChecks _checks;
    private readonly CollabRegistry _registrations;
    private readonly InvitationService _invitations;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly LifecycleCalendar _dates;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="checks">Reads and checks the office, the client and its administration.</param>
    /// <param name="registrations">Checks new users.</param>
    /// <param name="invitations">Invites the client's first user (SEC-7).</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="dates">The clock, the office calendar (RET-1) and the lifecycle options.</param>
    public ClientRegistrationService(CollabAuthorization access, RegistrationChecks checks, CollabRegistry registrations, InvitationService invitations, ICollabUnitOfWork unitOfWork, LifecycleCalendar dates)
    {
        _access = access;
        _checks = checks;
        _registrations = registrations;
        _invitations = invitations;
        _unitOfWork = unitOfWork;
        _dates = dates;
    }

    /// <summary>
    /// Registers a new client for online collaboration (ONB-1): client, user, subscription with its free period,
    /// and the administration on the client's account, which the office keeps in its list through a grant made
    /// as part of the registration. All saved at once, or nothing.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user who registers.</param>
    /// <param name="office">The office; needs the accountant package.</param>
    /// <param name="registration">What to register.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription, administration and client user.</returns>
    /// <exception cref="CollabRefusalException">
    /// The office lacks the accountant package; the plan or billing party is unknown; the client is already a
    /// customer (ONB-2: grant rights instead); the administration is not the office's own; a name, number or address is invalid or taken.
    /// </exception>
    public async Task<RegistrationResult> RegisterClientAsync(ActingParty party, OfficeId office, ClientRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var acting = await _access.AuthorizeAsync(party, CollabAction.RegisterOnlineClient, office, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        var registering = await _checks.RegisteringOfficeAsync(office, cancellationToken).ConfigureAwait(false);
        var (plan, email) = await _checks.NewCustomerAsync(registration, cancellationToken).ConfigureAwait(false);
        var now = _dates.Now();
        var today = _dates.Today(now, registering);
        var (administration, company, created) = await _checks.AdministrationAsync(office, registration, email, actor, now, cancellationToken).ConfigureAwait(false);

        // SEC-2: the last check (the user's e-mail address, the client's room for users) runs before anything is added
        // or changed, so a refusal here leaves nothing in a unit of work the vendor shares with Collab.
        var user = await _registrations.PrepareClientUserAsync(actor, administration.ClientId, email, [company], null, administrator: true, cancellationToken).ConfigureAwait(false);
        foreach (var aggregate in created)
        {
            _unitOfWork.Add(aggregate);
        }

        if (registration.ExistingAdministration is not null)
        {
            administration.TransferToClient(actor, now);
        }

        var subscription = ClientSubscription.Start(administration.ClientId, office, plan, registration.BillingParty, today, _dates.Options.FreeMonths, actor, now);
        var grant = RightsGrant.Grant(office, administration, user.Id, GrantChannel.Registration, now);
        _unitOfWork.Add(user);
        _unitOfWork.Add(subscription);
        _unitOfWork.Add(grant);
        var invitation = _invitations.Issue(acting, user, registering.Name); // the office registered it: the person accepts before it acts (SEC-7)
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new RegistrationResult(SubscriptionView.Of(subscription), AdministrationView.Of(administration), UserView.Of(user), invitation);
    }
}

/// <summary>A registration's reads and checks (ONB-1, ONB-2): the office, the new customer, and its administration.</summary>
/// <param name="offices">Reads offices.</param>
/// <param name="companies">Reads companies.</param>
/// <param name="administrations">Reads administrations.</param>
/// <param name="users">Reads users.</param>
/// <param name="lifecycle">Reads subscriptions.</param>
/// <param name="plans">The plan catalogue.</param>
public sealed class RegistrationChecks(IOfficeStore offices, ICompanyStore companies, IAdministrationStore administrations, IUserStore users, ILifecycleStore lifecycle, PlanCatalogue plans)
{
    /// <summary>The registering office; it needs the accountant package.</summary>
    internal async Task<Office> RegisteringOfficeAsync(OfficeId office, CancellationToken cancellationToken)
    {
        var registering = await offices.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        if (!registering.Has(OfficeModules.AccountantPackage))
        {
            throw CollabRefusals.RegistrationAccountantPackageMissing(registering.Name);
        }

        return registering;
    }

    /// <summary>The plan and the client user's address, refused for an existing customer (ONB-2).</summary>
    internal async Task<(string Plan, string Email)> NewCustomerAsync(ClientRegistration registration, CancellationToken cancellationToken)
    {
        var plan = plans.Normalize(registration.Plan);
        var email = Guard.Email(registration.ClientEmail);
        if (await users.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false) is { ClientId: { } known }
            && await lifecycle.FindSubscriptionAsync(known, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw ExistingCustomer(email);
        }

        return (plan, email);
    }

    /// <summary>The administration the office holds, or a new client, company and administration (not yet added).</summary>
    internal async Task<(Administration Administration, Company Company, AggregateRoot[] Created)> AdministrationAsync(OfficeId office, ClientRegistration registration, string email, Actor actor, NodaTime.Instant now, CancellationToken cancellationToken)
    {
        if (registration.ExistingAdministration is { } existingId)
        {
            // Only an administration the office holds moves to a client's account (ONB-1); any other reads as unknown.
            var administration = (existingId == default ? null : await administrations.FindAdministrationAsync(existingId, cancellationToken).ConfigureAwait(false)) is { } held && held.HolderOfficeId == office
                ? held
                : throw CollabAuthorization.Refused(AuditSubject.Administration(existingId));

            // ONB-2, SEC-5: a client that already has an account of its own (a subscription, or users of its own) grants rights instead;
            // registration makes only a client's first user.
            if (await lifecycle.FindSubscriptionAsync(administration.ClientId, cancellationToken).ConfigureAwait(false) is not null
                || (await users.ListClientUsersAsync(administration.ClientId, cancellationToken).ConfigureAwait(false)).Any(u => u.IsHomedAtClient))
            {
                throw ExistingCustomer(email);
            }

            var company = await companies.FindCompanyAsync(administration.CompanyId, cancellationToken).OrNotFound("company", administration.CompanyId.Value).ConfigureAwait(false);
            return (administration, company, []);
        }

        if (registration.NewNumber is not { } number)
        {
            throw CollabRefusals.RegistrationNumberRequired();
        }

        if (await administrations.FindLiveAdministrationByNumberAsync(number, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw CollabRefusals.AdministrationNumberTaken(number);
        }

        var client = Client.Register(registration.ClientName!, actor, now);
        var added = Company.Add(client.Id, registration.CompanyName!, actor, now);
        var created = Administration.Create(client.Id, added.Id, number, registration.NewAdministrationName!, null, null,
            LicenceSource.ClientSubscription, AdministrationState.Live, actor, now);
        return (created, added, [client, added, created]);
    }

    private static CollabRefusalException ExistingCustomer(string email) =>
        CollabRefusals.RegistrationExistingCustomer(email);
}
