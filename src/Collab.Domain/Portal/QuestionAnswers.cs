using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;
using NodaTime;

namespace Collab.Portal;

/// <summary>
/// The client's side of questions (SHARE-8) and questionnaires (SHARE-9): a client user who reaches the company answers,
/// with typed answers for questionnaires, and completes; the portal entry follows. Resolved from dependency injection.
/// </summary>
/// <param name="reader">Loads question batches, templates and questionnaires for a checked party (SEC-3).</param>
/// <param name="gate">Reads the client's tier now (SHARE-11).</param>
/// <param name="items">Reads portal entries.</param>
/// <param name="documents">Reads documents (file answers).</param>
/// <param name="unitOfWork">Saves changes.</param>
/// <param name="clock">The clock.</param>
public sealed class QuestionAnswers(PortalReader reader, FeatureGate gate, IPortalItemStore items, IPortalDocumentStore documents, ICollabUnitOfWork unitOfWork, IClock clock)
{
    private readonly PortalReader _reader = reader;
    private readonly FeatureGate _gate = gate;
    private readonly IPortalItemStore _items = items;
    private readonly IPortalDocumentStore _documents = documents;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;

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
        var (acting, found) = await _reader.BatchAsync(party, CollabAction.AnswerQuestions, batch, cancellationToken).ConfigureAwait(false);
        var clientUser = acting.UserId;
        await _gate.RequireAsync(found.OfficeId, found.ClientId, Feature.ClientQuestions, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        found.Answer(number, answer, clientUser, now);
        if (await _items.FindPortalItemAsync(found.Id.Value, cancellationToken).ConfigureAwait(false) is { } item)
        {
            item.Update(found.State != QuestionBatchState.Answered, found.Status, false, now);
        }

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return QuestionBatchView.Of(found);
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
        var (_, found) = await _reader.QuestionnaireAsync(party, CollabAction.AnswerQuestionnaire, questionnaire, cancellationToken).ConfigureAwait(false);
        await _gate.RequireAsync(found.OfficeId, found.ClientId, Feature.PrepareByClientQuestionnaires, cancellationToken).ConfigureAwait(false);
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
        var (acting, found) = await _reader.QuestionnaireAsync(party, CollabAction.AnswerQuestionnaire, questionnaire, cancellationToken).ConfigureAwait(false);
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
}
