using Collab.Authorization;
using Collab.Deliverables;

namespace Collab.Portal;

/// <summary>
/// The reach rules of the portal's work (SEC-1, SEC-5): a question batch, a questionnaire, a template and a document are an
/// office's work for a company of a client, reached as <see cref="DeliverableReach"/> says. The client's users see a batch once it
/// was sent, a questionnaire and a document at once, a template never (it is the office's, for no client).
/// </summary>
internal sealed class PortalAccess(DeliverableReach work) :
    IReachRule<QuestionBatch>, IReachRule<Questionnaire>, IReachRule<QuestionnaireTemplate>, IReachRule<PortalDocument>
{
    public ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, QuestionBatch target, CancellationToken cancellationToken) =>
        work.ReachesAsync(acting, action, new OfficeWork(target.OfficeId, target.ClientId, target.CompanyId, target.State != QuestionBatchState.Draft), cancellationToken);

    public ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, Questionnaire target, CancellationToken cancellationToken) =>
        work.ReachesAsync(acting, action, new OfficeWork(target.OfficeId, target.ClientId, target.CompanyId, ClientMaySee: true), cancellationToken);

    public ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, QuestionnaireTemplate target, CancellationToken cancellationToken) =>
        work.ReachesAsync(acting, action, new OfficeWork(target.OfficeId, default, default, ClientMaySee: false), cancellationToken);

    public ValueTask<bool> ReachesAsync(Acting acting, CollabAction action, PortalDocument target, CancellationToken cancellationToken) =>
        work.ReachesAsync(acting, action, new OfficeWork(target.OfficeId, target.ClientId, target.CompanyId, ClientMaySee: true), cancellationToken);
}
