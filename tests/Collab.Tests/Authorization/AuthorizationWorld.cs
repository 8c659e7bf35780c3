using System.Text;
using Collab.Links;
using Collab.Portal;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Rights;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Collab.Transfers;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Authorization;

/// <summary>The shape of a generated world: who collaborates with whom, who holds what, who granted what, who was given which company, who left.</summary>
public sealed record WorldSpec(
    bool[] Collaborations,
    int[] Holders,
    bool[] Grants,
    bool SecondUserGetsFirstCompany,
    bool SecondUserGetsSecondCompany,
    bool SecondOfficeUserLeft,
    bool SecondClientUserLeft,
    bool[] Shared,
    bool SecondOfficeEnded,
    bool HomedUsersGetBothCompanies)
{
    /// <summary>
    /// Every combination is reachable: no collaboration at all, all four, holders on either side, grants crossing holders, the
    /// second office's collaboration with the shared client ended or not, office-homed users given one or both companies.
    /// </summary>
    public static Gen<WorldSpec> Generator =>
        from collaborations in Gen.ArrayOf(Gen.Elements(true, false), 4)
        from holders in Gen.ArrayOf(Gen.Choose(-1, 1), 3)
        from grants in Gen.ArrayOf(Gen.Elements(true, false), 6)
        from first in Gen.Elements(true, false)
        from second in Gen.Elements(true, false)
        from officeLeft in Gen.Elements(true, false)
        from clientLeft in Gen.Elements(true, false)
        from shared in Gen.ArrayOf(Gen.Elements(true, false), 4)
        from ended in Gen.Elements(true, false)
        from both in Gen.Elements(true, false)
        select new WorldSpec(collaborations, holders, grants, first, !first, officeLeft, clientLeft, shared, ended, both); // c1 always has exactly one of two companies

    public override string ToString() =>
        $"collaborations={string.Concat(Collaborations.Select(b => b ? '1' : '0'))} holders={string.Join(',', Holders)} grants={string.Concat(Grants.Select(b => b ? '1' : '0'))} " +
        $"c1=({SecondUserGetsFirstCompany},{SecondUserGetsSecondCompany}) left=({SecondOfficeUserLeft},{SecondClientUserLeft}) shared={string.Concat(Shared.Select(b => b ? '1' : '0'))} " +
        $"ended={SecondOfficeEnded} homed-both={HomedUsersGetBothCompanies}";
}

/// <summary>What the test knows about a seeded world, in DOMAIN.md's terms, kept apart from Collab's own answers.</summary>
public sealed class AuthorizationWorld
{
    /// <summary>A user as the test made it. <see cref="Home"/>: the office a client user is homed at (SEC-5), null for the client's own users.</summary>
    public sealed record UserFacts(UserId Id, bool IsOffice, OfficeId? Office, ClientId? Client, IReadOnlySet<CompanyId> Companies, bool Active, string Email)
    {
        public OfficeId? Home { get; init; }

        public bool Administrator { get; init; }

        public bool Accepted { get; init; } = true;
    }

    public sealed record AdministrationFacts(AdministrationId Id, ClientId Client, CompanyId Company, OfficeId? Holder);

    public sealed record Made(Guid Id, OfficeId Office, ClientId Client, CompanyId Company, bool ClientMaySee);

    public sealed record TransferFacts(TransferRequestId Id, ClientId Client, OfficeId FromOffice, OfficeId ToOffice, IReadOnlyList<CompanyId> Companies);

    public List<OfficeId> Offices { get; } = [];

    public Dictionary<ClientId, List<CompanyId>> Clients { get; } = [];

    public Dictionary<CompanyId, ClientId> CompanyClient { get; } = [];

    public Dictionary<UserId, UserFacts> Users { get; } = [];

    public List<(OfficeId Office, ClientId Client)> Collaborations { get; } = [];

    public Dictionary<AdministrationId, AdministrationFacts> Administrations { get; } = [];

    public HashSet<(OfficeId, AdministrationId)> Grants { get; } = [];

    public Dictionary<EnvironmentId, (OfficeId Office, UserId Administrator)> Environments { get; } = [];

    public List<Made> Deliverables { get; } = [];

    public List<Made> Batches { get; } = [];

    public List<Made> Questionnaires { get; } = [];

