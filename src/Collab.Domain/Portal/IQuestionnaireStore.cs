using NodaTime;

namespace Collab.Portal;

/// <summary>The store of the <see cref="Questionnaire"/> aggregate: a client's frozen copy of a template (SHARE-9). Reads only; the unit of work saves.</summary>
public interface IQuestionnaireStore
{
    /// <summary>Finds a client's questionnaire, tracked.</summary>
    /// <param name="id">The questionnaire.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The questionnaire, or null when none has the id.</returns>
    Task<Questionnaire?> FindQuestionnaireAsync(QuestionnaireId id, CancellationToken cancellationToken = default);

    /// <summary>Every questionnaire sent from a template, untracked (completion per client).</summary>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The questionnaires in any state, oldest sent first; never one of another template.</returns>
    Task<IReadOnlyList<Questionnaire>> QuestionnairesOfTemplateAsync(QuestionnaireTemplateId template, CancellationToken cancellationToken = default);

    /// <summary>Open questionnaires whose reminder is due and not sent, oldest first, tracked.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>At most <paramref name="max"/>, by due instant; never a completed one, one reminded already or one due after <paramref name="now"/>.</returns>
    Task<IReadOnlyList<Questionnaire>> FindDueQuestionnaireRemindersAsync(Instant now, int max, CancellationToken cancellationToken = default);

    /// <summary>Questionnaires the office sent to the given clients that are not completed yet (open work, TIER-4).</summary>
    /// <param name="office">The office.</param>
    /// <param name="clients">The clients.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One entry per open questionnaire, in no particular order; never one of another office or client, nor one completed.</returns>
    Task<IReadOnlyList<OpenQuestionnaire>> ListOpenQuestionnairesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken = default);
}

/// <summary>A questionnaire that waits for its client (<see cref="IQuestionnaireStore.ListOpenQuestionnairesAsync"/>).</summary>
/// <param name="Client">The client it was sent to.</param>
/// <param name="Name">Its name.</param>
/// <param name="Deadline">Its deadline, if it has one.</param>
public sealed record OpenQuestionnaire(ClientId Client, string Name, LocalDate? Deadline);
