using Collab.Registry;
using NodaTime;
using Collab.Rights;
using Collab.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Tests.Rights;

/// <summary>
/// SEC-1's office rule is written once (<see cref="AdministrationAccess.Rule"/>) and used twice: evaluated in memory, as a
/// vendor's own store does, and composed into the EF stores' queries (the compiled access check, the user read with it, the
/// office's list, "reaches the client"). On generated worlds — administrations in every state, held by either office or none,
/// grants active, revoked or absent for each office — both must give the answer SEC-1's words give, on SQLite and PostgreSQL.
/// </summary>
public abstract class AdministrationAccessProperties(Engine engine, PostgresServer? postgres, int cases)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    // Per administration: its company (0, 1), its holder (none, office 0, office 1), its state, and per office a grant (none, active, revoked).
    private sealed record Shape(int Company, int Holder, AdministrationState State, int GrantOfOffice0, int GrantOfOffice1);

    private static readonly Gen<Shape> ShapeGen =
        from company in Gen.Choose(0, 1)
        from holder in Gen.Choose(0, 2)
        from state in Gen.Elements(AdministrationState.Live, AdministrationState.Live, AdministrationState.Released, AdministrationState.Deleted, AdministrationState.Restoring, AdministrationState.RestoreFailed)
        from grant0 in Gen.Choose(0, 2)
        from grant1 in Gen.Choose(0, 2)
        select new Shape(company, holder, state, grant0, grant1);

    // R: SEC-1
    [SkippableFact]
    public async Task SEC1_the_rule_in_memory_and_in_the_EF_queries_give_the_answer_of_SEC1_words()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres);
        var w = await World.SeedAsync(db);
        // 0..5 administrations of a fresh client: none (the client reached by nobody), one, and mixes of every state and grant.
        var worlds = Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(ShapeGen, n));
        var property = Prop.ForAll(Arb.From(worlds), shapes => CheckAsync(db, w, shapes).GetAwaiter().GetResult());
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
    }

    private static async Task CheckAsync(TestDatabase db, World w, Shape[] shapes)
    {
        OfficeId[] offices = [w.Office.Id, w.OtherOffice.Id];
        UserId[] officeUsers = [w.OfficeUser.Id, w.OtherOfficeUser.Id];
        var (client, administrations, grants) = await db.InScopeAsync(async sp =>
        {
            var registry = sp.GetRequiredService<CollabRegistry>();
            var client = await registry.RegisterClientAsync(World.Vendor, "Generated B.V.");
            CompanyView[] companies = [await registry.AddCompanyAsync(World.Vendor, client.Id, "Een B.V."), await registry.AddCompanyAsync(World.Vendor, client.Id, "Twee B.V.")];
            var context = sp.GetRequiredService<VendorDbContext>();
            var actor = Actor.Platform("test");
            var administrations = new List<Administration>();
            var grants = new List<RightsGrant>();
            foreach (var shape in shapes)
            {
                var company = companies[shape.Company];
                var administration = Administration.Create(client.Id, company.Id, TestDatabase.NextNumber(), "Gegenereerd",
                    shape.Holder == 0 ? null : offices[shape.Holder - 1], null, LicenceSource.Unknown, shape.State, actor, Now);
                context.Add(administration);
                administrations.Add(administration);
                foreach (var (office, kind) in new[] { (offices[0], shape.GrantOfOffice0), (offices[1], shape.GrantOfOffice1) })
                {
                    if (kind == 0)
                    {
                        continue;
                    }

                    var grant = RightsGrant.Grant(office, administration, w.ClientUser.Id, GrantChannel.Web, Now);
                    if (kind == 2)
                    {
                        grant.Revoke(w.ClientUser.Id, Now);
                    }

                    context.Add(grant);
                    grants.Add(grant);
                }
            }

            await context.SaveChangesAsync();
            return (client, administrations, grants);
        });

        for (var o = 0; o < offices.Length; o++)
        {
            var office = offices[o];
            var listed = await db.InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().ListAccessibleAdministrationsAsync(office));
            foreach (var administration in administrations)
            {
                // SEC-1 in its own words: a live administration the office holds, or one its client granted it rights to (and did not revoke).
                var expected = administration.State == AdministrationState.Live
                    && (administration.HolderOfficeId == office || grants.Exists(g => g.OfficeId == office && g.AdministrationId == administration.Id && g.IsActive));
                var inMemory = AdministrationAccess.OfficeMayAccess(administration, office, grants);
                var query = await db.InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().OfficeMayAccessAsync(office, administration.Id));
                var withUser = await db.InScopeAsync(sp => ((IUserOfficeAccessStore)sp.GetRequiredService<IRightsStore>()).FindUserWithOfficeAccessAsync(officeUsers[o], administration.Id));
                var clientUser = await db.InScopeAsync(sp => ((IUserOfficeAccessStore)sp.GetRequiredService<IRightsStore>()).FindUserWithOfficeAccessAsync(w.ClientUser.Id, administration.Id));
                var inList = listed.Contains(administration.Id);
                if (inMemory != expected || query != expected || withUser?.OfficeMayAccess != expected || inList != expected || clientUser?.OfficeMayAccess != false)
                {
                    throw new InvalidOperationException(
                        $"Office {o}, administration {administration.State} held by {administration.HolderOfficeId}: SEC-1 says {expected}; in memory {inMemory}, "
                        + $"query {query}, with the user {withUser?.OfficeMayAccess}, listed {inList}, a client user's office {clientUser?.OfficeMayAccess}.");
                }
            }

            var reachesClient = await db.InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().OfficeReachesClientAsync(office, client.Id));
            if (reachesClient != administrations.Exists(a => AdministrationAccess.OfficeMayAccess(a, office, grants)))
            {
                throw new InvalidOperationException($"Office {o}: reaches the client {reachesClient}, against the rule over its administrations.");
            }
        }
    }
}

public sealed class AdministrationAccessPropertiesOnSqlite() : AdministrationAccessProperties(Engine.Sqlite, null, cases: 40);

[Collection(PostgresCollection.Name)]
public sealed class AdministrationAccessPropertiesOnPostgres(PostgresServer postgres) : AdministrationAccessProperties(Engine.Postgres, postgres, cases: 25);
