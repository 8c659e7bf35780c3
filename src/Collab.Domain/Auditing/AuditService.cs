using Collab.Authorization;
using Collab.Registry;
using Collab.Links;
using Collab.Deliverables;
using Collab.Transfers;

namespace Collab;

/// <summary>Reads the audit trail for a host's pages, so an office can prove who agreed to what (AUD-1).</summary>
public sealed class AuditService
{
    private readonly IAuditTrail _trail;
    private readonly CollabAuthorization _access;
    private readonly IDeliverableStore _deliverables;
    private readonly ITransferStore _transfers;
    private readonly ILinkStore _links;
    private readonly IAdministrationStore _administrations;
    private readonly IEnvironmentStore _environments;
    private readonly IUserStore _users;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="trail">The audit trail port.</param>
    /// <param name="access">Checks who reads (SEC-3).</param>
    /// <param name="deliverables">Tells whose a report is.</param>
    /// <param name="transfers">Tells whose a transfer is.</param>
    /// <param name="links">Tells whose a link is.</param>
    /// <param name="administrations">Reads administrations.</param>
    /// <param name="environments">Reads environments.</param>
    /// <param name="users">Reads users.</param>
    public AuditService(IAuditTrail trail, CollabAuthorization access, IDeliverableStore deliverables, ITransferStore transfers, ILinkStore links, IAdministrationStore administrations, IEnvironmentStore environments, IUserStore users)
    {
        _administrations = administrations;
        _environments = environments;
        _users = users;
        _trail = trail;
        _access = access;
        _deliverables = deliverables;
        _transfers = transfers;
        _links = links;
    }

