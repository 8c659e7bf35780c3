using System.Text;
using Collab.Backups;
using Collab.Licences;
using Collab.Lifecycle;
using Collab.Links;
using Collab.Tests.Infrastructure;
using Collab.Portal;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Rights;
using Collab.Tiers;
using Collab.Transfers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using W = Collab.Tests.Authorization.AuthorizationWorld;

namespace Collab.Tests.Authorization;

/// <summary>
/// One row per public service method that acts or reads client data: how to call it on a target, and who may, written from
/// DOMAIN.md's words (SEC-1, SEC-3, XFER-2/3) over the test's own facts — never by asking Collab.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>A target a probe aims at; <see cref="Ghost"/> ones do not exist.</summary>
    public sealed record Target(object Value, bool Ghost = false);

    /// <summary>A row of the matrix.</summary>
    /// <param name="Method">Type.Method, as the reflection test names it.</param>
    /// <param name="Targets">What a probe may aim at in a world.</param>
    /// <param name="Invoke">The call.</param>
    /// <param name="Allowed">The oracle.</param>
    /// <param name="MayBeEmpty">A read that may legitimately find nothing: only "refused means nothing returned" is checked.</param>
    /// <param name="Leak">For reads: what in the result its reader may not see (SEC-6), or null when nothing.</param>
    public sealed record Case(
        string Method,
        Func<W, IReadOnlyList<Target>> Targets,
        Func<IServiceProvider, ActingParty, object, Task<object?>> Invoke,
        Func<W, ActingParty, object, bool> Allowed,
        bool MayBeEmpty = false,
        Func<W, ActingParty, object, string?>? Leak = null);

    private static readonly LocalDate Deadline = new(2026, 6, 30);

    private static readonly FinancialFigures Figures = new(2025,
        new KeyFigures(1_000_000m, 400_000m, 120_000m, 90_000m, 300_000m, 800_000m, 350_000m, 200_000m, 50_000m),
        new KeyFigures(900_000m, 350_000m, 100_000m, 70_000m, 210_000m, 700_000m, 300_000m, 180_000m, 40_000m));

    // ── Helpers: parties and targets ───────────────────────────────────────────────────────────────────────────

    private static bool Office(W w, ActingParty p, OfficeId office) => w.Active(p) is { IsOffice: true } u && u.Office == office;

    private static bool OfficeWorksFor(W w, ActingParty p, ClientId client) => w.Active(p) is { IsOffice: true } u && w.WorksFor(u.Office!.Value, client);

    private static bool ClientUser(W w, ActingParty p) => w.Active(p) is { IsOffice: false };

    private static bool AnyUser(W w, ActingParty p) => w.Active(p) is not null;

    private static bool Platform(ActingParty p) => p.IsPlatform;

    private static bool Reaches(W w, ActingParty p, AdministrationId a) =>
        w.Active(p) is { } u && w.Administrations.TryGetValue(a, out var facts) && w.Reaches(u, facts);

    private static bool ReachesCompany(W w, ActingParty p, CompanyId c) => w.Active(p) is { } u && w.CompanyClient.ContainsKey(c) && w.ReachesCompany(u, c);

    private static bool ReachesClient(W w, ActingParty p, ClientId c) => w.Active(p) is { } u && w.Clients.ContainsKey(c) && w.ReachesClient(u, c);

    private static bool SeesClient(W w, ActingParty p, ClientId c) => w.Active(p) is { } u && w.Clients.ContainsKey(c) && w.SeesClient(u, c);

    private static CompanyId FirstCompanyOf(IServiceProvider sp, UserId user) =>
        sp.GetRequiredService<IUserStore>().FindUserAsync(user).GetAwaiter().GetResult()?.ClientId is { } c
            ? sp.GetRequiredService<ICompanyStore>().ListCompaniesAsync(c).GetAwaiter().GetResult()[0].Id
            : CompanyId.New();

    private static bool ReachesMade(W w, ActingParty p, IEnumerable<W.Made> made, Guid id) =>
        w.Active(p) is { } u && made.FirstOrDefault(m => m.Id == id) is { } m && w.ReachesMade(u, m);

    private static bool ReachesUser(W w, ActingParty p, UserId target, bool read, bool colleagues)
    {
        if (!w.Users.TryGetValue(target, out var t))
        {
            return false;
        }

        if (Platform(p))
        {
            return true;
        }

        if (w.Active(p) is not { } u)
        {
            return false;
        }

        if (u.Id == target)
        {
            return read;
        }

        // SEC-5: an office reads the client users whose work it may see and manages only those homed at it; a client user reads the
        // users it shares a home with (the client's own read all of them), and a client administrator manages the client's own.
        if (u.IsOffice)
        {
            return t.IsOffice
                ? t.Office == u.Office
                : (read ? t.Home is null || t.Home == u.Office : t.Home == u.Office) && w.WorksFor(u.Office!.Value, t.Client!.Value);
        }

        return !t.IsOffice && t.Client == u.Client && (read
            ? colleagues && (u.Home is null || t.Home == u.Home)
            : u.Home is null && u.Administrator && t.Home is null);
    }

    private static bool ClientAdministrator(W w, ActingParty p, ClientId client) =>
        w.Active(p) is { IsOffice: false, Home: null, Administrator: true } u && u.Client == client;

    // SEC-6: a link not bound to an administration belongs to whoever made it — the office of the office user, or the client user itself.
    private static bool LinkReach(W w, ActingParty p, LinkId link) =>
        w.Links.TryGetValue(link, out var bound) && AnyUser(w, p) && (bound is { } administration
            ? Reaches(w, p, administration)
            : w.LinkMakers.TryGetValue(link, out var maker) && (maker.Office is { } office ? Office(w, p, office) : p.UserId == maker.User));

    private static bool AdministratorOf(W w, ActingParty p, OfficeId office) =>
        w.Active(p) is { IsOffice: true } u && w.Environments.Values.Any(e => e.Office == office && e.Administrator == u.Id);

    private static bool ReachesTransfer(W w, ActingParty p, TransferRequestId t) =>
        w.Active(p) is { } u && w.Transfers.FirstOrDefault(x => x.Id == t) is { } facts && w.ReachesTransfer(u, facts);

    private static W.TransferFacts? TransferOf(W w, TransferRequestId t) => w.Transfers.FirstOrDefault(x => x.Id == t);

    private static IReadOnlyList<Target> Of<T>(IEnumerable<T> real, T ghost)
        where T : notnull => [.. real.Select(r => new Target(r)), new Target(ghost, Ghost: true)];

    private static IReadOnlyList<Target> Offices(W w) => Of(w.Offices, OfficeId.New());

    private static IReadOnlyList<Target> Clients(W w) => Of(w.Clients.Keys, ClientId.New());

    private static IReadOnlyList<Target> Companies(W w) => Of(w.CompanyClient.Keys, CompanyId.New());

    private static IReadOnlyList<Target> Administrations(W w) => Of(w.Administrations.Keys, AdministrationId.New());

    private static IReadOnlyList<Target> Users(W w) => Of(w.Users.Keys, UserId.New());

    private static IReadOnlyList<Target> Environments(W w) => Of(w.Environments.Keys, EnvironmentId.New());

    private static IReadOnlyList<Target> DeliverableIds(W w) => Of(w.Deliverables.Select(r => new DeliverableId(r.Id)), DeliverableId.New());

    private static IReadOnlyList<Target> BatchIds(W w) => Of(w.Batches.Select(r => new QuestionBatchId(r.Id)), QuestionBatchId.New());

    private static IReadOnlyList<Target> QuestionnaireIds(W w) => Of(w.Questionnaires.Select(r => new QuestionnaireId(r.Id)), QuestionnaireId.New());

    private static IReadOnlyList<Target> DocumentIds(W w) => Of(w.Documents.Select(r => new DocumentId(r.Id)), DocumentId.New());

    private static IReadOnlyList<Target> Templates(W w) => Of(w.Templates.Keys, QuestionnaireTemplateId.New());

    private static IReadOnlyList<Target> TransferIds(W w) => Of(w.Transfers.Select(t => t.Id), TransferRequestId.New());

    private static IReadOnlyList<Target> LinkIds(W w) => Of(w.Links.Keys, LinkId.New());

    private static IReadOnlyList<Target> OfficeCompanyPairs(W w) =>
        [.. w.Offices.SelectMany(o => w.CompanyClient.Keys.Select(c => new Target((o, c)))), new Target((OfficeId.New(), CompanyId.New()), Ghost: true)];

    private static IReadOnlyList<Target> OfficeClientPairs(W w) =>
        [.. w.Offices.SelectMany(o => w.Clients.Keys.Select(c => new Target((o, c)))), new Target((OfficeId.New(), ClientId.New()), Ghost: true)];

    private static IReadOnlyList<Target> OfficeAdministrationPairs(W w) =>
        [.. w.Offices.SelectMany(o => w.Administrations.Keys.Select(a => new Target((o, a)))), new Target((OfficeId.New(), AdministrationId.New()), Ghost: true)];

    private static IReadOnlyList<Target> EnvironmentPairs(W w) =>
    [
        .. w.Environments.Keys.SelectMany(f => w.Environments.Keys.Where(t => t != f).SelectMany(t => w.Moving.Keys.Select(m => new Target((f, t, m))))),
        new Target((EnvironmentId.New(), EnvironmentId.New(), AdministrationId.New()), Ghost: true),
    ];

    private static IReadOnlyList<Target> TransferRoles(W w) =>
        [.. w.Transfers.SelectMany(t => Enum.GetValues<TransferParty>().Select(r => new Target((t.Id, r)))), new Target((TransferRequestId.New(), TransferParty.Client), Ghost: true)];

    private static IReadOnlyList<Target> LinkAdministrationPairs(W w) =>
        [.. w.Links.Keys.SelectMany(l => w.Administrations.Keys.Select(a => new Target((l, a)))), new Target((LinkId.New(), AdministrationId.New()), Ghost: true)];

    private static IReadOnlyList<Target> Subjects(W w) =>
    [
        .. w.Offices.Select(o => new Target(AuditSubject.Office(o))),
        .. w.Clients.Keys.Select(c => new Target(AuditSubject.Client(c))),
        .. w.Administrations.Keys.Select(a => new Target(AuditSubject.Administration(a))),
        .. w.Users.Keys.Select(u => new Target(AuditSubject.User(u))),
        .. w.Environments.Keys.Select(e => new Target(AuditSubject.Environment(e))),
        .. w.Deliverables.Select(r => new Target(AuditSubject.Deliverable(new DeliverableId(r.Id)))),
        .. w.Transfers.Select(t => new Target(AuditSubject.Transfer(t.Id))),
        .. w.Links.Keys.Select(l => new Target(AuditSubject.Link(l))),
        new Target(AuditSubject.Deliverable(DeliverableId.New()), Ghost: true),
        new Target(new AuditSubject("invoice", Guid.NewGuid().ToString()), Ghost: true),
    ];

    /// <summary>An audit row its reader may not read (SEC-6): another office's, for an office; an office's it may not see, or about a company it may not reach, for a client user.</summary>
    private static string? AuditRowLeak(W w, ActingParty p, AuditRecord row)
    {
        if (w.Active(p) is not { } reader || !Guid.TryParse(row.Actor.Id, out var actorId) || !w.Users.TryGetValue(new UserId(actorId), out var actor))
        {
            return null;
        }

        var office = actor.IsOffice ? actor.Office : actor.Home;
        var leaks = reader.IsOffice ? office is { } o && o != reader.Office : office is { } o2 && !W.SeesWorkOf(reader, o2);
        return leaks ? $"audit row {row.Action} by {actor.Email} of office {office}" : null;
    }

    /// <summary>A deliverable its reader may not see (SEC-5, SEC-6): another office's, a draft for a client, a client view for an office or the other way round.</summary>
    private static string? DeliverableLeak(W w, ActingParty p, DeliverableView view)
    {
        if (w.Active(p) is not { } reader)
        {
            return null;
        }

        var made = w.Deliverables.FirstOrDefault(r => r.Id == view.Id.Value);
        return reader.IsOffice
            ? view is not DeliverableOfficeView || view.OfficeId != reader.Office ? $"deliverable {view.Id} of office {view.OfficeId} as {view.GetType().Name}" : null
            : view is not DeliverableClientView || !W.SeesWorkOf(reader, view.OfficeId) || !reader.Companies.Contains(view.CompanyId) || made is { ClientMaySee: false }
                ? $"deliverable {view.Id} of office {view.OfficeId} as {view.GetType().Name}"
                : null;
    }

    private static bool AuditAllowed(W w, ActingParty p, AuditSubject s)
    {
        var id = Guid.Parse(s.Id);
        return s.Type switch
        {
            "office" => Office(w, p, new OfficeId(id)),
            "client" => ReachesClient(w, p, new ClientId(id)),
            "administration" => Reaches(w, p, new AdministrationId(id)),
            "user" => !Platform(p) && ReachesUser(w, p, new UserId(id), read: true, colleagues: false),
            "environment" => w.Environments.TryGetValue(new EnvironmentId(id), out var e) && Office(w, p, e.Office),
            "report" => ReachesMade(w, p, w.Deliverables, id),
            "transfer" => ReachesTransfer(w, p, new TransferRequestId(id)),
            "link" => LinkReach(w, p, new LinkId(id)),
            _ => false,
        };
    }

    private static T S<T>(IServiceProvider sp)
        where T : notnull => sp.GetRequiredService<T>();

    private static async Task<object?> Box<T>(Task<T> task) => await task;

    private static async Task<object?> Done(Task task)
    {
        await task;
        return true;
    }

    private static string Email() => $"nieuw.{Guid.NewGuid():N}@voorbeeld.nl";

    private static Stream Pdf() => new MemoryStream(TestDocuments.Pdf("matrix"));

    private static readonly IReadOnlyList<QuestionnaireSection> Sections =
        [new QuestionnaireSection("auto", [new QuestionDefinition("auto-zaak", "Auto van de zaak?", AnswerType.YesNo)])];

    private static IReadOnlyList<Target> None(W w) => [new Target(true)];

    /// <summary>Every row. The reflection test fails when a public service method has none and is not a listed exception.</summary>
    public static IReadOnlyList<Case> Cases { get; } =
    [
        // ── Registry: the platform provisions; offices shape what they work on ───────────────────────────────
        new("CollabRegistry.RegisterOfficeAsync", None, (sp, p, _) => Box(S<CollabRegistry>(sp).RegisterOfficeAsync(p, "Nieuw Kantoor")), (w, p, _) => Platform(p)),
        new("CollabRegistry.SetOfficeModulesAsync", Offices, (sp, p, t) => Box(S<CollabRegistry>(sp).SetOfficeModulesAsync(p, (OfficeId)t, OfficeModules.AccountantPackage)),
            (w, p, t) => Platform(p) && w.Offices.Contains((OfficeId)t)),
        new("CollabRegistry.RegisterClientAsync", None, (sp, p, _) => Box(S<CollabRegistry>(sp).RegisterClientAsync(p, "Nieuwe Klant")), (w, p, _) => Platform(p)),
        new("CollabRegistry.AddCompanyAsync", Clients, (sp, p, t) => Box(S<CollabRegistry>(sp).AddCompanyAsync(p, (ClientId)t, "Nieuw B.V.")),
            (w, p, t) => (Platform(p) && w.Clients.ContainsKey((ClientId)t)) || OfficeWorksFor(w, p, (ClientId)t)),
        new("CollabRegistry.CreateAdministrationAsync", Companies, (sp, p, t) => Box(S<CollabRegistry>(sp).CreateAdministrationAsync(p, (CompanyId)t, Infrastructure.TestDatabase.NextNumber(), "Nieuw")),
            (w, p, t) => w.CompanyClient.TryGetValue((CompanyId)t, out var c) && (Platform(p) || OfficeWorksFor(w, p, c))),
        new("CollabRegistry.CreateEnvironmentAsync", Offices,
            (sp, p, t) => Box(S<CollabRegistry>(sp).CreateEnvironmentAsync(p, (OfficeId)t, "Nieuwe omgeving", [.. sp.GetRequiredService<IUserStore>().OfficeUsersAsync((OfficeId)t).GetAwaiter().GetResult().Take(1).Select(u => u.Id)])),
            (w, p, t) => w.Offices.Contains((OfficeId)t) && (Platform(p) || Office(w, p, (OfficeId)t))),
        // SEC-7: only the platform makes users on its own word; offices and client administrators invite.
        new("CollabRegistry.CreateOfficeUserAsync", Offices, (sp, p, t) => Box(S<CollabRegistry>(sp).CreateOfficeUserAsync(p, (OfficeId)t, Email())),
            (w, p, t) => w.Offices.Contains((OfficeId)t) && Platform(p)),
        new("CollabRegistry.CreateClientUserAsync", Clients,
            (sp, p, t) => Box(S<CollabRegistry>(sp).CreateClientUserAsync(p, (ClientId)t, Email(), [.. sp.GetRequiredService<ICompanyStore>().ListCompaniesAsync((ClientId)t).GetAwaiter().GetResult().Take(1).Select(c => c.Id)])),
            (w, p, t) => w.Clients.ContainsKey((ClientId)t) && Platform(p)),
        new("CollabRegistry.GiveCompanyAsync", w => Of(w.Users.Values.Where(u => !u.IsOffice).Select(u => u.Id), UserId.New()),
            (sp, p, t) => Box(S<CollabRegistry>(sp).GiveCompanyAsync(p, (UserId)t, FirstCompanyOf(sp, (UserId)t))),
            (w, p, t) => w.Users.TryGetValue((UserId)t, out var u) && (Platform(p)
                || (ReachesUser(w, p, u.Id, read: false, colleagues: false) && (w.Active(p)!.IsOffice || w.Active(p)!.Companies.Contains(w.Clients[u.Client!.Value][0]))))),
        new("InvitationService.InviteOfficeUserAsync", Offices, (sp, p, t) => Box(S<InvitationService>(sp).InviteOfficeUserAsync(p, (OfficeId)t, Email())),
            (w, p, t) => Office(w, p, (OfficeId)t)),
        new("InvitationService.InviteClientUserAsync", Clients,
            (sp, p, t) => Box(S<InvitationService>(sp).InviteClientUserAsync(p, (ClientId)t, Email(), [.. sp.GetRequiredService<ICompanyStore>().ListCompaniesAsync((ClientId)t).GetAwaiter().GetResult().Take(1).Select(c => c.Id)])),
            (w, p, t) => w.Clients.TryGetValue((ClientId)t, out var companies)
                && (OfficeWorksFor(w, p, (ClientId)t) || (ClientAdministrator(w, p, (ClientId)t) && w.Active(p)!.Companies.Contains(companies[0])))),
        new("InvitationService.ReissueAsync", Users, (sp, p, t) => Box(S<InvitationService>(sp).ReissueAsync(p, (UserId)t)),
            (w, p, t) => !Platform(p) && ReachesUser(w, p, (UserId)t, read: false, colleagues: false)),
        new("InvitationService.AcceptAsync", w => Of(w.Invitations.Values.Select(i => i.Token), "ongeldige-uitnodiging"),
            (sp, p, t) => Box(S<InvitationService>(sp).AcceptAsync(p, (string)t)),
            (w, p, t) => p.UserId is { } id && w.Users.TryGetValue(id, out var u) && u.Active && !u.Accepted
                && w.Invitations.TryGetValue(id, out var invitation) && invitation.Token == (string)t), // only the invitee, with its own token (SEC-7)
        new("CollabRegistry.SetMyLanguageAsync", None, (sp, p, _) => Box(S<CollabRegistry>(sp).SetMyLanguageAsync(p, "en")), (w, p, _) => AnyUser(w, p)),
        new("CollabRegistry.SetOfficeLanguageAsync", Offices, (sp, p, t) => Box(S<CollabRegistry>(sp).SetOfficeLanguageAsync(p, (OfficeId)t, "en")),
            (w, p, t) => w.Offices.Contains((OfficeId)t) && (Platform(p) || Office(w, p, (OfficeId)t))),
        new("CollabRegistry.DeactivateUserAsync", Users, (sp, p, t) => Box(S<CollabRegistry>(sp).DeactivateUserAsync(p, (UserId)t)),
            (w, p, t) => ReachesUser(w, p, (UserId)t, read: false, colleagues: false)),
        new("CollabRegistry.FindOfficeAsync", Offices, (sp, p, t) => Box(S<CollabRegistry>(sp).FindOfficeAsync(p, (OfficeId)t)),
            (w, p, t) => w.Offices.Contains((OfficeId)t) && (Platform(p) || Office(w, p, (OfficeId)t)
                || (w.Active(p) is { IsOffice: false } u && W.SeesWorkOf(u, (OfficeId)t) && w.Collaborations.Contains(((OfficeId)t, u.Client!.Value))))),
        new("CollabRegistry.FindClientAsync", Clients, (sp, p, t) => Box(S<CollabRegistry>(sp).FindClientAsync(p, (ClientId)t)),
            (w, p, t) => (Platform(p) && w.Clients.ContainsKey((ClientId)t)) || SeesClient(w, p, (ClientId)t)),
        new("CollabRegistry.FindCompanyAsync", Companies, (sp, p, t) => Box(S<CollabRegistry>(sp).FindCompanyAsync(p, (CompanyId)t)),
            (w, p, t) => (Platform(p) && w.CompanyClient.ContainsKey((CompanyId)t)) || ReachesCompany(w, p, (CompanyId)t)),
        new("CollabRegistry.ListCompaniesAsync", Clients, (sp, p, t) => Box(S<CollabRegistry>(sp).ListCompaniesAsync(p, (ClientId)t)),
            (w, p, t) => (Platform(p) && w.Clients.ContainsKey((ClientId)t)) || SeesClient(w, p, (ClientId)t)),
        new("CollabRegistry.FindAdministrationAsync", Administrations, (sp, p, t) => Box(S<CollabRegistry>(sp).FindAdministrationAsync(p, (AdministrationId)t)),
            (w, p, t) => (Platform(p) && w.Administrations.ContainsKey((AdministrationId)t)) || Reaches(w, p, (AdministrationId)t)),
        new("CollabRegistry.FindEnvironmentAsync", Environments, (sp, p, t) => Box(S<CollabRegistry>(sp).FindEnvironmentAsync(p, (EnvironmentId)t)),
            (w, p, t) => w.Environments.TryGetValue((EnvironmentId)t, out var e) && (Platform(p) || Office(w, p, e.Office))),
        new("CollabRegistry.FindUserAsync", Users, (sp, p, t) => Box(S<CollabRegistry>(sp).FindUserAsync(p, (UserId)t)),
            (w, p, t) => ReachesUser(w, p, (UserId)t, read: true, colleagues: true)),
        new("CollabRegistry.FindUserByEmailAsync", Users,
            (sp, p, t) => Box(S<CollabRegistry>(sp).FindUserByEmailAsync(p, sp.GetRequiredService<IUserStore>().FindUserAsync((UserId)t).GetAwaiter().GetResult()?.Email ?? "niemand@nergens.nl")),
            (w, p, t) => ReachesUser(w, p, (UserId)t, read: true, colleagues: true)),
        new("CollabRegistry.ListClientUsersAsync", Clients, (sp, p, t) => Box(S<CollabRegistry>(sp).ListClientUsersAsync(p, (ClientId)t)),
            (w, p, t) => (Platform(p) && w.Clients.ContainsKey((ClientId)t)) || ReachesClient(w, p, (ClientId)t)),
        new("CollabRegistry.ListOfficeUsersAsync", Offices, (sp, p, t) => Box(S<CollabRegistry>(sp).ListOfficeUsersAsync(p, (OfficeId)t)),
            (w, p, t) => w.Offices.Contains((OfficeId)t) && (Platform(p) || Office(w, p, (OfficeId)t))),

        // ── Tiers and billing: an office for the clients it works for ────────────────────────────────────────
        new("TierService.StartCollaborationAsync", OfficeClientPairs,
            (sp, p, t) => Box(S<TierService>(sp).StartCollaborationAsync(p, (((OfficeId, ClientId))t).Item1, (((OfficeId, ClientId))t).Item2, ClientTier.Standard, new LocalDate(2026, 1, 1))),
            (w, p, t) =>
            {
                var (o, c) = ((OfficeId, ClientId))t;
                return w.Offices.Contains(o) && w.Clients.ContainsKey(c) && (Platform(p)
                    || (Office(w, p, o) && w.Administrations.Values.Any(a => a.Client == c && (a.Holder == o || w.Grants.Contains((o, a.Id))))));
            }),
        new("TierService.EndCollaborationAsync", OfficeClientPairs,
            (sp, p, t) => Box(S<TierService>(sp).EndCollaborationAsync(p, (((OfficeId, ClientId))t).Item1, (((OfficeId, ClientId))t).Item2, new LocalDate(2026, 12, 31))),
            (w, p, t) => Office(w, p, (((OfficeId, ClientId))t).Item1) && OfficeWorksFor(w, p, (((OfficeId, ClientId))t).Item2)),
        new("TierService.GetTierAsync", OfficeClientPairs, (sp, p, t) => Box(S<TierService>(sp).GetTierAsync(p, (((OfficeId, ClientId))t).Item1, (((OfficeId, ClientId))t).Item2)),
            (w, p, t) => Office(w, p, (((OfficeId, ClientId))t).Item1) && OfficeWorksFor(w, p, (((OfficeId, ClientId))t).Item2)),
        new("TierService.RequireFeatureAsync", OfficeClientPairs,
            (sp, p, t) => Box(S<TierService>(sp).RequireFeatureAsync(p, (((OfficeId, ClientId))t).Item1, (((OfficeId, ClientId))t).Item2, Feature.ClientQuestions)),
            (w, p, t) => Office(w, p, (((OfficeId, ClientId))t).Item1) && OfficeWorksFor(w, p, (((OfficeId, ClientId))t).Item2)),
        new("TierService.ChangeTierAsync", OfficeClientPairs,
            (sp, p, t) => Box(S<TierService>(sp).ChangeTierAsync(p, (((OfficeId, ClientId))t).Item1, (((OfficeId, ClientId))t).Item2, ClientTier.Collaborate)),
            (w, p, t) => Office(w, p, (((OfficeId, ClientId))t).Item1) && OfficeWorksFor(w, p, (((OfficeId, ClientId))t).Item2)),
        new("TierService.ChangeTiersAsync", Offices, (sp, p, t) => Box(S<TierService>(sp).ChangeTiersAsync(p, (OfficeId)t, [ClientId.New()], ClientTier.Collaborate)),
            (w, p, t) => Office(w, p, (OfficeId)t)),
        new("TierService.ListCollaborationsAsync", Offices, (sp, p, t) => Box(S<TierService>(sp).ListCollaborationsAsync(p, (OfficeId)t)), (w, p, t) => Office(w, p, (OfficeId)t)),
        new("BillingService.MonthlyStatementAsync", Offices, (sp, p, t) => Box(S<BillingService>(sp).MonthlyStatementAsync(p, (OfficeId)t, new YearMonth(2026, 3))),
            (w, p, t) => Office(w, p, (OfficeId)t)),
        new("BillingService.IssueStatementAsync", Offices, (sp, p, t) => Box(S<BillingService>(sp).IssueStatementAsync(p, (OfficeId)t, new YearMonth(2026, 2))),
            (w, p, t) => Office(w, p, (OfficeId)t)),

        // ── Access and rights (SEC-1, ONB-3, ONB-4) ──────────────────────────────────────────────────────────
        new("AccessService.ListAsync", None, (sp, p, _) => Box(S<AccessService>(sp).ListAsync(p)), (w, p, _) => AnyUser(w, p)),
        new("AccessService.MayAccessAsync", Administrations, (sp, p, t) => Box(S<AccessService>(sp).MayAccessAsync(p, (AdministrationId)t)), (w, p, t) => Reaches(w, p, (AdministrationId)t)),
        new("RightsService.GrantAsync", OfficeAdministrationPairs,
            (sp, p, t) => Box(S<RightsService>(sp).GrantAsync(p, (((OfficeId, AdministrationId))t).Item1, (((OfficeId, AdministrationId))t).Item2, GrantChannel.Web)),
            (w, p, t) => ClientUser(w, p) && Reaches(w, p, (((OfficeId, AdministrationId))t).Item2)),
        new("RightsService.RevokeAsync", OfficeAdministrationPairs,
            (sp, p, t) => Box(S<RightsService>(sp).RevokeAsync(p, (((OfficeId, AdministrationId))t).Item1, (((OfficeId, AdministrationId))t).Item2)),
            (w, p, t) => ClientUser(w, p) && Reaches(w, p, (((OfficeId, AdministrationId))t).Item2)),

        // ── Reports (SHARE-1 … SHARE-5): the office that made it; the client's users given its company, once shared ──
        new("DeliverableAuthoring.DraftAsync", OfficeCompanyPairs, (sp, p, t) => Box(S<DeliverableAuthoring>(sp).DraftAsync(p, (((OfficeId, CompanyId))t).Item1, (((OfficeId, CompanyId))t).Item2, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening")),
            (w, p, t) => Office(w, p, (((OfficeId, CompanyId))t).Item1) && ReachesCompany(w, p, (((OfficeId, CompanyId))t).Item2)),
        new("DeliverableSharing.ShareAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableSharing>(sp).ShareAsync(p, (DeliverableId)t, Deadline)),
            (w, p, t) => w.Active(p) is { IsOffice: true } && ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value)),
        new("DeliverableSharing.ReissueLinkAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableSharing>(sp).ReissueLinkAsync(p, (DeliverableId)t)),
            (w, p, t) => w.Active(p) is { IsOffice: true } && ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value)),
        new("DeliverableQueries.FindAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableQueries>(sp).FindAsync(p, (DeliverableId)t)), (w, p, t) => ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value),
            Leak: (w, p, result) => DeliverableLeak(w, p, (DeliverableView)result)),
        new("DeliverableQueries.ListForOfficeAsync", Offices, (sp, p, t) => Box(S<DeliverableQueries>(sp).ListForOfficeAsync(p, (OfficeId)t)), (w, p, t) => Office(w, p, (OfficeId)t)),
        new("DeliverableQueries.ListForCompanyAsync", Companies, (sp, p, t) => Box(S<DeliverableQueries>(sp).ListForCompanyAsync(p, (CompanyId)t)), (w, p, t) => ReachesCompany(w, p, (CompanyId)t),
            Leak: (w, p, result) => ((IReadOnlyList<DeliverableView>)result).Select(v => DeliverableLeak(w, p, v)).FirstOrDefault(l => l is not null)),
        new("DeliverableSharing.RecordClientViewAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableSharing>(sp).RecordClientViewAsync(p, (DeliverableId)t)),
            (w, p, t) => ClientUser(w, p) && ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value)),
        new("DeliverableQueries.ClientMayViewAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableQueries>(sp).ClientMayViewAsync(p, (DeliverableId)t)),
            (w, p, t) => ClientUser(w, p) && ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value)),
        new("DeliverableSharing.ApproveAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableSharing>(sp).ApproveAsync(p, (DeliverableId)t)),
            (w, p, t) => ClientUser(w, p) && ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value)),
        new("DeliverableSharing.RejectAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableSharing>(sp).RejectAsync(p, (DeliverableId)t, "Klopt niet")),
            (w, p, t) => ClientUser(w, p) && ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value)),

        new("DeliverableAuthoring.AddDocumentAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableAuthoring>(sp).AddDocumentAsync(p, (DeliverableId)t, "jaarrekening.pdf", "application/pdf", Pdf())),
            (w, p, t) => w.Active(p) is { IsOffice: true } && ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value)),
        new("DeliverableAuthoring.RemoveDocumentAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableAuthoring>(sp).RemoveDocumentAsync(p, (DeliverableId)t, DocumentId.New())),
            (w, p, t) => w.Active(p) is { IsOffice: true } && ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value)),
        new("DeliverableAuthoring.SetFiguresAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableAuthoring>(sp).SetFiguresAsync(p, (DeliverableId)t, Figures)),
            (w, p, t) => w.Active(p) is { IsOffice: true } && ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value)),
        new("DeliverableQueries.OpenDocumentAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableQueries>(sp).OpenDocumentAsync(p, (DeliverableId)t, DocumentId.New())),
            (w, p, t) => ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value)),
        new("DeliverableQueries.DashboardAsync", DeliverableIds, (sp, p, t) => Box(S<DeliverableQueries>(sp).DashboardAsync(p, (DeliverableId)t)),
            (w, p, t) => ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value), MayBeEmpty: true),

        // ── Office overview (SHARE-17) and insights (SHARE-16) ──────────────────────────────────────────────────
        new("OfficeOverviewService.DeliverablesAsync", Offices, (sp, p, t) => Box(S<OfficeOverviewService>(sp).DeliverablesAsync(p, (OfficeId)t)), (w, p, t) => Office(w, p, (OfficeId)t)),
        new("OfficeOverviewService.CountsByStateAsync", Offices, (sp, p, t) => Box(S<OfficeOverviewService>(sp).CountsByStateAsync(p, (OfficeId)t)), (w, p, t) => Office(w, p, (OfficeId)t)),
        new("OfficeOverviewService.ClientsAsync", Offices, (sp, p, t) => Box(S<OfficeOverviewService>(sp).ClientsAsync(p, (OfficeId)t)), (w, p, t) => Office(w, p, (OfficeId)t)),
        new("OfficeOverviewService.SelectClientsAsync", Offices, (sp, p, t) => Box(S<OfficeOverviewService>(sp).SelectClientsAsync(p, (OfficeId)t)), (w, p, t) => Office(w, p, (OfficeId)t)),
        new("InsightService.ForClientUserAsync", None, (sp, p, _) => Box(S<Insights.InsightService>(sp).ForClientUserAsync(p, new YearMonth(2025, 1), new YearMonth(2025, 12))), (w, p, _) => ClientUser(w, p)),

        // ── Portal, documents and questions (SHARE-6 … SHARE-10) ─────────────────────────────────────────────
        new("PortalService.HistoryAsync", None, (sp, p, _) => Box(S<PortalService>(sp).HistoryAsync(p)), (w, p, _) => ClientUser(w, p),
            Leak: (w, p, result) => ((PortalPage)result).Items.FirstOrDefault(i => w.Active(p) is { } u && (!u.Companies.Contains(i.CompanyId) || !W.SeesWorkOf(u, i.OfficeId))) is { } item
                ? $"portal item {item.Id} of office {item.OfficeId} and company {item.CompanyId}"
                : null),
        new("PortalService.HouseStyleForClientAsync", OfficeClientPairs,
            (sp, p, t) => Box(S<PortalService>(sp).HouseStyleForClientAsync(p, (((OfficeId, ClientId))t).Item1, (((OfficeId, ClientId))t).Item2)),
            (w, p, t) =>
            {
                var (o, c) = ((OfficeId, ClientId))t;
                return (Office(w, p, o) && OfficeWorksFor(w, p, c)) || (w.Active(p) is { IsOffice: false } u && u.Client == c && W.SeesWorkOf(u, o) && w.Collaborations.Contains((o, c)));
            },
            MayBeEmpty: true),
        new("PortalDocuments.OpenDocumentAsync", DocumentIds, (sp, p, t) => Box(S<PortalDocuments>(sp).OpenDocumentAsync(p, (DocumentId)t)), (w, p, t) => ReachesMade(w, p, w.Documents, ((DocumentId)t).Value)),
        new("HouseStyles.HouseStyleForOfficeAsync", Offices, (sp, p, t) => Box(S<HouseStyles>(sp).HouseStyleForOfficeAsync(p, (OfficeId)t)), (w, p, t) => Office(w, p, (OfficeId)t), MayBeEmpty: true),
        new("HouseStyles.SetHouseStyleAsync", Offices,
            (sp, p, t) => Box(S<HouseStyles>(sp).SetHouseStyleAsync(p, (OfficeId)t, new HouseStyleRequest($"k-{Guid.NewGuid():N}"[..20], null, "#1A5276", "#1C1C1C", "#FFFFFF", "Welkom"))),
            (w, p, t) => Office(w, p, (OfficeId)t)),
        new("PortalDocuments.UploadDocumentAsync", OfficeCompanyPairs,
            (sp, p, t) => Box(S<PortalDocuments>(sp).UploadDocumentAsync(p, (((OfficeId, CompanyId))t).Item1, (((OfficeId, CompanyId))t).Item2, "stuk.pdf", "application/pdf", Pdf())),
            (w, p, t) => ReachesCompany(w, p, (((OfficeId, CompanyId))t).Item2)
                && (w.Active(p)!.IsOffice ? Office(w, p, (((OfficeId, CompanyId))t).Item1) : W.SeesWorkOf(w.Active(p)!, (((OfficeId, CompanyId))t).Item1))),
        new("QuestionBatches.StartBatchAsync", OfficeCompanyPairs, (sp, p, t) => Box(S<QuestionBatches>(sp).StartBatchAsync(p, (((OfficeId, CompanyId))t).Item1, (((OfficeId, CompanyId))t).Item2, "Vragen")),
            (w, p, t) => Office(w, p, (((OfficeId, CompanyId))t).Item1) && ReachesCompany(w, p, (((OfficeId, CompanyId))t).Item2)),
        new("QuestionBatches.AddQuestionAsync", BatchIds, (sp, p, t) => Box(S<QuestionBatches>(sp).AddQuestionAsync(p, (QuestionBatchId)t, "aangifte", "Nog iets?")),
            (w, p, t) => w.Active(p) is { IsOffice: true } && ReachesMade(w, p, w.Batches, ((QuestionBatchId)t).Value)),
        new("QuestionBatches.SendBatchAsync", BatchIds, (sp, p, t) => Box(S<QuestionBatches>(sp).SendBatchAsync(p, (QuestionBatchId)t)),
            (w, p, t) => w.Active(p) is { IsOffice: true } && ReachesMade(w, p, w.Batches, ((QuestionBatchId)t).Value)),
        new("QuestionAnswers.AnswerAsync", BatchIds, (sp, p, t) => Box(S<QuestionAnswers>(sp).AnswerAsync(p, (QuestionBatchId)t, 1, "Ja")),
            (w, p, t) => ClientUser(w, p) && ReachesMade(w, p, w.Batches, ((QuestionBatchId)t).Value)),
        new("PortalReader.FindBatchAsync", BatchIds, (sp, p, t) => Box(S<PortalReader>(sp).FindBatchAsync(p, (QuestionBatchId)t)), (w, p, t) => ReachesMade(w, p, w.Batches, ((QuestionBatchId)t).Value)),
        new("QuestionnaireTemplates.CreateTemplateAsync", Offices, (sp, p, t) => Box(S<QuestionnaireTemplates>(sp).CreateTemplateAsync(p, (OfficeId)t, "Aangifte", Sections)), (w, p, t) => Office(w, p, (OfficeId)t)),
        new("QuestionnaireTemplates.EditTemplateAsync", Templates, (sp, p, t) => Box(S<QuestionnaireTemplates>(sp).EditTemplateAsync(p, (QuestionnaireTemplateId)t, "Aangifte (nieuw)", Sections)),
            (w, p, t) => w.Templates.TryGetValue((QuestionnaireTemplateId)t, out var o) && Office(w, p, o)),
        new("QuestionnaireTemplates.ProgressAsync", Templates, (sp, p, t) => Box(S<QuestionnaireTemplates>(sp).ProgressAsync(p, (QuestionnaireTemplateId)t)),
            (w, p, t) => w.Templates.TryGetValue((QuestionnaireTemplateId)t, out var o) && Office(w, p, o)),
        new("QuestionnaireTemplates.SendAsync", Templates, (sp, p, t) => Box(S<QuestionnaireTemplates>(sp).SendAsync(p, (QuestionnaireTemplateId)t, [CompanyId.New()])),
            (w, p, t) => w.Templates.TryGetValue((QuestionnaireTemplateId)t, out var o) && Office(w, p, o)),
        new("QuestionAnswers.AnswerQuestionnaireAsync", QuestionnaireIds, (sp, p, t) => Box(S<QuestionAnswers>(sp).AnswerQuestionnaireAsync(p, (QuestionnaireId)t, "auto-zaak", "true")),
            (w, p, t) => ClientUser(w, p) && ReachesMade(w, p, w.Questionnaires, ((QuestionnaireId)t).Value)),
        new("QuestionAnswers.CompleteQuestionnaireAsync", QuestionnaireIds, (sp, p, t) => Box(S<QuestionAnswers>(sp).CompleteQuestionnaireAsync(p, (QuestionnaireId)t)),
            (w, p, t) => ClientUser(w, p) && ReachesMade(w, p, w.Questionnaires, ((QuestionnaireId)t).Value)),
        new("PortalReader.FindQuestionnaireAsync", QuestionnaireIds, (sp, p, t) => Box(S<PortalReader>(sp).FindQuestionnaireAsync(p, (QuestionnaireId)t)),
            (w, p, t) => ReachesMade(w, p, w.Questionnaires, ((QuestionnaireId)t).Value)),

        // ── Transfers (XFER-1 … XFER-5): the environments' administrators and the client, each only as itself ─
        new("TransferService.RequestAsync", EnvironmentPairs,
            (sp, p, t) => Box(S<TransferService>(sp).RequestAsync(p, (((EnvironmentId, EnvironmentId, AdministrationId))t).Item1, (((EnvironmentId, EnvironmentId, AdministrationId))t).Item2,
                [(((EnvironmentId, EnvironmentId, AdministrationId))t).Item3], "niemand@nergens.nl")),
            (w, p, t) =>
            {
                var (from, to, moving) = ((EnvironmentId, EnvironmentId, AdministrationId))t;
                if (w.Active(p) is not { IsOffice: true } u || !w.Environments.TryGetValue(from, out var f) || !w.Environments.TryGetValue(to, out var n))
                {
                    return false;
                }

                // An administrator of either side requests (XFER-1); only the old side's hears about administrations that are not in it.
                return (f.Administrator == u.Id || n.Administrator == u.Id) && (w.Moving.TryGetValue(moving, out var @in) && @in == from || f.Administrator == u.Id);
            }),
        new("TransferService.ConsentAsync", TransferRoles,
            (sp, p, t) => Box(S<TransferService>(sp).ConsentAsync(p, (((TransferRequestId, TransferParty))t).Item1, (((TransferRequestId, TransferParty))t).Item2)),
            (w, p, t) => RoleAllowed(w, p, ((TransferRequestId, TransferParty))t)),
        new("TransferService.RefuseAsync", TransferRoles,
            (sp, p, t) => Box(S<TransferService>(sp).RefuseAsync(p, (((TransferRequestId, TransferParty))t).Item1, (((TransferRequestId, TransferParty))t).Item2, "Liever niet")),
            (w, p, t) => RoleAllowed(w, p, ((TransferRequestId, TransferParty))t)),
        new("TransferService.CancelAsync", TransferIds, (sp, p, t) => Box(S<TransferService>(sp).CancelAsync(p, (TransferRequestId)t)),
            (w, p, t) => TransferOf(w, (TransferRequestId)t) is { } x && AdministratorOf(w, p, x.FromOffice)), // the requester: the old environment's administrator
        new("TransferService.ExecuteAsync", TransferIds, (sp, p, t) => Box(S<TransferService>(sp).ExecuteAsync(p, (TransferRequestId)t, BillingParty.Client)),
            (w, p, t) => TransferOf(w, (TransferRequestId)t) is { } x && (AdministratorOf(w, p, x.FromOffice) || AdministratorOf(w, p, x.ToOffice))),
        new("TransferService.FindAsync", TransferIds, (sp, p, t) => Box(S<TransferService>(sp).FindAsync(p, (TransferRequestId)t)), (w, p, t) => ReachesTransfer(w, p, (TransferRequestId)t)),
        new("TransferService.FollowUpAsync", TransferIds, (sp, p, t) => Box(S<TransferService>(sp).FollowUpAsync(p, (TransferRequestId)t)), (w, p, t) => ReachesTransfer(w, p, (TransferRequestId)t)),
        new("TransferService.ListForOfficeAsync", Offices, (sp, p, t) => Box(S<TransferService>(sp).ListForOfficeAsync(p, (OfficeId)t)), (w, p, t) => Office(w, p, (OfficeId)t)),
        new("TransferService.ListOpenForClientAsync", Clients, (sp, p, t) => Box(S<TransferService>(sp).ListOpenForClientAsync(p, (ClientId)t)), (w, p, t) => ReachesClient(w, p, (ClientId)t)),
        new("TransferService.TickFollowUpAsync", TransferIds, (sp, p, t) => Box(S<TransferService>(sp).TickFollowUpAsync(p, (TransferRequestId)t, 0)),
            (w, p, t) => TransferOf(w, (TransferRequestId)t) is { } x && AdministratorOf(w, p, x.ToOffice)),

        // ── Backups, licences, lifecycle (LIC, ONB, RET) ─────────────────────────────────────────────────────
        new("BackupService.MakeBackupAsync", Administrations, (sp, p, t) => Box(S<BackupService>(sp).MakeBackupAsync(p, (AdministrationId)t)), (w, p, t) => Reaches(w, p, (AdministrationId)t)),
        new("BackupService.StopCollaborationAsync", OfficeAdministrationPairs,
            (sp, p, t) => Box(S<BackupService>(sp).StopCollaborationAsync(p, (((OfficeId, AdministrationId))t).Item1, (((OfficeId, AdministrationId))t).Item2)),
            (w, p, t) => Office(w, p, (((OfficeId, AdministrationId))t).Item1) && Reaches(w, p, (((OfficeId, AdministrationId))t).Item2)),
        new("BackupService.ListAsync", Administrations, (sp, p, t) => Box(S<BackupService>(sp).ListAsync(p, (AdministrationId)t)), (w, p, t) => Reaches(w, p, (AdministrationId)t)),
        new("BackupRestoreService.RestoreAsync", w => [new Target(BackupId.New(), Ghost: true)], (sp, p, t) => Box(S<BackupRestoreService>(sp).RestoreAsync(p, (BackupId)t, RestoreTarget.AtClient)),
            (w, p, t) => false),
        new("BackupRestoreService.CopyToNewNumberAsync", Administrations,
            (sp, p, t) => Box(S<BackupRestoreService>(sp).CopyToNewNumberAsync(p, (AdministrationId)t, Infrastructure.TestDatabase.NextNumber(), "Kopie")), (w, p, t) => Reaches(w, p, (AdministrationId)t)),
        new("LicenceService.SetUpClientAdministrationAsync", OfficeCompanyPairs,
            (sp, p, t) => Box(S<LicenceService>(sp).SetUpClientAdministrationAsync(p, (((OfficeId, CompanyId))t).Item1, (((OfficeId, CompanyId))t).Item2, Infrastructure.TestDatabase.NextNumber(), "Sjabloon")),
            (w, p, t) => Office(w, p, (((OfficeId, CompanyId))t).Item1) && ReachesCompany(w, p, (((OfficeId, CompanyId))t).Item2)),
        new("LicenceImportService.ReadClientLicenceAsync", Administrations, (sp, p, t) => Box(S<LicenceImportService>(sp).ReadClientLicenceAsync(p, (AdministrationId)t, "niet een licentie"u8.ToArray())),
            (w, p, t) => w.Active(p) is { IsOffice: true } && Reaches(w, p, (AdministrationId)t)),
        new("LicenceImportService.ImportClientLicenceAsync", Administrations,
            (sp, p, t) => Box(S<LicenceImportService>(sp).ImportClientLicenceAsync(p, (AdministrationId)t, "niet een licentie"u8.ToArray(), "00", ImportUser.CreateUser(Email()))),
            (w, p, t) => w.Active(p) is { IsOffice: true } && Reaches(w, p, (AdministrationId)t)),
        new("ClientRegistrationService.RegisterClientAsync", Offices,
            (sp, p, t) => Box(S<ClientRegistrationService>(sp).RegisterClientAsync(p, (OfficeId)t, ClientRegistration.WithNewAdministration("Nieuwe Klant", "Nieuw B.V.", Email(), "inKaart", BillingParty.Client, Infrastructure.TestDatabase.NextNumber(), "Boeken"))),
            (w, p, t) => Office(w, p, (OfficeId)t)),
        new("SubscriptionService.FindSubscriptionAsync", Clients, (sp, p, t) => Box(S<SubscriptionService>(sp).FindSubscriptionAsync(p, (ClientId)t)),
            (w, p, t) => ReachesClient(w, p, (ClientId)t), MayBeEmpty: true),
        // ONB-6, SEC-5: the subscription binds the client as a whole: its administrator only.
        new("SubscriptionService.CancelSubscriptionAsync", Clients, (sp, p, t) => Box(S<SubscriptionService>(sp).CancelSubscriptionAsync(p, (ClientId)t)),
            (w, p, t) => ClientAdministrator(w, p, (ClientId)t)),
        new("SubscriptionService.ReactivateSubscriptionAsync", Clients, (sp, p, t) => Box(S<SubscriptionService>(sp).ReactivateSubscriptionAsync(p, (ClientId)t)),
            (w, p, t) => ClientAdministrator(w, p, (ClientId)t)),
        new("RetentionService.PlaceLegalHoldAsync", Administrations, (sp, p, t) => Done(S<RetentionService>(sp).PlaceLegalHoldAsync(p, (AdministrationId)t, "Boekenonderzoek")),
            (w, p, t) => w.Active(p) is { IsOffice: true } && Reaches(w, p, (AdministrationId)t)),
        new("RetentionService.LiftLegalHoldAsync", Administrations, (sp, p, t) => Done(S<RetentionService>(sp).LiftLegalHoldAsync(p, (AdministrationId)t)),
            (w, p, t) => w.Active(p) is { IsOffice: true } && Reaches(w, p, (AdministrationId)t)),
        new("RetentionService.ListDeletionsAsync", Administrations, (sp, p, t) => Box(S<RetentionService>(sp).ListDeletionsAsync(p, (AdministrationId)t)), (w, p, t) => Reaches(w, p, (AdministrationId)t)),

        // ── Integration links (LINK): a link carries no client data until it is bound to an administration ────
        new("LinkService.ConnectAsync", None, (sp, p, _) => Box(S<LinkService>(sp).ConnectAsync(p, "webshop", $"shop-{Guid.NewGuid():N}")), (w, p, _) => AnyUser(w, p)),
        new("LinkService.ChooseAdministrationAsync", LinkAdministrationPairs,
            (sp, p, t) => Box(S<LinkService>(sp).ChooseAdministrationAsync(p, (((LinkId, AdministrationId))t).Item1, (((LinkId, AdministrationId))t).Item2, BookkeepingEdition.Web)),
            (w, p, t) => LinkReach(w, p, (((LinkId, AdministrationId))t).Item1) && Reaches(w, p, (((LinkId, AdministrationId))t).Item2)),
        new("LinkService.ConfirmAsync", LinkIds, (sp, p, t) => Box(S<LinkService>(sp).ConfirmAsync(p, (LinkId)t)), (w, p, t) => LinkReach(w, p, (LinkId)t)),
        new("LinkService.FindAsync", LinkIds, (sp, p, t) => Box(S<LinkService>(sp).FindAsync(p, (LinkId)t)), (w, p, t) => LinkReach(w, p, (LinkId)t)),
        new("LinkService.FinishAsync", LinkIds, (sp, p, t) => Box(S<LinkService>(sp).FinishAsync(p, (LinkId)t)), (w, p, t) => LinkReach(w, p, (LinkId)t)),
        new("LinkService.ReadAllDataAsync", LinkIds, (sp, p, t) => Box(S<LinkService>(sp).ReadAllDataAsync(p, (LinkId)t)), (w, p, t) => LinkReach(w, p, (LinkId)t)),
        new("LinkService.RemoveAsync", LinkIds, (sp, p, t) => Box(S<LinkService>(sp).RemoveAsync(p, (LinkId)t)), (w, p, t) => LinkReach(w, p, (LinkId)t)),
        new("LinkService.ResolveMatchAsync", LinkIds, (sp, p, t) => Box(S<LinkService>(sp).ResolveMatchAsync(p, (LinkId)t, SyncEntityKind.Customer, "a-1", null)),
            (w, p, t) => LinkReach(w, p, (LinkId)t)),
        new("LinkService.StartSynchronisationAsync", LinkIds, (sp, p, t) => Box(S<LinkService>(sp).StartSynchronisationAsync(p, (LinkId)t)), (w, p, t) => LinkReach(w, p, (LinkId)t)),
        new("LinkSyncService.SendDocumentAsync", LinkIds,
            (sp, p, t) => Box(S<LinkSyncService>(sp).SendDocumentAsync(p, (LinkId)t, OutgoingDocumentKind.DraftSalesInvoice, new OutgoingDocument("f-1", "a-1", new LocalDate(2026, 3, 1), [("p-1", 1m, 10m)]))),
            (w, p, t) => LinkReach(w, p, (LinkId)t)),

        // ── The audit trail: as private as its subject ───────────────────────────────────────────────────────
        new("AuditService.ForSubjectAsync", Subjects, (sp, p, t) => Box(S<AuditService>(sp).ForSubjectAsync(p, (AuditSubject)t)), (w, p, t) => AuditAllowed(w, p, (AuditSubject)t),
            Leak: (w, p, result) => ((IReadOnlyList<AuditRecord>)result).Select(r => AuditRowLeak(w, p, r)).FirstOrDefault(l => l is not null)),

        // ── Evidence (SHARE-18, AUD-2): receipts as private as the deliverable's audit; a chain as its audit ──────
        new("EvidenceService.ListReceiptsAsync", DeliverableIds, (sp, p, t) => Box(S<Collab.Evidence.EvidenceService>(sp).ListReceiptsAsync(p, (DeliverableId)t)),
            (w, p, t) => ReachesMade(w, p, w.Deliverables, ((DeliverableId)t).Value), MayBeEmpty: true),
        new("EvidenceService.VerifyAuditAsync", Chains, (sp, p, t) => Box(S<Collab.Evidence.EvidenceService>(sp).VerifyAuditAsync(p, (string)t)),
            (w, p, t) => ChainAllowed(w, p, (string)t)),
    ];

    private static IReadOnlyList<Target> Chains(W w) =>
    [
        .. w.Offices.Select(o => new Target(Collab.Evidence.AuditChain.Of(o))),
        .. w.Administrations.Keys.Select(a => new Target(Collab.Evidence.AuditChain.Of(a))),
        new Target(Collab.Evidence.AuditChain.Platform),
        new Target(Collab.Evidence.AuditChain.Of(OfficeId.New()), Ghost: true),
        new Target("invoices", Ghost: true),
    ];

    private static bool ChainAllowed(W w, ActingParty p, string chain) => chain.Split(':') switch
    {
        ["office", var o] => Office(w, p, new OfficeId(Guid.Parse(o))),
        ["administration", var a] => Reaches(w, p, new AdministrationId(Guid.Parse(a))),
        ["platform"] => Platform(p),
        _ => false,
    };

    /// <summary>Public methods that act for nobody in particular, each for a reason: the reflection test accepts these without a row.</summary>
    public static IReadOnlyDictionary<string, string> Exceptions { get; } = new Dictionary<string, string>
    {
        ["RetentionPassService.RunPassAsync"] = "a background pass: it acts as the system, which no caller can name",
        ["DeliverablePasses.ExpireOverdueAsync"] = "a background pass",
        ["DeliverablePasses.SendDueRemindersAsync"] = "a background pass",
        ["QuestionPasses.SendDueRemindersAsync"] = "a background pass",
        ["TransferService.ExpireDueAsync"] = "a background pass",
        ["LinkPollService.PollDueAsync"] = "a background pass",
        ["DeliverableLinks.OpenLinkAsync"] = "the one-time link's token is the credential (SHARE-1): whoever holds it may open it",
        ["DeliverableLinks.ConfirmViewAsync"] = "the one-time link's token is the credential (SHARE-1)",
        ["DeliverableLinks.ReadThroughLinkAsync"] = "the confirmed view's token is the credential (SHARE-14): it exists only in the view's result",
        ["PortalService.FindBySlugAsync"] = "an office's public branding for its portal's sign-in page: no client data",
        ["LinkSyncService.PushFromAppAsync"] = "the external app's own entry: the host calls it from the app's verified webhook, for a link that is synchronising",
    };

    private static bool RoleAllowed(W w, ActingParty p, (TransferRequestId Id, TransferParty Role) t) =>
        TransferOf(w, t.Id) is { } x && t.Role switch
        {
            TransferParty.OldEnvironmentAdministrator => AdministratorOf(w, p, x.FromOffice),
            TransferParty.NewEnvironmentAdministrator => AdministratorOf(w, p, x.ToOffice),
            _ => w.Active(p) is { IsOffice: false } && ReachesTransfer(w, p, t.Id), // XFER-3: only the client's own users, reaching every company it moves
        };
}
