using Collab.Authorization;
using Collab.Notifications;
using Collab.Registry;
using Collab.Tiers;
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
/// Prepare-by-client questionnaires, the office's side (SHARE-9): versioned templates sent to many clients, each copy frozen
/// at the version it received, with a deadline reminded by SHARE-4's rule, and completion tracked per client. The client
/// answers through <see cref="QuestionAnswers"/>; resolved from dependency injection.
/// </summary>
/// <param name="reader">Loads question batches, templates and questionnaires for a checked party (SEC-3).</param>
/// <param name="deadlines">The office's zone and a deadline's reminder moment (RET-1, SHARE-4).</param>
/// <param name="gate">Reads the client's tier now (SHARE-11).</param>
/// <param name="notifier">Tells the client's users, in their language (TXT-1).</param>
/// <param name="unitOfWork">Saves changes.</param>
/// <param name="clock">The clock.</param>
public sealed class QuestionnaireTemplates(PortalReader reader, OfficeDeadlines deadlines, FeatureGate gate, CollabNotifier notifier, ICollabUnitOfWork unitOfWork, IClock clock)
{
    private readonly PortalReader _reader = reader;
    private readonly OfficeDeadlines _deadlines = deadlines;
    private readonly FeatureGate _gate = gate;
    private readonly CollabNotifier _notifier = notifier;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;

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
        var actor = (await _reader.Access.AuthorizeAsync(party, CollabAction.ManageQuestionnaires, office, cancellationToken).ConfigureAwait(false)).Actor;
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
        var (actor, found) = await _reader.TemplateAsync(party, template, cancellationToken).ConfigureAwait(false);
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
        var (actor, found) = await _reader.TemplateAsync(party, template, cancellationToken).ConfigureAwait(false);
        var zone = await _deadlines.ZoneAsync(found.OfficeId, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<QuestionnaireSendOutcome>(companies.Count);
        foreach (var company in companies.Distinct())
        {
            try
            {
                var (_, owner) = await _reader.CompanyAsync(party, CollabAction.ManageQuestionnaires, company, found.OfficeId, cancellationToken).ConfigureAwait(false);
                var dependent = await _gate.DependentCollaborationsAsync(owner.ClientId, found.OfficeId, cancellationToken).ConfigureAwait(false); // SEC-4: before the tier
                await _gate.RequireAsync(found.OfficeId, owner.ClientId, Feature.PrepareByClientQuestionnaires, cancellationToken).ConfigureAwait(false);
                var now = _clock.GetCurrentInstant();
                var questionnaire = Questionnaire.Send(found, owner.ClientId, owner.Id, deadline,
                    deadline is { } d ? _deadlines.ReminderDueAt(d, zone) : null, actor, now);
                _unitOfWork.Add(questionnaire);
                TierGate.NoteDependentWork(dependent, now); // SEC-4
                _unitOfWork.Add(PortalItem.Share(PortalItemKind.Questionnaire, questionnaire.Id.Value, found.OfficeId, owner.ClientId, owner.Id, found.Name, now, true, deadline, "Open"));
                await _notifier.ClientUsersAsync(found.OfficeId, owner.ClientId, owner.Id, NotificationKind.QuestionnaireSent, AuditSubject.Client(owner.ClientId),
                    deadline is { } due ? new("notification.questionnaire-sent-by", found.Name, due) : new("notification.questionnaire-sent", found.Name), null, cancellationToken).ConfigureAwait(false);

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

    /// <summary>Completion per client of everything sent from a template (SHARE-9).</summary>
    /// <param name="party">Who acts or asks; Collab checks the party against its registry (SEC-3).</param>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One line per questionnaire sent.</returns>
    public async Task<IReadOnlyList<QuestionnaireProgress>> ProgressAsync(ActingParty party, QuestionnaireTemplateId template, CancellationToken cancellationToken = default)
    {
        await _reader.TemplateAsync(party, template, cancellationToken).ConfigureAwait(false);
        return (await _reader.Questionnaires.QuestionnairesOfTemplateAsync(template, cancellationToken).ConfigureAwait(false))
            .Select(q => new QuestionnaireProgress(q.Id, q.ClientId, q.CompanyId, q.TemplateVersion, q.State, q.Answers.Count, q.Sections.Sum(s => s.Questions.Count)))
            .ToList();
    }
}
