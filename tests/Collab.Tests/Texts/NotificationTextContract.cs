using Collab.Deliverables;
using Collab.Notifications;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Collab.Tests.Transfers;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Texts;

/// <summary>TXT-1 for notifications: each recipient's language, a subject line, a text and an HTML body, through the outbox on every engine.</summary>
public abstract class NotificationTextContract(Engine engine, PostgresServer? postgres)
{
    private readonly RecordingSender _sender = new();

    private async Task<(TestDatabase Db, World W)> WorldAsync(ClientTier tier)
    {
        var db = await TestDatabase.CreateAsync(engine, postgres, s => s.AddSingleton<INotificationSender>(_sender));
        var w = await World.SeedAsync(db);
        await db.InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, tier, new LocalDate(2026, 1, 1)));
        return (db, w);
    }

    private async Task<List<Notification>> DeliveredAsync(TestDatabase db)
    {
        await db.InScopeAsync(sp => sp.GetRequiredService<IOutboxDispatcher>().DispatchAsync(1000));
        return [.. _sender.Sent];
    }

    // R: TXT-1
    [SkippableFact]
    public async Task TXT1_a_notification_is_written_in_its_recipients_language_with_a_subject_line_and_an_encoded_HTML_body()
    {
        var (db, w) = await WorldAsync(ClientTier.Standard);
        await using (db)
        {
            await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().SetMyLanguageAsync(ActingParty.User(w.ClientUser.Id), "en-US"));
            var shared = await db.InScopeAsync(async sp =>
            {
                var draft = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "Jaarrekening <2025> & co");
                return await sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id);
            });
            await db.InScopeAsync(sp => sp.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(shared.LinkToken!));

            var sent = await DeliveredAsync(db);
            var ready = Assert.Single(sent, n => n.Kind == NotificationKind.DeliverableReady);
            Assert.Equal((w.ClientUser.Email, "en-GB", "Your document is ready"), (ready.Recipient, ready.Language, ready.Title));
            Assert.Equal("Your report 'Jaarrekening <2025> & co' is ready. The link works once, until 2026-04-12 00:00 UTC.", ready.Text);
            Assert.Equal("<p>Your report &#39;Jaarrekening &lt;2025&gt; &amp; co&#39; is ready. The link works once, until 2026-04-12 00:00 UTC.</p>", ready.Html);

            var viewed = Assert.Single(sent, n => n.Kind == NotificationKind.LinkViewed);
            Assert.Equal((w.OfficeUser.Email, "nl-NL", "De klant heeft de link geopend"), (viewed.Recipient, viewed.Language, viewed.Title)); // no choice made: Dutch
            Assert.Equal("De klant heeft 'Jaarrekening <2025> & co' via de link bekeken.", viewed.Text);
        }
    }

    // R: TXT-1, SHARE-3
    [SkippableFact]
    public async Task TXT1_dates_in_a_Dutch_notification_read_as_Dutch_dates_and_an_offices_language_reaches_its_new_users()
    {
        var (db, w) = await WorldAsync(ClientTier.Collaborate);
        await using (db)
        {
            await db.InScopeAsync(async sp =>
            {
                var draft = await sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, DeliverableKind.VatReturn, ReportingPeriod.Quarter(2026, 1));
                return await sp.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, draft.Id, new LocalDate(2026, 6, 30));
            });
            var request = Assert.Single(await DeliveredAsync(db), n => n.Kind == NotificationKind.ApprovalRequested);
            Assert.Equal("Wilt u 'Btw-aangifte 2026-Q1' bekijken en uiterlijk 30 juni 2026 akkoord geven?", request.Text);
            Assert.Equal("Ter akkoord", request.Title);

            await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeLanguageAsync(World.Vendor, w.Office.Id, "en"));
            var newcomer = await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().CreateOfficeUserAsync(World.Vendor, w.Office.Id, $"new.{Guid.NewGuid():N}@devries.nl"));
            Assert.Equal("en-GB", newcomer.Language);
            var colleague = await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().FindUserAsync(w.Desk, w.OfficeUser.Id));
            Assert.Equal("en-GB", colleague!.Language); // who had the office's language follows it
            await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().SetMyLanguageAsync(w.Desk, "nl"));
            await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeLanguageAsync(World.Vendor, w.Office.Id, null));
            Assert.Equal("nl-NL", (await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().FindUserAsync(w.Desk, w.OfficeUser.Id)))!.Language); // who chose keeps it
            Assert.Null((await db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().FindUserAsync(World.Vendor, newcomer.Id)))!.Language);
            var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().SetMyLanguageAsync(World.Vendor, "en")));
            Assert.Equal(CollabAuthorization.RefusedCode, refused.Code); // a platform party has no language of its own
        }
    }
}

public sealed class NotificationTextsOnSqlite() : NotificationTextContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class NotificationTextsOnPostgres(PostgresServer postgres) : NotificationTextContract(Engine.Postgres, postgres);
