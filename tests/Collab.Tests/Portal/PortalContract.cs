using System.Text;
using Collab.Portal;
using Collab.Registry;
using Collab.Deliverables;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Portal;

/// <summary>The client portal (SHARE-6 … SHARE-10, TIER-8, SEC-1, SHARE-11, AUD-1), run unchanged on every engine.</summary>
public abstract class PortalContract(Engine engine, PostgresServer? postgres)
{

    private async Task<BooksWorld> AtTierAsync(ClientTier tier, Action<CollabOptions>? options = null)
    {
        var b = await BooksWorld.CreateAsync(engine, postgres, options);
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, tier, new LocalDate(2026, 1, 1)));
        return b;
    }

    private static Task<PortalDocumentView> UploadAsync(BooksWorld b, UserId user, CompanyId company, string name, byte[] content, string type = "application/pdf") =>
        b.Run(sp => sp.GetRequiredService<PortalDocuments>().UploadDocumentAsync(ActingParty.User(user), b.W.Office.Id, company, name, type, new MemoryStream(content)));

    private static Task<PortalPage> HistoryAsync(BooksWorld b, UserId user, PortalCursor? after = null, int size = 50, bool openOnly = false) =>
        b.Run(sp => sp.GetRequiredService<PortalService>().HistoryAsync(ActingParty.User(user), after, size, openOnly));

    private static async Task<DeliverableOfficeView> ShareDeliverableAsync(BooksWorld b, CompanyId company, string title)
    {
        var draft = await b.Run(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, company, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), title));
        return (await b.Run(sp => sp.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id, new LocalDate(2026, 6, 30)))).Deliverable;
    }

    // R: SHARE-6, TIER-8, SEC-1
    [SkippableFact]
    public async Task SHARE6_one_login_sees_the_history_of_every_company_it_may_reach_newest_first_and_nothing_else()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(World.Vendor, b.W.ClientUser.Id, b.W.OtherCompany.Id));
        var deliverable = await ShareDeliverableAsync(b, b.W.Company.Id, "Jaarrekening 2025 Bakkerij");
        b.Db.Clock.Advance(Duration.FromMinutes(1));
        var document = await UploadAsync(b, b.W.OfficeUser.Id, b.W.OtherCompany.Id, "aangifte-2025.pdf", TestDocuments.Pdf("vastgoed"));
        b.Db.Clock.Advance(Duration.FromMinutes(1));
        var batch = await b.Run(sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, "Vragen 2025"));
        await b.Run(sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(b.W.Desk, batch.Id, "aangifte IB", "Heeft u een nieuwe auto?"));
        await b.Run(sp => sp.GetRequiredService<QuestionBatches>().SendBatchAsync(b.W.Desk, batch.Id));

        var all = await HistoryAsync(b, b.W.ClientUser.Id);
        var narrow = await HistoryAsync(b, b.W.ClientUserOfOtherCompany.Id);
        var open = await HistoryAsync(b, b.W.ClientUser.Id, openOnly: true);
        var stranger = await HistoryAsync(b, b.W.OtherClientUser.Id);

        Assert.Equal([batch.Id.Value, document.Id.Value, deliverable.Id.Value], all.Items.Select(i => i.Id));
        Assert.Equal([PortalItemKind.QuestionBatch, PortalItemKind.Document, PortalItemKind.Deliverable], all.Items.Select(i => i.Kind));
        Assert.Equal([document.Id.Value], narrow.Items.Select(i => i.Id)); // only its own company (SEC-1)
        Assert.Equal([batch.Id.Value, deliverable.Id.Value], open.Items.Select(i => i.Id)); // the open actions
        Assert.Equal(new LocalDate(2026, 6, 30), open.Items[1].Deadline);
        Assert.Empty(stranger.Items);
    }

    // R: SHARE-6
    [SkippableFact]
    public async Task SHARE6_history_pages_follow_each_other_without_gaps_or_repeats_even_as_new_items_arrive()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await UploadAsync(b, b.W.OfficeUser.Id, b.W.Company.Id, $"bijlage-{i}.pdf", TestDocuments.Pdf($"bijlage {i}"))).Id.Value);
            if (i % 2 == 0)
            {
                b.Db.Clock.Advance(Duration.FromSeconds(1)); // some share an instant: the id breaks the tie
            }
        }

        var first = await HistoryAsync(b, b.W.ClientUser.Id, size: 3);
        await UploadAsync(b, b.W.OfficeUser.Id, b.W.Company.Id, "later.pdf", TestDocuments.Pdf("later")); // arrives between page reads
        var second = await HistoryAsync(b, b.W.ClientUser.Id, first.Next, 3);
        var third = await HistoryAsync(b, b.W.ClientUser.Id, second.Next, 3);

        var seen = first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Id).ToList();
        Assert.Equal(ids.Count, seen.Count);
        Assert.Equal(ids.Order(), seen.Order());
        Assert.Null(third.Next);
        Assert.Equal(seen, first.Items.Concat(second.Items).Concat(third.Items).OrderByDescending(i => i.SharedAt).ThenByDescending(i => i.Id).Select(i => i.Id));
    }

    // R: SHARE-6, SHARE-5, SHARE-11
    [SkippableFact]
    public async Task SHARE6_the_portal_is_for_Extended_clients_and_keeps_approved_reports_in_their_history()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var deliverable = await ShareDeliverableAsync(b, b.W.Company.Id, "Jaarrekening 2025");
        await b.Run(sp => sp.GetRequiredService<DeliverableSharing>().ApproveAsync(ActingParty.User(b.W.ClientUser.Id), deliverable.Id));

        var item = Assert.Single((await HistoryAsync(b, b.W.ClientUser.Id)).Items);
        Assert.Equal(("Approved", false), (item.Status, item.OpenAction));

        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, b.W.ClientUserOfOtherCompany.Id)); // Collaborate includes one user
        await b.Run(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, ClientTier.Collaborate));
        Assert.Empty((await HistoryAsync(b, b.W.ClientUser.Id)).Items); // no portal on Collaborate, checked at the moment (SHARE-11)
    }

    // R: SHARE-7, AUD-1
    [SkippableFact]
    public async Task SHARE7_documents_go_both_ways_with_their_checksum_and_the_content_reads_back_exactly()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var toClient = await UploadAsync(b, b.W.OfficeUser.Id, b.W.Company.Id, "jaarrekening.pdf", TestDocuments.Pdf("jaarrekening"));
        var toOffice = await UploadAsync(b, b.W.ClientUser.Id, b.W.Company.Id, "bonnetjes.csv", Encoding.UTF8.GetBytes("datum;bedrag\n2026-03-01;12.50"), "text/csv");

        var (meta, content) = await b.Run(sp => sp.GetRequiredService<PortalDocuments>().OpenDocumentAsync(ActingParty.User(b.W.ClientUser.Id), toClient.Id));
        using (content)
        {
            Assert.Equal(TestDocuments.Pdf("jaarrekening"), await ReadAllAsync(content));
        }

        Assert.Equal(DocumentDirection.ToClient, meta.Direction);
        Assert.Equal(DocumentDirection.ToOffice, toOffice.Direction);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestDocuments.Pdf("jaarrekening"))), toClient.Sha256);
        var (_, officeCopy) = await b.Run(sp => sp.GetRequiredService<PortalDocuments>().OpenDocumentAsync(ActingParty.User(b.W.OfficeUser.Id), toOffice.Id));
        using (officeCopy)
        {
            Assert.Equal(toOffice.SizeBytes, (await ReadAllAsync(officeCopy)).Length);
        }

        var stranger = await Assert.ThrowsAsync<CollabRefusalException>(() => b.Run(sp => sp.GetRequiredService<PortalDocuments>().OpenDocumentAsync(ActingParty.User(b.W.ClientUserOfOtherCompany.Id), toClient.Id)));
        Assert.Equal((CollabAuthorization.RefusedCode, "SEC-3"), (stranger.Code, stranger.Refusal.RuleId));
        var audit = await World.AuditAsync(b.Db, AuditSubject.Client(b.W.Client.Id));
        Assert.Equal(2, audit.Count(r => r.Action == AuditAction.DocumentUploaded));
    }

    // R: SHARE-7
    [SkippableFact]
    public async Task SHARE7_altered_content_is_detected_when_read()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var document = await UploadAsync(b, b.W.OfficeUser.Id, b.W.Company.Id, "jaarrekening.pdf", TestDocuments.Pdf("origineel"));
        var stored = await b.Run(sp => sp.GetRequiredService<IPortalDocumentStore>().FindDocumentAsync(document.Id)); // the view names no blob key (SEC-6)
        await File.WriteAllBytesAsync(Path.Combine(b.BlobRoot, stored!.BlobKey), TestDocuments.Pdf("vervalst!"));

        var (_, content) = await b.Run(sp => sp.GetRequiredService<PortalDocuments>().OpenDocumentAsync(ActingParty.User(b.W.ClientUser.Id), document.Id));
        using (content)
        {
            var corrupt = await Assert.ThrowsAsync<CollabRefusalException>(() => ReadAllAsync(content));
            Assert.Equal("document.corrupt", corrupt.Code);
        }
    }

    // R: SHARE-7, SEC-2
    [SkippableFact]
    public async Task SHARE7_a_refused_or_failed_upload_leaves_no_record_and_no_content()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended, o => o.Portal.MaxDocumentBytes = 2048);

        var tooLarge = await Assert.ThrowsAsync<CollabRefusalException>(() => UploadAsync(b, b.W.OfficeUser.Id, b.W.Company.Id, "groot.pdf", new byte[3000]));
        var wrongType = await Assert.ThrowsAsync<CollabRefusalException>(() => UploadAsync(b, b.W.OfficeUser.Id, b.W.Company.Id, "virus.exe", [1, 2], "application/x-msdownload"));
        var badName = await Assert.ThrowsAsync<CollabRefusalException>(() => UploadAsync(b, b.W.OfficeUser.Id, b.W.Company.Id, "../../etc/passwd", [1]));
        await Assert.ThrowsAsync<IOException>(() => b.Run(sp => sp.GetRequiredService<PortalDocuments>().UploadDocumentAsync(ActingParty.User(b.W.OfficeUser.Id), b.W.Office.Id, b.W.Company.Id, "half.pdf", "application/pdf", new BreaksAfter(1000))));

        Assert.Equal(["document.too-large", "document.content-type", "document.file-name-invalid"], new[] { tooLarge.Code, wrongType.Code, badName.Code });
        Assert.Empty(Directory.EnumerateFiles(b.BlobRoot, "*", SearchOption.AllDirectories));
        Assert.Empty((await HistoryAsync(b, b.W.ClientUser.Id)).Items);
    }

    // R: SHARE-14, SEC-2 — what clients upload is limited to types whose content is checked; a mismatch stores nothing.
    [SkippableFact]
    public async Task SHARE14_portal_uploads_must_be_what_their_type_says_and_a_mismatch_leaves_no_record_and_no_content()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var client = b.W.ClientUser.Id;
        var macros = TestDocuments.Package("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin");
        var refusals = new List<(string Case, string Code)>();
        foreach (var (name, type, content) in new (string, string, byte[])[]
                 {
                     ("rapport.pdf", "application/pdf", TestDocuments.HtmlBehindPdfHeader("pdf")),
                     ("rapport.pdf", "application/pdf", TestDocuments.Png()),
                     ("foto.png", "image/png", TestDocuments.Jpeg()),
                     ("foto.png", "image/png", [.. TestDocuments.Png()[..16], .. "<html>"u8.ToArray()]),
                     ("foto.png", "image/png", [.. TestDocuments.Png(), .. "<script>"u8.ToArray()]), // something behind the image's end
                     ("foto.jpg", "image/jpeg", TestDocuments.Png()),
                     ("foto.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF, .. "<html></html>"u8.ToArray()]),
                     ("lijst.csv", "text/csv", [.. "naam;bedrag\n"u8.ToArray(), 0x00, .. "x"u8.ToArray()]),
                     ("notitie.txt", "text/plain", [0x61, 0xC3, 0x28, 0x62]), // not UTF-8
                     ("notitie.txt", "text/plain", TestDocuments.Png()),
                     ("cijfers.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", TestDocuments.Docx()),
                     ("cijfers.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", macros),
                     ("brief.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", TestDocuments.Pdf("docx")),
                 })
        {
            var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => UploadAsync(b, client, b.W.Company.Id, name, content, type));
            Assert.Equal(RefusalKind.InvalidInput, refused.Kind);
            Assert.Equal("SHARE-14", refused.Refusal.RuleId);
            refusals.Add(($"{name} as {type}", refused.Code));
        }

        Assert.All(refusals, r => Assert.Contains(r.Code, new[] { "document.type-mismatch", "document.pdf-unreadable" }));
        Assert.Equal("document.pdf-unreadable", refusals[0].Code);
        Assert.Equal("document.content-type", (await Assert.ThrowsAsync<CollabRefusalException>(() => UploadAsync(b, client, b.W.Company.Id, "pakket.zip", TestDocuments.Xlsx(), "application/zip"))).Code);
        Assert.Empty(Directory.EnumerateFiles(b.BlobRoot, "*", SearchOption.AllDirectories));
        Assert.Empty((await HistoryAsync(b, client)).Items);

        // Every type on the list, with content that is what it says, is accepted and reads back exactly.
        foreach (var (name, type, content) in new (string, string, byte[])[]
                 {
                     ("rapport.pdf", "application/pdf", TestDocuments.Pdf("rapport")), ("foto.png", "image/png", TestDocuments.Png()),
                     ("foto.jpg", "image/jpeg", TestDocuments.Jpeg()), ("lijst.csv", "text/csv", "\uFEFFnaam;bedrag\nCafé ’t Hoekje;12,50\n"u8.ToArray()),
                     ("notitie.txt", "text/plain", "Graag de bonnetjes van maart."u8.ToArray()),
                     ("cijfers.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", TestDocuments.Xlsx()),
                     ("brief.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", TestDocuments.Docx()),
                 })
        {
            var document = await UploadAsync(b, client, b.W.Company.Id, name, content, type);
            var (_, stored) = await b.Run(sp => sp.GetRequiredService<PortalDocuments>().OpenDocumentAsync(ActingParty.User(b.W.OfficeUser.Id), document.Id));
            using (stored)
            {
                Assert.Equal(content, await ReadAllAsync(stored));
            }
        }

        Assert.Equal(PortalOptions.CheckedContentTypes.Count, (await HistoryAsync(b, client)).Items.Count);
    }

    // R: SHARE-7, SHARE-11
    [SkippableFact]
    public async Task SHARE7_document_exchange_needs_the_Extended_tier_at_the_moment_of_the_upload()
    {
        await using var b = await AtTierAsync(ClientTier.Collaborate);

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => UploadAsync(b, b.W.ClientUser.Id, b.W.Company.Id, "bon.pdf", [1]));

        Assert.Contains("DocumentExchange", refused.Message, StringComparison.Ordinal);
        Assert.Contains("CollaborateExtended", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(b.BlobRoot, "*", SearchOption.AllDirectories));
    }

    // R: SHARE-11, TIER-2
    [SkippableTheory]
    [InlineData(ClientTier.Standard)]
    [InlineData(ClientTier.Collaborate)]
    public async Task SHARE11_questions_and_questionnaires_need_the_Extended_tier_and_below_it_nothing_is_sent(ClientTier tier)
    {
        await using var b = await AtTierAsync(tier);
        var questions = (IServiceProvider sp) => sp.GetRequiredService<QuestionBatches>();
        var templates = (IServiceProvider sp) => sp.GetRequiredService<QuestionnaireTemplates>();

        var batch = await Assert.ThrowsAsync<CollabRefusalException>(() => b.Run(sp => questions(sp).StartBatchAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, "Vragen")));
        var template = await b.Run(sp => templates(sp).CreateTemplateAsync(b.W.Desk, b.W.Office.Id, "Aangifte IB 2025", Aangifte)); // the office's own template needs no client
        var outcome = Assert.Single(await b.Run(sp => templates(sp).SendAsync(b.W.Desk, template.Id, [b.W.Company.Id])));

        Assert.Equal($"Feature ClientQuestions is not included in tier {tier}: it needs tier CollaborateExtended or higher. Change the client's tier first.", batch.Message);
        Assert.Null(outcome.Questionnaire);
        Assert.Equal($"Feature PrepareByClientQuestionnaires is not included in tier {tier}: it needs tier CollaborateExtended or higher. Change the client's tier first.", outcome.Refusal!.Reason);
        Assert.Empty(await b.Run(sp => templates(sp).ProgressAsync(b.W.Desk, template.Id)));
        Assert.DoesNotContain(await b.DeliveredAsync(), n => n.Kind is NotificationKind.QuestionsSent or NotificationKind.QuestionnaireSent);
    }

    // R: SHARE-11, TIER-4
    [SkippableFact]
    public async Task SHARE11_a_batch_drafted_under_Extended_cannot_be_sent_after_a_downgrade()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, b.W.ClientUserOfOtherCompany.Id));
        var batch = await b.Run(sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, "Vragen"));
        await b.Run(sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(b.W.Desk, batch.Id, "jaarrekening", "Is de voorraad geteld?"));
        await b.Run(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, ClientTier.Collaborate)); // a draft waits for nobody

        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => b.Run(sp => sp.GetRequiredService<QuestionBatches>().SendBatchAsync(b.W.Desk, batch.Id)));

        Assert.Contains("ClientQuestions", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await b.DeliveredAsync(), n => n.Kind == NotificationKind.QuestionsSent);
    }

    // R: SHARE-8, AUD-1
    [SkippableFact]
    public async Task SHARE8_questions_for_several_services_go_out_as_one_batch_and_are_answered_one_by_one()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var batch = await b.Run(sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, "Vragen bij de jaarstukken 2025"));
        await b.Run(sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(b.W.Desk, batch.Id, "jaarrekening", "Is de voorraad per 31-12 geteld?"));
        await b.Run(sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(b.W.Desk, batch.Id, "aangifte Vpb", "Zijn er giften gedaan?"));
        await b.Run(sp => sp.GetRequiredService<QuestionBatches>().SendBatchAsync(b.W.Desk, batch.Id));

        var late = await Assert.ThrowsAsync<CollabRefusalException>(() => b.Run(sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(b.W.Desk, batch.Id, "btw", "Nog een vraag?")));
        var one = await b.Run(sp => sp.GetRequiredService<QuestionAnswers>().AnswerAsync(ActingParty.User(b.W.ClientUser.Id), batch.Id, 1, "Ja, op 31 december."));
        Assert.Equal(("1/2 answered", QuestionBatchState.Sent), (one.Status, one.State));
        var both = await b.Run(sp => sp.GetRequiredService<QuestionAnswers>().AnswerAsync(ActingParty.User(b.W.ClientUser.Id), batch.Id, 2, "Nee."));

        Assert.Equal("questions.already-sent", late.Code);
        Assert.Equal(QuestionBatchState.Answered, both.State);
        Assert.Equal(["jaarrekening", "aangifte Vpb"], both.Questions.Select(q => q.Service));
        var item = Assert.Single((await HistoryAsync(b, b.W.ClientUser.Id)).Items);
        Assert.Equal(("2/2 answered", false), (item.Status, item.OpenAction));
        var sent = await b.DeliveredAsync();
        Assert.Single(sent, n => n.Kind == NotificationKind.QuestionsSent && n.Recipient == b.W.ClientUser.Email); // one message for the whole batch
        var audit = await World.AuditAsync(b.Db, AuditSubject.Client(b.W.Client.Id));
        Assert.Contains(audit, r => r.Action == AuditAction.QuestionBatchSent && r.Details.Contains("services=jaarrekening,aangifte Vpb", StringComparison.Ordinal));
        Assert.Equal(2, audit.Count(r => r.Action == AuditAction.QuestionAnswered));
        var stranger = await Assert.ThrowsAsync<CollabRefusalException>(() => b.Run(sp => sp.GetRequiredService<QuestionAnswers>().AnswerAsync(ActingParty.User(b.W.ClientUserOfOtherCompany.Id), batch.Id, 1, "x")));
        Assert.Equal((CollabAuthorization.RefusedCode, "SEC-3"), (stranger.Code, stranger.Refusal.RuleId));
    }

    private static readonly QuestionnaireSection[] Aangifte =
    [
        new("auto", [new("auto-zaak", "Rijdt u een auto van de zaak?", AnswerType.YesNo), new("bijtelling", "Wat is de cataloguswaarde?", AnswerType.Amount)]),
        new("hypotheek", [new("rente", "Hoeveel hypotheekrente betaalde u?", AnswerType.Amount), new("datum", "Wanneer sloot u de hypotheek af?", AnswerType.Date),
            new("jaaropgave", "Upload de jaaropgave", AnswerType.File), new("toelichting", "Toelichting", AnswerType.Text, Required: false)]),
    ];

    // R: SHARE-9, AUD-1
    [SkippableFact]
    public async Task SHARE9_a_template_goes_to_many_clients_each_frozen_at_its_version_with_typed_answers_and_completion_per_client()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var otherCompany = b.W.OtherClientUser.Companies.Single();
        var template = await b.Run(sp => sp.GetRequiredService<QuestionnaireTemplates>().CreateTemplateAsync(b.W.Desk, b.W.Office.Id, "Aangifte IB 2025", Aangifte));

        var outcomes = await b.Run(sp => sp.GetRequiredService<QuestionnaireTemplates>().SendAsync(b.W.Desk, template.Id, [b.W.Company.Id, b.W.OtherCompany.Id, otherCompany]));
        await b.Run(sp => sp.GetRequiredService<QuestionnaireTemplates>().EditTemplateAsync(b.W.Desk, template.Id, "Aangifte IB 2025 (nieuw)", [Aangifte[0]]));

        Assert.Equal(2, outcomes.Count(o => o.Questionnaire is not null));
        Assert.Equal(CollabAuthorization.RefusedCode, outcomes.Single(o => o.Company == otherCompany).Refusal!.Code); // another office's client: reported as unknown, the others sent
        var sent = outcomes[0].Questionnaire!.Id;
        var received = (await b.Run(sp => sp.GetRequiredService<PortalReader>().FindQuestionnaireAsync(b.W.Desk, sent)))!;
        Assert.Equal(1, received.TemplateVersion);
        Assert.Equal(["auto", "hypotheek"], received.Sections.Select(s => s.ServicePart)); // the edit did not reach it

        Task<QuestionnaireView> Answer(string id, string value) => b.Run(sp => sp.GetRequiredService<QuestionAnswers>().AnswerQuestionnaireAsync(ActingParty.User(b.W.ClientUser.Id), sent, id, value));
        await Answer("auto-zaak", "Ja");
        await Answer("bijtelling", "45000.5");
        await Answer("rente", "8123.45");
        await Answer("datum", "2019-05-31");
        var badAmount = await Assert.ThrowsAsync<CollabRefusalException>(() => Answer("rente", "8.123,45"));
        var badDate = await Assert.ThrowsAsync<CollabRefusalException>(() => Answer("datum", "31-05-2019"));
        var notUploaded = await Assert.ThrowsAsync<CollabRefusalException>(() => Answer("jaaropgave", Guid.NewGuid().ToString()));
        var early = await Assert.ThrowsAsync<CollabRefusalException>(() => b.Run(sp => sp.GetRequiredService<QuestionAnswers>().CompleteQuestionnaireAsync(ActingParty.User(b.W.ClientUser.Id), sent)));
        var upload = await UploadAsync(b, b.W.ClientUser.Id, b.W.Company.Id, "jaaropgave-2025.pdf", TestDocuments.Pdf("jaaropgave 2025"));
        var answered = await Answer("jaaropgave", upload.Id.ToString());
        var completed = await b.Run(sp => sp.GetRequiredService<QuestionAnswers>().CompleteQuestionnaireAsync(ActingParty.User(b.W.ClientUser.Id), sent));

        Assert.Equal(["questionnaire.answer-invalid", "questionnaire.answer-invalid", "questionnaire.answer-invalid", "questionnaire.incomplete"],
            new[] { badAmount.Code, badDate.Code, notUploaded.Code, early.Code });
        Assert.Equal("45000.50", answered.Answers["bijtelling"]);
        Assert.Equal("yes", answered.Answers["auto-zaak"]);
        Assert.Equal(QuestionnaireState.Completed, completed.State);
        var progress = await b.Run(sp => sp.GetRequiredService<QuestionnaireTemplates>().ProgressAsync(b.W.Desk, template.Id));
        Assert.Equal([QuestionnaireState.Open, QuestionnaireState.Completed], progress.OrderBy(p => p.State).Select(p => p.State));
        Assert.All(progress, p => Assert.Equal(1, p.TemplateVersion));
        var audit = await World.AuditAsync(b.Db, AuditSubject.Client(b.W.Client.Id));
        Assert.Equal(2, audit.Count(r => r.Action == AuditAction.QuestionnaireSent));
        Assert.Single(audit, r => r.Action == AuditAction.QuestionnaireCompleted);
    }

    // R: SHARE-9, SHARE-4, SHARE-10
    [SkippableFact]
    public async Task SHARE9_questionnaire_reminders_follow_the_deadline_rule_once_even_with_two_schedulers_in_the_office_house_style()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        await b.Run(sp => sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(b.W.Desk, b.W.Office.Id,
            new HouseStyleRequest("de-vries", null, "#1A5276", "#1C1C1C", "#FFFFFF", "Welkom bij De Vries", "Beste {client}, wilt u '{title}' voor {deadline} invullen?")));
        var template = await b.Run(sp => sp.GetRequiredService<QuestionnaireTemplates>().CreateTemplateAsync(b.W.Desk, b.W.Office.Id, "Aangifte IB 2025", Aangifte));
        await b.Run(sp => sp.GetRequiredService<QuestionnaireTemplates>().SendAsync(b.W.Desk, template.Id, [b.W.Company.Id], new LocalDate(2026, 5, 1)));

        b.Db.Clock.Reset(new LocalDate(2026, 4, 28).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).ToInstant() - Duration.FromTicks(1));
        Assert.Equal(0, await b.Run(sp => sp.GetRequiredService<QuestionPasses>().SendDueRemindersAsync()));
        b.Db.Clock.Advance(Duration.FromTicks(1));
        var counts = await Task.WhenAll(
            b.Run(sp => sp.GetRequiredService<QuestionPasses>().SendDueRemindersAsync()),
            b.Run(sp => sp.GetRequiredService<QuestionPasses>().SendDueRemindersAsync()));

        Assert.Equal(1, counts.Sum());
        var reminder = Assert.Single(await b.DeliveredAsync(), n => n.Kind == NotificationKind.QuestionnaireReminder);
        Assert.Equal("Beste Bakkerij Bakker, wilt u 'Aangifte IB 2025' voor 1 mei 2026 invullen?", reminder.Text); // a Dutch date for a Dutch reader (TXT-1)
    }

    // R: SHARE-11, SHARE-4, TIER-2
    [SkippableFact]
    public async Task SHARE11_a_vendor_catalogue_without_deadline_reminders_sends_no_questionnaire_reminder()
    {
        var vendor = TierCatalogueOptions.CreateDefault();
        vendor.Collaborate!.Features.Remove(nameof(Feature.DeadlineReminders));
        vendor.CollaborateExtended!.Features.Remove(nameof(Feature.DeadlineReminders));
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended, o => o.Tiers = vendor);
        var template = await b.Run(sp => sp.GetRequiredService<QuestionnaireTemplates>().CreateTemplateAsync(b.W.Desk, b.W.Office.Id, "Aangifte IB 2025", Aangifte));
        await b.Run(sp => sp.GetRequiredService<QuestionnaireTemplates>().SendAsync(b.W.Desk, template.Id, [b.W.Company.Id], new LocalDate(2026, 5, 1)));

        b.Db.Clock.Reset(Instant.FromUtc(2026, 4, 29, 12, 0));

        Assert.Equal(0, await b.Run(sp => sp.GetRequiredService<QuestionPasses>().SendDueRemindersAsync()));
        Assert.Equal(0, await b.Run(sp => sp.GetRequiredService<QuestionPasses>().SendDueRemindersAsync()));
        Assert.DoesNotContain(await b.DeliveredAsync(), n => n.Kind == NotificationKind.QuestionnaireReminder);
    }

    // R: SHARE-10
    [SkippableFact]
    public async Task SHARE10_house_style_fields_are_validated_the_slug_is_unique_and_only_Extended_clients_see_it()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        Task<HouseStyleView> SetAsync(OfficeId office, HouseStyleRequest request) => b.Run(sp => sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(
            ActingParty.User(office == b.W.Office.Id ? b.W.OfficeUser.Id : b.W.OtherOfficeUser.Id), office, request));
        var good = new HouseStyleRequest("de-vries-administratie", "https://devries.example/logo.svg", "#1A5276", "#1C1C1C", "#FFFFFF", "Welkom!");

        var refusals = new[]
        {
            good with { Slug = "De Vries" }, good with { Slug = "-vries" }, good with { Slug = "de--vries" }, good with { Slug = "admin" },
            good with { PrimaryColour = "blue" }, good with { TextColour = "#DDDDDD" }, good with { PrimaryColour = "#F0F0F0" },
            good with { LogoReference = "http://devries.example/logo.svg" }, good with { ReminderText = "Beste {naam}" }, good with { WelcomeText = new string('x', 2001) },
        };
        var codes = new List<string>();
        foreach (var request in refusals)
        {
            codes.Add((await Assert.ThrowsAsync<CollabRefusalException>(() => SetAsync(b.W.Office.Id, request))).Code);
        }

        var style = await SetAsync(b.W.Office.Id, good);
        var taken = await Assert.ThrowsAsync<CollabRefusalException>(() => SetAsync(b.W.OtherOffice.Id, good with { Slug = "de-vries-administratie" }));

        Assert.Equal(["house-style.slug-invalid", "house-style.slug-invalid", "house-style.slug-invalid", "house-style.slug-reserved", "house-style.colour-invalid",
            "house-style.text-contrast", "house-style.primary-contrast", "house-style.logo-invalid", "house-style.reminder-placeholder", "house-style.welcome-too-long"], codes);
        Assert.Equal("house-style.slug-taken", taken.Code);
        Assert.Equal("#1A5276", style.PrimaryColour);
        Assert.Equal(b.W.Office.Id, (await b.Run(sp => sp.GetRequiredService<PortalService>().FindBySlugAsync("de-vries-administratie")))!.OfficeId);
        Assert.NotNull(await b.Run(sp => sp.GetRequiredService<PortalService>().HouseStyleForClientAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id)));
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, b.W.ClientUserOfOtherCompany.Id)); // Collaborate includes one user
        await b.Run(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, ClientTier.Collaborate));
        Assert.Null(await b.Run(sp => sp.GetRequiredService<PortalService>().HouseStyleForClientAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id)));
        Assert.Contains(await World.AuditAsync(b.Db, AuditSubject.Office(b.W.Office.Id)), r => r.Action == AuditAction.HouseStyleChanged);
    }

    // R: SHARE-10, SHARE-4, TXT-1
    [SkippableFact]
    public async Task SHARE10_deadline_reminders_of_Extended_clients_use_the_office_reminder_text_in_each_readers_language()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(World.Vendor, b.W.ClientUserOfOtherCompany.Id, b.W.Company.Id));
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().SetMyLanguageAsync(ActingParty.User(b.W.ClientUserOfOtherCompany.Id), "en"));
        await b.Run(sp => sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(b.W.Desk, b.W.Office.Id,
            new HouseStyleRequest("de-vries", null, "#1A5276", "#1C1C1C", "#FFFFFF", "Welkom", "Beste {client}, graag uw akkoord op '{title}' voor {deadline}.",
                "Welcome", "Dear {client}, please approve '{title}' by {deadline}.")));
        var placeholder = await Assert.ThrowsAsync<CollabRefusalException>(() => b.Run(sp => sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(b.W.Desk, b.W.Office.Id,
            new HouseStyleRequest("de-vries", null, "#1A5276", "#1C1C1C", "#FFFFFF", "Welkom", "Beste {client}", "Welcome", "Dear {klant}"))));
        Assert.Equal("house-style.reminder-placeholder", placeholder.Code); // checked in each language
        await ShareDeliverableAsync(b, b.W.Company.Id, "Jaarrekening 2025");
        b.Db.Clock.Reset(Instant.FromUtc(2026, 6, 28, 12, 0));

        await b.Run(sp => sp.GetRequiredService<DeliverablePasses>().SendDueRemindersAsync());

        var reminders = (await b.DeliveredAsync()).Where(n => n.Kind == NotificationKind.DeadlineReminder).ToDictionary(n => n.Recipient);
        Assert.Equal("Beste Bakkerij Bakker, graag uw akkoord op 'Jaarrekening 2025' voor 30 juni 2026.", reminders[b.W.ClientUser.Email].Text);
        Assert.Equal("Dear Bakkerij Bakker, please approve 'Jaarrekening 2025' by 2026-06-30.", reminders[b.W.ClientUserOfOtherCompany.Email].Text);
        var style = await b.Run(sp => sp.GetRequiredService<PortalService>().HouseStyleForClientAsync(ActingParty.User(b.W.ClientUser.Id), b.W.Office.Id, b.W.Client.Id));
        Assert.Equal(("Welkom", "Welcome"), (style!.WelcomeTextFor(Collab.Texts.CollabTexts.Dutch), style.WelcomeTextFor(Collab.Texts.CollabTexts.English)));
    }

    // R: SEC-1, SHARE-6, TIER-8
    [SkippableFact]
    public async Task SEC1_for_random_users_and_companies_the_portal_never_returns_an_item_of_a_company_the_user_may_not_reach()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var companies = new List<CompanyId> { b.W.Company.Id, b.W.OtherCompany.Id };
        for (var i = 0; i < 2; i++)
        {
            companies.Add((await b.Run(sp => sp.GetRequiredService<CollabRegistry>().AddCompanyAsync(b.W.Desk, b.W.Client.Id, $"Bakker Dochter {i} B.V."))).Id);
        }

        // The other office collaborates on Collaborate (no portal): its entries must never show either.
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(World.Vendor, b.W.OtherOffice.Id, b.W.Client.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1)));
        var items = new List<PortalItem>();
        await b.Run(async sp =>
        {
            var unitOfWork = sp.GetRequiredService<ICollabUnitOfWork>();
            for (var i = 0; i < 40; i++)
            {
                var item = PortalItem.Share((PortalItemKind)(1 + (i % 4)), Guid.CreateVersion7(), i % 5 == 0 ? b.W.OtherOffice.Id : b.W.Office.Id, b.W.Client.Id,
                    companies[i % companies.Count], $"item {i}", Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(i % 13), i % 3 == 0, null, "Shared");
                unitOfWork.Add(item);
                items.Add(item);
            }

            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        });

        var cases = from mask in Gen.Choose(1, (1 << companies.Count) - 1)
                    from pageSize in Gen.Choose(1, 9)
                    select (mask, pageSize);
        var property = Prop.ForAll(Arb.From(cases), c =>
        {
            var reach = companies.Where((_, i) => (c.mask & (1 << i)) != 0).ToList();
            var invited = b.Run(sp => sp.GetRequiredService<InvitationService>().InviteClientUserAsync(b.W.Desk, b.W.Client.Id, $"u{Guid.NewGuid():N}@bakker.nl", reach)).GetAwaiter().GetResult();
            var user = World.AcceptAsync(b.Db, invited).GetAwaiter().GetResult(); // homed at the office: it sees that office's items only (SEC-5)
            try
            {
                var seen = new List<PortalItemView>();
                PortalCursor? cursor = null;
                do
                {
                    var page = HistoryAsync(b, user.Id, cursor, c.pageSize).GetAwaiter().GetResult();
                    seen.AddRange(page.Items);
                    cursor = page.Next;
                }
                while (cursor is not null);

                var expected = items.Where(i => reach.Contains(i.CompanyId) && i.OfficeId == b.W.Office.Id).Select(i => i.Id).Order().ToList();
                return seen.All(i => reach.Contains(i.CompanyId) && i.OfficeId == b.W.Office.Id)
                       && seen.Select(i => i.Id).Order().SequenceEqual(expected);
            }
            finally
            {
                b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(b.W.Desk, user.Id)).GetAwaiter().GetResult();
            }
        });

        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A client's upload that breaks off: the connection drops after some bytes.</summary>
    private sealed class BreaksAfter(int bytes) : Stream
    {
        private int _left = bytes;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left <= 0)
            {
                throw new IOException("the client's connection dropped");
            }

            var n = Math.Min(count, _left);
            _left -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class PortalOnSqlite() : PortalContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class PortalOnPostgres(PostgresServer postgres) : PortalContract(Engine.Postgres, postgres);
