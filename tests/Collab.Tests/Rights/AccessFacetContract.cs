using Collab.Registry;
using Collab.Rights;
using Collab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Tests.Rights;

/// <summary>
/// The optional facet <see cref="IUserOfficeAccessStore"/> (ASP.NET Core Identity's <c>IUserPasswordStore</c> way): a rights
/// store without it gives <see cref="AccessService"/> exactly the answers the one-read fast path gives, for every kind of
/// party, administration and grant state (SEC-1, SEC-3). Run once per engine.
/// </summary>
public abstract class AccessFacetContract(Engine engine, PostgresServer? postgres)
{
    // R: SEC-1, SEC-3
    [SkippableFact]
    public async Task A_rights_store_without_the_facet_answers_every_access_question_as_the_fused_read_does()
    {
        Type? collabs = null;
        await using var db = await TestDatabase.CreateAsync(engine, postgres, services =>
        {
            // Collab's own store stays resolvable by its class; the port gets a wrapper that hides the facet.
            var port = services.Single(d => d.ServiceType == typeof(IRightsStore));
            collabs = port.ImplementationType!;
            services.Remove(port);
            services.AddScoped(collabs);
            services.AddScoped<IRightsStore>(sp => new WithoutFacet((IRightsStore)sp.GetRequiredService(collabs)));
        });
        var w = await World.SeedAsync(db);
        Assert.IsAssignableFrom<IUserOfficeAccessStore>(await db.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService(collabs!)))); // the fast path is there to compare with

        UserId[] parties = [w.OfficeUser.Id, w.OtherOfficeUser.Id, w.ClientUser.Id, w.ClientUserOfOtherCompany.Id, w.OtherClientUser.Id, UserId.New(), default];
        AdministrationId[] administrations = [w.Administration.Id, w.OtherCompanyAdministration.Id, w.HeldByOffice.Id, AdministrationId.New(), default];
        async Task CompareAsync(string state)
        {
            foreach (var party in parties)
            {
                foreach (var administration in administrations)
                {
                    var (withoutFacet, withFacet) = await db.InScopeAsync(async sp =>
                    {
                        var fused = new AccessService((IRightsStore)sp.GetRequiredService(collabs!), sp.GetRequiredService<IAdministrationStore>(),
                            sp.GetRequiredService<IUserStore>(), sp.GetRequiredService<Collab.Authorization.CollabAuthorization>());
                        return (await AnswerAsync(sp.GetRequiredService<AccessService>(), party, administration), await AnswerAsync(fused, party, administration));
                    });
                    Assert.True(withFacet == withoutFacet, $"{state}: user {party}, administration {administration}: fused {withFacet}, without the facet {withoutFacet}");
                }
            }
        }

        await CompareAsync("seeded");
        await db.InScopeAsync(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Administration.Id, GrantChannel.Web));
        await CompareAsync("granted");
        await db.InScopeAsync(sp => sp.GetRequiredService<RightsService>().RevokeAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Administration.Id));
        await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, w.OtherOfficeUser.Id));
        await CompareAsync("revoked, a user deactivated");
    }

    private static async Task<string> AnswerAsync(AccessService access, UserId user, AdministrationId administration)
    {
        try
        {
            return (await access.MayAccessAsync(ActingParty.User(user), administration)).ToString();
        }
        catch (CollabRefusalException refused)
        {
            return refused.Code;
        }
    }

    // A vendor's rights store that implements the four required members only.
    private sealed class WithoutFacet(IRightsStore inner) : IRightsStore
    {
        public Task<RightsGrant?> FindGrantAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken = default) =>
            inner.FindGrantAsync(office, administration, cancellationToken);

        public Task<bool> OfficeMayAccessAsync(OfficeId office, AdministrationId administration, CancellationToken cancellationToken = default) =>
            inner.OfficeMayAccessAsync(office, administration, cancellationToken);

        public Task<IReadOnlyList<AdministrationId>> ListAccessibleAdministrationsAsync(OfficeId office, CancellationToken cancellationToken = default) =>
            inner.ListAccessibleAdministrationsAsync(office, cancellationToken);

        public Task<bool> OfficeReachesClientAsync(OfficeId office, ClientId client, CancellationToken cancellationToken = default) =>
            inner.OfficeReachesClientAsync(office, client, cancellationToken);
    }
}

public sealed class AccessFacetOnSqlite() : AccessFacetContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class AccessFacetOnPostgres(PostgresServer postgres) : AccessFacetContract(Engine.Postgres, postgres);
