using Collab.Authorization;
using Collab.Registry;
using Collab.Rights;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Lifecycle;

/// <summary>
/// What an office registers (ONB-1): a new client with either a new administration or one of the office's
/// existing administrations, moved to the client's account.
/// </summary>
public sealed record ClientRegistration
{
    private ClientRegistration() => ClientEmail = Plan = string.Empty;

    /// <summary>The client user's e-mail address: the client's identity.</summary>
    public string ClientEmail { get; private init; }

    /// <summary>The plan, from the plan catalogue.</summary>
    public string Plan { get; private init; }

    /// <summary>Who is billed.</summary>
    public BillingParty BillingParty { get; private init; }

    /// <summary>An administration the office holds for this client, moved to the client's account; null for a new one.</summary>
    public AdministrationId? ExistingAdministration { get; private init; }

    /// <summary>For a new client: its name.</summary>
    public string? ClientName { get; private init; }

    /// <summary>For a new client: its company's name.</summary>
    public string? CompanyName { get; private init; }

    /// <summary>For a new administration: its number.</summary>
    public AdministrationNumber? NewNumber { get; private init; }

    /// <summary>For a new administration: its name.</summary>
    public string? NewAdministrationName { get; private init; }

    /// <summary>Registers a new client with a new administration.</summary>
    /// <param name="clientName">The client's name.</param>
    /// <param name="companyName">Its company's name.</param>
    /// <param name="clientEmail">The client user's address.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="billing">Who is billed.</param>
    /// <param name="number">The new administration's number.</param>
    /// <param name="administrationName">Its name.</param>
    /// <returns>The registration.</returns>
    public static ClientRegistration WithNewAdministration(string clientName, string companyName, string clientEmail, string plan, BillingParty billing, AdministrationNumber number, string administrationName) =>
        new() { ClientName = clientName, CompanyName = companyName, ClientEmail = clientEmail, Plan = plan, BillingParty = billing, NewNumber = number, NewAdministrationName = administrationName };

    /// <summary>Registers the client of an administration the office holds, moving it to the client's account.</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="clientEmail">The client user's address.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="billing">Who is billed.</param>
    /// <returns>The registration.</returns>
    public static ClientRegistration WithExistingAdministration(AdministrationId administration, string clientEmail, string plan, BillingParty billing) =>
        new() { ExistingAdministration = administration, ClientEmail = clientEmail, Plan = plan, BillingParty = billing };
}

/// <summary>The outcome of a registration.</summary>
/// <param name="Subscription">The client's subscription, with its free period.</param>
/// <param name="Administration">The client's administration, now on its own account.</param>
/// <param name="ClientUser">The client's first user: its own account's administrator (SEC-5), acting once it accepts its invitation.</param>
/// <param name="Invitation">The client user's invitation (SEC-7), also sent to it as a <see cref="NotificationKind.UserInvitation"/> message.</param>
public sealed record RegistrationResult(SubscriptionView Subscription, AdministrationView Administration, UserView ClientUser, UserInvitation Invitation);

