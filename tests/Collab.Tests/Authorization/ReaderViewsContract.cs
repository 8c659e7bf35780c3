using System.Collections;
using System.Reflection;
using System.Text;
using Collab.Lifecycle;
using Collab.Portal;
using Collab.Registry;
using Collab.Rights;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Authorization;

/// <summary>
/// SEC-6, as an attacker reads it: where readers differ, a reader's view carries nothing it may not see — not as a property,
/// and not as any text anywhere inside the view. Run unchanged on every engine.
/// </summary>
public abstract class ReaderViewsContract(Engine engine, PostgresServer? postgres)
{
    private const string HoldNote = "Belastingdienst boekenonderzoek — notitie kantoor";

    private Task<BooksWorld> NewWorldAsync() => BooksWorld.CreateAsync(engine, postgres);

    // R: SEC-6, RET-2
    [SkippableFact]
    public async Task SEC6_a_client_reads_that_a_legal_hold_stands_never_the_office_note()
    {
        await using var b = await NewWorldAsync();
        var held = b.W.HeldByOffice.Id; // of the company the client user was given
        await b.Run(sp => sp.GetRequiredService<RetentionService>().PlaceLegalHoldAsync(b.W.Desk, held, HoldNote));
        var client = ActingParty.User(b.W.ClientUser.Id);

        var office = await b.Run(sp => sp.GetRequiredService<CollabRegistry>().FindAdministrationAsync(b.W.Desk, held));
        Assert.Equal((true, HoldNote), (office!.UnderLegalHold, office.LegalHold));

        var found = await b.Run(sp => sp.GetRequiredService<CollabRegistry>().FindAdministrationAsync(client, held));
        var listed = (await b.Run(sp => sp.GetRequiredService<AccessService>().ListAsync(client))).Single(a => a.Id == held);
        foreach (var view in new[] { found!, listed })
        {
            Assert.Equal((true, (string?)null), (view.UnderLegalHold, view.LegalHold));
            Assert.DoesNotContain(Texts(view), t => t.Contains("boekenonderzoek", StringComparison.Ordinal));
        }
    }

    // R: SEC-6, RET-2
    [SkippableFact]
    public async Task SEC6_a_client_reads_that_its_deletion_is_blocked_never_why_the_office_holds_it()
    {
        await using var b = await NewWorldAsync();
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().SetOfficeModulesAsync(World.Vendor, b.W.Office.Id, OfficeModules.AccountantPackage));
        var r = await b.Run(sp => sp.GetRequiredService<ClientRegistrationService>().RegisterClientAsync(b.W.Desk, b.W.Office.Id,
            ClientRegistration.WithNewAdministration("Fietsenmaker Fok", "Fok Fietsen B.V.", $"fok.{Guid.NewGuid():N}@fok.nl", "inZicht", BillingParty.Client, TestDatabase.NextNumber(), "Fok 2026")));
        await World.AcceptAsync(b.Db, r.Invitation);
        b.Books.WriteBooks(r.Administration.Number, Encoding.UTF8.GetBytes("grootboek Fok"));
        var client = ActingParty.User(r.ClientUser.Id);
        var schedule = Assert.Single(await b.Run(sp => sp.GetRequiredService<SubscriptionService>().CancelSubscriptionAsync(client, r.Administration.ClientId)));
        await b.Run(sp => sp.GetRequiredService<RetentionService>().PlaceLegalHoldAsync(b.W.Desk, r.Administration.Id, HoldNote));
        b.Db.Clock.Reset(schedule.DueAt);
        await b.Run(sp => sp.GetRequiredService<RetentionPassService>().RunPassAsync());

        var forOffice = Assert.Single(await b.Run(sp => sp.GetRequiredService<RetentionService>().ListDeletionsAsync(b.W.Desk, r.Administration.Id)));
        Assert.Contains("boekenonderzoek", forOffice.BlockedReason, StringComparison.Ordinal);

