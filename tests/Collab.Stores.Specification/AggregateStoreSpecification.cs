using Ardalis.Specification;
using Collab.Deliverables;
using Collab.Portal;
using Collab.Registry;
using Collab.Rights;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Stores.Specification;

// The members of the per-aggregate ports the other files do not reach: what each returns and what it must not.
public abstract partial class StoreSpecification
{
    [Covers(typeof(IAdministrationStore), nameof(IAdministrationStore.ListAdministrationsAsync), nameof(IAdministrationStore.ListLiveAdministrationsAsync))]
    [Covers(typeof(IEnvironmentStore), nameof(IEnvironmentStore.FindEnvironmentAsync), nameof(IEnvironmentStore.ListEnvironmentsAsync))]
    [Covers(typeof(IClientStore), nameof(IClientStore.FindClientAsync))]
    [SkippableFact]
    public async Task Clients_environments_and_administrations_are_found_by_their_ids_and_only_live_ones_of_the_companies_asked_for_are_listed()
    {
        var w = await SeedAsync();
        var environment = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().CreateEnvironmentAsync(Seeder, w.Office.Id, "Omgeving De Vries", [w.OfficeUser.Id]));
        var stranger = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().RegisterClientAsync(Seeder, "Slagerij Elders"));

        await InScopeAsync(async sp =>
        {
            Assert.Equal(("Bakkerij Bakker", w.Client.Id), await sp.GetRequiredService<IClientStore>().FindClientAsync(w.Client.Id) is { } client ? (client.Name, client.Id) : default);
            var environments = sp.GetRequiredService<IEnvironmentStore>();
            Assert.Equal((environment.Id, w.Office.Id), await environments.FindEnvironmentAsync(environment.Id) is { } found ? (found.Id, found.OfficeId) : default);
            Assert.Equal([environment.Id], (await environments.ListEnvironmentsAsync([environment.Id, environment.Id, EnvironmentId.New()])).Select(e => e.Id)); // duplicates once, unknown left out

            var administrations = sp.GetRequiredService<IAdministrationStore>();
            var both = await administrations.ListAdministrationsAsync([w.Held.Id, w.Other.Id, w.Held.Id, AdministrationId.New()]);
            Assert.Equal(new[] { w.Held.Id.Value, w.Other.Id.Value }.Order(), both.Select(a => a.Id.Value).Order());
            Assert.Empty(await administrations.ListAdministrationsAsync([]));

            // A client user given the bakery reaches its administration only; never another client's, never one not live.
            Assert.Equal([w.Held.Id], (await administrations.ListLiveAdministrationsAsync(w.Client.Id, [w.Bakery.Id])).Select(a => a.Id));
            Assert.Equal(new[] { w.Held, w.Other }.OrderBy(a => a.Number.Value).Select(a => a.Id),
                (await administrations.ListLiveAdministrationsAsync(w.Client.Id, [w.Bakery.Id, w.Shop.Id])).Select(a => a.Id)); // ordered by number
            Assert.Empty(await administrations.ListLiveAdministrationsAsync(stranger.Id, [w.Bakery.Id, w.Shop.Id]));
            Assert.Empty(await administrations.ListLiveAdministrationsAsync(w.Client.Id, []));
        });
    }

    // R: SEC-3
    [Covers(typeof(IRightsStore), nameof(IRightsStore.OfficeReachesClientAsync))]
    [SkippableFact]
    public async Task An_office_reaches_a_client_through_an_administration_it_holds_or_was_granted_and_not_another_client()
    {
        var w = await SeedAsync();
        var elsewhere = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().RegisterOfficeAsync(Seeder, "Kantoor Elders"));
        var stranger = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().RegisterClientAsync(Seeder, "Slagerij Elders"));
        Task<bool> Reaches(OfficeId office, ClientId client) => InScopeAsync(sp => sp.GetRequiredService<IRightsStore>().OfficeReachesClientAsync(office, client));

        Assert.True(await Reaches(w.Office.Id, w.Client.Id)); // it holds the bakery's administration
        Assert.False(await Reaches(w.Office.Id, stranger.Id));
        Assert.False(await Reaches(elsewhere.Id, w.Client.Id));

        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(Seeder, w.ClientUser.Id, w.Shop.Id));
        await InScopeAsync(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(w.ClientUser.Id), elsewhere.Id, w.Other.Id, GrantChannel.Web));
        Assert.True(await Reaches(elsewhere.Id, w.Client.Id)); // granted
        await InScopeAsync(sp => sp.GetRequiredService<RightsService>().RevokeAsync(ActingParty.User(w.ClientUser.Id), elsewhere.Id, w.Other.Id));
        Assert.False(await Reaches(elsewhere.Id, w.Client.Id)); // a revoked grant reaches nothing
    }

    [Covers(typeof(ITierStore), nameof(ITierStore.CountActiveClientUsersAsync), nameof(ITierStore.FindCollaborationAsync), nameof(ITierStore.ListClientCollaborationsAsync), nameof(ITierStore.OtherRunningTiersAsync))]
    [Covers(typeof(IOfficeOverviewStore), nameof(IOfficeOverviewStore.OverviewClientsAsync))]
    [SkippableFact]
    public async Task Collaborations_are_read_per_office_and_client_with_other_offices_tiers_user_counts_and_the_overviews_clients()
    {
        var w = await SeedAsync();
        var elsewhere = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().RegisterOfficeAsync(Seeder, "Kantoor Elders"));
        var elsewhereUser = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().CreateOfficeUserAsync(Seeder, elsewhere.Id, $"ander.{Guid.NewGuid():N}@elders.nl"));
        var lonely = await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().RegisterClientAsync(Seeder, "Slagerij Zonder Gebruikers"));
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.Collaborate, new LocalDate(2026, 1, 1)));
        await InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().GiveCompanyAsync(Seeder, w.ClientUser.Id, w.Shop.Id));
        await InScopeAsync(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(w.ClientUser.Id), elsewhere.Id, w.Other.Id, GrantChannel.Web));
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(ActingParty.User(elsewhereUser.Id), elsewhere.Id, w.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)));

        await InScopeAsync(async sp =>
        {
            var tiers = sp.GetRequiredService<ITierStore>();
            Assert.Equal((w.Office.Id, w.Client.Id, ClientTier.Collaborate), await tiers.FindCollaborationAsync(w.Office.Id, w.Client.Id) is { } c ? (c.OfficeId, c.ClientId, c.Tier) : default);
            Assert.Null(await tiers.FindCollaborationAsync(w.Office.Id, lonely.Id));
            Assert.Equal([new ClientTierAt(w.Client.Id, ClientTier.CollaborateExtended)], await tiers.OtherRunningTiersAsync(w.Office.Id, [w.Client.Id, lonely.Id], new LocalDate(2026, 3, 2))); // never the office's own
            Assert.Equal(2, (await tiers.OtherRunningTiersAsync(default, [w.Client.Id], new LocalDate(2026, 3, 2))).Count); // the default id leaves none out
            var counts = await tiers.CountActiveClientUsersAsync([w.Client.Id, lonely.Id]);
            Assert.Equal(1, counts[w.Client.Id]);
            Assert.False(counts.ContainsKey(lonely.Id)); // clients without active users are absent
            Assert.Equal(new[] { w.Office.Id.Value, elsewhere.Id.Value }.Order(), (await tiers.ListClientCollaborationsAsync(w.Client.Id)).Select(c => c.OfficeId.Value).Order());
            Assert.Empty(await tiers.ListClientCollaborationsAsync(lonely.Id));

            var overview = await sp.GetRequiredService<IOfficeOverviewStore>().OverviewClientsAsync(new CollaborationsOf(w.Office.Id));
            Assert.Equal([new OverviewClient(w.Client.Id, "Bakkerij Bakker", ClientTier.Collaborate)], overview); // never another office's collaboration
        });
    }

    // R: TIER-4 — what a downgrade names as open work comes from these two reads.
    [Covers(typeof(IQuestionBatchStore), nameof(IQuestionBatchStore.FindBatchAsync), nameof(IQuestionBatchStore.ListOpenBatchesAsync))]
    [Covers(typeof(IPortalDocumentStore), nameof(IPortalDocumentStore.FindDocumentAsync))]
    [Covers(typeof(IQuestionnaireStore), nameof(IQuestionnaireStore.ListOpenQuestionnairesAsync))]
    [Covers(typeof(IPortalItemStore), nameof(IPortalItemStore.FindPortalItemAsync))]
    [SkippableFact]
    public async Task Open_batches_and_questionnaires_are_the_offices_own_that_wait_for_the_client_and_a_batch_is_found_with_its_portal_entry()
    {
        var w = await SeedAsync();
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)));
        var batch = await InScopeAsync(sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(w.Desk, w.Office.Id, w.Bakery.Id, "Vragen 2025"));
        await InScopeAsync(sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(w.Desk, batch.Id, "jaarrekening", "Is de voorraad geteld?"));
        Task<IReadOnlyList<OpenBatch>> OpenBatches(OfficeId office) => InScopeAsync(sp => sp.GetRequiredService<IQuestionBatchStore>().ListOpenBatchesAsync(office, [w.Client.Id]));
        Assert.Empty(await OpenBatches(w.Office.Id)); // a draft does not wait for the client

        await InScopeAsync(sp => sp.GetRequiredService<QuestionBatches>().SendBatchAsync(w.Desk, batch.Id));
        Assert.Equal([new OpenBatch(w.Client.Id, "Vragen 2025")], await OpenBatches(w.Office.Id));
        Assert.Empty(await OpenBatches(OfficeId.New()));
        Assert.Equal((batch.Id, w.Client.Id), await InScopeAsync(sp => sp.GetRequiredService<IQuestionBatchStore>().FindBatchAsync(batch.Id)) is { } found ? (found.Id, found.ClientId) : default);
        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<IQuestionBatchStore>().FindBatchAsync(QuestionBatchId.New())));
        Assert.Equal(w.Client.Id, (await InScopeAsync(sp => sp.GetRequiredService<IPortalItemStore>().FindPortalItemAsync(batch.Id.Value)))?.ClientId);
        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<IPortalItemStore>().FindPortalItemAsync(Guid.NewGuid())));
        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<IPortalDocumentStore>().FindDocumentAsync(DocumentId.New())));

        await InScopeAsync(sp => sp.GetRequiredService<QuestionAnswers>().AnswerAsync(ActingParty.User(w.ClientUser.Id), batch.Id, 1, "Ja, op 31 december."));
        Assert.Empty(await OpenBatches(w.Office.Id)); // fully answered

        var template = await InScopeAsync(sp => sp.GetRequiredService<QuestionnaireTemplates>().CreateTemplateAsync(w.Desk, w.Office.Id, "Aangifte IB 2025", Sections));
        var sent = Assert.Single(await InScopeAsync(sp => sp.GetRequiredService<QuestionnaireTemplates>().SendAsync(w.Desk, template.Id, [w.Bakery.Id], new LocalDate(2026, 5, 1)))).Questionnaire!;
        Task<IReadOnlyList<OpenQuestionnaire>> OpenQuestionnaires(OfficeId office, ClientId client) =>
            InScopeAsync(sp => sp.GetRequiredService<IQuestionnaireStore>().ListOpenQuestionnairesAsync(office, [client]));
        Assert.Equal([new OpenQuestionnaire(w.Client.Id, sent.Name, new LocalDate(2026, 5, 1))], await OpenQuestionnaires(w.Office.Id, w.Client.Id));
        Assert.Empty(await OpenQuestionnaires(OfficeId.New(), w.Client.Id));
        Assert.Empty(await OpenQuestionnaires(w.Office.Id, ClientId.New()));
    }

    // What a vendor's criteria look like to the overview's read store: a plain Where over the collaborations.
    private sealed class CollaborationsOf : Ardalis.Specification.Specification<ClientCollaboration>
    {
        public CollaborationsOf(OfficeId office) => Query.Where(c => c.OfficeId == office);
    }
}
