using Collab.Authorization;
using Collab.Notifications;
using Collab.Registry;
using Collab.Tiers;
using NodaTime;

namespace Collab.Portal;

/// <summary>
/// Questions to the client, the office's side (SHARE-8): a batch collected over several services and sent at once, with one
/// notification and one portal entry. The client answers through <see cref="QuestionAnswers"/>; resolved from dependency injection.
/// </summary>
/// <param name="reader">Loads question batches, templates and questionnaires for a checked party (SEC-3).</param>
/// <param name="gate">Reads the client's tier now (SHARE-11).</param>
/// <param name="notifier">Tells the client's users, in their language (TXT-1).</param>
/// <param name="unitOfWork">Saves changes.</param>
/// <param name="clock">The clock.</param>
public sealed class QuestionBatches(PortalReader reader, FeatureGate gate, CollabNotifier notifier, ICollabUnitOfWork unitOfWork, IClock clock)
{
    private readonly PortalReader _reader = reader;
    private readonly FeatureGate _gate = gate;
    private readonly CollabNotifier _notifier = notifier;
    private readonly ICollabUnitOfWork _unitOfWork = unitOfWork;
    private readonly IClock _clock = clock;

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
        var (_, owner) = await _reader.CompanyAsync(party, CollabAction.PrepareQuestions, company, office, cancellationToken).ConfigureAwait(false);
        await _gate.RequireAsync(office, owner.ClientId, Feature.ClientQuestions, cancellationToken).ConfigureAwait(false);
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
        var (_, found) = await _reader.BatchAsync(party, CollabAction.PrepareQuestions, batch, cancellationToken).ConfigureAwait(false);
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
        var (acting, found) = await _reader.BatchAsync(party, CollabAction.PrepareQuestions, batch, cancellationToken).ConfigureAwait(false);
        var actor = acting.Actor;
        var dependent = await _gate.DependentCollaborationsAsync(found.ClientId, found.OfficeId, cancellationToken).ConfigureAwait(false); // SEC-4: before the tier
        await _gate.RequireAsync(found.OfficeId, found.ClientId, Feature.ClientQuestions, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        found.Send(actor, now);
        TierGate.NoteDependentWork(dependent, now); // SEC-4
        _unitOfWork.Add(PortalItem.Share(PortalItemKind.QuestionBatch, found.Id.Value, found.OfficeId, found.ClientId, found.CompanyId, found.Title, now, true, null, found.Status));
        await _notifier.ClientUsersAsync(found.OfficeId, found.ClientId, found.CompanyId, NotificationKind.QuestionsSent, AuditSubject.Client(found.ClientId), new("notification.questions-sent", found.Questions.Count, found.Title), null, cancellationToken).ConfigureAwait(false);

        await _unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return QuestionBatchView.Of(found);
    }
}
