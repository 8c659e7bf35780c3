using Collab.Deliverables;
using Collab.Portal;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Deliverables;

/// <summary>
/// SEC-1 / SEC-5's client-user rule is written once (<see cref="DeliverableAccess.Rule"/>): evaluated in memory (the reach rule of
/// deliverables, batches, questionnaires and documents; a vendor's own store), and the EF portal query's written-out form of it. On generated
/// worlds — two clients' items from two offices for their companies, and readers of either client given any set of companies,
/// homed at the client or at either office — both give the answer SEC-5's words give, on SQLite and PostgreSQL.
/// </summary>
public abstract class DeliverableAccessProperties(Engine engine, PostgresServer? postgres, int cases)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    // An item: its client (0, 1), its company of that client (0, 1), its office (0, 1).
    private sealed record Item(int Client, int Company, int Office);

    // A reader: its client, the companies it was given (of its own client's two, and one of the other client's), its home (-1: the client).
    private sealed record Reader(int Client, bool[] Given, int Home);

    private static readonly Gen<Item> ItemGen =
        from client in Gen.Choose(0, 1)
        from company in Gen.Choose(0, 1)
        from office in Gen.Choose(0, 1)
        select new Item(client, company, office);

    private static readonly Gen<Reader> ReaderGen =
        from client in Gen.Choose(0, 1)
        from given in Gen.ArrayOf(Gen.Elements(true, false), 3)
        from home in Gen.Choose(-1, 1)
        select new Reader(client, given, home);

    // R: SEC-1, SEC-5
    [SkippableFact]
    public async Task SEC5_the_client_user_rule_in_memory_and_in_the_EF_portal_query_give_the_answer_of_SEC5_words()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres);
        var w = await World.SeedAsync(db);
        var worlds = Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(ItemGen, n)).SelectMany(items => ReaderGen.Select(reader => (items, reader)));
        var property = Prop.ForAll(Arb.From(worlds), world => CheckAsync(db, w, world.items, world.reader).GetAwaiter().GetResult());
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
    }

    private static async Task CheckAsync(TestDatabase db, World w, Item[] shapes, Reader reader)
    {
        OfficeId[] offices = [w.Office.Id, w.OtherOffice.Id];
        var (clients, companies, items) = await db.InScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<CollabRegistry>();
            var tiers = sp.GetRequiredService<TierService>();
            var clients = new List<ClientId>();
            var companies = new List<CompanyId[]>();
            for (var c = 0; c < 2; c++)
            {
                var client = await registry.RegisterClientAsync(World.Vendor, $"Klant {c}");
                clients.Add(client.Id);
                companies.Add([(await registry.AddCompanyAsync(World.Vendor, client.Id, "Een B.V.")).Id, (await registry.AddCompanyAsync(World.Vendor, client.Id, "Twee B.V.")).Id]);
                foreach (var office in offices)
                {
                    await tiers.StartCollaborationAsync(World.Vendor, office, client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1));
                }
            }

            var context = sp.GetRequiredService<VendorDbContext>();
            var items = shapes.Select((s, n) => PortalItem.Share(PortalItemKind.Deliverable, Guid.NewGuid(), offices[s.Office], clients[s.Client], companies[s.Client][s.Company],
                $"Stuk {n}", Now.Plus(Duration.FromMinutes(n)), openAction: false, deadline: null, status: "Shared")).ToList();
            context.AddRange(items);
            await context.SaveChangesAsync();
            return (clients, companies, items);
        });

        var readerClient = clients[reader.Client];
        CompanyId[] pool = [companies[reader.Client][0], companies[reader.Client][1], companies[1 - reader.Client][0]];
        var given = pool.Where((_, i) => reader.Given[i]).ToArray();
        OfficeId? home = reader.Home < 0 ? null : offices[reader.Home];

        // SEC-5 in its own words: its own client's work, for a company it was given; an office's invitee only that office's.
        var expected = items.Where(i => i.ClientId == readerClient && given.Contains(i.CompanyId) && (home is null || i.OfficeId == home)).Select(i => i.Id).ToHashSet();
        var inMemory = items.Where(i => DeliverableAccess.ClientUserSees(i.OfficeId, i.ClientId, i.CompanyId, readerClient, given, home)).Select(i => i.Id).ToHashSet();
        var query = (await db.InScopeAsync(sp => sp.GetRequiredService<IPortalItemStore>().PortalHistoryAsync(
            readerClient, given, Enum.GetValues<ClientTier>(), null, 100, false, home, CancellationToken.None))).Select(i => i.Id).ToHashSet();
        if (!inMemory.SetEquals(expected) || !query.SetEquals(expected))
        {
            throw new InvalidOperationException(
                $"Reader of client {reader.Client}, given [{string.Join(",", reader.Given)}], home {reader.Home}: SEC-5 says {expected.Count} items, in memory {inMemory.Count}, the query {query.Count}.");
        }
    }
}

public sealed class DeliverableAccessPropertiesOnSqlite() : DeliverableAccessProperties(Engine.Sqlite, null, cases: 40);

[Collection(PostgresCollection.Name)]
public sealed class DeliverableAccessPropertiesOnPostgres(PostgresServer postgres) : DeliverableAccessProperties(Engine.Postgres, postgres, cases: 25);
