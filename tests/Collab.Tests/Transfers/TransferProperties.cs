using Collab.Registry;
using Collab.Tests.Infrastructure;
using Collab.Transfers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Transfers;

/// <summary>
/// XFER-2, XFER-3, RET-3 as properties: over random sequences of consent / refuse / cancel / expire / execute
/// events, with duplicates and time passing across the expiry instant, a transfer completes only if all three
/// parties consented, never after a refusal, cancellation or expiry, and never twice.
/// </summary>
public sealed class TransferAggregateProperties
{
    public enum Op
    {
        Consent,
        Refuse,
        CancelByRequester,
        CancelByOther,
        Expire,
        Execute,
        Advance,
    }

    public sealed record Step(Op Op, TransferParty Party, int Days);

    internal static readonly Gen<Step> Steps =
        from op in Gen.Elements(Enum.GetValues<Op>())
        from party in Gen.Elements(Enum.GetValues<TransferParty>())
        from days in Gen.Frequency((3, Gen.Choose(0, 3)), (1, Gen.Choose(25, 31)))
        select new Step(op, party, days);

    // R: XFER-2, XFER-3, RET-3
    [Property(MaxTest = 1000)]
    public Property XFER2_XFER3_RET3_no_event_order_completes_a_transfer_without_three_consents() =>
        Prop.ForAll(Arb.From(Gen.Sized(size => Gen.Choose(0, Math.Min(size, 30))).SelectMany(n => Gen.ArrayOf(Steps, n))), Holds);

    private static bool Holds(Step[] steps)
    {
        var requester = UserId.New();
        var now = Instant.FromUtc(2026, 10, 20, 12, 0); // the run crosses the end of DST in Europe
        var request = TransferRequest.Create(ClientId.New(), EnvironmentId.New(), EnvironmentId.New(), [AdministrationId.New()], "klant@example.nl", [], requester, now, now + Duration.FromDays(30));
        var consentedBy = new HashSet<TransferParty>();
        var closed = false;
        var executions = 0;

        foreach (var step in steps)
        {
            var before = request.State;
            try
            {
                switch (step.Op)
                {
                    case Op.Advance:
                        now += Duration.FromDays(step.Days);
                        continue;
                    case Op.Consent:
                        request.Consent(step.Party, UserId.New(), now);
                        if (closed || now >= request.ExpiresAt || !consentedBy.Add(step.Party))
                        {
                            return false; // a consent after closing, after expiry, or twice for one party
                        }

                        break;
                    case Op.Refuse:
                        request.Refuse(step.Party, UserId.New(), "nee", now);
                        break;
                    case Op.CancelByRequester:
                        request.Cancel(requester, now);
                        break;
                    case Op.CancelByOther:
                        request.Cancel(UserId.New(), now);
                        return false; // nobody but the requester cancels
                    case Op.Expire:
                        request.Expire(now);
                        if (consentedBy.Count == 3)
                        {
                            return false; // a fully consented request does not expire
                        }

                        break;
                    case Op.Execute:
                        request.Execute(requester, BillingParty.Office, now);
                        executions++;
                        if (consentedBy.Count != 3 || closed || executions > 1)
                        {
                            return false;
                        }

                        break;
                }

                if (step.Op is Op.Refuse or Op.CancelByRequester or Op.Expire or Op.Execute)
                {
                    if (closed)
                    {
                        return false; // nothing happens after a final state
                    }

                    closed = true;
                }
            }
            catch (CollabRefusalException)
            {
                if (request.State != before)
                {
                    return false; // a refused event changes nothing
                }
            }
        }

        return request.State != TransferState.Executed || (executions == 1 && consentedBy.Count == 3 && request.ConsentCount == 3);
    }
}

/// <summary>The same property through the service and a real database, with random actors — right ones, wrong ones and repeats.</summary>
public abstract class TransferServiceProperties(Engine engine, PostgresServer? postgres, int cases)
{
    // R: XFER-3
    [SkippableFact]
    public async Task XFER3_random_actors_never_complete_a_transfer_without_the_three_right_consents()
    {
        await using var db = await TestDatabase.CreateAsync(engine, postgres, s => s.AddSingleton<INotificationSender>(new RecordingSender()));
        var w = await TransferWorld.SeedAsync(db);
        var actors = new[] { w.OldAdmin, w.NewAdmin, w.ClientUser, w.OtherClientUser, w.OtherOfficeUser };
        var events = from step in TransferAggregateProperties.Steps from actor in Gen.Choose(0, actors.Length - 1) select (step, actor);
        var sequences = Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(events, n));

