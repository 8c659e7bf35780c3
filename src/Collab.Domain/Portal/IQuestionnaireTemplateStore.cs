namespace Collab.Portal;

/// <summary>The store of the <see cref="QuestionnaireTemplate"/> aggregate (SHARE-9). Reads only; the unit of work saves.</summary>
public interface IQuestionnaireTemplateStore
{
    /// <summary>Finds a questionnaire template, tracked.</summary>
    /// <param name="id">The template.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The template with its versions, or null when none has the id.</returns>
    Task<QuestionnaireTemplate?> FindTemplateAsync(QuestionnaireTemplateId id, CancellationToken cancellationToken = default);
}
