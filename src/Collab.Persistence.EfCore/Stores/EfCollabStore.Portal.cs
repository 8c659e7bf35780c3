using Collab.Portal;
using Collab.Stores;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Collab.Persistence.EfCore;

// The client portal (SHARE-6 … SHARE-10).
internal sealed partial class EfCollabStore<TContext> : IPortalStore
{
    public Task<PortalItem?> FindPortalItemAsync(Guid id, CancellationToken cancellationToken) =>
        _context.Set<PortalItem>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<IReadOnlyList<PortalItem>> PortalHistoryAsync(
        ClientId client, IReadOnlyCollection<CompanyId> companies, IReadOnlyCollection<OfficeId> offices, PortalCursor? after, int pageSize, bool openOnly, CancellationToken cancellationToken)
    {
        var companyIds = companies.ToArray();
        var officeIds = offices.ToArray();
        var query = _context.Set<PortalItem>().AsNoTracking()
            .Where(i => i.ClientId == client && !i.Hidden && companyIds.Contains(i.CompanyId) && officeIds.Contains(i.OfficeId));
        if (openOnly)
        {
            query = query.Where(i => i.OpenAction);
        }

        if (after is { } cursor)
        {
            // Keyset paging: strictly older than the last item shown (ties broken by id), stable while new items arrive.
            query = query.Where(i => i.SharedAt < cursor.SharedAt || (i.SharedAt == cursor.SharedAt && i.Id.CompareTo(cursor.Id) < 0));
        }

        return await query.OrderByDescending(i => i.SharedAt).ThenByDescending(i => i.Id).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OfficeId>> OfficesOnTiersAsync(ClientId client, IReadOnlyCollection<ClientTier> tiers, CancellationToken cancellationToken)
    {
        var wanted = tiers.ToArray();
        return await _context.Set<ClientCollaboration>().AsNoTracking()
            .Where(c => c.ClientId == client && wanted.Contains(c.Tier))
            .Select(c => c.OfficeId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<PortalDocument?> FindDocumentAsync(DocumentId id, CancellationToken cancellationToken) =>
        _context.Set<PortalDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public Task<QuestionBatch?> FindBatchAsync(QuestionBatchId id, CancellationToken cancellationToken) =>
        _context.Set<QuestionBatch>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    public Task<QuestionnaireTemplate?> FindTemplateAsync(QuestionnaireTemplateId id, CancellationToken cancellationToken) =>
        _context.Set<QuestionnaireTemplate>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public Task<Questionnaire?> FindQuestionnaireAsync(QuestionnaireId id, CancellationToken cancellationToken) =>
        _context.Set<Questionnaire>().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Questionnaire>> QuestionnairesOfTemplateAsync(QuestionnaireTemplateId template, CancellationToken cancellationToken) =>
        await _context.Set<Questionnaire>().AsNoTracking().Where(q => q.TemplateId == template).OrderBy(q => q.SentAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Questionnaire>> FindDueQuestionnaireRemindersAsync(Instant now, int max, CancellationToken cancellationToken) =>
        await _context.Set<Questionnaire>()
            .Where(q => q.State == QuestionnaireState.Open && q.ReminderSentAt == null && q.ReminderDueAt <= now)
            .OrderBy(q => q.ReminderDueAt)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public Task<HouseStyle?> FindHouseStyleAsync(OfficeId office, CancellationToken cancellationToken) =>
        _context.Set<HouseStyle>().FirstOrDefaultAsync(s => s.OfficeId == office, cancellationToken);

    public Task<HouseStyle?> FindHouseStyleBySlugAsync(string slug, CancellationToken cancellationToken) =>
        _context.Set<HouseStyle>().AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
}
