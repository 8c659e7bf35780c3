using Collab.Registry;
using Collab.Rights;
using Collab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Rights;

/// <summary>The rights slice (ONB-3, ONB-4, SEC-1, SEC-2, AUD-1), run unchanged on every engine.</summary>
public abstract class RightsContract(Engine engine, PostgresServer? postgres)
{
    protected Task<TestDatabase> NewDatabaseAsync() => TestDatabase.CreateAsync(engine, postgres);

    private static Task<RightsGrantView> GrantAsync(TestDatabase db, UserId user, OfficeId office, AdministrationId administration, GrantChannel channel = GrantChannel.Web) =>
        db.InScopeAsync(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(user), office, administration, channel));

    private static Task<RightsGrantView> RevokeAsync(TestDatabase db, UserId user, OfficeId office, AdministrationId administration) =>
        db.InScopeAsync(sp => sp.GetRequiredService<RightsService>().RevokeAsync(ActingParty.User(user), office, administration));

    private static Task<bool> OfficeMayAccessAsync(TestDatabase db, OfficeId office, AdministrationId administration) =>
        db.InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().OfficeMayAccessAsync(office, administration));

    private static Task<bool> UserMayAccessAsync(TestDatabase db, UserId user, AdministrationId administration) =>
        db.InScopeAsync(sp => sp.GetRequiredService<AccessService>().MayAccessAsync(ActingParty.User(user), administration));

    // R: ONB-3
    [SkippableFact]
    public async Task ONB3_client_grants_office_rights_and_the_administration_appears_in_the_office_list()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        Assert.False(await OfficeMayAccessAsync(db, w.Office.Id, w.Administration.Id));

        var grant = await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id, GrantChannel.Desktop);

        Assert.True(grant.IsActive);
        Assert.Equal(GrantChannel.Desktop, grant.Channel);
        Assert.True(await OfficeMayAccessAsync(db, w.Office.Id, w.Administration.Id));
        Assert.True(await UserMayAccessAsync(db, w.OfficeUser.Id, w.Administration.Id));
        var list = await db.InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().ListAccessibleAdministrationsAsync(w.Office.Id));
        Assert.Equal(new[] { w.Administration, w.HeldByOffice }.OrderBy(a => a.Number.Value).Select(a => a.Id), list); // ordered by number
    }

    // R: ONB-3
    [SkippableFact]
    public async Task ONB3_rights_can_be_granted_from_desktop_or_web_and_the_channel_is_recorded()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);

        await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id, GrantChannel.Desktop);
        await GrantAsync(db, w.ClientUser.Id, w.OtherOffice.Id, w.Administration.Id, GrantChannel.Web);

        var audit = await World.AuditAsync(db, AuditSubject.Administration(w.Administration.Id));
        var grants = audit.Where(r => r.Action == AuditAction.RightsGranted).Select(r => r.Details).ToList();
        Assert.Equal([$"office={w.Office.Id};channel=Desktop", $"office={w.OtherOffice.Id};channel=Web"], grants);
    }

    // R: ONB-4
    [SkippableFact]
    public async Task ONB4_revoking_ends_access_at_once_for_the_office_and_its_users()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);
        Assert.True(await UserMayAccessAsync(db, w.OfficeUser.Id, w.Administration.Id));

        db.Clock.Advance(Duration.FromMinutes(5));
        var revoked = await RevokeAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);

        Assert.False(revoked.IsActive);
        Assert.Equal(db.Clock.GetCurrentInstant(), revoked.RevokedAt);
        Assert.False(await OfficeMayAccessAsync(db, w.Office.Id, w.Administration.Id));
        Assert.False(await UserMayAccessAsync(db, w.OfficeUser.Id, w.Administration.Id));
        var list = await db.InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().ListAccessibleAdministrationsAsync(w.Office.Id));
        Assert.Equal([w.HeldByOffice.Id], list);
    }

    // R: ONB-4
    [SkippableFact]
    public async Task ONB4_rights_can_be_granted_again_after_a_revocation()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);
        await RevokeAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);

        var again = await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);

        Assert.True(again.IsActive);
        Assert.Null(again.RevokedAt);
        Assert.True(await OfficeMayAccessAsync(db, w.Office.Id, w.Administration.Id));
    }

    // R: SEC-1
    [SkippableFact]
    public async Task SEC1_an_office_sees_only_what_it_holds_or_was_granted()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);

        Assert.True(await OfficeMayAccessAsync(db, w.Office.Id, w.HeldByOffice.Id));
        Assert.False(await OfficeMayAccessAsync(db, w.OtherOffice.Id, w.Administration.Id));
        Assert.False(await OfficeMayAccessAsync(db, w.OtherOffice.Id, w.HeldByOffice.Id));
        Assert.False(await OfficeMayAccessAsync(db, w.Office.Id, w.OtherCompanyAdministration.Id));
        Assert.False(await OfficeMayAccessAsync(db, w.Office.Id, AdministrationId.New()));
        Assert.Empty(await db.InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().ListAccessibleAdministrationsAsync(w.OtherOffice.Id)));
    }

    // R: SEC-1
    [SkippableFact]
    public async Task SEC1_a_client_user_sees_only_the_companies_it_was_given()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);

        Assert.True(await UserMayAccessAsync(db, w.ClientUser.Id, w.Administration.Id));
        Assert.False(await UserMayAccessAsync(db, w.ClientUser.Id, w.OtherCompanyAdministration.Id));
        Assert.True(await UserMayAccessAsync(db, w.ClientUserOfOtherCompany.Id, w.OtherCompanyAdministration.Id));
        Assert.False(await UserMayAccessAsync(db, w.ClientUserOfOtherCompany.Id, w.Administration.Id));
        Assert.False(await UserMayAccessAsync(db, w.OtherClientUser.Id, w.Administration.Id));
        var forged = await Assert.ThrowsAsync<CollabRefusalException>(() => UserMayAccessAsync(db, UserId.New(), w.Administration.Id));
        Assert.Equal(CollabAuthorization.RefusedCode, forged.Code); // an unknown party is refused, not answered (SEC-3)

        var visible = await db.InScopeAsync(sp => sp.GetRequiredService<AccessService>().ListAsync(ActingParty.User(w.ClientUser.Id)));
        Assert.Equal(new[] { w.Administration.Id, w.HeldByOffice.Id }.OrderBy(id => id.Value), visible.Select(a => a.Id).OrderBy(id => id.Value));
        await Assert.ThrowsAsync<CollabRefusalException>(() => db.InScopeAsync(sp => sp.GetRequiredService<AccessService>().ListAsync(ActingParty.User(UserId.New()))));
    }

    // R: SEC-1, SEC-3
    [SkippableFact]
    public async Task SEC1_an_office_user_who_was_deactivated_sees_nothing_of_the_office_any_more()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);
        Assert.True(await UserMayAccessAsync(db, w.OfficeUser.Id, w.Administration.Id));

        await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, w.OfficeUser.Id));

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => UserMayAccessAsync(db, w.OfficeUser.Id, w.Administration.Id));
        Assert.Equal(CollabAuthorization.RefusedCode, refused.Code);
        await Assert.ThrowsAsync<CollabRefusalException>(() => db.InScopeAsync(sp => sp.GetRequiredService<AccessService>().ListAsync(ActingParty.User(w.OfficeUser.Id))));
        Assert.True(await OfficeMayAccessAsync(db, w.Office.Id, w.Administration.Id)); // the office itself keeps its rights
    }

    public static TheoryData<string> RefusedRequests() => new()
    {
        "unknown user", "unknown office", "unknown administration", "empty id", "user of another client",
        "user without that company", "office user", "grant twice", "revoke never granted", "revoke twice",
        "office holds it itself", "undefined channel",
    };

    // R: SEC-2
    [SkippableTheory]
    [MemberData(nameof(RefusedRequests))]
    public async Task SEC2_bad_requests_get_a_typed_refusal_with_a_reason_and_change_nothing(string request)
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);
        await GrantAsync(db, w.ClientUser.Id, w.OtherOffice.Id, w.Administration.Id);
        await RevokeAsync(db, w.ClientUser.Id, w.OtherOffice.Id, w.Administration.Id);
        var auditBefore = await World.AuditAsync(db, AuditSubject.Administration(w.Administration.Id));

        Func<Task> act = request switch
        {
            "unknown user" => () => GrantAsync(db, UserId.New(), w.Office.Id, w.Administration.Id),
            "unknown office" => () => GrantAsync(db, w.ClientUser.Id, OfficeId.New(), w.Administration.Id),
            "unknown administration" => () => GrantAsync(db, w.ClientUser.Id, w.Office.Id, AdministrationId.New()),
            "empty id" => () => RevokeAsync(db, w.ClientUser.Id, default, w.Administration.Id),
            "user of another client" => () => RevokeAsync(db, w.OtherClientUser.Id, w.Office.Id, w.Administration.Id),
            "user without that company" => () => RevokeAsync(db, w.ClientUserOfOtherCompany.Id, w.Office.Id, w.Administration.Id),
            "office user" => () => RevokeAsync(db, w.OfficeUser.Id, w.Office.Id, w.Administration.Id),
            "grant twice" => () => GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id),
            "revoke never granted" => () => RevokeAsync(db, w.ClientUser.Id, w.Office.Id, w.HeldByOffice.Id),
            "revoke twice" => () => RevokeAsync(db, w.ClientUser.Id, w.OtherOffice.Id, w.Administration.Id),
            "office holds it itself" => () => GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.HeldByOffice.Id),
            "undefined channel" => () => GrantAsync(db, w.ClientUser.Id, w.OtherOffice.Id, w.Administration.Id, (GrantChannel)42),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };

        var refusal = (await Assert.ThrowsAsync<CollabRefusalException>(act)).Refusal;

        var expectedKind = request switch
        {
            "unknown user" or "unknown office" or "unknown administration" => RefusalKind.NotFound,
            "user of another client" or "user without that company" or "office user" => RefusalKind.NotFound, // SEC-3: the same as unknown
            "empty id" or "undefined channel" => RefusalKind.InvalidInput,
            _ => RefusalKind.RuleViolation,
        };
        Assert.Equal(expectedKind, refusal.Kind);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Code));
        Assert.EndsWith(".", refusal.Reason);
        Assert.Contains(":", refusal.Reason); // every reason says what is wrong, then what to do
        Assert.Equal(auditBefore, await World.AuditAsync(db, AuditSubject.Administration(w.Administration.Id)));
        Assert.True(await OfficeMayAccessAsync(db, w.Office.Id, w.Administration.Id));
        Assert.False(await OfficeMayAccessAsync(db, w.OtherOffice.Id, w.Administration.Id));
    }

    // R: AUD-1
    [SkippableFact]
    public async Task AUD1_grants_and_revocations_are_recorded_with_actor_instant_and_subject()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        var grantedAt = db.Clock.GetCurrentInstant();
        await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id, GrantChannel.Desktop);
        db.Clock.Advance(Duration.FromDays(3));
        var revokedAt = db.Clock.GetCurrentInstant();
        await RevokeAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);

        var audit = await World.AuditAsync(db, AuditSubject.Administration(w.Administration.Id));

        var rights = audit.Where(r => r.Action is AuditAction.RightsGranted or AuditAction.RightsRevoked).ToList();
        Assert.Collection(rights,
            granted =>
            {
                Assert.Equal(AuditAction.RightsGranted, granted.Action);
                Assert.Equal(Actor.ClientUser(w.ClientUser.Id), granted.Actor);
                Assert.Equal(grantedAt, granted.At);
                Assert.Equal(AuditSubject.Administration(w.Administration.Id), granted.Subject);
                Assert.Contains(w.Office.Id.ToString(), granted.Details, StringComparison.Ordinal);
            },
            revoked =>
            {
                Assert.Equal(AuditAction.RightsRevoked, revoked.Action);
                Assert.Equal(Actor.ClientUser(w.ClientUser.Id), revoked.Actor);
                Assert.Equal(revokedAt, revoked.At);
            });
        Assert.Equal(AuditAction.AdministrationCreated, audit[0].Action); // creation is on record too
    }

    // R: SEC-2
    [SkippableFact]
    public async Task SEC2_concurrent_first_grants_of_one_pair_produce_exactly_one_grant()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);

        var attempts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);
                return (RefusalKind?)null;
            }
            catch (CollabRefusalException e)
            {
                return e.Kind;
            }
        })).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Contains(o!.Value, new[] { RefusalKind.RuleViolation, RefusalKind.ConcurrencyConflict }));
        var audit = await World.AuditAsync(db, AuditSubject.Administration(w.Administration.Id));
        Assert.Single(audit, r => r.Action == AuditAction.RightsGranted);
        Assert.True(await OfficeMayAccessAsync(db, w.Office.Id, w.Administration.Id));
    }

    // R: SEC-2
    [SkippableFact]
    public async Task SEC2_two_requests_that_both_saw_no_grant_cannot_both_insert_one()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await using var first = db.Services.CreateAsyncScope();
        await using var second = db.Services.CreateAsyncScope();
        foreach (var scope in new[] { first, second })
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IRightsStore>().FindGrantAsync(w.Office.Id, w.Administration.Id, CancellationToken.None));
            var administration = await scope.ServiceProvider.GetRequiredService<IAdministrationStore>().FindAdministrationAsync(w.Administration.Id, CancellationToken.None);
            scope.ServiceProvider.GetRequiredService<ICollabUnitOfWork>().Add(RightsGrant.Grant(w.Office.Id, administration!, w.ClientUser.Id, GrantChannel.Web, db.Clock.GetCurrentInstant()));
        }

        await first.ServiceProvider.GetRequiredService<ICollabUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<CollabRefusalException>(
            () => second.ServiceProvider.GetRequiredService<ICollabUnitOfWork>().SaveChangesAsync(CancellationToken.None));

        Assert.Equal(RefusalKind.ConcurrencyConflict, conflict.Kind);
        var audit = await World.AuditAsync(db, AuditSubject.Administration(w.Administration.Id));
        Assert.Single(audit, r => r.Action == AuditAction.RightsGranted); // the loser's audit row was not written either
    }

    // R: SEC-2
    [SkippableFact]
    public async Task SEC2_a_stale_copy_cannot_overwrite_a_newer_change()
    {
        await using var db = await NewDatabaseAsync();
        var w = await World.SeedAsync(db);
        await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);

        await using var staleScope = db.Services.CreateAsyncScope();
        var stale = await staleScope.ServiceProvider.GetRequiredService<IRightsStore>().FindGrantAsync(w.Office.Id, w.Administration.Id, CancellationToken.None);
        await RevokeAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);
        await GrantAsync(db, w.ClientUser.Id, w.Office.Id, w.Administration.Id);

        stale!.Revoke(w.ClientUser.Id, db.Clock.GetCurrentInstant()); // would wrongly end the newer grant
        var unitOfWork = staleScope.ServiceProvider.GetRequiredService<ICollabUnitOfWork>();
        var conflict = await Assert.ThrowsAsync<CollabRefusalException>(() => unitOfWork.SaveChangesAsync(CancellationToken.None));

        Assert.Equal(RefusalKind.ConcurrencyConflict, conflict.Kind);
        Assert.True(await OfficeMayAccessAsync(db, w.Office.Id, w.Administration.Id));
        var retried = await staleScope.ServiceProvider.GetRequiredService<IRightsStore>().FindGrantAsync(w.Office.Id, w.Administration.Id, CancellationToken.None);
        Assert.True(retried!.IsActive); // the failed change is no longer tracked: a reload sees the truth
    }
}

public sealed class RightsOnSqlite() : RightsContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class RightsOnPostgres(PostgresServer postgres) : RightsContract(Engine.Postgres, postgres);
