using System.Text.Json;
using Collab.Deliverables;
using Collab.Portal;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Collab.Tiers;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Tests.Deliverables;

/// <summary>
/// What a read hands a client of a deliverable (SEC-6, SHARE-5, SHARE-14, SHARE-15): a view made for it at that moment,
/// never the aggregate — on every engine, so the approvals kept per revision are read back from the database each time.
/// </summary>
public abstract class ClientViewContract(Engine engine, PostgresServer? postgres, int cases)
{
    private static readonly LocalDate Deadline = new(2026, 6, 30);

    private async Task<BooksWorld> AtTierAsync(ClientTier tier)
    {
        var b = await BooksWorld.CreateAsync(engine, postgres);
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, tier, new LocalDate(2026, 1, 1)));
        return b;
    }

    private static Task<T> D<T>(BooksWorld b, Func<IServiceProvider, Task<T>> work) => b.Run(sp => work(sp));

    // The client keeps one active user, so every tier allows it and a tier change is never refused for its users (TIER-4).
    private static async Task ChangeTierAsync(BooksWorld b, ClientTier tier)
    {
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, b.W.ClientUserOfOtherCompany.Id));
        Assert.Equal(TierChangeStatus.Changed, (await b.Run(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(b.W.Desk, b.W.Office.Id, b.W.Client.Id, tier))).Status);
    }

    private static ActingParty Client(BooksWorld b) => ActingParty.User(b.W.ClientUser.Id);

    private static FinancialFigures FiguresFor(int year, decimal revenue) =>
        DeliverableContract.Figures with { Year = year, Current = DeliverableContract.Figures.Current with { Revenue = revenue } };

    private static async Task<byte[]> ReadAsync(DocumentContent content)
    {
        using (content)
        {
            using var copy = new MemoryStream();
            await content.Content.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    private static Task<OfficeDocumentView> AddPdfAsync(BooksWorld b, DeliverableId id, string name, string text) =>
        D(b, s => s.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(b.W.Desk, id, name, "application/pdf", new MemoryStream(DeliverableContract.Pdf(text))));

    // An annual report for 2025 with one document and its figures: revision 1, a draft.
    private static async Task<(DeliverableOfficeView Deliverable, OfficeDocumentView Document)> DraftedAnnualReportAsync(BooksWorld b, string text, decimal revenue)
    {
        var deliverable = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025)));
        var document = await AddPdfAsync(b, deliverable.Id, "jaarrekening.pdf", text);
        await D(b, s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(b.W.Desk, deliverable.Id, FiguresFor(2025, revenue)));
        return (deliverable, document);
    }

    // The same, shared for approval.
    private static async Task<(DeliverableOfficeView Deliverable, OfficeDocumentView Document)> SharedAnnualReportAsync(BooksWorld b, string text, decimal revenue)
    {
        var drafted = await DraftedAnnualReportAsync(b, text, revenue);
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, drafted.Deliverable.Id, Deadline));
        return drafted;
    }

    private static async Task<DeliverableClientView?> FindForClientAsync(BooksWorld b, DeliverableId id) =>
        (DeliverableClientView?)await D(b, s => s.GetRequiredService<DeliverableQueries>().FindAsync(Client(b), id));

    private static async Task<DeliverableOfficeView> OfficeViewAsync(BooksWorld b, DeliverableId id) =>
        Assert.IsType<DeliverableOfficeView>(await D(b, s => s.GetRequiredService<DeliverableQueries>().FindAsync(b.W.Desk, id)));

    private static async Task<IReadOnlyList<DeliverableClientView>> ListForClientAsync(BooksWorld b) =>
        (await D(b, s => s.GetRequiredService<DeliverableQueries>().ListForCompanyAsync(Client(b), b.W.Company.Id))).Select(v => Assert.IsType<DeliverableClientView>(v)).ToList();

    // The whole view as a reader's program sees it: anything it carries, at any depth, is in this text.
    private static string Serialized(object? view) => JsonSerializer.Serialize(view);

    // R: SEC-6, SHARE-15, SHARE-1
    [SkippableFact]
    public async Task SEC6_SHARE15_a_Standard_client_gets_no_figures_in_any_read_including_the_links_confirmed_view()
    {
        await using var b = await AtTierAsync(ClientTier.Standard);
        var (deliverable, document) = await DraftedAnnualReportAsync(b, "jaarrekening 2025", DeliverableContract.Figures.Current.Revenue);
        var shared = await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, deliverable.Id));
        Assert.Equal(DeliverableContract.Figures, shared.Deliverable.Figures); // the office's own view has them

        var confirmed = await D(b, s => s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(shared.LinkToken!));
        var found = await FindForClientAsync(b, deliverable.Id);
        var listed = Assert.Single(await ListForClientAsync(b));

        Assert.Null(confirmed.Deliverable.Figures);
        Assert.Equal([document.Id], confirmed.Deliverable.Documents.Select(d => d.Id)); // the link's view: the shared revision's documents
        Assert.NotNull(found);
        Assert.All(new[] { found!, listed }, v => Assert.Null(v.Figures));
        Assert.All(new[] { found!, listed }, v => Assert.Empty(v.Documents)); // a link share is read through its link only (SHARE-14)
        Assert.All(new object[] { confirmed, found!, listed }, v => Assert.DoesNotContain("1000000", Serialized(v), StringComparison.Ordinal)); // no revenue at any depth
        Assert.Equal("deliverable.not-viewable", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().DashboardAsync(Client(b), deliverable.Id)))).Code);

        // The same reads once the client's tier includes the dashboard: the figures come with an approval task (control).
        await ChangeTierAsync(b, ClientTier.Collaborate);
        var task = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025)));
        await D(b, s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(b.W.Desk, task.Id, DeliverableContract.Figures));
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, task.Id, Deadline));
        Assert.Equal(DeliverableContract.Figures, (await FindForClientAsync(b, task.Id))!.Figures);
        Assert.Null((await FindForClientAsync(b, deliverable.Id))!.Figures); // still a link share: no portal channel for it
    }

    // R: SEC-6, SHARE-14
    [SkippableFact]
    public async Task SEC6_SHARE14_a_client_gets_no_documents_or_figures_of_other_revisions()
    {
        await using var b = await AtTierAsync(ClientTier.Collaborate);
        var (deliverable, first) = await SharedAnnualReportAsync(b, "versie 1", 1_000_001m);
        await D(b, s => s.GetRequiredService<DeliverableSharing>().RejectAsync(Client(b), deliverable.Id, "De voorraad klopt niet"));

        // The office corrects it: revision 2, with the first document carried over and a second one.
        var second = await AddPdfAsync(b, deliverable.Id, "toelichting.pdf", "toelichting");
        await D(b, s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(b.W.Desk, deliverable.Id, FiguresFor(2025, 1_000_002m)));
        Assert.Null(await FindForClientAsync(b, deliverable.Id)); // a revision in the works does not exist for the client
        Assert.Empty(await ListForClientAsync(b));
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, deliverable.Id, Deadline));

        var office = await OfficeViewAsync(b, deliverable.Id);
        var current = office.Documents.Select(d => d.Id).ToHashSet();
        var earlier = office.AllDocuments.Where(d => d.Revision == 1).Select(d => d.Id).ToList();
        Assert.Equal(2, current.Count);
        Assert.Equal([first.Id], earlier);

        var view = (await FindForClientAsync(b, deliverable.Id))!;
        Assert.Equal(current, view.Documents.Select(d => d.Id).ToHashSet());
        Assert.Equal(1_000_002m, view.Figures!.Current.Revenue);
        Assert.Equal(2, view.Revision);
        Assert.DoesNotContain(first.Id.Value.ToString(), Serialized(view), StringComparison.Ordinal);
        Assert.DoesNotContain("1000001", Serialized(view), StringComparison.Ordinal);
        Assert.Equal("deliverable.document-unknown", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(Client(b), deliverable.Id, first.Id)))).Code);
        Assert.Equal(DeliverableContract.Pdf("toelichting"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(Client(b), deliverable.Id, second.Id))));
        Assert.Equal(DeliverableContract.Pdf("versie 1"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(b.W.Desk, deliverable.Id, first.Id)))); // the office reads every revision
    }

    // R: SEC-6, AUD-1
    [SkippableFact]
    public async Task SEC6_a_client_gets_no_approved_hashes_it_did_not_approve()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var deliverable = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.IncomeTaxReturn, ReportingPeriod.FinancialYear(2025)));
        var first = await AddPdfAsync(b, deliverable.Id, "aangifte.pdf", "IB versie 1");
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, deliverable.Id, Deadline));
        Assert.DoesNotContain(first.Sha256, Serialized(await FindForClientAsync(b, deliverable.Id)), StringComparison.Ordinal); // not approved yet: no hash
        var approved = await D(b, s => s.GetRequiredService<DeliverableSharing>().ApproveAsync(Client(b), deliverable.Id));
        Assert.Equal(first.Sha256, Assert.Single(approved.ApprovedRevisions).DocumentHashes); // what it approved, it may see

        var second = await AddPdfAsync(b, deliverable.Id, "aangifte.pdf", "IB versie 2");
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, deliverable.Id, Deadline));
        var view = (await FindForClientAsync(b, deliverable.Id))!;
        Assert.Equal([(1, first.Sha256)], view.ApprovedRevisions.Select(r => (r.Revision, r.DocumentHashes)));
        Assert.DoesNotContain(second.Sha256, Serialized(view), StringComparison.Ordinal);
        Assert.DoesNotContain(second.Sha256, Serialized(await ListForClientAsync(b)), StringComparison.Ordinal);
        await D(b, s => s.GetRequiredService<DeliverableSharing>().RejectAsync(Client(b), deliverable.Id, "Nog niet goed"));
        Assert.DoesNotContain(second.Sha256, Serialized(await FindForClientAsync(b, deliverable.Id)), StringComparison.Ordinal); // rejected is not approved

        // A client that approves under Collaborate keeps no history, so no hashes either.
        await ChangeTierAsync(b, ClientTier.Collaborate);
        var other = await D(b, s => s.GetRequiredService<DeliverableAuthoring>().DraftAsync(b.W.Desk, b.W.Office.Id, b.W.Company.Id, DeliverableKind.VatReturn, ReportingPeriod.Quarter(2026, 1)));
        var vat = await AddPdfAsync(b, other.Id, "btw.pdf", "btw q1");
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, other.Id, Deadline));
        var decided = await D(b, s => s.GetRequiredService<DeliverableSharing>().ApproveAsync(Client(b), other.Id));
        Assert.DoesNotContain(vat.Sha256, Serialized(decided), StringComparison.Ordinal);
        Assert.DoesNotContain(first.Sha256, Serialized(await FindForClientAsync(b, deliverable.Id)), StringComparison.Ordinal); // and the history waits for the portal tier
    }

    // R: SHARE-5, SHARE-14, SEC-6
    [SkippableFact]
    public async Task SHARE5_SHARE14_a_Collaborate_client_gets_no_content_after_approving()
    {
        await using var b = await AtTierAsync(ClientTier.Collaborate);
        var (deliverable, document) = await SharedAnnualReportAsync(b, "jaarrekening", DeliverableContract.Figures.Current.Revenue);
        var before = (await FindForClientAsync(b, deliverable.Id))!;
        Assert.True(before.MayDecide);
        Assert.Equal([document.Id], before.Documents.Select(d => d.Id)); // control: the open task shows them
        Assert.NotNull(before.Figures);

        var approved = await D(b, s => s.GetRequiredService<DeliverableSharing>().ApproveAsync(Client(b), deliverable.Id));
        var found = (await FindForClientAsync(b, deliverable.Id))!;
        var listed = Assert.Single(await ListForClientAsync(b));

        foreach (var view in new[] { approved, found, listed })
        {
            Assert.Equal((DeliverableState.Approved, false), (view.State, view.MayDecide));
            Assert.Empty(view.Documents);
            Assert.Null(view.Figures);
            Assert.Empty(view.ApprovedRevisions);
            Assert.DoesNotContain(document.Id.Value.ToString(), Serialized(view), StringComparison.Ordinal);
            Assert.DoesNotContain(document.Sha256, Serialized(view), StringComparison.Ordinal);
        }

        Assert.Equal("deliverable.document-unknown", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(Client(b), deliverable.Id, document.Id)))).Code);
        Assert.Equal("deliverable.not-viewable", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().DashboardAsync(Client(b), deliverable.Id)))).Code);
        Assert.False(await D(b, s => s.GetRequiredService<DeliverableQueries>().ClientMayViewAsync(Client(b), deliverable.Id)));
    }

    // R: SHARE-5, SHARE-6, SHARE-14
    [SkippableFact]
    public async Task SHARE5_an_Extended_client_keeps_every_approved_revision_with_its_documents_also_after_the_office_revises_again()
    {
        await using var b = await AtTierAsync(ClientTier.CollaborateExtended);
        var (deliverable, first) = await SharedAnnualReportAsync(b, "versie 1", 1_000_001m);
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ApproveAsync(Client(b), deliverable.Id));

        // The office revises: revision 2 replaces the document and the figures.
        var second = await AddPdfAsync(b, deliverable.Id, "jaarrekening.pdf", "versie 2");
        await D(b, s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(b.W.Desk, deliverable.Id, FiguresFor(2025, 1_000_002m)));

        var during = (await FindForClientAsync(b, deliverable.Id))!; // the approved revision, not the one in the works
        Assert.Equal((DeliverableState.Approved, 1, false), (during.State, during.Revision, during.MayDecide));
        Assert.Equal([first.Id], during.Documents.Select(d => d.Id));
        Assert.Equal(1_000_001m, during.Figures!.Current.Revenue);
        Assert.Equal([(1, first.Sha256)], during.ApprovedRevisions.Select(r => (r.Revision, r.DocumentHashes)));
        Assert.DoesNotContain(second.Id.Value.ToString(), Serialized(during), StringComparison.Ordinal);
        Assert.DoesNotContain("1000002", Serialized(during), StringComparison.Ordinal);
        Assert.Equal(DeliverableContract.Pdf("versie 1"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(Client(b), deliverable.Id, first.Id))));
        Assert.Equal("deliverable.document-unknown", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(Client(b), deliverable.Id, second.Id)))).Code);
        Assert.Equal(1_000_001m, (await D(b, s => s.GetRequiredService<DeliverableQueries>().DashboardAsync(Client(b), deliverable.Id)))!.Value.Figures.Current.Revenue);
        Assert.Contains((await b.Run(sp => sp.GetRequiredService<PortalService>().HistoryAsync(Client(b)))).Items, i => i.Id == deliverable.Id.Value); // SHARE-6: still in the history (hidden items never reach a history page)

        // Revision 2 is shared and approved too, then the office starts revision 3.
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ShareAsync(b.W.Desk, deliverable.Id, Deadline));
        await D(b, s => s.GetRequiredService<DeliverableSharing>().ApproveAsync(Client(b), deliverable.Id));
        var approvedDocument = (await OfficeViewAsync(b, deliverable.Id)).Documents.Single().Id;
        await D(b, s => s.GetRequiredService<DeliverableAuthoring>().RemoveDocumentAsync(b.W.Desk, deliverable.Id, approvedDocument)); // revision 3 starts without it

        var after = (await FindForClientAsync(b, deliverable.Id))!;
        Assert.Equal([(1, first.Sha256), (2, second.Sha256)], after.ApprovedRevisions.Select(r => (r.Revision, r.DocumentHashes)));
        Assert.Equal([[first.Id], [second.Id]], after.ApprovedRevisions.Select(r => r.Documents.Select(d => d.Id).ToArray()));
        Assert.Equal([1_000_001m, 1_000_002m], after.ApprovedRevisions.Select(r => r.Figures!.Current.Revenue));
        Assert.Equal(2, after.Revision);
        Assert.Equal([second.Id], after.Documents.Select(d => d.Id));
        Assert.Equal(DeliverableContract.Pdf("versie 1"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(Client(b), deliverable.Id, first.Id))));
        Assert.Equal(DeliverableContract.Pdf("versie 2"), await ReadAsync(await D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(Client(b), deliverable.Id, second.Id))));
        Assert.Equal([1, 2], (await OfficeViewAsync(b, deliverable.Id)).Approvals.Select(a => a.Revision)); // read back from the store: both approvals kept

        // The history is the permanent portal's: while the tier has none, it shows nothing (SHARE-11).
        await ChangeTierAsync(b, ClientTier.Collaborate);
        Assert.Null(await FindForClientAsync(b, deliverable.Id));
        Assert.Equal("tier.feature-not-included", (await Assert.ThrowsAsync<CollabRefusalException>(() => D(b, s => s.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(Client(b), deliverable.Id, first.Id)))).Code);
    }

    private enum Act
    {
        DraftAnnualReport,
        DraftVatReturn,
        AddDocument,
        SetFigures,
        Share,
        ClientViews,
        ConfirmLink,
        Approve,
        Reject,
        ToStandard,
        ToCollaborate,
        ToExtended,
    }

    /// <summary>What the test knows of one deliverable, from what its own calls did (not from Collab's client reads).</summary>
    private sealed class Model(DeliverableId id, DeliverableKind kind, int year)
    {
        public DeliverableId Id { get; } = id;

        public DeliverableKind Kind { get; } = kind;

        public int Year { get; } = year;

        public int Revision { get; set; } = 1;

        public DeliverableState State { get; set; } = DeliverableState.Draft;

        public ShareMode? Mode { get; set; }

        public string? LinkToken { get; set; }

        public Dictionary<int, FinancialFigures?> Figures { get; } = new() { [1] = null };

        public List<(int Revision, ClientTier TierAtApproval)> Approvals { get; } = [];

        // A change after the deliverable left the draft opens the next revision (SHARE-14's docs: Approved, Rejected and Expired are final for their revision).
        public void ChangedByOffice()
        {
            if (State != DeliverableState.Draft)
            {
                Revision++;
                Figures[Revision] = Figures[Revision - 1];
                (State, Mode, LinkToken) = (DeliverableState.Draft, null, null);
            }
        }
    }

    // R: SEC-6, SHARE-5, SHARE-14, SHARE-15, TIER-2
    [SkippableFact]
    public async Task SEC6_SHARE5_SHARE14_every_client_read_holds_only_what_the_client_may_see_at_that_moment_over_any_sequence_of_actions()
    {
        await using var b = await BooksWorld.CreateAsync(engine, postgres);
        // The office's steps and the client's answers come more often than tier changes, so sequences reach approvals, revisions and history.
        var act = Gen.Frequency(
            (2, Gen.Elements(Act.DraftAnnualReport, Act.DraftVatReturn)), (3, Gen.Constant(Act.AddDocument)), (1, Gen.Constant(Act.SetFigures)),
            (3, Gen.Constant(Act.Share)), (1, Gen.Elements(Act.ClientViews, Act.ConfirmLink)), (3, Gen.Constant(Act.Approve)), (1, Gen.Constant(Act.Reject)),
            (2, Gen.Elements(Act.ToStandard, Act.ToCollaborate, Act.ToExtended)));
        var sequences = Gen.Sized(size => Gen.Choose(1, Math.Min(size + 2, 24))).SelectMany(n => Gen.ArrayOf(act, n))
            .SelectMany(acts => Gen.ArrayOf(Gen.Choose(0, 2), acts.Length).Select(picks => (acts, picks)));
        var property = Prop.ForAll(Arb.From(sequences), run => RunAsync(b, run.acts, run.picks).GetAwaiter().GetResult());
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
    }

    private static async Task RunAsync(BooksWorld b, Act[] acts, int[] picks)
    {
        var w = await World.SeedAsync(b.Db);
        var client = ActingParty.User(w.ClientUser.Id);
        await b.Run(sp => sp.GetRequiredService<CollabRegistry>().DeactivateUserAsync(World.Vendor, w.ClientUserOfOtherCompany.Id)); // one user: every tier allows it
        var tier = ClientTier.Collaborate;
        await b.Run(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, tier, new LocalDate(2026, 1, 1)));
        var made = new List<Model>();
        var year = 2000;
        var revenue = 1_000_000m;
        var step = 0;

        async Task<bool> TryAsync(Func<IServiceProvider, Task> work)
        {
            try
            {
                await b.Run(sp => work(sp));
                return true;
            }
            catch (CollabRefusalException)
            {
                return false; // refused: nothing changed (SEC-2), so the model stays as it is
            }
        }

        foreach (var (act, pick) in acts.Zip(picks))
        {
            step++;
            var target = made.Count == 0 ? null : made[pick % made.Count];
            switch (act)
            {
                case Act.DraftAnnualReport or Act.DraftVatReturn:
                    var kind = act == Act.DraftAnnualReport ? DeliverableKind.AnnualReport : DeliverableKind.VatReturn;
                    var period = kind == DeliverableKind.AnnualReport ? ReportingPeriod.FinancialYear(++year) : ReportingPeriod.Quarter(++year, 1);
                    var draft = await b.Run(sp => sp.GetRequiredService<DeliverableAuthoring>().DraftAsync(w.Desk, w.Office.Id, w.Company.Id, kind, period));
                    made.Add(new Model(draft.Id, kind, year));
                    break;
                case Act.AddDocument when target is not null:
                    var name = $"stuk-{pick}.pdf"; // the same name now and then: a replacement
                    if (await TryAsync(s => s.GetRequiredService<DeliverableAuthoring>().AddDocumentAsync(w.Desk, target.Id, name, "application/pdf", new MemoryStream(DeliverableContract.Pdf($"stap {step}")))))
                    {
                        target.ChangedByOffice();
                    }

                    break;
                case Act.SetFigures when target is { Kind: DeliverableKind.AnnualReport }:
                    var figures = FiguresFor(target.Year, revenue += 1m);
                    if (await TryAsync(s => s.GetRequiredService<DeliverableAuthoring>().SetFiguresAsync(w.Desk, target.Id, figures)))
                    {
                        target.ChangedByOffice();
                        target.Figures[target.Revision] = figures;
                    }

                    break;
                case Act.Share when target is not null:
                    ShareResult? shared = null;
                    if (await TryAsync(async s => shared = await s.GetRequiredService<DeliverableSharing>().ShareAsync(w.Desk, target.Id, new LocalDate(2030, 12, 31))))
                    {
                        (target.State, target.Mode, target.LinkToken) = (DeliverableState.Shared, shared!.Mode, shared.LinkToken);
                    }

                    break;
                case Act.ClientViews when target is not null:
                    if (await TryAsync(s => s.GetRequiredService<DeliverableSharing>().RecordClientViewAsync(client, target.Id)) && target is { State: DeliverableState.Shared, Mode: ShareMode.Approval }) // a link share is viewed through its link only
                    {
                        target.State = DeliverableState.Viewed;
                    }

                    break;
                case Act.ConfirmLink when target is { LinkToken: { } token }:
                    ConfirmedView? confirmed = null;
                    if (await TryAsync(async s => confirmed = await s.GetRequiredService<DeliverableLinks>().ConfirmViewAsync(token)))
                    {
                        target.State = DeliverableState.Viewed;
                        await CheckLinkViewAsync(b, w, target, tier, confirmed!);
                    }

                    target.LinkToken = null; // spent, or refused for good
                    break;
                case Act.Approve when target is not null:
                    if (await TryAsync(s => s.GetRequiredService<DeliverableSharing>().ApproveAsync(client, target.Id)))
                    {
                        target.State = DeliverableState.Approved;
                        target.Approvals.Add((target.Revision, tier));
                    }

                    break;
                case Act.Reject when target is not null:
                    if (await TryAsync(s => s.GetRequiredService<DeliverableSharing>().RejectAsync(client, target.Id, "Klopt niet")))
                    {
                        target.State = DeliverableState.Rejected;
                    }

                    break;
                case Act.ToStandard or Act.ToCollaborate or Act.ToExtended:
                    var to = act switch { Act.ToStandard => ClientTier.Standard, Act.ToCollaborate => ClientTier.Collaborate, _ => ClientTier.CollaborateExtended };
                    try
                    {
                        var outcome = await b.Run(sp => sp.GetRequiredService<TierService>().ChangeTierAsync(w.Desk, w.Office.Id, w.Client.Id, to));
                        tier = outcome.Status == TierChangeStatus.Changed ? to : tier;
                    }
                    catch (CollabRefusalException e) when (e.Kind == RefusalKind.RuleViolation)
                    {
                        // TIER-4: open work keeps the tier
                    }

                    break;
            }

            await CheckClientReadsAsync(b, w, made, tier, $"after step {step} ({act}) at {tier}");
        }
    }

    // The oracle, from DOMAIN.md's words. TIER-2: the dashboard and approvals come with Collaborate and Extended, the permanent
    // portal with Extended only. SHARE-14: content only in an open approval task (tier shares and approves now) or in the
    // permanent history. SHARE-5: an Extended approval stays, every approved revision with its documents, also after a revision.
    private static (HashSet<int> Readable, int[] History) Oracle(Model m, ClientTier tier)
    {
        var approves = tier is ClientTier.Collaborate or ClientTier.CollaborateExtended;
        var portal = tier == ClientTier.CollaborateExtended;
        var openTask = m.Mode == ShareMode.Approval && m.State is DeliverableState.Shared or DeliverableState.Viewed && approves;
        var history = portal ? m.Approvals.Where(a => a.TierAtApproval == ClientTier.CollaborateExtended).Select(a => a.Revision).ToArray() : [];
        var readable = history.ToHashSet();
        if (openTask)
        {
            readable.Add(m.Revision);
        }

        return (readable, history);
    }

    private static async Task CheckClientReadsAsync(BooksWorld b, World w, List<Model> made, ClientTier tier, string when)
    {
        var client = ActingParty.User(w.ClientUser.Id);
        var dashboard = tier is ClientTier.Collaborate or ClientTier.CollaborateExtended;
        var listed = (await b.Run(sp => sp.GetRequiredService<DeliverableQueries>().ListForCompanyAsync(client, w.Company.Id))).ToDictionary(v => v.Id);
        foreach (var m in made)
        {
            // Facts of what exists — which document belongs to which revision, its hash — from the office's own view (SHARE-14: all of it is the office's).
            var office = Assert.IsType<DeliverableOfficeView>(await b.Run(sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(w.Desk, m.Id)));
            var (readable, history) = Oracle(m, tier);
            var approvedHashes = m.Approvals.Select(a => office.Approvals.Single(x => x.Revision == a.Revision).DocumentHashes).SelectMany(h => h.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
            var view = (DeliverableClientView?)await b.Run(sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(client, m.Id));
            var exists = m.State != DeliverableState.Draft || history.Length > 0;
            Fail.Unless(exists == view is not null, $"{when}: {m.Kind} in {m.State} (history {history.Length}) found as {view?.State.ToString() ?? "nothing"}");
            Fail.Unless(exists == listed.ContainsKey(m.Id), $"{when}: the list and the oracle differ on {m.Kind} in {m.State}");
            if (view is not null)
            {
                var fromList = Assert.IsType<DeliverableClientView>(listed[m.Id]);
                Fail.Unless(Serialized(fromList) == Serialized(view), $"{when}: the list and the find hand out different views");
                Fail.Unless(view.State != DeliverableState.Draft, $"{when}: a draft reached the client");
                var shown = view.Revision;
                var allowed = readable.Contains(shown) ? office.AllDocuments.Where(d => d.Revision == shown).Select(d => d.Id).ToHashSet() : [];
                Fail.Unless(view.Documents.Select(d => d.Id).ToHashSet().SetEquals(allowed), $"{when}: revision {shown} documents {view.Documents.Count}, the oracle allows {allowed.Count}");
                var figures = dashboard && readable.Contains(shown) ? m.Figures[shown] : null;
                Fail.Unless(Equals(view.Figures, figures), $"{when}: figures {(view.Figures is null ? "withheld" : "handed out")} for revision {shown} at {tier}");
                Fail.Unless(view.ApprovedRevisions.Select(r => r.Revision).SequenceEqual(history), $"{when}: approved revisions [{string.Join(",", view.ApprovedRevisions.Select(r => r.Revision))}], the oracle keeps [{string.Join(",", history)}]");
                foreach (var kept in view.ApprovedRevisions)
                {
                    Fail.Unless(kept.Documents.Select(d => d.Id).SequenceEqual(office.AllDocuments.Where(d => d.Revision == kept.Revision).Select(d => d.Id)), $"{when}: revision {kept.Revision} lost its documents");
                    Fail.Unless(Equals(kept.Figures, dashboard ? m.Figures[kept.Revision] : null), $"{when}: figures of revision {kept.Revision}");
                }

                var text = Serialized(view);
                foreach (var document in office.AllDocuments)
                {
                    Fail.Unless(approvedHashes.Contains(document.Sha256) || !text.Contains(document.Sha256, StringComparison.Ordinal), $"{when}: a hash the client did not approve");
                    Fail.Unless(allowed.Contains(document.Id) || history.Contains(document.Revision) || !text.Contains(document.Id.Value.ToString(), StringComparison.Ordinal), $"{when}: a document of revision {document.Revision}");
                }
            }

            // Every document of every revision: the client gets its content exactly when the oracle allows it.
            foreach (var document in office.AllDocuments)
            {
                var may = readable.Contains(document.Revision);
                var got = await Record.ExceptionAsync(async () => await ReadAsync(await b.Run(sp => sp.GetRequiredService<DeliverableQueries>().OpenDocumentAsync(client, m.Id, document.Id))));
                Fail.Unless(may == got is null, $"{when}: revision {document.Revision} of {m.Kind} ({m.State}, current {m.Revision}): oracle {(may ? "reads" : "refuses")}, Collab {got?.Message ?? "handed it out"}");
            }
        }
    }

    private static async Task CheckLinkViewAsync(BooksWorld b, World w, Model m, ClientTier tier, ConfirmedView confirmed)
    {
        var office = Assert.IsType<DeliverableOfficeView>(await b.Run(sp => sp.GetRequiredService<DeliverableQueries>().FindAsync(w.Desk, m.Id)));
        var dashboard = tier is ClientTier.Collaborate or ClientTier.CollaborateExtended;
        Fail.Unless(confirmed.Deliverable.Documents.Select(d => d.Id).SequenceEqual(office.Documents.Select(d => d.Id)), "the link's view hands out the shared revision's documents");
        Fail.Unless(confirmed.Deliverable.Figures is null || (dashboard && Equals(confirmed.Deliverable.Figures, m.Figures[m.Revision])), $"the link's view handed out figures at {tier}");
        Fail.Unless(confirmed.Deliverable.ApprovedRevisions.Count == 0 && !confirmed.Deliverable.MayDecide, "the link's view is not an approval task");
        var text = Serialized(confirmed);
        Fail.Unless(office.AllDocuments.All(d => !text.Contains(d.Sha256, StringComparison.Ordinal)), "the link's view carries hashes");
    }

    private static class Fail
    {
        public static void Unless(bool holds, string message)
        {
            if (!holds)
            {
                throw new InvalidOperationException(message);
            }
        }
    }
}

public sealed class ClientViewsOnSqlite() : ClientViewContract(Engine.Sqlite, null, cases: 60);

[Collection(PostgresCollection.Name)]
public sealed class ClientViewsOnPostgres(PostgresServer postgres) : ClientViewContract(Engine.Postgres, postgres, cases: 15);
