using Collab.Deliverables;
using Collab.Registry;
using Collab.Texts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Collab.Evidence;

/// <summary>
/// Issues the receipt of every approval and rejection (SHARE-18) in the save that records the decision: it reads the
/// decision's event, signs a receipt naming the audit row the event becomes (AUD-2), keeps it with the deliverable and
/// queues it to the client user who decided, with the decision's notification.
/// </summary>
internal sealed class ReceiptIssuer(IServiceProvider services, IUserStore users, ICompanyStore companies, IOfficeStore offices, OfficeCalendar calendar, CollabTexts texts, ReceiptKey key)
    : IDomainEventHandler
{
    public async Task HandleAsync(AggregateRoot source, IReadOnlyList<IDomainEvent> events, List<AggregateRoot> added, List<AggregateRoot> changed, CancellationToken cancellationToken)
    {
        if (source is not Deliverable deliverable)
        {
            return;
        }

        foreach (var decided in events.OfType<DeliverableChanged>().Where(e => e.Action is AuditAction.DeliverableApproved or AuditAction.DeliverableRejected))
        {
            var userId = new UserId(Guid.Parse(decided.Actor.Id));
            var user = await users.FindUserAsync(userId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The deciding user {userId} is not in the registry.");
            var company = await companies.FindCompanyAsync(deliverable.CompanyId, cancellationToken).ConfigureAwait(false);
            var office = await offices.FindOfficeAsync(deliverable.OfficeId, cancellationToken).ConfigureAwait(false);
            var receipt = key.Signer.Sign(Compose(deliverable, decided, user, company?.Name ?? string.Empty, office is null ? calendar.DefaultZone : calendar.ZoneOf(office)));
            added.Add(DecisionReceipt.Keep(deliverable.Id, receipt, userId, decided.OccurredAt));
            var unitOfWork = services.GetRequiredService<ICollabUnitOfWork>();
            var json = System.Text.Encoding.UTF8.GetString(receipt.ToJson());
            unitOfWork.Notify(texts, [user], NotificationKind.DeliverableDecided, AuditSubject.Deliverable(deliverable.Id), new("notification.receipt", deliverable.Title, json));
        }
    }

    private ApprovalReceipt Compose(Deliverable deliverable, DeliverableChanged decided, CollabUser user, string companyName, DateTimeZone zone)
    {
        var approved = decided.Action == AuditAction.DeliverableApproved;
        var culture = CollabTexts.LanguageFor(user.Language);
        var context = services.GetService<IDecisionContext>();
        var statement = approved
            ? texts.Render("receipt.approval-statement", culture, deliverable.Title, deliverable.Revision)
            : texts.Render("receipt.rejection-statement", culture, deliverable.Title, deliverable.Revision, deliverable.RejectionReason ?? string.Empty);
        return new ApprovalReceipt(
            approved ? "approved" : "rejected",
            new ReceiptDeliverable(deliverable.Id.ToString(), deliverable.Kind.ToString(), deliverable.Title, deliverable.Period.ToString(),
                deliverable.CompanyId.ToString(), companyName, deliverable.OfficeId.ToString(), deliverable.Revision),
            [.. deliverable.Documents.OrderBy(d => d.FileName, StringComparer.Ordinal).Select(d => new ReceiptDocument(d.FileName, d.Sha256))],
            new ReceiptDecider(user.Id.ToString(), context?.DisplayName ?? user.Email, user.Email,
                user.HomeOfficeId is { } home ? "office:" + home : "client",
                user.Acceptance == UserAcceptance.Invitation && user.AcceptedAt is { } accepted ? InstantPattern.ExtendedIso.Format(accepted) : "platform"),
            context?.AuthenticationMethod ?? "unreported",
            new ReceiptStatement(culture.TwoLetterISOLanguageName, statement),
            new ReceiptInstant(InstantPattern.ExtendedIso.Format(decided.OccurredAt), OffsetDateTimePattern.ExtendedIso.Format(decided.OccurredAt.InZone(zone).ToOffsetDateTime()), zone.Id),
            new ReceiptAuditRow(AuditChains.For(deliverable), decided.AuditId.ToString()),
            string.Empty,
            string.Empty);
    }
}

/// <summary>The receipt signer made once from <see cref="ReceiptOptions"/>; a missing key fails on first use with what to set.</summary>
internal sealed class ReceiptKey(IOptions<CollabOptions> options)
{
    private readonly Lazy<ReceiptSigner> _signer = new(() => options.Value.Receipts.CreateSigner());

    public ReceiptSigner Signer => _signer.Value;
}
