using Collab.Authorization;
using Collab.Registry;
using Collab.Telemetry;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Transfers;

/// <summary>
/// Moving a client's administrations between environments with the consent of three parties (XFER-1…6):
/// request, consent, refuse, cancel, expire, execute, and the follow-up checklist. Every step is audited
/// (AUD-1) and notifies the parties through the outbox.
/// </summary>
public sealed class TransferService
{
    private const int ConsentAttempts = 3;
    private readonly Texts.CollabTexts _texts;
    private readonly CollabAuthorization _access;
    private readonly IOfficeStore _offices;
    private readonly IAdministrationStore _administrations;
    private readonly IEnvironmentStore _environments;
    private readonly IUserStore _users;
    private readonly ITransferStore _transfers;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly CollabOptions _options;
    private readonly CollabTelemetry _telemetry;
    private readonly OfficeCalendar _calendar;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="offices">Reads offices.</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="environments">Reads environments.</param>
    /// <param name="users">Reads users.</param>
    /// <param name="transfers">Reads transfers.</param>
    /// <param name="unitOfWork">Saves changes and notifications.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Collab's options (validity).</param>
    /// <param name="telemetry">Traces and metrics.</param>
    /// <param name="calendar">The office calendar: local dates in the office's zone (RET-1).</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="texts">The text catalogue: notifications in each recipient's language (TXT-1).</param>
    public TransferService(IOfficeStore offices, IAdministrationStore administrations, IEnvironmentStore environments, IUserStore users, ITransferStore transfers, ICollabUnitOfWork unitOfWork, IClock clock, IOptions<CollabOptions> options, CollabTelemetry telemetry, OfficeCalendar calendar, CollabAuthorization access, Texts.CollabTexts texts)
    {
        _texts = texts;
        _access = access;
        _calendar = calendar;
        _telemetry = telemetry;
        _offices = offices;
        _administrations = administrations;
        _environments = environments;
        _users = users;
        _transfers = transfers;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>
    /// Requests moving administrations of one client from one environment to another (XFER-1). Valid for
    /// <see cref="CollabOptions.TransferValidityDays"/> calendar days in the old environment's office's time zone.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An administrator of the old or the new environment.</param>
    /// <param name="from">The environment the administrations leave.</param>
    /// <param name="to">The environment they join.</param>
    /// <param name="administrations">The administrations: one or more, all of one client, all in <paramref name="from"/>.</param>
    /// <param name="clientEmail">The client's existing identity (a client user of that client) to invite after the move.</param>
    /// <param name="bankLinks">The administrations' bank links, which are not copied (XFER-5).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request, awaiting consents.</returns>
    /// <exception cref="CollabRefusalException">A rule or an input is wrong; the reason says which. Nothing is saved.</exception>
    public async Task<TransferView> RequestAsync(
        ActingParty party, EnvironmentId from, EnvironmentId to, IReadOnlyCollection<AdministrationId> administrations, string clientEmail,
        IReadOnlyList<BankLink>? bankLinks = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(administrations);
        var requester = (await _access.AuthorizeAsync(party, CollabAction.RequestTransfer, AuditSubject.Environment(from), cancellationToken).ConfigureAwait(false)).UserId;
        bankLinks ??= [];
        if (administrations.Count == 0)
        {
            throw CollabRefusals.TransferNoAdministrations();
        }

        if (from == to)
        {
            throw CollabRefusals.TransferSameEnvironment();
        }

        // Only an administrator of the old or the new environment requests (XFER-1); anyone else learns nothing about either.
        var oldEnvironment = await _environments.FindEnvironmentAsync(from, cancellationToken).ConfigureAwait(false);
        var newEnvironment = await _environments.FindEnvironmentAsync(to, cancellationToken).ConfigureAwait(false);
        if (oldEnvironment is null || newEnvironment is null || (!oldEnvironment.IsAdministrator(requester) && !newEnvironment.IsAdministrator(requester)))
        {
            throw CollabAuthorization.Refused(AuditSubject.Environment(oldEnvironment is null ? from : to));
        }

        var moved = new List<Administration>();
        foreach (var id in administrations.Distinct())
        {
            var administration = await _administrations.FindAdministrationAsync(id, cancellationToken).ConfigureAwait(false);
            if (administration is null || (administration.EnvironmentId != from && !oldEnvironment.IsAdministrator(requester)))
            {
                throw CollabAuthorization.Refused(AuditSubject.Administration(id)); // the new environment's side sees only what is in the old one
            }

            if (administration.EnvironmentId != from)
            {
                throw CollabRefusals.TransferAdministrationNotInEnvironment(administration.Number, oldEnvironment.Name);
            }

            moved.Add(administration);
        }

        var client = moved[0].ClientId;
        if (moved.Any(a => a.ClientId != client))
        {
            throw CollabRefusals.TransferSeveralClients();
        }

        foreach (var link in bankLinks)
        {
            if (string.IsNullOrWhiteSpace(link.Bank) || !moved.Any(a => a.Id == link.Administration) || !Enum.IsDefined(link.ManagedBy))
            {
                throw CollabRefusals.TransferBankLinkInvalid(link.Bank);
            }
        }

        var email = Guard.Email(clientEmail);
        var identity = await _users.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        if (identity is not { Kind: UserKind.ClientUser, IsActive: true, IsHomedAtClient: true } || identity.ClientId != client)
        {
            // The client moves with its own identity: an office's invitee is not one (SEC-5).
            throw CollabRefusals.TransferClientIdentityUnknown(email);
        }

        foreach (var open in await _transfers.ListOpenRequestsAsync(client, cancellationToken).ConfigureAwait(false))
        {
            if (open.Administrations.Intersect(administrations).Any())
            {
                throw CollabRefusals.TransferAlreadyRequested(open.Id, open.State);
            }
        }

        var now = _clock.GetCurrentInstant();
        var request = TransferRequest.Create(client, from, to, administrations, email, bankLinks, requester, now, await ExpiryAsync(oldEnvironment, now, cancellationToken).ConfigureAwait(false));
        _unitOfWork.Add(request);
        await NotifyPartiesAsync(request, NotificationKind.TransferConsentRequested,
            new("notification.transfer-requested", moved.Count, oldEnvironment.Name, newEnvironment.Name, request.ExpiresAt.InUtc().LocalDateTime), cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TransferView.Of(request);
    }

    /// <summary>
    /// A party consents (XFER-2). The acting user must be that party — an administrator of the named
    /// environment, or an active user of the client — and a party consents once (XFER-3). When two parties
    /// consent at the same moment, the later save reloads and applies its consent again, so neither is lost.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The acting user.</param>
    /// <param name="transfer">The request.</param>
    /// <param name="role">The party the user consents for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request; <see cref="TransferState.Approved"/> after the third consent.</returns>
    /// <exception cref="CollabRefusalException">Unknown request; the user is not that party; the party already consented; the request is not open or has expired.</exception>
    public async Task<TransferView> ConsentAsync(ActingParty party, TransferRequestId transfer, TransferParty role, CancellationToken cancellationToken = default)
    {
        using var activity = CollabTelemetry.Source.StartActivity("collab.transfer.consent");
        for (var attempt = 1; ; attempt++)
        {
            var (user, request) = await LoadForPartyAsync(party, transfer, role, cancellationToken).ConfigureAwait(false);
            request.Consent(role, user, _clock.GetCurrentInstant());
            await NotifyPartiesAsync(request, NotificationKind.TransferConsentGiven,
                new(request.State == TransferState.Approved ? "notification.transfer-consented-all" : "notification.transfer-consented", Describe(role), request.ConsentCount),
                cancellationToken).ConfigureAwait(false);
            try
            {
                await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                _telemetry.Consent(role.ToString());
                return TransferView.Of(request);
            }
            catch (CollabRefusalException e) when (e.Kind == RefusalKind.ConcurrencyConflict && attempt < ConsentAttempts)
            {
                // Another party saved first; the failed change is no longer tracked, so the next load is fresh.
            }
        }
    }

    /// <summary>A party refuses; the transfer will not happen (XFER-2).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The acting user.</param>
    /// <param name="transfer">The request.</param>
    /// <param name="role">The party the user refuses for.</param>
    /// <param name="reason">Why, for the other parties.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The refused request.</returns>
    /// <exception cref="CollabRefusalException">Unknown request, the user is not that party, or the request is no longer awaiting consents.</exception>
    public async Task<TransferView> RefuseAsync(ActingParty party, TransferRequestId transfer, TransferParty role, string reason, CancellationToken cancellationToken = default)
    {
        var (user, request) = await LoadForPartyAsync(party, transfer, role, cancellationToken).ConfigureAwait(false);
        var text = Guard.Name(reason, "reason");
        request.Refuse(role, user, text, _clock.GetCurrentInstant());
        await NotifyPartiesAsync(request, NotificationKind.TransferRefused, new("notification.transfer-refused", Describe(role), text), cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TransferView.Of(request);
    }

    /// <summary>The requester cancels the transfer before it is executed (XFER-2).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The requester.</param>
    /// <param name="transfer">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cancelled request.</returns>
    /// <exception cref="CollabRefusalException">Unknown request, not the requester, or already closed or expired.</exception>
    public async Task<TransferView> CancelAsync(ActingParty party, TransferRequestId transfer, CancellationToken cancellationToken = default)
    {
        var (acting, request) = await LoadAsync(party, CollabAction.CancelTransfer, transfer, cancellationToken).ConfigureAwait(false);
        request.Cancel(acting.UserId, _clock.GetCurrentInstant());
        await NotifyPartiesAsync(request, NotificationKind.TransferCancelled, new("notification.transfer-cancelled"), cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TransferView.Of(request);
    }

    /// <summary>
    /// Expires requests whose validity ran out without all consents (XFER-2, RET-3). Run it from a scheduler;
    /// safe with several instances at once: a request another instance expired first is skipped.
    /// </summary>
    /// <param name="max">At most this many requests per call.</param>
    /// <param name="cancellationToken">Cancels between requests.</param>
    /// <returns>How many requests this call expired.</returns>
    public async Task<int> ExpireDueAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        var due = await _transfers.FindDueForExpiryAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false);
        return await _unitOfWork.RunAsync(due, request =>
        {
            request.Expire(_clock.GetCurrentInstant());
            return NotifyPartiesAsync(request, NotificationKind.TransferExpired,
                new("notification.transfer-expired", request.ExpiresAt.InUtc().LocalDateTime, request.ConsentCount), cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Carries out an approved transfer (XFER-4): the administrations move to the new environment, the client's
    /// existing identity gets access there linked to them, billed to <paramref name="billedTo"/> (XFER-6), and is
    /// invited by e-mail; the follow-up checklist of what was not copied is created (XFER-5). All in one transaction.
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). An administrator of the new or the old environment.</param>
    /// <param name="transfer">The approved request.</param>
    /// <param name="billedTo">Who pays for the client's user in the new environment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The follow-up checklist.</returns>
    /// <exception cref="CollabRefusalException">Unknown request, not an administrator, or not approved (the reason says what is missing).</exception>
    public async Task<IReadOnlyList<FollowUpItemView>> ExecuteAsync(ActingParty party, TransferRequestId transfer, BillingParty billedTo, CancellationToken cancellationToken = default)
    {
        using var activity = CollabTelemetry.Source.StartActivity("collab.transfer.execute");
        var (acting, request) = await LoadAsync(party, CollabAction.ExecuteTransfer, transfer, cancellationToken).ConfigureAwait(false);
        var user = acting.UserId;
        var from = await FindEnvironmentAsync(request.FromEnvironment, cancellationToken).ConfigureAwait(false);
        var to = await FindEnvironmentAsync(request.ToEnvironment, cancellationToken).ConfigureAwait(false);
        if (!from.IsAdministrator(user) && !to.IsAdministrator(user))
        {
            throw CollabRefusals.TransferExecutorNotAdministrator();
        }

        var now = _clock.GetCurrentInstant();
        request.Execute(user, billedTo, now);
        var actor = acting.Actor;
        var numbers = new Dictionary<AdministrationId, AdministrationNumber>();
        foreach (var id in request.Administrations)
        {
            var administration = await _administrations.FindAdministrationAsync(id, cancellationToken).OrNotFound("administration", id.Value).ConfigureAwait(false);
            administration.MoveTo(request.ToEnvironment, request.Id, actor, now);
            numbers[id] = administration.Number;
        }

        var identity = await _users.FindUserByEmailAsync(request.ClientEmail, cancellationToken).ConfigureAwait(false)
            ?? throw CollabRefusals.TransferClientIdentityGone(request.ClientEmail);
        var access = await _transfers.FindAccessAsync(request.ToEnvironment, identity.Id, cancellationToken).ConfigureAwait(false);
        if (access is null)
        {
            access = EnvironmentAccess.Grant(request.ToEnvironment, identity.Id, billedTo, now);
            _unitOfWork.Add(access);
        }

        access.Link(request.Administrations, billedTo, request.Id, actor, now);

        // XFER-4, SEC-5: the client arrives with its own identity; without an administrator of its account, that identity becomes it.
        if (!identity.IsClientAdministrator && identity.IsHomedAtClient
            && !(await _users.ListClientUsersAsync(request.ClientId, cancellationToken).ConfigureAwait(false)).Any(u => u.IsClientAdministrator && u.IsActive))
        {
            identity.MakeClientAdministrator(actor, now);
        }

        var checklist = FollowUpItem.ChecklistFor(request, numbers);
        foreach (var item in checklist)
        {
            _unitOfWork.Add(item);
        }

        _unitOfWork.Enqueue(NotifyExtensions.Compose(_texts, identity.Email, identity.Language, NotificationKind.EnvironmentInvitation, AuditSubject.Environment(to.Id),
            new("notification.environment-invitation", to.Name, string.Join(", ", numbers.Values), identity.Email)));
        await NotifyPartiesAsync(request, NotificationKind.TransferExecuted,
            new("notification.transfer-executed", to.Name, checklist.Count), cancellationToken).ConfigureAwait(false);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return checklist.Select(FollowUpItemView.Of).ToList();
    }

    /// <summary>The follow-up checklist of an executed transfer (XFER-5).</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="transfer">The transfer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items, in order.</returns>
    public async Task<IReadOnlyList<FollowUpItemView>> FollowUpAsync(ActingParty party, TransferRequestId transfer, CancellationToken cancellationToken = default)
    {
        await LoadAsync(party, CollabAction.ReadTransfers, transfer, cancellationToken).ConfigureAwait(false);
        return (await _transfers.ListFollowUpAsync(transfer, cancellationToken).ConfigureAwait(false)).Select(FollowUpItemView.Of).ToList();
    }

    /// <summary>Ticks off a follow-up item; only an administrator of the new environment can (XFER-5).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The administrator.</param>
    /// <param name="transfer">The transfer.</param>
    /// <param name="position">The item's position in the checklist.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The item.</returns>
    /// <exception cref="CollabRefusalException">Unknown transfer or item, not an administrator of the new environment, or already ticked off.</exception>
    public async Task<FollowUpItemView> TickFollowUpAsync(ActingParty party, TransferRequestId transfer, int position, CancellationToken cancellationToken = default)
    {
        var (acting, request) = await LoadAsync(party, CollabAction.TickFollowUp, transfer, cancellationToken).ConfigureAwait(false);
        var user = acting.UserId;
        var to = await FindEnvironmentAsync(request.ToEnvironment, cancellationToken).ConfigureAwait(false);
        if (!to.IsAdministrator(user))
        {
            throw CollabRefusals.FollowupNotNewAdministrator();
        }

        var item = (await _transfers.ListFollowUpAsync(transfer, cancellationToken).ConfigureAwait(false)).FirstOrDefault(i => i.Position == position)
            ?? throw CollabRefusals.FollowupUnknownItem(transfer, position);
        item.Tick(user, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return FollowUpItemView.Of(item);
    }

    /// <summary>Finds a transfer request, for a party's page.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="transfer">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request, or null.</returns>
    public async Task<TransferView?> FindAsync(ActingParty party, TransferRequestId transfer, CancellationToken cancellationToken = default)
    {
        var found = transfer == default ? null : await _transfers.FindRequestAsync(transfer, cancellationToken).ConfigureAwait(false);
        return await _access.TryAuthorizeAsync(party, CollabAction.ReadTransfers, found, AuditSubject.Transfer(transfer), cancellationToken).ConfigureAwait(false) is null ? null : TransferView.Of(found!);
    }

    /// <summary>The requests that move administrations out of or into an environment of the office, newest first.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The requests.</returns>
    public async Task<IReadOnlyList<TransferView>> ListForOfficeAsync(ActingParty party, OfficeId office, CancellationToken cancellationToken = default)
    {
        await _access.AuthorizeAsync(party, CollabAction.ReadTransfers, office, cancellationToken).ConfigureAwait(false);
        return (await _transfers.ListForOfficeAsync(office, cancellationToken).ConfigureAwait(false)).Select(TransferView.Of).ToList();
    }

    /// <summary>A client's requests that are still open (awaiting consents or approved).</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The requests.</returns>
    public async Task<IReadOnlyList<TransferView>> ListOpenForClientAsync(ActingParty party, ClientId client, CancellationToken cancellationToken = default)
    {
        var acting = await _access.AuthorizeAsync(party, CollabAction.ReadTransfers, new ClientTarget(client, null), cancellationToken).ConfigureAwait(false);
        var open = await _transfers.ListOpenRequestsAsync(client, cancellationToken).ConfigureAwait(false);
        if (!acting.IsClientUser)
        {
            return open.Select(TransferView.Of).ToList();
        }

        // SEC-1: a client user sees only the moves of administrations of companies it was given.
        var visible = new List<TransferView>(open.Count);
        foreach (var request in open)
        {
            if (await _access.ReachesAsync(acting, CollabAction.ReadTransfers, request, cancellationToken).ConfigureAwait(false))
            {
                visible.Add(TransferView.Of(request));
            }
        }

        return visible;
    }

    private async Task<(UserId User, TransferRequest Request)> LoadForPartyAsync(
        ActingParty actingParty, TransferRequestId transfer, TransferParty party, CancellationToken cancellationToken)
    {
        var (checkedParty, request) = await LoadAsync(actingParty, CollabAction.DecideTransfer, transfer, cancellationToken).ConfigureAwait(false);
        var user = checkedParty.UserId;

        // The check above read both environments for an office user (found again here by key, without a query), and one
        // read serves everybody the call concerns (the acting user and the administrators it will tell): the
        // notification step below then finds them all in the unit of work.
        var from = await _environments.FindEnvironmentAsync(request.FromEnvironment, cancellationToken).ConfigureAwait(false) ?? throw Refuse.NotFound("environment", request.FromEnvironment.Value);
        var to = await _environments.FindEnvironmentAsync(request.ToEnvironment, cancellationToken).ConfigureAwait(false) ?? throw Refuse.NotFound("environment", request.ToEnvironment.Value);
        var people = await _users.ListUsersAsync([user, .. from.Administrators, .. to.Administrators], cancellationToken).ConfigureAwait(false);
        var acting = people.First(p => p.Id == user);

        // The check above already holds a client user to reaching every company the transfer moves (SEC-3).
        var isParty = party switch
        {
            TransferParty.OldEnvironmentAdministrator => from.IsAdministrator(user),
            TransferParty.NewEnvironmentAdministrator => to.IsAdministrator(user),
            TransferParty.Client => acting.Kind == UserKind.ClientUser && acting.ClientId == request.ClientId,
            _ => throw CollabRefusals.TransferUnknownParty((int)party),
        };
        if (!isParty)
        {
            throw CollabRefusals.TransferNotThatParty(acting.Email, Describe(party), Describe(party));
        }

        return (user, request);
    }

    private async Task<Instant> ExpiryAsync(CollabEnvironment environment, Instant now, CancellationToken cancellationToken)
    {
        // RET-1: the validity is counted in calendar days on local dates in the office's zone; the request is
        // open through its last local day and expires when the next local day starts (DST-safe via NodaTime).
        var office = await _offices.FindOfficeAsync(environment.OfficeId, cancellationToken).OrNotFound("office", environment.OfficeId.Value).ConfigureAwait(false);
        var zone = _calendar.ZoneOf(office);
        var lastDay = now.InZone(zone).Date.PlusDays(_options.TransferValidityDays);
        return Deliverables.Reminders.DeadlinePassesAt(lastDay, zone); // same calendar rule as a task's deadline day
    }

    private async Task NotifyPartiesAsync(TransferRequest request, NotificationKind kind, Texts.TextRef text, CancellationToken cancellationToken)
    {
        // The environments are usually tracked already, so these finds are answered from the context.
        var from = await FindEnvironmentAsync(request.FromEnvironment, cancellationToken).ConfigureAwait(false);
        var to = await FindEnvironmentAsync(request.ToEnvironment, cancellationToken).ConfigureAwait(false);
        var recipients = new SortedDictionary<string, string?>(StringComparer.Ordinal) // e-mail → language
        {
            [request.ClientEmail] = (await _users.FindUserByEmailAsync(request.ClientEmail, cancellationToken).ConfigureAwait(false))?.Language,
        };
        foreach (var administrator in from.Administrators.Concat(to.Administrators))
        {
            if (await _users.FindUserAsync(administrator, cancellationToken).ConfigureAwait(false) is { IsActive: true } user)
            {
                recipients[user.Email] = user.Language;
            }
        }

        foreach (var (email, language) in recipients)
        {
            _unitOfWork.Enqueue(NotifyExtensions.Compose(_texts, email, language, kind, AuditSubject.Transfer(request.Id), text));
        }
    }

    private async Task<(Acting Acting, TransferRequest Request)> LoadAsync(ActingParty party, CollabAction action, TransferRequestId transfer, CancellationToken cancellationToken)
    {
        var found = transfer == default ? null : await _transfers.FindRequestAsync(transfer, cancellationToken).ConfigureAwait(false);
        var acting = await _access.AuthorizeAsync(party, action, found, AuditSubject.Transfer(transfer), cancellationToken).ConfigureAwait(false);
        return (acting, found);
    }

    private async Task<CollabEnvironment> FindEnvironmentAsync(EnvironmentId id, CancellationToken cancellationToken)
    {
        Guard.Id(id.Value, "environment");
        return await _environments.FindEnvironmentAsync(id, cancellationToken).OrNotFound("environment", id.Value).ConfigureAwait(false);
    }

    private static Texts.TextRef Describe(TransferParty party) => new($"party.{party}");
}