        var property = Prop.ForAll(Arb.From(sequences), sequence => RunAsync(db, w, actors, sequence).GetAwaiter().GetResult());
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
    }

    private static async Task<bool> RunAsync(TestDatabase db, TransferWorld w, UserView[] actors, (TransferAggregateProperties.Step Step, int Actor)[] sequence)
    {
        db.Clock.Reset(Instant.FromUtc(2026, 10, 20, 12, 0));
        var administration = await w.NewAdministrationAsync(db);
        var request = await db.InScopeAsync(sp => sp.GetRequiredService<TransferService>()
            .RequestAsync(ActingParty.User(w.NewAdmin.Id), w.Old.Id, w.New.Id, [administration.Id], w.ClientUser.Email));
        var executed = 0;
        foreach (var (step, index) in sequence)
        {
            var user = actors[index].Id;
            try
            {
                await db.InScopeAsync(sp =>
                {
                    var transfers = sp.GetRequiredService<TransferService>();
                    return step.Op switch
                    {
                        TransferAggregateProperties.Op.Advance => Task.Run(() => db.Clock.Advance(Duration.FromDays(step.Days))),
                        TransferAggregateProperties.Op.Consent => transfers.ConsentAsync(ActingParty.User(user), request.Id, step.Party),
                        TransferAggregateProperties.Op.Refuse => transfers.RefuseAsync(ActingParty.User(user), request.Id, step.Party, "nee"),
                        TransferAggregateProperties.Op.CancelByRequester or TransferAggregateProperties.Op.CancelByOther => transfers.CancelAsync(ActingParty.User(user), request.Id),
                        TransferAggregateProperties.Op.Expire => transfers.ExpireDueAsync(),
                        _ => ExecuteAsync(transfers, user, request.Id, () => executed++),
                    };
                });
            }
            catch (CollabRefusalException)
            {
                // Refusals are expected for wrong actors, repeats and closed requests.
            }
        }

        var stored = await db.InScopeAsync(sp => sp.GetRequiredService<ITransferStore>().FindRequestAsync(request.Id, CancellationToken.None));
        var trail = await World.AuditAsync(db, AuditSubject.Transfer(request.Id));
        var consents = trail.Where(r => r.Action == AuditAction.TransferConsented).ToList();
        var rightActors = consents.All(c =>
            (c.Details.StartsWith("party=Client;", StringComparison.Ordinal) && c.Actor == Actor.ClientUser(w.ClientUser.Id))
            || (c.Details.StartsWith("party=OldEnvironmentAdministrator;", StringComparison.Ordinal) && c.Actor == Actor.OfficeUser(w.OldAdmin.Id))
            || (c.Details.StartsWith("party=NewEnvironmentAdministrator;", StringComparison.Ordinal) && c.Actor == Actor.OfficeUser(w.NewAdmin.Id)));
        var closing = trail.Where(r => r.Action is AuditAction.TransferRefused or AuditAction.TransferCancelled or AuditAction.TransferExpired or AuditAction.TransferExecuted).ToList();
        var moved = (await db.InScopeAsync(sp => sp.GetRequiredService<IAdministrationStore>().FindAdministrationAsync(administration.Id, CancellationToken.None)))!.EnvironmentId == w.New.Id;

        return rightActors
               && consents.Select(c => c.Details.Split(';')[0]).Distinct().Count() == consents.Count // a party consents once
               && closing.Count <= 1 // nothing after a final state
               && executed <= 1
               && moved == (stored!.State == TransferState.Executed)
               && (stored.State != TransferState.Executed || (consents.Count == 3 && closing.Single().Action == AuditAction.TransferExecuted));
    }

    private static async Task ExecuteAsync(TransferService transfers, UserId user, TransferRequestId request, Action succeeded)
    {
        await transfers.ExecuteAsync(ActingParty.User(user), request, BillingParty.Client);
        succeeded();
    }
}

public sealed class TransferServicePropertiesOnSqlite() : TransferServiceProperties(Engine.Sqlite, null, cases: 40);

[Collection(PostgresCollection.Name)]
public sealed class TransferServicePropertiesOnPostgres(PostgresServer postgres) : TransferServiceProperties(Engine.Postgres, postgres, cases: 20);