    /// <summary>All records about a subject, oldest first, for a party that may reach the subject itself.</summary>
    /// <param name="party">Who reads; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="subject">The subject, such as <c>AuditSubject.Transfer(id)</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    /// <exception cref="CollabRefusalException">The party may not reach the subject, or it does not exist (<c>access.refused</c>).</exception>
    public async Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(ActingParty party, AuditSubject subject, CancellationToken cancellationToken = default)
    {
        var reader = await CheckAsync(party, subject, cancellationToken).ConfigureAwait(false);
        var rows = await _trail.ForSubjectAsync(subject, cancellationToken).ConfigureAwait(false);
        return await VisibleToAsync(reader, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The rows of a subject its reader may read (SEC-6): an office never reads another office's rows about a shared client (done
    /// by its users or its invitees, or naming it); a client user never reads rows about a company it may not reach, and an
    /// office's invitee only that office's rows. The platform reads all.
    /// </summary>
    private async Task<IReadOnlyList<AuditRecord>> VisibleToAsync(Acting reader, IReadOnlyList<AuditRecord> rows, CancellationToken cancellationToken)
    {
        if (reader.User is not { } user || rows.Count == 0)
        {
            return rows;
        }

        var actors = await ActorsAsync(_users, rows.Select(r => r.Actor), cancellationToken).ConfigureAwait(false);
        return rows.Where(row => Readable(user, row.Actor.Id, Field(row.Details, "office"), Field(row.Details, "company"), actors)).ToList();
    }

    /// <summary>The users behind the office-user and client-user actors among <paramref name="actors"/>, by actor id.</summary>
    internal static async Task<Dictionary<string, CollabUser>> ActorsAsync(IUserStore users, IEnumerable<Actor> actors, CancellationToken cancellationToken)
    {
        var actorIds = actors.Where(a => a.Kind is ActorKind.OfficeUser or ActorKind.ClientUser)
            .Select(a => Guid.TryParse(a.Id, out var id) ? new UserId(id) : default).Where(id => id != default).Distinct().ToList();
        return actorIds.Count == 0 ? [] : (await users.ListUsersAsync(actorIds, cancellationToken).ConfigureAwait(false)).ToDictionary(u => u.Id.ToString());
    }

    /// <summary>Whether a user may read a row (SEC-6), from its actor and the office and company its details name.</summary>
    internal static bool Readable(CollabUser reader, string actorId, string? namedOffice, string? namedCompany, Dictionary<string, CollabUser> actors)
    {
        // Whose office the row is: its actor's (an office user, or a client user homed at an office), or the office its details name.
        var actor = actors.GetValueOrDefault(actorId);
        var office = actor?.OfficeId ?? actor?.HomeOfficeId ?? (namedOffice is { } named && Guid.TryParse(named, out var id) ? new OfficeId(id) : (OfficeId?)null);
        if (reader.Kind == UserKind.OfficeUser)
        {
            return office is null || office == reader.OfficeId;
        }

        var company = namedCompany is { } c && Guid.TryParse(c, out var companyId) ? new CompanyId(companyId) : (CompanyId?)null;
        return (office is null || reader.SeesWorkOf(office.Value)) && (company is null || reader.MayReach(company.Value));
    }

    // Details are "key=value;key=value" (AUD-1); a value never holds ';' for the keys read here (ids).
    internal static string? Field(string details, string key)
    {
        foreach (var part in details.Split(';'))
        {
            if (part.Length > key.Length && part[key.Length] == '=' && part.StartsWith(key, StringComparison.Ordinal))
            {
                return part[(key.Length + 1)..];
            }
        }

        return null;
    }

    // The trail of a subject is as private as the subject: each kind is checked the way reading it is.
    private async Task<Acting> CheckAsync(ActingParty party, AuditSubject subject, CancellationToken cancellationToken)
    {
        const CollabAction read = CollabAction.ReadAudit;
        var id = Guid.TryParse(subject.Id, out var parsed) ? parsed : Guid.Empty;
        switch (subject.Type)
        {
            case "office":
                return await _access.AuthorizeAsync(party, read, new OfficeId(id), cancellationToken).ConfigureAwait(false);
            case "client":
                return await _access.AuthorizeAsync(party, read, new ClientTarget(new ClientId(id), null), cancellationToken).ConfigureAwait(false);
            case "administration":
                var administration = id == Guid.Empty ? null : await _administrations.FindAdministrationAsync(new AdministrationId(id), cancellationToken).ConfigureAwait(false);
                return await _access.AuthorizeAsync(party, read, administration, AuditSubject.Administration(new AdministrationId(id)), cancellationToken).ConfigureAwait(false);
            case "user":
                var user = id == Guid.Empty ? null : await _users.FindUserAsync(new UserId(id), cancellationToken).ConfigureAwait(false);
                return await _access.AuthorizeAsync(party, read, user, AuditSubject.User(new UserId(id)), cancellationToken).ConfigureAwait(false);
            case "environment":
                var environment = id == Guid.Empty ? null : await _environments.FindEnvironmentAsync(new EnvironmentId(id), cancellationToken).ConfigureAwait(false);
                return await _access.AuthorizeAsync(party, read, environment, AuditSubject.Environment(new EnvironmentId(id)), cancellationToken).ConfigureAwait(false);
            case "transfer":
                var transfer = id == Guid.Empty ? null : await _transfers.FindRequestAsync(new TransferRequestId(id), cancellationToken).ConfigureAwait(false);
                return await _access.AuthorizeAsync(party, read, transfer, AuditSubject.Transfer(new TransferRequestId(id)), cancellationToken).ConfigureAwait(false);
            case "report":
                var deliverable = id == Guid.Empty ? null : await _deliverables.FindDeliverableAsync(new DeliverableId(id), cancellationToken).ConfigureAwait(false);
                var owner = deliverable is null ? (Deliverables.OfficeWork?)null : new Deliverables.OfficeWork(deliverable.OfficeId, deliverable.ClientId, deliverable.CompanyId, deliverable.State != DeliverableState.Draft);
                return await _access.AuthorizeAsync(party, read, owner, subject, cancellationToken).ConfigureAwait(false);
            case "link":
                var link = id == Guid.Empty ? null : await _links.FindLinkAsync(new LinkId(id), cancellationToken).ConfigureAwait(false);
                return await _access.AuthorizeAsync(party, read, link, AuditSubject.Link(new LinkId(id)), cancellationToken).ConfigureAwait(false);
            default:
                await _access.AuthorizeAsync(party, read, subject, cancellationToken).ConfigureAwait(false);
                throw CollabAuthorization.Refused(subject);
        }
    }
}