/// <summary>
/// The online collaboration lifecycle (ONB-1, ONB-2, ONB-6, RET-1, RET-2): an office registers a new client on a
/// plan, with the first calendar month free; an existing customer is sent to granting rights instead; when the
/// client cancels, its online administrations are scheduled for deletion 90 local days later, announced, and
/// called off by reactivation before the day.
/// </summary>
public sealed class OnlineCollaborationService
{
    private readonly Texts.CollabTexts _texts;
    private readonly CollabAuthorization _access;
    private readonly IOfficeStore _offices;
    private readonly ICompanyStore _companies;
    private readonly IAdministrationStore _administrations;
    private readonly IUserStore _users;
    private readonly ILifecycleStore _lifecycle;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly CollabRegistry _registrations;
    private readonly PlanCatalogue _plans;
    private readonly LifecycleOptions _options;
    private readonly OfficeCalendar _calendar;
    private readonly InvitationService _invitations;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="offices">Reads offices.</param>
    /// <param name="companies">Reads companies.</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="users">Reads users.</param>
    /// <param name="lifecycle">Reads subscriptions and schedules.</param>
    /// <param name="unitOfWork">Saves changes and notifications.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="registrations">Checks new users.</param>
    /// <param name="plans">The plan catalogue.</param>
    /// <param name="options">Collab's options.</param>
    /// <param name="calendar">The office calendar: local dates in the office's zone (RET-1).</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="texts">The text catalogue: notifications in each recipient's language (TXT-1).</param>
    /// <param name="invitations">Invites the client's first user (SEC-7).</param>
    public OnlineCollaborationService(IOfficeStore offices, ICompanyStore companies, IAdministrationStore administrations, IUserStore users, ILifecycleStore lifecycle, ICollabUnitOfWork unitOfWork, IClock clock, CollabRegistry registrations, PlanCatalogue plans, IOptions<CollabOptions> options, OfficeCalendar calendar, CollabAuthorization access, Texts.CollabTexts texts, InvitationService invitations)
    {
        _invitations = invitations;
        _texts = texts;
        _access = access;
        _calendar = calendar;
        _offices = offices;
        _companies = companies;
        _administrations = administrations;
        _users = users;
        _lifecycle = lifecycle;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _registrations = registrations;
        _plans = plans;
        _options = options.Value.Lifecycle;
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
        var registering = await _offices.FindOfficeAsync(office, cancellationToken).OrNotFound("office", office.Value).ConfigureAwait(false);
        if (!registering.Has(OfficeModules.AccountantPackage))
        {
            throw CollabRefusals.RegistrationAccountantPackageMissing(registering.Name);
        }

        var plan = _plans.Normalize(registration.Plan);
        var email = Guard.Email(registration.ClientEmail);
        if (await _users.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false) is { ClientId: { } known }
            && await _lifecycle.FindSubscriptionAsync(known, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw ExistingCustomer(email);
        }

        var now = _clock.GetCurrentInstant();
        var today = now.InZone(_calendar.ZoneOf(registering)).Date;
        Administration administration;
        Company company;
        AggregateRoot[] created = [];
        if (registration.ExistingAdministration is { } existingId)
        {
            // Only an administration the office holds moves to a client's account (ONB-1); any other reads as unknown.
            administration = (existingId == default ? null : await _administrations.FindAdministrationAsync(existingId, cancellationToken).ConfigureAwait(false)) is { } held && held.HolderOfficeId == office
                ? held
                : throw CollabAuthorization.Refused(AuditSubject.Administration(existingId));

            // ONB-2, SEC-5: a client that already has an account of its own (a subscription, or users of its own) grants rights instead;
            // registration makes only a client's first user.
            if (await _lifecycle.FindSubscriptionAsync(administration.ClientId, cancellationToken).ConfigureAwait(false) is not null
                || (await _users.ListClientUsersAsync(administration.ClientId, cancellationToken).ConfigureAwait(false)).Any(u => u.IsHomedAtClient))
            {
                throw ExistingCustomer(email);
            }

            company = await _companies.FindCompanyAsync(administration.CompanyId, cancellationToken).OrNotFound("company", administration.CompanyId.Value).ConfigureAwait(false);
        }
        else
        {
            if (registration.NewNumber is not { } number)
            {
                throw CollabRefusals.RegistrationNumberRequired();
            }

            if (await _administrations.FindLiveAdministrationByNumberAsync(number, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw CollabRefusals.AdministrationNumberTaken(number);
            }

            var client = Client.Register(registration.ClientName!, actor, now);
            company = Company.Add(client.Id, registration.CompanyName!, actor, now);
            administration = Administration.Create(client.Id, company.Id, number, registration.NewAdministrationName!, null, null,
                LicenceSource.ClientSubscription, AdministrationState.Live, actor, now);
            created = [client, company, administration];
        }

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

        var subscription = ClientSubscription.Start(administration.ClientId, office, plan, registration.BillingParty, today, _options.FreeMonths, actor, now);
        var grant = RightsGrant.Grant(office, administration, user.Id, GrantChannel.Registration, now);
        _unitOfWork.Add(user);
        _unitOfWork.Add(subscription);
        _unitOfWork.Add(grant);
        var invitation = _invitations.Issue(acting, user, registering.Name); // the office registered it: the person accepts before it acts (SEC-7)
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new RegistrationResult(SubscriptionView.Of(subscription), AdministrationView.Of(administration), UserView.Of(user), invitation);
    }

    /// <summary>The client's subscription, or null when it is not a customer.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subscription.</returns>
    public async Task<SubscriptionView?> FindSubscriptionAsync(ActingParty party, ClientId client, CancellationToken cancellationToken = default) =>
        await _access.TryAuthorizeAsync(party, CollabAction.ReadSubscription, new ClientTarget(client, null), AuditSubject.Client(client), cancellationToken).ConfigureAwait(false) is null ? null
            : await _lifecycle.FindSubscriptionAsync(client, cancellationToken).ConfigureAwait(false) is { } found ? SubscriptionView.Of(found) : null;

    /// <summary>
    /// The client cancels its subscription (ONB-6): each of its live online administrations is scheduled for
    /// deletion on the local day 90 days later in the registering office's zone (RET-1); client and office are told
    /// the date, and the client is offered a backup first (RET-2).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The client user who cancels.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The scheduled deletions.</returns>
    /// <exception cref="CollabRefusalException">Unknown client or user, not a user of the client, not a customer, or already cancelled.</exception>
    public async Task<IReadOnlyList<DeletionView>> CancelSubscriptionAsync(ActingParty party, ClientId client, CancellationToken cancellationToken = default)
    {
        var (subscription, office, actor) = await AuthorizeAsync(party, client, "cancel", cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var zone = _calendar.ZoneOf(office);
        var plan = DeletionPlan.For(now, zone, _options.DeletionDelayDays, _options.DeletionWarningDays);
        subscription.Cancel(plan.DeleteOn, actor, now);
        var schedules = new List<DeletionSchedule>();
        foreach (var administration in await _lifecycle.ListLiveAdministrationsAsync(client, cancellationToken).ConfigureAwait(false))
        {
            var schedule = DeletionSchedule.Plan(administration, office.Id, plan, actor, now);
            _unitOfWork.Add(schedule);
            schedules.Add(schedule);
        }

        await NotifyAsync(subscription.ClientId, office.Id, NotificationKind.DeletionScheduled, AuditSubject.Client(client),
            new("notification.deletion-scheduled", plan.DeleteOn),
            cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return schedules.Select(d => DeletionView.Of(d, clientReader: true)).ToList(); // a client user cancels (SEC-5)
    }

    /// <summary>The client reactivates before the deletion day: the subscription runs again and every scheduled deletion is called off (RET-2).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The client user who reactivates.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="CollabRefusalException">Unknown client or user, not cancelled, or the deletion day has come (restore a backup instead).</exception>
    public async Task<SubscriptionView> ReactivateSubscriptionAsync(ActingParty party, ClientId client, CancellationToken cancellationToken = default)
    {
        var (subscription, office, actor) = await AuthorizeAsync(party, client, "reactivate", cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var today = now.InZone(_calendar.ZoneOf(office)).Date;
        if (subscription.DeletionDate is { } day && today >= day)
        {
            throw CollabRefusals.SubscriptionDeletionDayReached(day);
        }

        foreach (var schedule in await _lifecycle.ListScheduledDeletionsAsync(client, cancellationToken).ConfigureAwait(false))
        {
            schedule.CallOff(actor, now);
        }

        subscription.Reactivate(actor, now);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return SubscriptionView.Of(subscription);
    }

    internal async Task NotifyAsync(ClientId client, OfficeId office, NotificationKind kind, AuditSubject subject, Texts.TextRef text, CancellationToken cancellationToken)
    {
        // The administrations are the client's own: its own users hear of them, never an office's invitee; nobody who has not accepted yet (SEC-5, SEC-7).
        var clientUsers = (await _users.ListClientUsersAsync(client, cancellationToken).ConfigureAwait(false)).OfTheClientsOwn();
        _unitOfWork.Notify(_texts, clientUsers.Concat(await _users.OfficeUsersAsync(office, cancellationToken).ConfigureAwait(false)).ThatMayAct(), kind, subject, text);
    }

    private async Task<(ClientSubscription Subscription, Office Office, Actor Actor)> AuthorizeAsync(ActingParty party, ClientId client, string verb, CancellationToken cancellationToken)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.ChangeSubscription, new ClientTarget(client, null), cancellationToken).ConfigureAwait(false)).Actor;

        var subscription = await _lifecycle.FindSubscriptionAsync(client, cancellationToken).ConfigureAwait(false)
            ?? throw CollabRefusals.SubscriptionNone(client, verb);
        var office = await _offices.FindOfficeAsync(subscription.OfficeId, cancellationToken).OrNotFound("office", subscription.OfficeId.Value).ConfigureAwait(false);
        return (subscription, office, actor);
    }

    private static CollabRefusalException ExistingCustomer(string email) =>
        CollabRefusals.RegistrationExistingCustomer(email);
}