    public List<Made> Documents { get; } = [];

    public Dictionary<QuestionnaireTemplateId, OfficeId> Templates { get; } = [];

    public List<TransferFacts> Transfers { get; } = [];

    public Dictionary<LinkId, AdministrationId?> Links { get; } = [];

    /// <summary>Who made each unbound link: an office (through its user) or a client user itself (SEC-6).</summary>
    public Dictionary<LinkId, (OfficeId? Office, UserId? User)> LinkMakers { get; } = [];

    /// <summary>Collaborations that have ended (still listed in <see cref="Collaborations"/>).</summary>
    public HashSet<(OfficeId, ClientId)> Ended { get; } = [];

    /// <summary>Invitations nobody accepted yet, by invited user.</summary>
    public Dictionary<UserId, UserInvitation> Invitations { get; } = [];

    /// <summary>Administrations in an environment, and which.</summary>
    public Dictionary<AdministrationId, EnvironmentId> Moving { get; } = [];

    public List<ActingParty> Parties { get; } = [];

    // ── The rules, in DOMAIN.md's words (SEC-1, SEC-3), not Collab's code ─────────────────────────────────────

    /// <summary>A party that may act: a user that is active and accepted its invitation, or was made by the platform (SEC-3, SEC-7).</summary>
    public UserFacts? Active(ActingParty party) =>
        party.UserId is { } id && Users.TryGetValue(id, out var user) && user.Active && user.Accepted ? user : null;

    /// <summary>
    /// An office "collaborates with or holds": a collaboration that has not ended, or a live administration of the client it holds or
    /// was granted; its reach to the client ends with it (SEC-3, SEC-5).
    /// </summary>
    public bool WorksFor(OfficeId office, ClientId client) =>
        (Collaborations.Contains((office, client)) && !Ended.Contains((office, client)))
        || Administrations.Values.Any(a => a.Client == client && (a.Holder == office || Grants.Contains((office, a.Id))));

    /// <summary>Whether a client user sees an office's work: one of the client's own, or homed at that office (SEC-5).</summary>
    public static bool SeesWorkOf(UserFacts user, OfficeId office) => !user.IsOffice && (user.Home is null || user.Home == office);

    /// <summary>SEC-1: an office sees what it holds and what it was granted; a client's own user what its companies hold — never an office's invitee (SEC-5).</summary>
    public bool Reaches(UserFacts user, AdministrationFacts administration) => user.IsOffice
        ? administration.Holder == user.Office || Grants.Contains((user.Office!.Value, administration.Id))
        : user.Home is null && user.Client == administration.Client && user.Companies.Contains(administration.Company);

    /// <summary>A company: an office that works for its client; a client user given it, an office's invitee only while that office works for the client.</summary>
    public bool ReachesCompany(UserFacts user, CompanyId company) => user.IsOffice
        ? WorksFor(user.Office!.Value, CompanyClient[company])
        : user.Client == CompanyClient[company] && user.Companies.Contains(company) && (user.Home is not { } home || WorksFor(home, CompanyClient[company]));

    /// <summary>Acting for a client as a whole: an office that works for it, or one of the client's own users (SEC-5).</summary>
    public bool ReachesClient(UserFacts user, ClientId client) => user.IsOffice ? WorksFor(user.Office!.Value, client) : user.Client == client && user.Home is null;

    /// <summary>Reading the client itself and its companies' names: any of its users, wherever homed.</summary>
    public bool SeesClient(UserFacts user, ClientId client) => user.IsOffice ? WorksFor(user.Office!.Value, client) : user.Client == client;

    /// <summary>What an office made: that office while it works for the client (SEC-5); a client user given the company, once shared, when it sees that office's work.</summary>
    public bool ReachesMade(UserFacts user, Made made) => user.IsOffice
        ? user.Office == made.Office && (made.Client == default || WorksFor(made.Office, made.Client))
        : made.ClientMaySee && user.Client == made.Client && user.Companies.Contains(made.Company) && SeesWorkOf(user, made.Office)
          && (user.Home is not { } home || WorksFor(home, made.Client)); // an invitee's reach ends with its office's (SEC-5)

