using NodaTime;

namespace Collab.Portal;

/// <summary>Reads the client portal: history, documents, questions, questionnaires and house styles (SHARE-6 … SHARE-10).</summary>
public interface IPortalStore
{
    /// <summary>Finds a portal entry by the id of the thing it shows, tracked.</summary>
    /// <param name="id">The report, document, batch or questionnaire id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or null.</returns>
    Task<PortalItem?> FindPortalItemAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of a client's history: entries of the given companies and offices, not hidden, newest first, after the
    /// cursor (index on client, shared instant and id).
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="companies">The companies the user may reach.</param>
    /// <param name="portalTiers">The tiers that include the permanent portal: only entries of offices whose collaboration with the client is on one of them.</param>
    /// <param name="after">Where the previous page ended; null for the first page.</param>
    /// <param name="pageSize">How many.</param>
    /// <param name="openOnly">Only entries that wait for the client.</param>
    /// <param name="office">Only entries of this office (the reader is homed at it, SEC-5); null for every office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, untracked.</returns>
    Task<IReadOnlyList<PortalItem>> PortalHistoryAsync(
        ClientId client, IReadOnlyCollection<CompanyId> companies, IReadOnlyCollection<Tiers.ClientTier> portalTiers, PortalCursor? after, int pageSize, bool openOnly,
        OfficeId? office = null, CancellationToken cancellationToken = default);

    /// <summary>Finds a document.</summary>
    /// <param name="id">The document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document, or null.</returns>
    Task<PortalDocument?> FindDocumentAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a question batch, tracked.</summary>
    /// <param name="id">The batch.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch, or null.</returns>
    Task<QuestionBatch?> FindBatchAsync(QuestionBatchId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a questionnaire template, tracked.</summary>
    /// <param name="id">The template.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The template, or null.</returns>
    Task<QuestionnaireTemplate?> FindTemplateAsync(QuestionnaireTemplateId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a client's questionnaire, tracked.</summary>
    /// <param name="id">The questionnaire.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The questionnaire, or null.</returns>
    Task<Questionnaire?> FindQuestionnaireAsync(QuestionnaireId id, CancellationToken cancellationToken = default);

    /// <summary>Every questionnaire sent from a template, untracked (completion per client).</summary>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The questionnaires.</returns>
    Task<IReadOnlyList<Questionnaire>> QuestionnairesOfTemplateAsync(QuestionnaireTemplateId template, CancellationToken cancellationToken = default);

    /// <summary>Open questionnaires whose reminder is due and not sent, oldest first, tracked.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The questionnaires.</returns>
    Task<IReadOnlyList<Questionnaire>> FindDueQuestionnaireRemindersAsync(Instant now, int max, CancellationToken cancellationToken = default);

    /// <summary>Question batches the office sent to the given clients that are not fully answered yet (open work, TIER-4).</summary>
    /// <param name="office">The office.</param>
    /// <param name="clients">The clients.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Client and title per open batch.</returns>
    Task<IReadOnlyList<(ClientId Client, string Title)>> OpenBatchesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken = default);

    /// <summary>Questionnaires the office sent to the given clients that are not completed yet (open work, TIER-4).</summary>
    /// <param name="office">The office.</param>
    /// <param name="clients">The clients.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Client, name and deadline per open questionnaire.</returns>
    Task<IReadOnlyList<(ClientId Client, string Name, LocalDate? Deadline)>> OpenQuestionnairesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken = default);

    /// <summary>Finds an office's house style, tracked.</summary>
    /// <param name="office">The office.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The style, or null.</returns>
    Task<HouseStyle?> FindHouseStyleAsync(OfficeId office, CancellationToken cancellationToken = default);

    /// <summary>Finds the house style that owns a portal slug, untracked.</summary>
    /// <param name="slug">The slug.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The style, or null.</returns>
    Task<HouseStyle?> FindHouseStyleBySlugAsync(string slug, CancellationToken cancellationToken = default);
}
