using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Portal;

/// <summary>What sending a questionnaire to one company produced (SHARE-9).</summary>
/// <param name="Company">The company.</param>
/// <param name="Questionnaire">The questionnaire sent, or null when refused.</param>
/// <param name="Refusal">Why it was not sent, or null.</param>
public sealed record QuestionnaireSendOutcome(CompanyId Company, QuestionnaireView? Questionnaire, Refusal? Refusal);

/// <summary>Completion of one sent questionnaire, for the office's overview (SHARE-9).</summary>
/// <param name="Questionnaire">The questionnaire.</param>
/// <param name="Client">The client.</param>
/// <param name="Company">The company.</param>
/// <param name="TemplateVersion">The version it was sent with.</param>
/// <param name="State">Open or completed.</param>
/// <param name="Answered">Questions answered.</param>
/// <param name="Questions">Questions in it.</param>
public sealed record QuestionnaireProgress(QuestionnaireId Questionnaire, ClientId Client, CompanyId Company, int TemplateVersion, QuestionnaireState State, int Answered, int Questions);

/// <summary>
/// Questions to the client (SHARE-8) and prepare-by-client questionnaires (SHARE-9): batches collected over several
/// services and sent at once; versioned templates sent to many clients, each frozen at the version it received,
/// answered with typed answers, completion tracked per client, deadline reminders by SHARE-4's rule.
/// </summary>
public sealed class QuestionService
{
    private readonly Texts.CollabTexts _texts;
    private readonly DeadlineReminderPass _reminders;
    private readonly CollabAuthorization _access;
    private readonly IPortalItemStore _items;
    private readonly IPortalDocumentStore _documents;
    private readonly IQuestionBatchStore _batches;
    private readonly IQuestionnaireTemplateStore _templates;
    private readonly IQuestionnaireStore _questionnaires;
    private readonly IHouseStyleStore _styles;
    private readonly IOfficeStore _offices;
    private readonly IClientStore _clients;
    private readonly ICompanyStore _companies;
    private readonly IUserStore _users;
    private readonly ITierStore _tiers;
    private readonly TierCatalogue _catalogue;
    private readonly ICollabUnitOfWork _unitOfWork;
    private readonly IClock _clock;
    private readonly CollabOptions _options;
    private readonly OfficeCalendar _calendar;