    /// <summary>A transfer: users of the offices on either side; the client's own users who may reach every company it moves.</summary>
    public bool ReachesTransfer(UserFacts user, TransferFacts transfer) => user.IsOffice
        ? user.Office == transfer.FromOffice || user.Office == transfer.ToOffice
        : user.Home is null && user.Client == transfer.Client && transfer.Companies.All(user.Companies.Contains);

    public static async Task<AuthorizationWorld> SeedAsync(TestDatabase db, WorldSpec spec)
    {
        var w = new AuthorizationWorld();
        var vendor = World.Vendor;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var january = new LocalDate(2026, 1, 1);
        UserId[] officeUsers = new UserId[3];
        UserId[] clientUsers = new UserId[3];
        AdministrationFacts[] administrations = new AdministrationFacts[3];
        await db.InScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<CollabRegistry>();
            foreach (var name in new[] { "Kantoor Noord", "Kantoor Zuid" })
            {
                var office = await registry.RegisterOfficeAsync(vendor, name);
                await registry.SetOfficeModulesAsync(vendor, office.Id, OfficeModules.AccountantPackage | OfficeModules.EAccountancy | OfficeModules.LinksActivated);
                w.Offices.Add(office.Id);
            }

            for (var i = 0; i < 3; i++)
            {
                var office = w.Offices[i < 2 ? 0 : 1];
                var email = $"medewerker{i}.{tag}@kantoor.nl";
                officeUsers[i] = (await registry.CreateOfficeUserAsync(vendor, office, email)).Id;
                w.Users[officeUsers[i]] = new UserFacts(officeUsers[i], true, office, null, new HashSet<CompanyId>(), true, email);
            }

            foreach (var (name, companies) in new[] { ("Bakkerij Bakker", 2), ("Slagerij Smit", 1) })
            {
                var client = await registry.RegisterClientAsync(vendor, name);
                w.Clients[client.Id] = [];
                for (var k = 0; k < companies; k++)
                {
                    var company = await registry.AddCompanyAsync(vendor, client.Id, $"{name} {k} B.V.");
                    w.Clients[client.Id].Add(company.Id);
                    w.CompanyClient[company.Id] = client.Id;
                }
            }

            for (var i = 0; i < 2; i++)
            {
                var environment = await registry.CreateEnvironmentAsync(vendor, w.Offices[i], $"Omgeving {i}", [officeUsers[i == 0 ? 0 : 2]]);
                w.Environments[environment.Id] = (w.Offices[i], officeUsers[i == 0 ? 0 : 2]);
            }
        });

        var clients = w.Clients.Keys.ToArray();
        var allCompanies = w.Clients.Values.SelectMany(c => c).ToArray();
        (OfficeId, ClientId)[] pairs = [(w.Offices[0], clients[0]), (w.Offices[0], clients[1]), (w.Offices[1], clients[0]), (w.Offices[1], clients[1])];
        await db.InScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<CollabRegistry>();
            for (var a = 0; a < 3; a++)
            {
                OfficeId? holder = spec.Holders[a] < 0 ? null : w.Offices[spec.Holders[a]];
                var created = await registry.CreateAdministrationAsync(vendor, allCompanies[a], TestDatabase.NextNumber(), $"Boeken {a}", holder);
                administrations[a] = new AdministrationFacts(created.Id, created.ClientId, created.CompanyId, holder);
                w.Administrations[created.Id] = administrations[a];
            }

            for (var p = 0; p < 4; p++)
            {
                if (spec.Collaborations[p])
                {
                    await sp.GetRequiredService<TierService>().StartCollaborationAsync(vendor, pairs[p].Item1, pairs[p].Item2, ClientTier.CollaborateExtended, january);
                    w.Collaborations.Add(pairs[p]);
                }
            }

            // c0 owns every company of the first client; c1 a generated part of it; c2 the second client's one company.
            var first = w.Clients[clients[0]];
            CompanyId[][] gifts =
            [
                [.. first],
                [.. new[] { spec.SecondUserGetsFirstCompany ? first[0] : default, spec.SecondUserGetsSecondCompany ? first[1] : default }.Where(c => c != default)],
                [w.Clients[clients[1]][0]],
            ];
            for (var i = 0; i < 3; i++)
            {
                var client = i < 2 ? clients[0] : clients[1];
                var email = $"klant{i}.{tag}@klant.nl";
                clientUsers[i] = (await registry.CreateClientUserAsync(vendor, client, email, gifts[i], administrator: i == 0)).Id;
                w.Users[clientUsers[i]] = new UserFacts(clientUsers[i], false, null, client, gifts[i].ToHashSet(), true, email) { Administrator = i == 0 };
            }
        });

        await db.InScopeAsync(async sp =>
        {
            var rights = sp.GetRequiredService<RightsService>();
            for (var g = 0; g < 6; g++)
            {
                var (office, administration) = (w.Offices[g / 3], administrations[g % 3]);
                if (spec.Grants[g] && administration.Holder != office)
                {
                    var grantor = administration.Client == clients[0] ? clientUsers[0] : clientUsers[2];
                    await rights.GrantAsync(ActingParty.User(grantor), office, administration.Id, GrantChannel.Web);
                    w.Grants.Add((office, administration.Id));
                }
            }
        });

        // Work each collaborating office made for every company of its client: a report, a batch, a document; one template and questionnaire per office.
        var pair = 0;
        foreach (var (office, client, company) in w.Collaborations.SelectMany(c => w.Clients[c.Client].Select(k => (c.Office, c.Client, k))).ToList())
        {
            var desk = ActingParty.User(officeUsers[office == w.Offices[0] ? 0 : 2]);
            var shared = spec.Shared[pair++ % spec.Shared.Length];
            await db.InScopeAsync(async sp =>
            {
                var deliverable = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(desk, office, company, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), $"Jaarrekening {pair}");
                if (shared)
                {
                    await sp.GetRequiredService<DeliverableSharing>().ShareAsync(desk, deliverable.Id, new LocalDate(2026, 6, 30));
                }

                w.Deliverables.Add(new Made(deliverable.Id.Value, office, client, company, shared));
                var questions = sp.GetRequiredService<QuestionBatches>();
                var templates = sp.GetRequiredService<QuestionnaireTemplates>();
                var batch = await questions.StartBatchAsync(desk, office, company, $"Vragen {pair}");
                await questions.AddQuestionAsync(desk, batch.Id, "jaarrekening", "Is de voorraad geteld?");
                if (shared)
                {
                    await questions.SendBatchAsync(desk, batch.Id);
                }

                w.Batches.Add(new Made(batch.Id.Value, office, client, company, shared));
                var document = await sp.GetRequiredService<PortalDocuments>().UploadDocumentAsync(desk, office, company, "stuk.pdf", "application/pdf",
                    new MemoryStream(TestDocuments.Pdf("stuk")));
                w.Documents.Add(new Made(document.Id.Value, office, client, company, true));
                if (!w.Templates.ContainsValue(office))
                {
                    var template = await templates.CreateTemplateAsync(desk, office, "Aangifte IB", [new QuestionnaireSection("auto", [new QuestionDefinition("auto-zaak", "Auto van de zaak?", AnswerType.YesNo)])]);
                    w.Templates[template.Id] = office;
                }

                var sent = (await templates.SendAsync(desk, w.Templates.First(t => t.Value == office).Key, [company])).Single().Questionnaire!;
                w.Questionnaires.Add(new Made(sent.Id.Value, office, client, company, true));
            });
        }

        // SEC-5, SEC-7: each office that works for the first client invites a client user homed at itself, who accepts; the first
        // client's administrator invites one of the client's own users, who has not accepted yet.
        await db.InScopeAsync(async sp =>
        {
            var invitations = sp.GetRequiredService<InvitationService>();
            var first = w.Clients[clients[0]];
            for (var o = 0; o < 2; o++)
            {
                if (!w.WorksFor(w.Offices[o], clients[0]))
                {
                    continue;
                }

                var email = $"gast{o}.{tag}@klant.nl";
                CompanyId[] gift = spec.HomedUsersGetBothCompanies ? [.. first] : [first[o]];
                var invitation = await invitations.InviteClientUserAsync(ActingParty.User(officeUsers[o == 0 ? 0 : 2]), clients[0], email, gift);
                await invitations.AcceptAsync(ActingParty.User(invitation.User), invitation.Token);
                w.Users[invitation.User] = new UserFacts(invitation.User, false, null, clients[0], gift.ToHashSet(), true, email) { Home = w.Offices[o] };
            }

            var pending = await invitations.InviteClientUserAsync(ActingParty.User(clientUsers[0]), clients[0], $"wacht.{tag}@klant.nl", [first[0]]);
            w.Users[pending.User] = new UserFacts(pending.User, false, null, clients[0], new HashSet<CompanyId> { first[0] }, true, pending.Email) { Accepted = false };
            w.Invitations[pending.User] = pending;
        });

        // An ended collaboration: the second office stops working for the first client (its work stays, its reach ends; SEC-5).
        if (spec.SecondOfficeEnded && w.Collaborations.Contains((w.Offices[1], clients[0])))
        {
            await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().EndCollaborationAsync(ActingParty.User(officeUsers[2]), w.Offices[1], clients[0], new LocalDate(2026, 2, 28)));
            w.Ended.Add((w.Offices[1], clients[0]));
        }

        // A transfer from the first office's environment to the second's, of a book of the first client's first company.
        await db.InScopeAsync(async sp =>
        {
            var from = w.Environments.First(e => e.Value.Office == w.Offices[0]);
            var to = w.Environments.First(e => e.Value.Office == w.Offices[1]);
            var company = w.Clients[clients[0]][0];
            var moving = await sp.GetRequiredService<CollabRegistry>().CreateAdministrationAsync(vendor, company, TestDatabase.NextNumber(), "Verhuizend", environment: from.Key);
            w.Administrations[moving.Id] = new AdministrationFacts(moving.Id, moving.ClientId, company, null);
            w.Moving[moving.Id] = from.Key;
            var request = await sp.GetRequiredService<TransferService>().RequestAsync(ActingParty.User(from.Value.Administrator), from.Key, to.Key, [moving.Id], w.Users[clientUsers[0]].Email);
            w.Transfers.Add(new TransferFacts(request.Id, clients[0], w.Offices[0], w.Offices[1], [company]));
        });

        // Integration links, one not yet bound and one bound to the first administration (set up through the aggregate: no app is needed for this test).
        await db.InScopeAsync(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<ICollabUnitOfWork>();
            var now = db.Clock.GetCurrentInstant();
            var store = sp.GetRequiredService<IUserStore>();
            var officeMaker = await store.FindUserAsync(officeUsers[0]);
            var clientMaker = await store.FindUserAsync(clientUsers[0]);
            var loose = IntegrationLink.Connect("webshop", $"shop-{tag}-a", officeMaker, Actor.OfficeUser(officeUsers[0]), now);
            var own = IntegrationLink.Connect("webshop", $"shop-{tag}-c", clientMaker, Actor.ClientUser(clientUsers[0]), now);
            var bound = IntegrationLink.Connect("webshop", $"shop-{tag}-b", null, Actor.Platform("test-seed"), now);
            var target = await sp.GetRequiredService<IAdministrationStore>().FindAdministrationAsync(administrations[0].Id);
            bound.Choose(target!, BookkeepingEdition.Web, Actor.Platform("test-seed"), now);
            unitOfWork.Add(loose);
            unitOfWork.Add(own);
            unitOfWork.Add(bound);
            await unitOfWork.SaveChangesAsync();
            w.Links[loose.Id] = null;
            w.Links[own.Id] = null;
            w.Links[bound.Id] = administrations[0].Id;
            w.LinkMakers[loose.Id] = (w.Offices[0], officeUsers[0]);
            w.LinkMakers[own.Id] = (null, clientUsers[0]);
        });

        // People who left: still in the registry, refused everything (SEC-3).
        await db.InScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<CollabRegistry>();
            if (spec.SecondOfficeUserLeft)
            {
                await registry.DeactivateUserAsync(vendor, officeUsers[1]);
                w.Users[officeUsers[1]] = w.Users[officeUsers[1]] with { Active = false };
            }

            if (spec.SecondClientUserLeft)
            {
                await registry.DeactivateUserAsync(vendor, clientUsers[1]);
                w.Users[clientUsers[1]] = w.Users[clientUsers[1]] with { Active = false };
            }
        });

        w.Parties.AddRange(w.Users.Keys.Select(ActingParty.User));
        w.Parties.Add(vendor);
        w.Parties.Add(ActingParty.User(UserId.New())); // a forged id
        w.Parties.Add(default);
        return w;
    }
}
