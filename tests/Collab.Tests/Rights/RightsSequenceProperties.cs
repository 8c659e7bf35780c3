using Collab.Rights;
using Collab.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Tests.Rights;

/// <summary>
/// ONB-3 / ONB-4 as a property: for any sequence of grants and revocations over several (office,
/// administration) pairs — duplicates, revocations of what was never granted, empty sequences included —
/// the access answer for each pair equals its last event: granted means access, revoked or none means no access.
/// </summary>
public abstract class RightsSequenceProperties(Engine engine, PostgresServer? postgres, int cases)
{
    private sealed record Step(bool Grant, int Office, int Administration);

    private static readonly Gen<Step> StepGen =
        from grant in Gen.Elements(true, false)
        from office in Gen.Choose(0, 1)
        from administration in Gen.Choose(0, 1)
        select new Step(grant, office, administration);

    // R: ONB-3, ONB-4
    [SkippableFact]
    public async Task ONB3_ONB4_access_equals_the_last_grant_or_revocation_of_each_pair()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres);
        // Lengths 0..24: the empty sequence, single events and long alternations with duplicates.
        var sequences = Gen.Sized(size => Gen.Choose(0, Math.Min(size, 24))).SelectMany(n => Gen.ArrayOf(StepGen, n));
        var property = Prop.ForAll(Arb.From(sequences), steps => RunSequenceAsync(db, steps).GetAwaiter().GetResult());
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
    }

    private static async Task RunSequenceAsync(TestDatabase db, Step[] steps)
    {
        var w = await World.SeedAsync(db);
        OfficeId[] offices = [w.Office.Id, w.OtherOffice.Id];
        AdministrationId[] administrations = [w.Administration.Id, w.OtherCompanyAdministration.Id];
        UserId[] grantors = [w.ClientUser.Id, w.ClientUserOfOtherCompany.Id];
        var last = new bool?[2, 2];

        foreach (var step in steps)
        {
            try
            {
                await db.InScopeAsync(sp =>
                {
                    var rights = sp.GetRequiredService<RightsService>();
                    var user = grantors[step.Administration];
                    return step.Grant
                        ? rights.GrantAsync(ActingParty.User(user), offices[step.Office], administrations[step.Administration], GrantChannel.Web)
                        : rights.RevokeAsync(ActingParty.User(user), offices[step.Office], administrations[step.Administration]);
                });
            }
            catch (CollabRefusalException e) when (e.Kind == RefusalKind.RuleViolation)
            {
                // Granting twice or revoking what is not granted is refused; the last event still decides.
            }

            last[step.Office, step.Administration] = step.Grant;
        }

        for (var o = 0; o < 2; o++)
        {
            for (var a = 0; a < 2; a++)
            {
                var access = await db.InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().OfficeMayAccessAsync(offices[o], administrations[a]));
                if (access != (last[o, a] == true))
                {
                    throw new InvalidOperationException($"Pair (office {o}, administration {a}): access {access}, last event {last[o, a]}.");
                }
            }
        }
    }
}

public sealed class RightsSequencePropertiesOnSqlite() : RightsSequenceProperties(Engine.Sqlite, null, cases: 60);

[Collection(PostgresCollection.Name)]
public sealed class RightsSequencePropertiesOnPostgres(PostgresServer postgres) : RightsSequenceProperties(Engine.Postgres, postgres, cases: 40);
