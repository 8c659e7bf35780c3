using Collab.Notifications;
using Collab.Deliverables;
using Collab.Tests.Infrastructure;
using Collab.Tests.Transfers;
using Collab.Tiers;
using Collab.Transfers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Auditing;

/// <summary>
/// AUD-1: each happening is recorded exactly once, however many passes or instances race for it. Every background
/// pass runs twice at the same moment, from two app instances on one database, and the trail holds one row.
/// </summary>
public abstract class ExactlyOnceContract(Engine engine, PostgresServer? postgres)
{
    private static async Task RaceAsync(TestDatabase db, ServiceProvider other, Func<IServiceProvider, Task> pass)
    {
        async Task Run(IServiceProvider instance)
        {
            await Task.Yield();
            await using var scope = instance.CreateAsyncScope();
            await pass(scope.ServiceProvider);
        }

        await Task.WhenAll(Task.Run(() => Run(db.Services)), Task.Run(() => Run(other)));
    }

    // R: AUD-1, XFER-2, RET-3
    [SkippableFact]
    public async Task AUD1_two_transfer_expiry_passes_record_one_expiry()
    {
        var sent = new RecordingSender();
        await using var db = await TestDatabase.CreateAsync(engine, postgres, s => s.AddSingleton<INotificationSender>(sent));
        await using var other = db.NewInstance();
        var w = await TransferWorld.SeedAsync(db);
        var request = await db.InScopeAsync(sp => sp.GetRequiredService<TransferService>()
            .RequestAsync(ActingParty.User(w.NewAdmin.Id), w.Old.Id, w.New.Id, [w.A1.Id], w.ClientUser.Email));
        db.Clock.Reset(request.ExpiresAt + Duration.FromMinutes(1));

        await RaceAsync(db, other, sp => sp.GetRequiredService<TransferService>().ExpireDueAsync());
        await RaceAsync(db, other, sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync());

        Assert.Single(await World.AuditAsync(db, AuditSubject.Transfer(request.Id)), r => r.Action == AuditAction.TransferExpired);
        var expired = sent.Sent.Where(n => n.Kind == NotificationKind.TransferExpired).ToList();
        Assert.Equal(expired.Count, expired.Select(n => n.Recipient).Distinct().Count()); // each party told once
        Assert.NotEmpty(expired);
    }

    // R: AUD-1, SHARE-3, SHARE-4
    [SkippableFact]
    public async Task AUD1_two_reminder_passes_and_two_expiry_passes_record_one_reminder_and_one_expiry()
    {
        var sent = new RecordingSender();
        await using var db = await TestDatabase.CreateAsync(engine, postgres, s => s.AddSingleton<INotificationSender>(sent));
        await using var other = db.NewInstance();
        var w = await World.SeedAsync(db);
        await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, w.Office.Id, w.Client.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1)));
        await db.InScopeAsync(sp => sp.GetRequiredService<Collab.Registry.CollabRegistry>().DeactivateUserAsync(World.Vendor, w.ClientUserOfOtherCompany.Id));
        var deliverable = await db.InScopeAsync(async sp =>
        {
            var draft = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening 2025");
            return (await sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id, new LocalDate(2026, 4, 30))).Deliverable;
        });

        db.Clock.Reset(deliverable.ReminderDueAt!.Value + Duration.FromMinutes(1));
        await RaceAsync(db, other, sp => sp.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync());
        db.Clock.Reset(deliverable.DeadlinePassesAt!.Value + Duration.FromMinutes(1));
        await RaceAsync(db, other, sp => sp.GetRequiredService<DeliverablePasses>().ExpireOverdueAsync());
        await RaceAsync(db, other, sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync());

        var trail = await World.AuditAsync(db, AuditSubject.Deliverable(deliverable.Id));
        Assert.Single(trail, r => r.Action == AuditAction.ReminderSent);
        Assert.Single(trail, r => r.Action == AuditAction.DeliverableExpired);
        Assert.Single(sent.Sent, n => n.Kind == NotificationKind.DeadlineReminder && n.Recipient == w.ClientUser.Email);
    }
}

public sealed class ExactlyOnceOnSqlite() : ExactlyOnceContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class ExactlyOnceOnPostgres(PostgresServer postgres) : ExactlyOnceContract(Engine.Postgres, postgres);