    /// <summary>Creates the service; resolved from dependency injection.</summary>
    /// <param name="items">Reads portal entries.</param>
    /// <param name="documents">Reads documents.</param>
    /// <param name="batches">Reads question batches.</param>
    /// <param name="templates">Reads questionnaire templates.</param>
    /// <param name="questionnaires">Reads questionnaires.</param>
    /// <param name="styles">Reads house styles.</param>
    /// <param name="offices">Reads offices.</param>
    /// <param name="clients">Reads clients.</param>
    /// <param name="companies">Reads companies.</param>
    /// <param name="users">Reads users.</param>
    /// <param name="tiers">Reads tiers.</param>
    /// <param name="catalogue">The tier catalogue.</param>
    /// <param name="unitOfWork">Saves changes.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Collab's options.</param>
    /// <param name="calendar">The office calendar: local dates in the office's zone (RET-1).</param>
    /// <param name="access">Checks who acts (SEC-3).</param>
    /// <param name="texts">The text catalogue: notifications in each recipient's language (TXT-1).</param>
    /// <param name="reminders">The one deadline-reminder pass (SHARE-4).</param>
    public QuestionService(IPortalItemStore items, IPortalDocumentStore documents, IQuestionBatchStore batches, IQuestionnaireTemplateStore templates, IQuestionnaireStore questionnaires, IHouseStyleStore styles, IOfficeStore offices, IClientStore clients, ICompanyStore companies, IUserStore users, ITierStore tiers, TierCatalogue catalogue, ICollabUnitOfWork unitOfWork, IClock clock, IOptions<CollabOptions> options, OfficeCalendar calendar, CollabAuthorization access, Texts.CollabTexts texts, DeadlineReminderPass reminders)
    {
        _reminders = reminders;
        _texts = texts;
        _access = access;
        _calendar = calendar;
        _items = items;
        _documents = documents;
        _batches = batches;
        _templates = templates;
        _questionnaires = questionnaires;
        _styles = styles;
        _offices = offices;
        _clients = clients;
        _companies = companies;
        _users = users;
        _tiers = tiers;
        _catalogue = catalogue;
        _unitOfWork = unitOfWork;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>Starts a batch of questions for a company of a client (SHARE-8).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user.</param>
    /// <param name="office">The office.</param>
    /// <param name="company">The company.</param>
    /// <param name="title">The batch's title, such as "Questions for the 2025 returns".</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The draft batch.</returns>
    /// <exception cref="CollabRefusalException">Unknown company; the tier lacks questions (SHARE-11); invalid title.</exception>
    public async Task<QuestionBatchView> StartBatchAsync(ActingParty party, OfficeId office, CompanyId company, string title, CancellationToken cancellationToken = default)
    {
        var owner = company == default ? null : await _companies.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(party, CollabAction.PrepareQuestions, owner, company, office, cancellationToken).ConfigureAwait(false);
        await TierGate.RequireAsync(_tiers, _catalogue, office, owner.ClientId, Feature.ClientQuestions, cancellationToken).ConfigureAwait(false);
        var batch = QuestionBatch.Create(office, owner.ClientId, owner.Id, title);
        _unitOfWork.Add(batch);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return QuestionBatchView.Of(batch);
    }

    /// <summary>Adds a question for a service to a draft batch.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="batch">The batch.</param>
    /// <param name="service">The service it is for.</param>
    /// <param name="question">The question.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="CollabRefusalException">Unknown batch; already sent; full; invalid text.</exception>
    public async Task<QuestionBatchView> AddQuestionAsync(ActingParty party, QuestionBatchId batch, string service, string question, CancellationToken cancellationToken = default)
    {
        var (_, found) = await BatchAsync(party, CollabAction.PrepareQuestions, batch, cancellationToken).ConfigureAwait(false);
        found.Add(service, question, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return QuestionBatchView.Of(found);
    }

    /// <summary>Sends the batch to the client in one go: one notification, one portal entry with an open action (SHARE-8).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user.</param>
    /// <param name="batch">The batch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="CollabRefusalException">Unknown batch; already sent; empty; the tier lacks questions now (SHARE-11).</exception>
    public async Task<QuestionBatchView> SendBatchAsync(ActingParty party, QuestionBatchId batch, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await BatchAsync(party, CollabAction.PrepareQuestions, batch, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        var dependent = await TierGate.DependentCollaborationsAsync(_tiers, found.ClientId, found.OfficeId, cancellationToken).ConfigureAwait(false); // SEC-4: before the tier
        await TierGate.RequireAsync(_tiers, _catalogue, found.OfficeId, found.ClientId, Feature.ClientQuestions, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        found.Send(actor, now);
        TierGate.NoteDependentWork(dependent, now); // SEC-4
        _unitOfWork.Add(PortalItem.Share(PortalItemKind.QuestionBatch, found.Id.Value, found.OfficeId, found.ClientId, found.CompanyId, found.Title, now, true, null, found.Status));
        _unitOfWork.Notify(_texts, (await _users.ClientUsersReachingAsync(found.ClientId, found.CompanyId, cancellationToken).ConfigureAwait(false)).SeeingWorkOf(found.OfficeId), NotificationKind.QuestionsSent, AuditSubject.Client(found.ClientId), new("notification.questions-sent", found.Questions.Count, found.Title));

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return QuestionBatchView.Of(found);
    }

    /// <summary>The client answers one question; the batch's status follows (SHARE-8).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A client user who may reach the batch's company.</param>
    /// <param name="batch">The batch.</param>
    /// <param name="number">The question's number.</param>
    /// <param name="answer">The answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="CollabRefusalException">Unknown batch or question; not sent; the user may not see it (SEC-1); the tier lacks questions now.</exception>
    public async Task<QuestionBatchView> AnswerAsync(ActingParty party, QuestionBatchId batch, int number, string answer, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await BatchAsync(party, CollabAction.AnswerQuestions, batch, cancellationToken).ConfigureAwait(false);
        var clientUser = acting.UserId;
        await TierGate.RequireAsync(_tiers, _catalogue, found.OfficeId, found.ClientId, Feature.ClientQuestions, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        found.Answer(number, answer, clientUser, now);
        if (await _items.FindPortalItemAsync(found.Id.Value, cancellationToken).ConfigureAwait(false) is { } item)
        {
            item.Update(found.State != QuestionBatchState.Answered, found.Status, false, now);
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return QuestionBatchView.Of(found);
    }

    /// <summary>Finds a batch.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="batch">The batch.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch, or null.</returns>
    public async Task<QuestionBatchView?> FindBatchAsync(ActingParty party, QuestionBatchId batch, CancellationToken cancellationToken = default)
    {
        var found = batch == default ? null : await _batches.FindBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        return await _access.TryAuthorizeAsync(party, CollabAction.ReadQuestions, found, new AuditSubject("question-batch", batch.ToString()), cancellationToken).ConfigureAwait(false) is null ? null : QuestionBatchView.Of(found!);
    }

    /// <summary>Creates a questionnaire template (version 1) of an office (SHARE-9).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user.</param>
    /// <param name="office">The office.</param>
    /// <param name="name">Its name.</param>
    /// <param name="sections">Its sections per service part, with typed questions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The template.</returns>
    /// <exception cref="CollabRefusalException">Unknown office; invalid name, sections or questions.</exception>
    public async Task<QuestionnaireTemplateView> CreateTemplateAsync(ActingParty party, OfficeId office, string name, IReadOnlyList<QuestionnaireSection> sections, CancellationToken cancellationToken = default)
    {
        var actor = (await _access.AuthorizeAsync(party, CollabAction.ManageQuestionnaires, office, cancellationToken).ConfigureAwait(false)).Actor;
        var template = QuestionnaireTemplate.Create(office, name, sections, actor, _clock.GetCurrentInstant());
        _unitOfWork.Add(template);
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return QuestionnaireTemplateView.Of(template);
    }

    /// <summary>Edits a template: a new version. Questionnaires already sent keep the version they received.</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user.</param>
    /// <param name="template">The template.</param>
    /// <param name="name">The new name.</param>
    /// <param name="sections">The new sections.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The template at its new version.</returns>
    /// <exception cref="CollabRefusalException">Unknown template; invalid content.</exception>
    public async Task<QuestionnaireTemplateView> EditTemplateAsync(ActingParty party, QuestionnaireTemplateId template, string name, IReadOnlyList<QuestionnaireSection> sections, CancellationToken cancellationToken = default)
    {
        var (actor, found) = await TemplateAsync(party, template, cancellationToken).ConfigureAwait(false);
        found.Edit(name, sections, actor, _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return QuestionnaireTemplateView.Of(found);
    }

    /// <summary>
    /// Sends a template's current version to many companies (SHARE-9). Each company gets its own frozen copy; a
    /// company whose client's tier lacks questionnaires is reported, and the others are sent (as with TIER-5).
    /// </summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). The office user.</param>
    /// <param name="template">The template.</param>
    /// <param name="companies">The companies, each of a client the office collaborates with.</param>
    /// <param name="deadline">The deadline for every copy, if any; a reminder follows SHARE-4's rule.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One outcome per company, in the order given.</returns>
    /// <exception cref="CollabRefusalException">Unknown template.</exception>
    public async Task<IReadOnlyList<QuestionnaireSendOutcome>> SendAsync(ActingParty party, QuestionnaireTemplateId template, IReadOnlyCollection<CompanyId> companies, LocalDate? deadline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var (actor, found) = await TemplateAsync(party, template, cancellationToken).ConfigureAwait(false);
        var office = await _offices.FindOfficeAsync(found.OfficeId, cancellationToken).OrNotFound("office", found.OfficeId.Value).ConfigureAwait(false);
        var zone = _calendar.ZoneOf(office);
        var outcomes = new List<QuestionnaireSendOutcome>(companies.Count);
        foreach (var company in companies.Distinct())
        {
            try
            {
                var owner = company == default ? null : await _companies.FindCompanyAsync(company, cancellationToken).ConfigureAwait(false);
                await _access.AuthorizeAsync(party, CollabAction.ManageQuestionnaires, owner, company, found.OfficeId, cancellationToken).ConfigureAwait(false);
                var dependent = await TierGate.DependentCollaborationsAsync(_tiers, owner.ClientId, found.OfficeId, cancellationToken).ConfigureAwait(false); // SEC-4: before the tier
                await TierGate.RequireAsync(_tiers, _catalogue, found.OfficeId, owner.ClientId, Feature.PrepareByClientQuestionnaires, cancellationToken).ConfigureAwait(false);
                var now = _clock.GetCurrentInstant();
                var questionnaire = Questionnaire.Send(found, owner.ClientId, owner.Id, deadline,
                    deadline is { } d ? Deliverables.Reminders.DueAt(d, _options.ReminderLeadDays, zone) : null, actor, now);
                _unitOfWork.Add(questionnaire);
                TierGate.NoteDependentWork(dependent, now); // SEC-4
                _unitOfWork.Add(PortalItem.Share(PortalItemKind.Questionnaire, questionnaire.Id.Value, found.OfficeId, owner.ClientId, owner.Id, found.Name, now, true, deadline, "Open"));
                _unitOfWork.Notify(_texts, (await _users.ClientUsersReachingAsync(owner.ClientId, owner.Id, cancellationToken).ConfigureAwait(false)).SeeingWorkOf(found.OfficeId), NotificationKind.QuestionnaireSent, AuditSubject.Client(owner.ClientId),
                    deadline is { } due ? new("notification.questionnaire-sent-by", found.Name, due) : new("notification.questionnaire-sent", found.Name));

                outcomes.Add(new QuestionnaireSendOutcome(company, QuestionnaireView.Of(questionnaire), null));
            }
            catch (CollabRefusalException refusal) when (refusal.Kind != RefusalKind.ConcurrencyConflict)
            {
                outcomes.Add(new QuestionnaireSendOutcome(company, null, refusal.Refusal));
            }
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>The client answers one question with a typed answer (SHARE-9).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A client user who may reach the questionnaire's company.</param>
    /// <param name="questionnaire">The questionnaire.</param>
    /// <param name="questionId">The question's id.</param>
    /// <param name="answer">The answer as text: free text; yes or no; an amount such as 1234.50; a date as yyyy-MM-dd; a document id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The questionnaire.</returns>
    /// <exception cref="CollabRefusalException">Unknown questionnaire or question; completed; the answer does not fit the type; the user may not see it.</exception>
    public async Task<QuestionnaireView> AnswerQuestionnaireAsync(ActingParty party, QuestionnaireId questionnaire, string questionId, string answer, CancellationToken cancellationToken = default)
    {
        var (_, found) = await QuestionnaireAsync(party, CollabAction.AnswerQuestionnaire, questionnaire, cancellationToken).ConfigureAwait(false);
        await TierGate.RequireAsync(_tiers, _catalogue, found.OfficeId, found.ClientId, Feature.PrepareByClientQuestionnaires, cancellationToken).ConfigureAwait(false);
        var question = found.Sections.SelectMany(s => s.Questions).FirstOrDefault(q => q.Id == questionId);
        var document = question?.Type == AnswerType.File && Guid.TryParse(answer, out var id)
            ? await _documents.FindDocumentAsync(new DocumentId(id), cancellationToken).ConfigureAwait(false)
            : null;
        found.Answer(questionId, answer, d => document is not null && document.Id == d && document.ClientId == found.ClientId && document.CompanyId == found.CompanyId,
            _clock.GetCurrentInstant());
        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return QuestionnaireView.Of(found);
    }

    /// <summary>The client completes the questionnaire: every required question must be answered (SHARE-9).</summary>
    /// <param name="party">Who acts; Collab checks the party against its registry (SEC-3). A client user who may reach the questionnaire's company.</param>
    /// <param name="questionnaire">The questionnaire.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The questionnaire.</returns>
    /// <exception cref="CollabRefusalException">Unknown; already completed; required answers missing; the user may not see it.</exception>
    public async Task<QuestionnaireView> CompleteQuestionnaireAsync(ActingParty party, QuestionnaireId questionnaire, CancellationToken cancellationToken = default)
    {
        var (acting, found) = await QuestionnaireAsync(party, CollabAction.AnswerQuestionnaire, questionnaire, cancellationToken).ConfigureAwait(false);
        var clientUser = acting.UserId;
        var now = _clock.GetCurrentInstant();
        found.Complete(clientUser, now);
        if (await _items.FindPortalItemAsync(found.Id.Value, cancellationToken).ConfigureAwait(false) is { } item)
        {
            item.Update(false, "Completed", false, now);
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return QuestionnaireView.Of(found);
    }

    /// <summary>Completion per client of everything sent from a template (SHARE-9).</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One line per questionnaire sent.</returns>
    public async Task<IReadOnlyList<QuestionnaireProgress>> ProgressAsync(ActingParty party, QuestionnaireTemplateId template, CancellationToken cancellationToken = default)
    {
        await TemplateAsync(party, template, cancellationToken).ConfigureAwait(false);
        return (await _questionnaires.QuestionnairesOfTemplateAsync(template, cancellationToken).ConfigureAwait(false))
            .Select(q => new QuestionnaireProgress(q.Id, q.ClientId, q.CompanyId, q.TemplateVersion, q.State, q.Answers.Count, q.Sections.Sum(s => s.Questions.Count)))
            .ToList();
    }

    /// <summary>Finds a questionnaire.</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="questionnaire">The questionnaire.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The questionnaire, or null.</returns>
    public async Task<QuestionnaireView?> FindQuestionnaireAsync(ActingParty party, QuestionnaireId questionnaire, CancellationToken cancellationToken = default)
    {
        var found = questionnaire == default ? null : await _questionnaires.FindQuestionnaireAsync(questionnaire, cancellationToken).ConfigureAwait(false);
        return await _access.TryAuthorizeAsync(party, CollabAction.ReadQuestions, found, new AuditSubject("questionnaire", questionnaire.ToString()), cancellationToken).ConfigureAwait(false) is null ? null : QuestionnaireView.Of(found!);
    }

    /// <summary>
    /// Queues the deadline reminder of every open questionnaire whose reminder is due (SHARE-4's rule reused), each once,
    /// even with several scheduler instances. The text is the office's house-style reminder when the client's tier includes it;
    /// a tier without <see cref="Feature.DeadlineReminders"/> at that moment gets none (SHARE-11).
    /// </summary>
    /// <param name="max">At most this many per call.</param>
    /// <param name="cancellationToken">Cancels between questionnaires.</param>
    /// <returns>How many reminders this call queued.</returns>
    public async Task<int> SendDueRemindersAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        var due = await _questionnaires.FindDueQuestionnaireRemindersAsync(_clock.GetCurrentInstant(), max, cancellationToken).ConfigureAwait(false);
        return await _reminders.RunAsync(due, Reminder, cancellationToken).ConfigureAwait(false);
    }

    private static readonly ReminderRule<Questionnaire> Reminder = new(
        NotificationKind.QuestionnaireReminder, q => AuditSubject.Client(q.ClientId), q => q.Name, q => new("notification.questionnaire-reminder", q.Name, q.Deadline!.Value));

    // Each loader reads its target only to learn whose it is; the caller gets it only when the check passes (SEC-3).
    private async Task<(Acting Acting, QuestionBatch Batch)> BatchAsync(ActingParty party, CollabAction action, QuestionBatchId batch, CancellationToken cancellationToken)
    {
        var found = batch == default ? null : await _batches.FindBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        return (await _access.AuthorizeAsync(party, action, found, new AuditSubject("question-batch", batch.ToString()), cancellationToken).ConfigureAwait(false), found);
    }

    private async Task<(Actor Actor, QuestionnaireTemplate Template)> TemplateAsync(ActingParty party, QuestionnaireTemplateId template, CancellationToken cancellationToken)
    {
        var found = template == default ? null : await _templates.FindTemplateAsync(template, cancellationToken).ConfigureAwait(false);
        return ((await _access.AuthorizeAsync(party, CollabAction.ManageQuestionnaires, found, new AuditSubject("questionnaire-template", template.ToString()), cancellationToken).ConfigureAwait(false)).Actor, found);
    }

    private async Task<(Acting Acting, Questionnaire Questionnaire)> QuestionnaireAsync(ActingParty party, CollabAction action, QuestionnaireId questionnaire, CancellationToken cancellationToken)
    {
        var found = questionnaire == default ? null : await _questionnaires.FindQuestionnaireAsync(questionnaire, cancellationToken).ConfigureAwait(false);
        return (await _access.AuthorizeAsync(party, action, found, new AuditSubject("questionnaire", questionnaire.ToString()), cancellationToken).ConfigureAwait(false), found);
    }
}
