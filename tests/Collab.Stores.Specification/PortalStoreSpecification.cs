using Collab.Portal;
using Collab.Tiers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Stores.Specification;

// The portal's aggregate stores (IPortalItemStore, IPortalDocumentStore, IQuestionBatchStore, IQuestionnaireTemplateStore,
// IQuestionnaireStore, IHouseStyleStore) beyond the history: JSON-shaped state (questions, sections, answers) reads back as it was saved,
// a sent questionnaire keeps the version it was sent with, reminders are due by instant, house styles by slug.
public abstract partial class StoreSpecification
{
    private static readonly QuestionnaireSection[] Sections =
    [
        new("auto", [new QuestionDefinition("auto-zaak", "Rijdt u een auto van de zaak?", AnswerType.YesNo), new QuestionDefinition("bijtelling", "Wat is de cataloguswaarde?", AnswerType.Amount, Required: false)]),
        new("hypotheek", [new QuestionDefinition("rente", "Hoeveel hypotheekrente betaalde u?", AnswerType.Amount)]),
    ];

    [Covers(typeof(IQuestionBatchStore), nameof(IQuestionBatchStore.FindBatchAsync))]
    [SkippableFact]
    public async Task A_question_batch_reads_back_with_its_questions_and_answers_in_order()
    {
        var w = await SeedAsync();
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)));
        var batch = await InScopeAsync(sp => sp.GetRequiredService<QuestionBatches>().StartBatchAsync(w.Desk, w.Office.Id, w.Bakery.Id, "Vragen 2025"));
        await InScopeAsync(sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(w.Desk, batch.Id, "aangifte IB", "Heeft u een nieuwe auto?"));
        await InScopeAsync(sp => sp.GetRequiredService<QuestionBatches>().AddQuestionAsync(w.Desk, batch.Id, "jaarrekening", "Is de voorraad geteld?"));
        await InScopeAsync(sp => sp.GetRequiredService<QuestionBatches>().SendBatchAsync(w.Desk, batch.Id));
        await InScopeAsync(sp => sp.GetRequiredService<QuestionAnswers>().AnswerAsync(ActingParty.User(w.ClientUser.Id), batch.Id, 2, "Ja, op 31 december."));

        var stored = await InScopeAsync(sp => sp.GetRequiredService<IQuestionBatchStore>().FindBatchAsync(batch.Id));

        Assert.Equal([(1, "aangifte IB", "Heeft u een nieuwe auto?", (string?)null), (2, "jaarrekening", "Is de voorraad geteld?", "Ja, op 31 december.")],
            stored!.Questions.Select(q => (q.Number, q.Service, q.Text, q.Answer)));
        Assert.Equal(Clock.GetCurrentInstant(), stored.Questions[1].AnsweredAt);
        Assert.Equal((QuestionBatchState.Sent, "1/2 answered"), (stored.State, stored.Status));
    }

    [Covers(typeof(IQuestionnaireStore), nameof(IQuestionnaireStore.FindQuestionnaireAsync), nameof(IQuestionnaireStore.QuestionnairesOfTemplateAsync))]
    [Covers(typeof(IQuestionnaireTemplateStore), nameof(IQuestionnaireTemplateStore.FindTemplateAsync))]
    [SkippableFact]
    public async Task A_sent_questionnaire_keeps_its_sections_and_answers_while_the_template_changes()
    {
        var w = await SeedAsync();
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)));
        var template = await InScopeAsync(sp => sp.GetRequiredService<QuestionnaireTemplates>().CreateTemplateAsync(w.Desk, w.Office.Id, "Aangifte IB 2025", Sections));
        var sent = Assert.Single(await InScopeAsync(sp => sp.GetRequiredService<QuestionnaireTemplates>().SendAsync(w.Desk, template.Id, [w.Bakery.Id], new LocalDate(2026, 5, 1)))).Questionnaire!;
        await InScopeAsync(sp => sp.GetRequiredService<QuestionnaireTemplates>().EditTemplateAsync(w.Desk, template.Id, "Aangifte IB 2025 (kort)", [Sections[1]]));
        await InScopeAsync(sp => sp.GetRequiredService<QuestionAnswers>().AnswerQuestionnaireAsync(ActingParty.User(w.ClientUser.Id), sent.Id, "bijtelling", "45000.5"));
        await InScopeAsync(sp => sp.GetRequiredService<QuestionAnswers>().AnswerQuestionnaireAsync(ActingParty.User(w.ClientUser.Id), sent.Id, "auto-zaak", "ja"));
        await InScopeAsync(sp => sp.GetRequiredService<QuestionAnswers>().AnswerQuestionnaireAsync(ActingParty.User(w.ClientUser.Id), sent.Id, "bijtelling", "46000"));

        var (storedTemplate, questionnaire, ofTemplate) = await InScopeAsync(async sp =>
        {
                        return (await sp.GetRequiredService<IQuestionnaireTemplateStore>().FindTemplateAsync(template.Id), await sp.GetRequiredService<IQuestionnaireStore>().FindQuestionnaireAsync(sent.Id), await sp.GetRequiredService<IQuestionnaireStore>().QuestionnairesOfTemplateAsync(template.Id));
        });

        Assert.Equal(2, storedTemplate!.TemplateVersion);
        Assert.Equal(["hypotheek"], storedTemplate.Sections.Select(s => s.ServicePart));
        Assert.Equal(1, questionnaire!.TemplateVersion);
        Assert.Equal(Sections.Select(s => (s.ServicePart, s.Questions.Select(q => (q.Id, q.Text, q.Type, q.Required)).ToList())),
            questionnaire.Sections.Select(s => (s.ServicePart, s.Questions.Select(q => (q.Id, q.Text, q.Type, q.Required)).ToList())),
            new SectionComparer());
        Assert.Equal([new QuestionnaireAnswer("bijtelling", "46000.00"), new QuestionnaireAnswer("auto-zaak", "yes")], questionnaire.GivenAnswers);
        Assert.Equal([sent.Id], ofTemplate.Select(q => q.Id));
    }

    [Covers(typeof(IHouseStyleStore), nameof(IHouseStyleStore.FindHouseStyleAsync), nameof(IHouseStyleStore.FindHouseStyleBySlugAsync))]
    [Covers(typeof(IQuestionnaireStore), nameof(IQuestionnaireStore.FindDueQuestionnaireRemindersAsync))]
    [SkippableFact]
    public async Task A_questionnaire_reminder_is_due_by_instant_until_sent_and_a_house_style_is_found_by_its_slug()
    {
        var w = await SeedAsync();
        await InScopeAsync(sp => sp.GetRequiredService<TierService>().StartCollaborationAsync(w.Desk, w.Office.Id, w.Client.Id, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)));
        var slug = $"de-vries-{Guid.NewGuid():N}"[..20];
        await InScopeAsync(sp => sp.GetRequiredService<HouseStyles>().SetHouseStyleAsync(w.Desk, w.Office.Id,
            new HouseStyleRequest(slug, null, "#1A5276", "#1C1C1C", "#FFFFFF", "Welkom bij De Vries")));
        var template = await InScopeAsync(sp => sp.GetRequiredService<QuestionnaireTemplates>().CreateTemplateAsync(w.Desk, w.Office.Id, "Aangifte IB 2025", Sections));
        var sent = Assert.Single(await InScopeAsync(sp => sp.GetRequiredService<QuestionnaireTemplates>().SendAsync(w.Desk, template.Id, [w.Bakery.Id], new LocalDate(2026, 5, 1)))).Questionnaire!;

        Task<IReadOnlyList<Questionnaire>> Due() => InScopeAsync(sp => sp.GetRequiredService<IQuestionnaireStore>().FindDueQuestionnaireRemindersAsync(Clock.GetCurrentInstant(), 10));
        Assert.Empty(await Due());
        Clock.Reset(sent.ReminderDueAt!.Value);
        Assert.Equal([sent.Id], (await Due()).Select(q => q.Id));
        Assert.Equal(1, await InScopeAsync(sp => sp.GetRequiredService<QuestionPasses>().SendDueRemindersAsync()));
        Assert.Empty(await Due());

        var (byOffice, bySlug) = await InScopeAsync(async sp =>
            (await sp.GetRequiredService<IHouseStyleStore>().FindHouseStyleAsync(w.Office.Id), await sp.GetRequiredService<IHouseStyleStore>().FindHouseStyleBySlugAsync(slug)));
        Assert.Equal((slug, "#1A5276", "Welkom bij De Vries"), (byOffice!.Slug, byOffice.PrimaryColour, byOffice.WelcomeText));
        Assert.Equal(w.Office.Id, bySlug!.OfficeId);
        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<IHouseStyleStore>().FindHouseStyleBySlugAsync("no-such-office")));
    }

    private sealed class SectionComparer : IEqualityComparer<(string, List<(string, string, AnswerType, bool)>)>
    {
        public bool Equals((string, List<(string, string, AnswerType, bool)>) x, (string, List<(string, string, AnswerType, bool)>) y) =>
            x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

        public int GetHashCode((string, List<(string, string, AnswerType, bool)>) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}
