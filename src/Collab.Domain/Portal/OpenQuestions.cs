using Collab.Tiers;

namespace Collab.Portal;

/// <summary>
/// The portal's open work (TIER-4): question batches sent and not fully answered, and questionnaires not completed,
/// each waiting for the client. A downgrade that would take away their feature is refused, naming them by title.
/// </summary>
internal sealed class OpenQuestions(IQuestionBatchStore batches, IQuestionnaireStore questionnaires) : IOpenWorkSource
{
    public async Task<IReadOnlyList<OpenWork>> FindOpenWorkAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        var work = new List<OpenWork>();
        foreach (var (client, title) in await batches.ListOpenBatchesAsync(office, clients, cancellationToken).ConfigureAwait(false))
        {
            work.Add(new OpenWork(client, Feature.ClientQuestions, $"questions '{title}' (waiting for answers)", new("openwork.questions", title)));
        }

        foreach (var (client, name, deadline) in await questionnaires.ListOpenQuestionnairesAsync(office, clients, cancellationToken).ConfigureAwait(false))
        {
            work.Add(new OpenWork(client, Feature.PrepareByClientQuestionnaires,
                deadline is { } day ? $"questionnaire '{name}' (deadline {day:yyyy-MM-dd})" : $"questionnaire '{name}' (not completed)",
                deadline is { } due ? new("openwork.questionnaire-by", name, due) : new("openwork.questionnaire-open", name)));
        }

        return work;
    }
}
