using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Collab.Deliverables;
using Collab.Persistence.EfCore;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Deliverables;

/// <summary>Deliverables — annual reports and tax returns — with their documents and figures (SHARE-13 … SHARE-15, TIER-3, AUD-1), on every engine.</summary>
public abstract class DeliverableContract(Engine engine, PostgresServer? postgres)
{
    private static readonly LocalDate Deadline = new(2026, 6, 30);

    internal static readonly FinancialFigures Figures = new(2025,
        new KeyFigures(1_000_000m, 400_000m, 120_000m, 90_000m, 300_000m, 800_000m, 350_000m, 200_000m, 50_000m),
        new KeyFigures(900_000m, 350_000m, 100_000m, 70_000m, 210_000m, 700_000m, 300_000m, 180_000m, 40_000m));

    private async Task<BooksWorld> AtTierAsync(ClientTier tier, Action<CollabOptions>? options = null)
    {
        var b = await BooksWorld.CreateAsync(engine, postgres, options);
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, tier, new LocalDate(2026, 1, 1)));
        return b;
    }

    private static Task<T> D<T>(BooksWorld b, Func<IServiceProvider, Task<T>> work) => b.Run(sp => work(sp));

    private static async Task<DeliverableOfficeView> OfficeViewAsync(BooksWorld b, DeliverableId id) =>
        Assert.IsType<DeliverableOfficeView>(await D(b, s => s.GetRequiredService<DeliverableQueries>().FindAsync(b.W.Desk, id)));

    internal static byte[] Pdf(string text) => TestDocuments.Pdf(text);

    /// <summary>Where a document's content lies: the store's row knows, no view does (SEC-6).</summary>
    private static async Task<string> BlobKeyAsync(BooksWorld b, DeliverableId deliverable, DocumentId document) =>
        (await b.Run(sp => sp.GetRequiredService<IDeliverableStore>().FindDeliverableAsync(deliverable))!)!.AllDocuments.Single(d => d.Id == document).BlobKey;

    private static async Task<(DeliverableOfficeView Draft, OfficeDocumentView Document)> DraftWithPdfAsync(BooksWorld b, DeliverableKind kind, ReportingPeriod period, string text = "jaarrekening 2025")
    {
        var draft = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, kind, period));
        var document = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(b.W.Desk, draft.Id, $"{kind}.pdf", "application/pdf", new MemoryStream(Pdf(text))));
        return (draft, document);
    }

    private static async Task<byte[]> ReadAsync(DocumentContent content)
    {
        using (content)
        {
            using var copy = new MemoryStream();
            await content.Content.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    // R: SHARE-13
    [SkippableFact]
    public async Task SHARE13_an_office_drafts_annual_reports_and_every_tax_return_for_its_own_period()
    {
        await using var b = await AtTierAsync(ClientTier.Collaborate);

        var drafts = new List<DeliverableOfficeView>();
        foreach (var (kind, period) in new[]
                 {
                     (DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025)), (DeliverableKind.IncomeTaxReturn, ReportingPeriod.FinancialYear(2025)),
                     (DeliverableKind.CorporateTaxReturn, ReportingPeriod.FinancialYear(2025)), (DeliverableKind.VatReturn, ReportingPeriod.Quarter(2026, 1)),
                     (DeliverableKind.VatReturn, ReportingPeriod.Month(2026, 2)),
                 })
        {
            drafts.Add(await D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, kind, period)));
        }

        Assert.Equal(["Jaarrekening 2025", "Aangifte inkomstenbelasting 2025", "Aangifte vennootschapsbelasting 2025", "Btw-aangifte 2026-Q1", "Btw-aangifte 2026-02"], drafts.Select(d => d.Title));
        Assert.Equal([ServiceLine.AnnualReport, ServiceLine.Fiscal, ServiceLine.Fiscal, ServiceLine.Fiscal, ServiceLine.Fiscal], drafts.Select(d => d.Line));
        var stored = await b.Run(sp => sp.GetRequiredService<VendorDbContext>().Set<Deliverable>().AsNoTracking().Where(d => d.Kind == DeliverableKind.VatReturn).OrderBy(d => d.Id).ToListAsync());
        Assert.Equal([ReportingPeriod.Quarter(2026, 1), ReportingPeriod.Month(2026, 2)], stored.Select(d => d.Period));

        var vatForAYear = await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.VatReturn, ReportingPeriod.FinancialYear(2025))));
        var deliverableForAQuarter = await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.Quarter(2025, 4))));
        var noPeriod = await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.IncomeTaxReturn, default)));
        Assert.All(new[] { vatForAYear, deliverableForAQuarter, noPeriod }, e => Assert.Equal("deliverable.period-mismatch", e.Code));
        Assert.Equal("deliverable.period-invalid", Assert.Throws<CollabRefusalException>(() => ReportingPeriod.Month(2026, 13)).Code);
        Assert.Equal(5, await b.Run(sp => sp.GetRequiredService<VendorDbContext>().Set<Deliverable>().CountAsync()));
    }

    // R: SHARE-13, TIER-3
    [SkippableTheory]
    [InlineData(ClientTier.Standard, ShareMode.TemporaryLink)]
    [InlineData(ClientTier.Collaborate, ShareMode.Approval)]
    [InlineData(ClientTier.CollaborateExtended, ShareMode.Approval)]
    public async Task SHARE13_TIER3_one_tier_sends_the_annual_report_and_the_tax_returns_through_one_channel(ClientTier tier, ShareMode channel)
    {
        await using var b = await AtTierAsync(tier);

        var modes = new List<ShareMode>();
        foreach (var (kind, period) in new[] { (DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025)), (DeliverableKind.IncomeTaxReturn, ReportingPeriod.FinancialYear(2025)), (DeliverableKind.VatReturn, ReportingPeriod.Quarter(2026, 1)) })
        {
            var (draft, _) = await DraftWithPdfAsync(b, kind, period);
            modes.Add((await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id, Deadline))).Mode);
        }

        Assert.Equal([channel, channel, channel], modes);
        Assert.DoesNotContain(DeliverableRoleTypes.All.SelectMany(t => t.GetMethods()), m => m.GetParameters().Any(p => p.ParameterType == typeof(ShareMode) || p.ParameterType == typeof(ShareMode?)));
    }

    // R: SHARE-14
    [SkippableFact]
    public async Task SHARE14_a_document_must_be_what_it_says_and_within_the_size_limit_and_a_refused_upload_leaves_nothing()
    {
        await using var b = await AtTierAsync(ClientTier.Collaborate, o => o.Portal.MaxDocumentBytes = 2048);
        var draft = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.CorporateTaxReturn, ReportingPeriod.FinancialYear(2025)));

        Task<OfficeDocumentView> Add(string name, string type, byte[] content) => D(b, s => s.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(b.W.Desk, draft.Id, name, type, new MemoryStream(content)));
        var renamedImage = await Assert.ThrowsAsync<CollabRefusalException>(() => Add("aangifte.pdf", "application/pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));
        var tooShort = await Assert.ThrowsAsync<CollabRefusalException>(() => Add("aangifte.pdf", "application/pdf", "%PD"u8.ToArray()));
        var tooLarge = await Assert.ThrowsAsync<CollabRefusalException>(() => Add("aangifte.pdf", "application/pdf", [.. Pdf("x"), .. new byte[4096]]));
        var wrongType = await Assert.ThrowsAsync<CollabRefusalException>(() => Add("aangifte.exe", "application/x-msdownload", Pdf("x")));
        var hiddenName = await Assert.ThrowsAsync<CollabRefusalException>(() => Add("aangifte\u202Efdp.exe", "application/pdf", Pdf("x")));
        var htmlBehindHeader = await Assert.ThrowsAsync<CollabRefusalException>(() => Add("aangifte.pdf", "application/pdf", TestDocuments.HtmlBehindPdfHeader("x"))); // R: SHARE-14, a %PDF- header alone is not a PDF
        var noPages = await Assert.ThrowsAsync<CollabRefusalException>(() => Add("aangifte.pdf", "application/pdf", TestDocuments.PdfWithoutPages()));

        Assert.Equal(["document.pdf-unreadable", "document.pdf-unreadable", "document.too-large", "document.content-type", "document.file-name.invisible-character", "document.pdf-unreadable", "document.pdf-unreadable"],
            new[] { renamedImage.Code, tooShort.Code, tooLarge.Code, wrongType.Code, hiddenName.Code, htmlBehindHeader.Code, noPages.Code });
        Assert.Equal((RefusalKind.InvalidInput, "SHARE-14"), (htmlBehindHeader.Kind, htmlBehindHeader.Refusal.RuleId));
        Assert.Contains("upload that file", htmlBehindHeader.Message, StringComparison.Ordinal); // says what to do
        Assert.Empty(Directory.EnumerateFiles(b.BlobRoot, "*", SearchOption.AllDirectories));
        Assert.Empty(((DeliverableOfficeView)(await D(b, s => s.GetRequiredService<DeliverableQueries>().FindAsync(b.W.Desk, draft.Id)))!).Documents);

        var added = await Add("Aangifte Vpb 2025.pdf", "Application/PDF", Pdf("vpb"));
        Assert.Equal((Pdf("vpb").Length, "application/pdf", 1), (checked((int)added.SizeBytes), added.ContentType, added.Revision));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf("vpb"))), added.Sha256);
        Assert.Equal(Pdf("vpb"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(b.W.Desk, draft.Id, added.Id)))); // the office downloads its own at any time
    }

    // R: SHARE-1, SEC-3 — the constant-time compare is not undone by a lookup that answers "no such id" faster or in other words.
    [SkippableFact]
    public async Task SHARE1_an_unknown_link_id_and_a_wrong_secret_get_the_identical_refusal_after_the_same_hash_comparison()
    {
        await using var b = await AtTierAsync(ClientTier.Standard);
        var (draft, document) = await DraftWithPdfAsync(b, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025));
        var shared = await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id));
        var id = Base64Url.DecodeFromChars(shared.LinkToken!)[..16];
        var wrongSecret = Base64Url.EncodeToString([.. id, .. RandomNumberGenerator.GetBytes(32)]);
        var unknownId = Base64Url.EncodeToString([.. Guid.CreateVersion7().ToByteArray(), .. RandomNumberGenerator.GetBytes(32)]);

        async Task<(Refusal Refusal, int Comparisons)> Refused(Func<IServiceProvider, Task> call)
        {
            var comparisons = TokenComparisons.Start();
            var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => b.Run(sp => call(sp)));
            return (refused.Refusal, comparisons.Value);
        }

        static void Identical((Refusal Refusal, int Comparisons) unknown, (Refusal Refusal, int Comparisons) wrong, string code)
        {
            Assert.Equal(code, unknown.Refusal.Code);
            Assert.Equal((unknown.Refusal.Kind, unknown.Refusal.Code, unknown.Refusal.Reason, unknown.Refusal.RuleId, unknown.Refusal.TextKey),
                (wrong.Refusal.Kind, wrong.Refusal.Code, wrong.Refusal.Reason, wrong.Refusal.RuleId, wrong.Refusal.TextKey));
            Assert.Equal(unknown.Refusal.Arguments ?? [], wrong.Refusal.Arguments ?? []);
            Assert.Equal((1, 1), (unknown.Comparisons, wrong.Comparisons)); // both hash the presented secret and compare it once
        }

        Identical(await Refused(s => s.GetRequiredService<DeliverableLinks>().OpenLinkAsync(unknownId)), await Refused(s => s.GetRequiredService<DeliverableLinks>().OpenLinkAsync(wrongSecret)), "link.unknown");
        Identical(await Refused(s => s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(unknownId)), await Refused(s => s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(wrongSecret)), "link.unknown");
        // A view not opened yet has no view hash: still the same comparison (against the dummy) and the same words as an unknown id.
        Identical(await Refused(s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(unknownId, document.Id)), await Refused(s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(wrongSecret, document.Id)), "link.view-unknown");

        var counted = TokenComparisons.Start();
        var view = await D(b, s => s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(shared.LinkToken!)); // the right token still works, after one comparison
        Assert.Equal(1, counted.Value);
        var wrongView = Base64Url.EncodeToString([.. id, .. RandomNumberGenerator.GetBytes(32)]);
        Identical(await Refused(s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(unknownId, document.Id)), await Refused(s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(wrongView, document.Id)), "link.view-unknown");
        Assert.NotEmpty(await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(view.ViewToken, document.Id))));
    }

    // R: SHARE-14, SHARE-1, SHARE-2
    [SkippableFact]
    public async Task SHARE14_a_link_hands_out_each_document_once_during_the_view_that_spends_it_and_nothing_after()
    {
        await using var b = await AtTierAsync(ClientTier.Standard);
        var (draft, document) = await DraftWithPdfAsync(b, DeliverableKind.IncomeTaxReturn, ReportingPeriod.FinancialYear(2025), "IB 2025");
        var shared = await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id));

        var landing = await D(b, s => s.GetRequiredService<DeliverableLinks>().OpenLinkAsync(shared.LinkToken!));
        Assert.Equal("Aangifte inkomstenbelasting 2025", landing.Title);
        var view = await D(b, s => s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(shared.LinkToken!));
        Assert.Equal([document.Id], view.Documents.Select(d => d.Id));
        Assert.Equal(b.Db.Clock.GetCurrentInstant() + Duration.FromMinutes(30), view.ViewEndsAt);
        Assert.NotEqual(shared.LinkToken, view.ViewToken);

        // The link itself is spent; its token opens no content either.
        Assert.Equal("link.spent", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableLinks>().OpenLinkAsync(shared.LinkToken!)))).Code);
        Assert.Equal("link.view-unknown", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(shared.LinkToken!, document.Id)))).Code);

        // Racing fetches of the one document: exactly one gets the content.
        var fetches = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try
            {
                return await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(view.ViewToken, document.Id)));
            }
            catch (CollabRefusalException e) when (e.Code == "link.document-taken")
            {
                return null;
            }
        }));
        Assert.Equal(Pdf("IB 2025"), Assert.Single(fetches, f => f is not null));
        Assert.Single(await World.AuditAsync(b.Db, AuditSubject.Deliverable(draft.Id)), r => r.Action == AuditAction.DocumentReadThroughLink);

        // A client user's own login gets nothing of a link share either (its channel is the link).
        Assert.Equal("deliverable.document-unknown", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(ActingParty.User(b.W.ClientUser.Id), draft.Id, document.Id)))).Code);
    }

    // R: SHARE-14, AUD-1
    [SkippableFact]
    public async Task SHARE14_a_revision_after_the_view_is_not_handed_out_through_the_old_view_and_a_replaced_draft_document_leaves_no_content()
    {
        await using var b = await AtTierAsync(ClientTier.Standard);
        var (draft, first) = await DraftWithPdfAsync(b, DeliverableKind.VatReturn, ReportingPeriod.Month(2026, 1), "januari");
        var draftBlob = Path.Combine(b.BlobRoot, await BlobKeyAsync(b, draft.Id, first.Id));
        var second = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(b.W.Desk, draft.Id, first.FileName, "application/pdf", new MemoryStream(Pdf("januari, verbeterd"))));
        Assert.False(File.Exists(draftBlob)); // replaced in the draft: gone

        var shared = await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id));
        var view = await D(b, s => s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(shared.LinkToken!));
        var revised = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(b.W.Desk, draft.Id, first.FileName, "application/pdf", new MemoryStream(Pdf("januari, versie 2"))));

        Assert.Equal("link.replaced", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(view.ViewToken, revised.Id)))).Code);
        Assert.Equal("link.replaced", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(view.ViewToken, second.Id)))).Code);
        Assert.True(File.Exists(Path.Combine(b.BlobRoot, await BlobKeyAsync(b, draft.Id, second.Id)))); // what the client saw stays for the office
        Assert.Equal(Pdf("januari, verbeterd"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(b.W.Desk, draft.Id, second.Id))));
    }

    // R: SHARE-14, RET-3
    [SkippableFact]
    public async Task SHARE14_an_ended_view_or_an_expired_link_yields_no_content()
    {
        await using var b = await AtTierAsync(ClientTier.Standard);
        var (first, firstDocument) = await DraftWithPdfAsync(b, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025));
        var (second, _) = await DraftWithPdfAsync(b, DeliverableKind.VatReturn, ReportingPeriod.Month(2026, 2));
        var firstLink = (await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, first.Id))).LinkToken!;
        var secondLink = (await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, second.Id))).LinkToken!;
        var view = await D(b, s => s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(firstLink));

        b.Db.Clock.Advance(Duration.FromMinutes(30));
        Assert.Equal("link.view-ended", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(view.ViewToken, firstDocument.Id)))).Code);
        b.Db.Clock.Advance(Duration.FromDays(14));
        Assert.Equal("link.expired", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(secondLink)))).Code);
    }

    // R: SHARE-15 — key figures stored as System.Text.Json text (what every release wrote: JSON numbers) read back
    // unchanged, to the cent and with their signs. Guards a change of mapping: EF Core 10's JSON complex type writes
    // decimals on SQLite as JSON strings and refuses these rows (docs/decisions.md).
    [SkippableFact]
    public async Task SHARE15_key_figures_stored_as_the_old_json_text_read_back_exactly()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var draft = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025)));
        var exact = Figures with { Current = Figures.Current with { Cash = 12_345.67m, NetResult = -0.01m, Revenue = 999_999_999_999_999.99m } };
        var old = System.Text.Json.JsonSerializer.Serialize(exact, System.Text.Json.JsonSerializerOptions.Default); // how 0.5 wrote them

        var updated = await b.Run(sp =>
        {
            var context = sp.GetRequiredService<VendorDbContext>();
            var entity = context.Model.FindEntityType(typeof(Deliverable))!;
            var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
            var value = engine == Engine.Postgres ? "CAST({0} AS jsonb)" : "{0}";
            var sql = "UPDATE " + table + " SET \"Figures\" = " + value; // names from the model, the value a parameter
            return context.Database.ExecuteSqlRawAsync(sql, old);
        });

        Assert.Equal(1, updated);
        Assert.Equal(exact, (await b.Run(sp => sp.GetRequiredService<IDeliverableStore>().FindDeliverableAsync(draft.Id)))!.Figures);
        await D(b, s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(b.W.Desk, draft.Id, Figures)); // and the row is written in the new shape from then on
        Assert.Equal(Figures, (await b.Run(sp => sp.GetRequiredService<IDeliverableStore>().FindDeliverableAsync(draft.Id)))!.Figures);
    }

    // R: SHARE-14 — issue 34: one source of time. Only the registered TimeProvider is moved (the plain FakeTimeProvider
    // API, no NodaTime clock in sight); the IClock the services read follows it, and the link expires.
    [SkippableFact]
    public async Task Advancing_the_registered_TimeProvider_alone_expires_a_link_the_services_read_one_time()
    {
        await using var b = await AtTierAsync(ClientTier.Standard);
        var (draft, _) = await DraftWithPdfAsync(b, DeliverableKind.VatReturn, ReportingPeriod.Month(2026, 2));
        var link = (await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id))).LinkToken!;
        var time = Assert.IsAssignableFrom<Microsoft.Extensions.Time.Testing.FakeTimeProvider>(b.Db.Services.GetRequiredService<TimeProvider>());
        var clock = b.Db.Services.GetRequiredService<IClock>();

        time.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Equal(time.GetUtcNow(), clock.GetCurrentInstant().ToDateTimeOffset());
        await D(b, s => s.GetRequiredService<DeliverableLinks>().OpenLinkAsync(link)); // a minute left: still open
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("link.expired", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(link)))).Code);
    }

    // R: SHARE-14, SHARE-5, SHARE-6
    [SkippableTheory]
    [InlineData(ClientTier.Collaborate, false)]
    [InlineData(ClientTier.CollaborateExtended, true)]
    public async Task SHARE14_SHARE5_an_approval_task_shows_its_documents_until_approved_then_only_the_permanent_portal_keeps_them(ClientTier tier, bool keptAfterApproval)
    {
        await using var b = await AtTierAsync(tier);
        var (draft, document) = await DraftWithPdfAsync(b, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "jaarrekening");
        await D(b, s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(b.W.Desk, draft.Id, Figures));
        var client = ActingParty.User(b.W.ClientUser.Id);
        var otherCompanysUser = ActingParty.User(b.W.ClientUserOfOtherCompany.Id);

        Assert.Equal(CollabAuthorization.RefusedCode, (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(client, draft.Id, document.Id)))).Code); // a draft does not exist for the client (SEC-3)
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id, Deadline));
        Assert.Equal(Pdf("jaarrekening"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(client, draft.Id, document.Id))));
        Assert.NotNull(await D(b, s => s.GetRequiredService<DeliverableQueries>().DashboardAsync(client, draft.Id)));
        Assert.Equal(CollabAuthorization.RefusedCode, (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(otherCompanysUser, draft.Id, document.Id)))).Code); // SEC-1

        await D(b, s => s.GetRequiredService<DeliverableSharing>().ApproveAsync(client, draft.Id));

        if (keptAfterApproval)
        {
            Assert.Equal(Pdf("jaarrekening"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(client, draft.Id, document.Id))));
            Assert.NotNull(await D(b, s => s.GetRequiredService<DeliverableQueries>().DashboardAsync(client, draft.Id)));
        }
        else
        {
            Assert.Equal("deliverable.document-unknown", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(client, draft.Id, document.Id)))).Code);
            Assert.Equal("deliverable.not-viewable", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().DashboardAsync(client, draft.Id)))).Code);
        }

        Assert.Equal(Pdf("jaarrekening"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(b.W.Desk, draft.Id, document.Id)))); // the office, always
    }

    // R: SHARE-14, SHARE-5, SHARE-6, SHARE-3
    [SkippableTheory]
    [InlineData(ClientTier.Collaborate)]
    [InlineData(ClientTier.CollaborateExtended)]
    public async Task SHARE14_a_client_gets_content_in_exactly_the_states_its_channel_allows_and_the_office_in_every_state(ClientTier tier)
    {
        await using var b = await AtTierAsync(tier);
        var client = ActingParty.User(b.W.ClientUser.Id);

        // One deliverable in every state an approval task can be in.
        async Task<(DeliverableOfficeView Draft, OfficeDocumentView Document)> InState(DeliverableState state, int year)
        {
            var (draft, document) = await DraftWithPdfAsync(b, DeliverableKind.IncomeTaxReturn, ReportingPeriod.FinancialYear(year), $"IB {year}");
            if (state != DeliverableState.Draft)
            {
                await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id, b.Db.Clock.GetCurrentInstant().InUtc().Date.PlusDays(state == DeliverableState.Expired ? 1 : 60)));
            }

            switch (state)
            {
                case DeliverableState.Viewed:
                    await D(b, s => s.GetRequiredService<DeliverableSharing>().RecordClientViewAsync(client, draft.Id));
                    break;
                case DeliverableState.Approved:
                    await D(b, s => s.GetRequiredService<DeliverableSharing>().ApproveAsync(client, draft.Id));
                    break;
                case DeliverableState.Rejected:
                    await D(b, s => s.GetRequiredService<DeliverableSharing>().RejectAsync(client, draft.Id, "Klopt niet"));
                    break;
            }

            return (draft, document);
        }

        var cases = new Dictionary<DeliverableState, (DeliverableOfficeView Draft, OfficeDocumentView Document)>();
        var year = 2010;
        foreach (var state in Enum.GetValues<DeliverableState>())
        {
            cases[state] = await InState(state, year++);
        }

        b.Db.Clock.Advance(Duration.FromDays(3)); // the short deadline passes
        Assert.Equal(1, await D(b, s => s.GetRequiredService<DeliverablePasses>().ExpireOverdueAsync()));

        foreach (var (state, (draft, document)) in cases)
        {
            var expected = state is DeliverableState.Shared or DeliverableState.Viewed || (state == DeliverableState.Approved && tier == ClientTier.CollaborateExtended);
            var got = await Record.ExceptionAsync(async () => await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(client, draft.Id, document.Id))));
            Assert.True(expected == got is null, $"{tier}, {state}: expected content {expected}, got {got?.Message ?? "content"}");
            Assert.Equal(Pdf($"IB {draft.Period.Year}"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(b.W.Desk, draft.Id, document.Id))));
        }
    }

    // R: SHARE-14
    [SkippableFact]
    public async Task SHARE14_tampered_stored_content_is_refused_as_corrupt_before_it_uses_up_the_one_fetch()
    {
        await using var b = await AtTierAsync(ClientTier.Standard);
        var (draft, document) = await DraftWithPdfAsync(b, DeliverableKind.VatReturn, ReportingPeriod.Quarter(2026, 1), "btw q1");
        var shared = await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id));
        var view = await D(b, s => s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(shared.LinkToken!));
        var path = Path.Combine(b.BlobRoot, await BlobKeyAsync(b, draft.Id, document.Id));
        var original = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, Pdf("btw q1 vervalst"));

        Assert.Equal("document.corrupt", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(view.ViewToken, document.Id)))).Code);
        Assert.Equal("document.corrupt", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(b.W.Desk, draft.Id, document.Id)))).Code);
        await File.WriteAllBytesAsync(path, original[..^1]); // cut short: the size no longer matches either
        Assert.Equal("document.corrupt", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(b.W.Desk, draft.Id, document.Id)))).Code);

        await File.WriteAllBytesAsync(path, original);
        Assert.Equal(original, await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableLinks>().ReadThroughLinkAsync(view.ViewToken, document.Id)))); // the fetch was not used up
    }

    // R: AUD-1, SHARE-14
    [SkippableFact]
    public async Task AUD1_an_approval_records_the_documents_seen_and_a_later_replacement_is_a_new_revision_to_approve_again()
    {
        await using var b = await AtTierAsync(ClientTier.Collaborate);
        var (draft, first) = await DraftWithPdfAsync(b, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), "versie 1");
        var client = ActingParty.User(b.W.ClientUser.Id);
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id, Deadline));
        Assert.Equal("deliverable.with-client", (await Assert.ThrowsAsync<CollabRefusalException>(() =>
            D(b, s => s.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(b.W.Desk, draft.Id, "AnnualReport.pdf", "application/pdf", new MemoryStream(Pdf("stiekem")))))).Code); // not while the client reviews
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ApproveAsync(client, draft.Id));
        Assert.Equal(first.Sha256, (await OfficeViewAsync(b, draft.Id)).ApprovedDocumentHashes);

        var replacement = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(b.W.Desk, draft.Id, "AnnualReport.pdf", "application/pdf", new MemoryStream(Pdf("versie 2"))));
        var revised = await OfficeViewAsync(b, draft.Id);

        Assert.Equal((2, DeliverableState.Draft, (string?)null), (revised.Revision, revised.State, revised.ApprovedDocumentHashes));
        Assert.Equal([replacement.Id], revised.Documents.Select(d => d.Id));
        Assert.Equal(2, replacement.Revision);
        Assert.Equal([(1, first.Sha256)], revised.Approvals.Select(a => (a.Revision, a.DocumentHashes))); // the office keeps what was approved (AUD-1)
        var trail = await World.AuditAsync(b.Db, AuditSubject.Deliverable(draft.Id));
        Assert.Contains(trail, r => r.Action == AuditAction.DeliverableApproved && r.Details.Contains($"revision=1;documents={first.Sha256}", StringComparison.Ordinal));
        Assert.Contains(trail, r => r.Action == AuditAction.DeliverableRevised && r.Details.Contains($"previousApproved={first.Sha256}", StringComparison.Ordinal));
        Assert.Equal(Pdf("versie 1"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(b.W.Desk, draft.Id, first.Id)))); // what was approved stays provable

        await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, draft.Id, Deadline.PlusDays(14)));
        Assert.Equal("deliverable.document-unknown", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(client, draft.Id, first.Id)))).Code);
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ApproveAsync(client, draft.Id));
        var again = await OfficeViewAsync(b, draft.Id);
        Assert.Equal(replacement.Sha256, again.ApprovedDocumentHashes);
        Assert.Equal([(1, first.Sha256), (2, replacement.Sha256)], again.Approvals.Select(a => (a.Revision, a.DocumentHashes)));
    }

    // R: SHARE-15
    [SkippableFact]
    public async Task SHARE15_figures_are_checked_kept_exactly_and_belong_to_annual_reports_only()
    {
        await using var b = await AtTierAsync(ClientTier.Collaborate);
        var deliverable = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025)));
        var vat = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.VatReturn, ReportingPeriod.Quarter(2025, 4)));

        var inconsistent = Figures with { Current = Figures.Current with { CurrentAssets = 900_000m } };
        var refused = await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(b.W.Desk, deliverable.Id, inconsistent)));
        Assert.Equal("figures.inconsistent", refused.Code);
        Assert.Contains("current assets (900000) are above total assets (800000)", refused.Message, StringComparison.Ordinal);
        Assert.Equal("figures.not-an-annual-report", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(b.W.Desk, vat.Id, Figures)))).Code);
        Assert.Equal("figures.wrong-year", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(b.W.Desk, deliverable.Id, Figures with { Year = 2024 })))).Code);
        Assert.Null(await D(b, s => s.GetRequiredService<DeliverableQueries>().DashboardAsync(b.W.Desk, deliverable.Id)));

        var exact = Figures with { Current = Figures.Current with { Revenue = 1_000_000.01m, Cash = 49_999.99m } };
        await D(b, s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(b.W.Desk, deliverable.Id, exact));
        var dashboard = (await D(b, s => s.GetRequiredService<DeliverableQueries>().DashboardAsync(b.W.Desk, deliverable.Id)))!.Value;

        Assert.Equal(exact, dashboard.Figures); // read back from the database digit for digit
        Assert.Equal(300_000m / 800_000m, dashboard.Current.Solvency.Value);
        Assert.Equal(37.5m, dashboard.ToSeries().Single(s => s.Key == "solvency").Points[1].Value);
        Assert.Equal([("2024", 900_000m), ("2025", 1_000_000.01m)], dashboard.ToSeries().Single(s => s.Key == "revenue").Points.Select(p => (p.Label, p.Value!.Value)));
    }
}

public sealed class DeliverablesOnSqlite() : DeliverableContract(Engine.Sqlite, null);

[Collection(PostgresCollection.Name)]
public sealed class DeliverablesOnPostgres(PostgresServer postgres) : DeliverableContract(Engine.Postgres, postgres);