        var forClient = Assert.Single(await b.Run(sp => sp.GetRequiredService<RetentionService>().ListDeletionsAsync(client, r.Administration.Id)));
        Assert.Equal((true, (string?)null), (forClient.IsBlocked, forClient.BlockedReason));
        Assert.DoesNotContain(Texts(forClient), t => t.Contains("boekenonderzoek", StringComparison.Ordinal));
        var administration = await b.Run(sp => sp.GetRequiredService<CollabRegistry>().FindAdministrationAsync(client, r.Administration.Id));
        Assert.DoesNotContain(Texts(administration!), t => t.Contains("boekenonderzoek", StringComparison.Ordinal));
    }

    // R: SEC-6, SHARE-10
    [SkippableFact]
    public async Task SEC6_a_client_and_the_public_sign_in_page_get_the_branding_never_the_office_reminder_templates()
    {
        await using var b = await NewWorldAsync();
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)));
        var slug = $"de-vries-{Guid.NewGuid():N}"[..30];
        var request = new HouseStyleRequest(slug, null, "#1A5276", "#1C1C1C", "#FFFFFF", "Welkom!", "Beste {client}, sjabloon-intern: {title} voor {deadline}",
            "Welcome!", "Dear {client}, template-internal: {title} by {deadline}");
        await b.Run(sp => sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(b.W.Desk, b.W.Office.Id, request));

        var own = await b.Run(sp => sp.GetRequiredService<HouseStyles>().HouseStyleForOfficeAsync(b.W.Desk, b.W.Office.Id));
        Assert.Equal((request.ReminderText, request.EnglishReminderText), (own!.ReminderText, own.EnglishReminderText)); // the office's editor has all

        var forClient = await b.Run(sp => sp.GetRequiredService<PortalService>().HouseStyleForClientAsync(ActingParty.User(b.W.ClientUser.Id), b.W.Office.Id, b.W.Client.Id));
        var forAnyone = await b.Run(sp => sp.GetRequiredService<PortalService>().FindBySlugAsync(slug));
        foreach (var branding in new[] { forClient!, forAnyone! })
        {
            Assert.Equal((slug, "Welkom!", "Welcome!"), (branding.Slug, branding.WelcomeTextFor(Collab.Texts.CollabTexts.Dutch), branding.WelcomeTextFor(Collab.Texts.CollabTexts.English)));
            Assert.DoesNotContain(Texts(branding), t => t.Contains("intern", StringComparison.Ordinal));
        }
    }

    // R: SEC-6, SHARE-7
    [SkippableFact]
    public async Task SEC6_a_document_view_names_no_blob_key_for_the_office_nor_the_client()
    {
        await using var b = await NewWorldAsync();
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)));
        var uploaded = await b.Run(sp => sp.GetRequiredService<PortalDocuments>().UploadDocumentAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, "jaarrekening.pdf", "application/pdf",
            new MemoryStream(TestDocuments.Pdf("jaarrekening"))));
        var stored = await b.Run(sp => sp.GetRequiredService<IPortalDocumentStore>().FindDocumentAsync(uploaded.Id));
        var (opened, content) = await b.Run(sp => sp.GetRequiredService<PortalDocuments>().OpenDocumentAsync(ActingParty.User(b.W.ClientUser.Id), uploaded.Id));
        await content.DisposeAsync();

        Assert.Equal(stored!.Sha256, opened.Sha256); // the fingerprint is the reader's to check
        foreach (var view in new object[] { uploaded, opened })
        {
            Assert.DoesNotContain(Texts(view), t => t.Contains(stored.BlobKey, StringComparison.Ordinal));
        }
    }

    /// <summary>Every text inside a view, however deep: its strings, and the strings of its records, lists and dictionaries.</summary>
    internal static List<string> Texts(object view)
    {
        var texts = new List<string>();
        Collect(view, texts, 0);
        return texts;
    }

    private static void Collect(object? value, List<string> texts, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                texts.Add(s);
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Collect(entry.Key, texts, depth + 1);
                    Collect(entry.Value, texts, depth + 1);
                }

                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Collect(item, texts, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth > 8 || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Collab", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Collect(property.GetValue(value), texts, depth + 1);
        }
    }
}

public sealed class ReaderViewsOnSqlite() : ReaderViewsContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class ReaderViewsOnPostgres(PostgresServer postgres) : ReaderViewsContract(Engine.Postgres, postgres);
