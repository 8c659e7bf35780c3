using Collab.Authorization;
using Collab.Registry;
using Collab.Tiers;
using NodaTime;

namespace Collab.Portal;

/// <summary>
/// Reads question batches (SHARE-8) and questionnaires (SHARE-9) for whoever may see them, and loads the portal's aggregates
/// (batches, templates, questionnaires, documents, and the company acted on) for a checked party (SEC-3) for the roles
/// (<see cref="QuestionBatches"/>, <see cref="QuestionnaireTemplates"/>, <see cref="QuestionAnswers"/>,
/// <see cref="PortalDocuments"/>) instead of each repeating it; resolved from dependency injection.
/// </summary>
/// <param name="batches">Reads question batches.</param>
/// <param name="templates">Reads questionnaire templates.</param>
/// <param name="questionnaires">Reads questionnaires.</param>
/// <param name="documents">Reads portal documents.</param>
/// <param name="companies">Reads companies.</param>
/// <param name="access">Checks who acts (SEC-3).</param>
public sealed class PortalReader(IQuestionBatchStore batches, IQuestionnaireTemplateStore templates, IQuestionnaireStore questionnaires, IPortalDocumentStore documents, ICompanyStore companies, CollabAuthorization access)
{
    private readonly IQuestionBatchStore _batches = batches;
    private readonly IQuestionnaireTemplateStore _templates = templates;
    private readonly IQuestionnaireStore _questionnaires = questionnaires;
    private readonly IPortalDocumentStore _documents = documents;
    private readonly ICompanyStore _companies = companies;
    private readonly CollabAuthorization _access = access;

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
    /// <summary>The questionnaire store.</summary>
    internal IQuestionnaireStore Questionnaires => _questionnaires;

    /// <summary>Checks who acts (SEC-3).</summary>
    internal CollabAuthorization Access => _access;

    // The company is read before the check only to learn whose it is (SEC-3).
    internal Task<(Acting Acting, Company Company)> CompanyAsync(ActingParty party, CollabAction action, CompanyId company, OfficeId? office, CancellationToken cancellationToken) =>
        _access.LoadCompanyAsync(_companies, party, action, company, office, cancellationToken);

    // Each loader reads its target only to learn whose it is; the caller gets it only when the check passes (SEC-3).
    internal async Task<(Acting Acting, QuestionBatch Batch)> BatchAsync(ActingParty party, CollabAction action, QuestionBatchId batch, CancellationToken cancellationToken)
    {
        var found = batch == default ? null : await _batches.FindBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        return (await _access.AuthorizeAsync(party, action, found, new AuditSubject("question-batch", batch.ToString()), cancellationToken).ConfigureAwait(false), found);
    }

    internal async Task<(Actor Actor, QuestionnaireTemplate Template)> TemplateAsync(ActingParty party, QuestionnaireTemplateId template, CancellationToken cancellationToken)
    {
        var found = template == default ? null : await _templates.FindTemplateAsync(template, cancellationToken).ConfigureAwait(false);
        return ((await _access.AuthorizeAsync(party, CollabAction.ManageQuestionnaires, found, new AuditSubject("questionnaire-template", template.ToString()), cancellationToken).ConfigureAwait(false)).Actor, found);
    }

    internal async Task<(Acting Acting, PortalDocument Document)> DocumentAsync(ActingParty party, CollabAction action, DocumentId document, CancellationToken cancellationToken)
    {
        var found = document == default ? null : await _documents.FindDocumentAsync(document, cancellationToken).ConfigureAwait(false);
        return (await _access.AuthorizeAsync(party, action, found, new AuditSubject("document", document.ToString()), cancellationToken).ConfigureAwait(false), found);
    }

    internal async Task<(Acting Acting, Questionnaire Questionnaire)> QuestionnaireAsync(ActingParty party, CollabAction action, QuestionnaireId questionnaire, CancellationToken cancellationToken)
    {
        var found = questionnaire == default ? null : await _questionnaires.FindQuestionnaireAsync(questionnaire, cancellationToken).ConfigureAwait(false);
        return (await _access.AuthorizeAsync(party, action, found, new AuditSubject("questionnaire", questionnaire.ToString()), cancellationToken).ConfigureAwait(false), found);
    }
}
