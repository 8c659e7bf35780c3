using Collab.Authorization;
using Collab.Tiers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Registry;

/// <summary>
/// Registers the parties Collab works with: offices, clients and their companies, administrations, users.
/// Every method validates all input before it changes anything, and records what it did (AUD-1).
/// </summary>
public sealed class CollabRegistry
{
    private readonly IOfficeStore _offices;
    private readonly IClientStore _clients;
    private readonly ICompanyStore _companies;
    private readonly IAdministrationStore _administrations;
    private readonly IEnvironmentStore _environments;
    private readonly IUserStore _users;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly CollabOptions _options;
    private readonly ITierStore _tiers;
    private readonly Tiers.TierCatalogue _catalogue;
    private readonly OfficeCalendar _calendar;
    private readonly CollabAuthorization _access;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="offices">Reads offices.</param>
    /// <param name="clients">Reads clients.</param>
    /// <param name="companies">Reads companies.</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="environments">Reads environments.</param>
    /// <param name="users">Reads users.</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Collab's options.</param>
    /// <param name="tiers">Reads the client's tiers, which limit its client users.</param>
    /// <param name="catalogue">The tier catalogue.</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="calendar">The office calendar: local dates in the office's zone (RET-1).</param>
    public CollabRegistry(IOfficeStore offices, IClientStore clients, ICompanyStore companies, IAdministrationStore administrations, IEnvironmentStore environments, IUserStore users, ICollabUnitOfWork unitOfWork, IClock clock, IOptions<CollabOptions> options, ITierStore tiers, Tiers.TierCatalogue catalogue, OfficeCalendar calendar, CollabAuthorization access)
    {
        _access = access;
        _calendar = calendar;
        _tiers = tiers;
        _catalogue = catalogue;
        _offices = offices;
        _clients = clients;
        _companies = companies;
        _administrations = administrations;
        _environments = environments;
        _users = users;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>Registers an office.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="name">The office's name.</param>
    /// <param name="timeZoneId">Its IANA time zone; null for <see cref="CollabOptions.DefaultTimeZoneId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new office.</returns>
    /// <exception cref="CollabRefusalException">The name is empty or too long, or the time zone is unknown.</exception>
    public async Task<OfficeView> RegisterOfficeAsync(ActingParty party, string name, string? timeZoneId = null, CancellationToken cancellationToken = default)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.RegisterOffice, New("office"), cancellationToken).ConfigureAwait(false)).Actor;
        var zoneId = timeZoneId ?? _options.DefaultTimeZoneId;
        var zone = _calendar.FindZone(zoneId)
            ?? throw CollabRefusals.OfficeUnknownTimeZone(zoneId);
        var office = Office.Register(name, zone, actor, _clock.GetCurrentInstant());
        _unitOfWork.Add(office);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return OfficeView.Of(office);
    }

    /// <summary>Records which of the vendor's products an office has (ONB-1, LIC-1). The vendor calls it when the office's subscription changes.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="modules">All modules the office has now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The office.</returns>
    /// <exception cref="CollabRefusalException">The office does not exist, or a module value is unknown.</exception>
    public async Task<OfficeView> SetOfficeModulesAsync(ActingParty party, OfficeId office, OfficeModules modules, CancellationToken cancellationToken = default)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.SetOfficeModules, office, cancellationToken).ConfigureAwait(false)).Actor;
        if ((modules & ~(OfficeModules.AccountantPackage | OfficeModules.EAccountancy | OfficeModules.LinksActivated)) != 0)
        {
            throw CollabRefusals.OfficeUnknownModule((int)modules);
        }

        var found = await _offices.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        found.SetModules(modules, actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return OfficeView.Of(found);
    }

    /// <summary>Registers a client.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="name">The client's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new client.</returns>
    /// <exception cref="CollabRefusalException">The name is empty or too long.</exception>
    public async Task<ClientView> RegisterClientAsync(ActingParty party, string name, CancellationToken cancellationToken = default)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.RegisterClient, New("client"), cancellationToken).ConfigureAwait(false)).Actor;
        var client = Client.Register(name, actor, _clock.GetCurrentInstant());
        _unitOfWork.Add(client);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ClientView.Of(client);
    }

    /// <summary>Adds a company to a client.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="client">The client.</param>
    /// <param name="name">The company's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new company.</returns>
    /// <exception cref="CollabRefusalException">The client does not exist, or the name is invalid.</exception>
    public async Task<CompanyView> AddCompanyAsync(ActingParty party, ClientId client, string name, CancellationToken cancellationToken = default)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.AddCompany, new ClientTarget(client, null), cancellationToken).ConfigureAwait(false)).Actor;
        var company = Company.Add(client, name, actor, _clock.GetCurrentInstant());
        _unitOfWork.Add(company);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return CompanyView.Of(company);
    }

    /// <summary>Creates an administration for a company of a client.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="company">The company whose books it is.</param>
    /// <param name="number">Its administration number; unique and fixed for life (LIC-6).</param>
    /// <param name="name">A readable name.</param>
    /// <param name="holder">The office that holds it itself (set it up under its own licence), if any.</param>
    /// <param name="environment">The environment that holds it, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new administration.</returns>
    /// <exception cref="CollabRefusalException">The company, holder or environment does not exist, the number is taken, or the name is invalid.</exception>
    public async Task<AdministrationView> CreateAdministrationAsync(
        ActingParty party, CompanyId company, AdministrationNumber number, string name, OfficeId? holder = null, EnvironmentId? environment = null,
        CancellationToken cancellationToken = default)
    {
        var owner = company == default ? null : await _companies.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.CreateAdministration, owner, company, null, cancellationToken).ConfigureAwait(false);
        return AdministrationView.Of(await CreateAdministrationAsync(acting, owner, number, name, holder, environment, cancellationToken).ConfigureAwait(false), acting.IsClientUser);
    }

    /// <summary>Creates an administration for a party already checked against the company.</summary>
    internal async Task<Administration> CreateAdministrationAsync(
        Acting acting, Company owner, AdministrationNumber number, string name, OfficeId? holder, EnvironmentId? environment, CancellationToken cancellationToken)
    {
        var actor = acting.Actor;

        // An office user creates administrations only in its own office's name and environments (SEC-3).
        if (environment is { } env
            && (await _environments.FindEnvironmentAsync(env, cancellationToken).ConfigureAwait(false) is not { } foundEnvironment
                || (acting.IsOfficeUser && foundEnvironment.OfficeId != acting.User.OfficeId)))
        {
            throw CollabAuthorization.Refused(AuditSubject.Environment(env));
        }

        if (holder is { } office
            && (await _offices.FindOfficeAsync(office, cancellationToken).ConfigureAwait(false) is null || (acting.IsOfficeUser && office != acting.User.OfficeId)))
        {
            throw CollabAuthorization.Refused(AuditSubject.Office(office));
        }

        if (await _administrations.FindLiveAdministrationByNumberAsync(number, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw CollabRefusals.AdministrationNumberTaken(number);
        }

        var administration = Administration.Create(owner, number, name, holder, environment, actor, _clock.GetCurrentInstant());
        _unitOfWork.Add(administration);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return administration;
    }

    /// <summary>Creates an environment of an office, administered by some of its office users.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="name">The environment's name.</param>
    /// <param name="administrators">Office users of that office who administer it (at least one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The environment.</returns>
    /// <exception cref="CollabRefusalException">Unknown office or user, no administrator, or an administrator of another office.</exception>
    public async Task<EnvironmentView> CreateEnvironmentAsync(
        ActingParty party, OfficeId office, string name, IReadOnlyCollection<UserId> administrators, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(administrators);
        var actor = (await _access.AuthorizeAsync(party, CollabAction.CreateEnvironment, office, cancellationToken).ConfigureAwait(false)).Actor;
        var users = new List<CollabUser>();
        foreach (var id in administrators)
        {
            users.Add(await _users.FindUserAsync(id, cancellationToken).OrNotFound("user", id.Value).ConfigureAwait(false));
        }

        var environment = CollabEnvironment.Create(office, name, users, actor, _clock.GetCurrentInstant());
        _unitOfWork.Add(environment);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return EnvironmentView.Of(environment);
    }

    /// <summary>Creates a user for an office, on the platform's word (SEC-7). An office invites its colleagues with <see cref="InvitationService.InviteOfficeUserAsync"/>.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3): the platform.</param>
    /// <param name="office">The office the user works for.</param>
    /// <param name="email">The user's e-mail address (unique).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new user.</returns>
    /// <exception cref="CollabRefusalException">The office does not exist, or the address is invalid or taken.</exception>
    public async Task<UserView> CreateOfficeUserAsync(ActingParty party, OfficeId office, string email, CancellationToken cancellationToken = default)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.CreateOfficeUser, office, cancellationToken).ConfigureAwait(false)).Actor;
        var now = _clock.GetCurrentInstant();
        var user = CollabUser.CreateOfficeUser(office, email, actor, now);
        if ((await _offices.FindOfficeAsync(office, cancellationToken).ConfigureAwait(false))?.Language is { } language)
        {
            user.SetLanguage(language, actor, now); // the office's language until the user chooses its own (TXT-1)
        }

        await SaveNewUserAsync(user, cancellationToken).ConfigureAwait(false);
        return UserView.Of(user);
    }

    /// <summary>Sets the acting user's own language: what Collab's notifications to it are written in (TXT-1).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The user itself.</param>
    /// <param name="language">A language such as <c>nl</c> or <c>en</c> (Dutch for nl-*, English for anything else); null for the default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    public async Task<UserView> SetMyLanguageAsync(ActingParty party, string? language, CancellationToken cancellationToken = default)
    {
        var acting = await _access.AuthorizeAsync(party, CollabAction.SetLanguage, new AuditSubject("user", "self"), cancellationToken).ConfigureAwait(false);
        var user = acting.Person;
        user.SetLanguage(language, acting.Actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return UserView.Of(user);
    }

    /// <summary>
    /// Sets an office's language (TXT-1): its new users, and its users who had the office's language so far, read Collab's
    /// texts in it; users who chose another language keep theirs.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="language">A language such as <c>nl</c> or <c>en</c>; null for Dutch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The office.</returns>
    public async Task<OfficeView> SetOfficeLanguageAsync(ActingParty party, OfficeId office, string? language, CancellationToken cancellationToken = default)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.SetOfficeLanguage, office, cancellationToken).ConfigureAwait(false)).Actor;
        var found = await _offices.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var previous = found.Language;
        found.SetLanguage(language, actor, now);
        foreach (var listed in await _users.OfficeUsersAsync(office, cancellationToken).ConfigureAwait(false))
        {
            if (listed.Language == previous && previous != found.Language
                && await _users.FindUserAsync(listed.Id, cancellationToken).ConfigureAwait(false) is { } user) // tracked, to save the change
            {
                user.SetLanguage(found.Language, actor, now); // users who had the office's language follow it; those who chose their own keep it
            }
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return OfficeView.Of(found);
    }

    /// <summary>
    /// Creates one of the client's own users (homed at the client, SEC-5) that may reach the given companies of its client (SEC-1),
    /// on the platform's word (SEC-7). While the client collaborates with an office, its tier limits its active client users: one is
    /// included, more only in a tier with extra users (TIER-1, TIER-2). Offices and client administrators invite users instead
    /// (<see cref="InvitationService.InviteClientUserAsync"/>).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3): the platform.</param>
    /// <param name="client">The client the user belongs to.</param>
    /// <param name="email">The user's e-mail address (unique).</param>
    /// <param name="companies">The companies of that client the user may reach.</param>
    /// <param name="administrator">Whether the user administers the client's account: acts for the client as a whole (the subscription, its users).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new user.</returns>
    /// <exception cref="CollabRefusalException">
    /// The client or a company does not exist, a company belongs to another client, the address is invalid or
    /// taken, or the client's tier allows no more client users.
    /// </exception>
    public async Task<UserView> CreateClientUserAsync(
        ActingParty party, ClientId client, string email, IReadOnlyCollection<CompanyId> companies, bool administrator = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var actor = (await _access.AuthorizeAsync(party, CollabAction.CreateClientUser, new ClientTarget(client, null), cancellationToken).ConfigureAwait(false)).Actor;
        var found = new List<Company>(companies.Count);
        foreach (var id in companies)
        {
            // Another client's company reads as unknown: the caller learns nothing about it.
            var company = await _companies.FindCompanyAsync(id, cancellationToken).ConfigureAwait(false);
            found.Add(company is not null && company.ClientId == client ? company : throw CollabAuthorization.Refused(new AuditSubject("company", id.ToString())));
        }

        var user = await PrepareClientUserAsync(actor, client, email, found, null, administrator, cancellationToken).ConfigureAwait(false);
        _unitOfWork.Add(user);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return UserView.Of(user);
    }

    /// <summary>Checks and builds a new client user without saving it, so a caller can save it with its own change (LIC-2).</summary>
    internal async Task<CollabUser> PrepareClientUserAsync(
        Actor actor, ClientId client, string? email, IReadOnlyCollection<Company> companies, OfficeId? home, bool administrator, CancellationToken cancellationToken)
    {
        var dependent = await TierGate.DependentCollaborationsAsync(_tiers, client, null, cancellationToken).ConfigureAwait(false); // SEC-4: before the count
        var user = CollabUser.CreateClientUser(client, email!, companies, home, administrator, actor, _clock.GetCurrentInstant());
        await CheckClientUserRoomAsync(client, cancellationToken).ConfigureAwait(false);
        await EnsureEmailFreeAsync(user.Email, cancellationToken).ConfigureAwait(false);
        TierGate.NoteDependentWork(dependent, _clock.GetCurrentInstant()); // a downgrade that counted users without this one now conflicts
        return user;
    }

    /// <summary>Gives a client user one more company of its client, so one login reaches all of them (TIER-8).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="user">The client user.</param>
    /// <param name="company">A company of the same client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    /// <exception cref="CollabRefusalException">Unknown user or company, an office user, a company of another client, or already given.</exception>
    public async Task<UserView> GiveCompanyAsync(ActingParty party, UserId user, CompanyId company, CancellationToken cancellationToken = default)
    {
        var found = user == default ? null : await _users.FindUserAsync(user, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.GiveCompany, found, AuditSubject.User(user), cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        var target = await _companies.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
        if (target is null || target.ClientId != found.ClientId)
        {
            throw CollabAuthorization.Refused(new AuditSubject("company", company.ToString()));
        }

        if (acting.IsClientUser && !acting.User.MayReach(target.Id))
        {
            throw CollabRefusals.UserCompanyNotReached(target.Name); // an administrator widens a user only to what it reaches itself
        }

        found.AddCompany(target, actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return UserView.Of(found);
    }

    /// <summary>Deactivates a user: it can no longer reach anything and no longer counts for tier limits (TIER-4).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    /// <exception cref="CollabRefusalException">Unknown or already inactive user.</exception>
    public async Task<UserView> DeactivateUserAsync(ActingParty party, UserId user, CancellationToken cancellationToken = default)
    {
        var found = user == default ? null : await _users.FindUserAsync(user, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, CollabAction.DeactivateUser, found, AuditSubject.User(user), cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        found.Deactivate(actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return UserView.Of(found);
    }

    /// <summary>Finds an office, for a host's page.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The office, or null.</returns>
    public async Task<OfficeView?> FindOfficeAsync(ActingParty party, OfficeId office, CancellationToken cancellationToken = default) =>
        await _access.TryAuthorizeAsync(party, CollabAction.ReadOffice, office, AuditSubject.Office(office), cancellationToken).ConfigureAwait(false) is null ? null
            : await _offices.FindOfficeAsync(office, cancellationToken).ConfigureAwait(false) is { } found ? OfficeView.Of(found) : null;

    /// <summary>Finds a client.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The client, or null.</returns>
    public async Task<ClientView?> FindClientAsync(ActingParty party, ClientId client, CancellationToken cancellationToken = default) =>
        await _access.TryAuthorizeAsync(party, CollabAction.ReadClient, new ClientTarget(client, null), AuditSubject.Client(client), cancellationToken).ConfigureAwait(false) is null ? null
            : await _clients.FindClientAsync(client, cancellationToken).ConfigureAwait(false) is { } found ? ClientView.Of(found) : null;

    /// <summary>Finds a company.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="company">The company.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The company, or null.</returns>
    public async Task<CompanyView?> FindCompanyAsync(ActingParty party, CompanyId company, CancellationToken cancellationToken = default)
    {
        var found = company == default ? null : await _companies.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
        return await _access.TryAuthorizeAsync(party, CollabAction.ReadCompanies, found is null ? null : new CompanyTarget(found, null), new AuditSubject("company", company.ToString()), cancellationToken).ConfigureAwait(false) is null ? null : CompanyView.Of(found!);
    }

    /// <summary>The companies of a client, ordered by name.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The companies.</returns>
    public async Task<IReadOnlyList<CompanyView>> ListCompaniesAsync(ActingParty party, ClientId client, CancellationToken cancellationToken = default)
    {
        var acting = await _access.AuthorizeAsync(party, CollabAction.ReadCompanies, new ClientTarget(client, null), cancellationToken).ConfigureAwait(false);
        var companies = await _companies.ListCompaniesAsync(client, cancellationToken).ConfigureAwait(false);
        return companies.Where(c => !acting.IsClientUser || acting.User.MayReach(c.Id)).Select(CompanyView.Of).ToList(); // SEC-1: only what it was given
    }

    /// <summary>Finds an administration.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="administration">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The administration, or null.</returns>
    public async Task<AdministrationView?> FindAdministrationAsync(ActingParty party, AdministrationId administration, CancellationToken cancellationToken = default)
    {
        var found = administration == default ? null : await _administrations.FindAdministrationAsync(administration, cancellationToken).ConfigureAwait(false);
        return await _access.TryAuthorizeAsync(party, CollabAction.ReadAdministration, found, AuditSubject.Administration(administration), cancellationToken).ConfigureAwait(false) is { } acting ? AdministrationView.Of(found!, acting.IsClientUser) : null;
    }

    /// <summary>Finds an environment.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="environment">The environment.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The environment, or null.</returns>
    public async Task<EnvironmentView?> FindEnvironmentAsync(ActingParty party, EnvironmentId environment, CancellationToken cancellationToken = default)
    {
        var found = environment == default ? null : await _environments.FindEnvironmentAsync(environment, cancellationToken).ConfigureAwait(false);
        return await _access.TryAuthorizeAsync(party, CollabAction.ReadEnvironment, found, AuditSubject.Environment(environment), cancellationToken).ConfigureAwait(false) is null ? null : EnvironmentView.Of(found!);
    }

    /// <summary>Finds a user, for example the signed-in one.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or null.</returns>
    public async Task<UserView?> FindUserAsync(ActingParty party, UserId user, CancellationToken cancellationToken = default)
    {
        var found = user == default ? null : await _users.FindUserAsync(user, cancellationToken).ConfigureAwait(false);
        var acting = await _access.TryAuthorizeAsync(party, CollabAction.ReadUsers, found, AuditSubject.User(user), cancellationToken).ConfigureAwait(false);
        return acting is null || found is null ? null : UserView.Of(found);
    }

    /// <summary>Finds a user by e-mail address (compared lower-case), for example at sign-in.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="email">The address.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The user, or null, also for text that is no e-mail address.</returns>
    public async Task<UserView?> FindUserByEmailAsync(ActingParty party, string email, CancellationToken cancellationToken = default)
    {
        var found = string.IsNullOrWhiteSpace(email) ? null : await _users.FindUserByEmailAsync(email.Trim().ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        var acting = await _access.TryAuthorizeAsync(party, CollabAction.ReadUsers, found, AuditSubject.User(found?.Id ?? default), cancellationToken).ConfigureAwait(false);
        return acting is null || found is null ? null : UserView.Of(found);
    }

    /// <summary>The active client users of a client.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    public async Task<IReadOnlyList<UserView>> ListClientUsersAsync(ActingParty party, ClientId client, CancellationToken cancellationToken = default)
    {
        var acting = await _access.AuthorizeAsync(party, CollabAction.ReadUsers, new ClientTarget(client, null), cancellationToken).ConfigureAwait(false);
        var users = await _users.ListClientUsersAsync(client, cancellationToken).ConfigureAwait(false);

        // SEC-6: an office lists the client's own users and its own invitees, never another office's.
        return users.Where(u => !acting.IsOfficeUser || u.SeesWorkOf(acting.User.OfficeId!.Value)).Select(UserView.Of).ToList();
    }

    /// <summary>The active users of an office.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The users.</returns>
    public async Task<IReadOnlyList<UserView>> ListOfficeUsersAsync(ActingParty party, OfficeId office, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadUsers, office, cancellationToken).ConfigureAwait(false);
        return (await _users.OfficeUsersAsync(office, cancellationToken).ConfigureAwait(false)).Select(UserView.Of).ToList();
    }

    private async Task CheckClientUserRoomAsync(ClientId client, CancellationToken cancellationToken)
    {
        var today = _clock.GetCurrentInstant().InZone(_calendar.DefaultZone).Date;
        var tiers = await _tiers.OtherRunningTiersAsync(default, [client], today, cancellationToken).ConfigureAwait(false);
        if (tiers.Count == 0)
        {
            return; // no collaboration yet: no tier limits the client's users
        }

        var best = tiers.Select(t => t.Tier).Max();
        var allowed = _catalogue.MaxClientUsers(best);
        var active = (await _tiers.CountActiveClientUsersAsync([client], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(client);
        if (active + 1 > allowed)
        {
            var needed = _catalogue.LowestTierWith(Tiers.Feature.ExtraClientUsers);
            throw CollabRefusals.UserTierUserLimit(client, active, best, needed?.ToString() ?? "with extra users");
        }
    }

    internal async Task EnsureEmailFreeAsync(string email, CancellationToken cancellationToken)
    {
        if (await _users.UserEmailExistsAsync(email, cancellationToken).ConfigureAwait(false))
        {
            throw CollabRefusals.UserEmailTaken(email);
        }
    }

    private async Task SaveNewUserAsync(CollabUser user, CancellationToken cancellationToken)
    {
        await EnsureEmailFreeAsync(user.Email, cancellationToken).ConfigureAwait(false);
        _unitOfWork.Add(user);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static AuditSubject New(string type) => new(type, "new");
}
