using NodaTime;

namespace Collab.Transfers;

/// <summary>What kind of thing a transfer did not copy (XFER-5).</summary>
public enum FollowUpKind
{
    /// <summary>A bank link (Rabobank, Knab, …) to set up again.</summary>
    BankLink = 1,

    /// <summary>Ports and certificates.</summary>
    PortsAndCertificates = 2,

    /// <summary>Environment setting: VAT access rights.</summary>
    VatAccessRights = 3,

    /// <summary>Environment setting: report structure.</summary>
    ReportStructure = 4,
}

/// <summary>One line of the follow-up checklist the new office gets after a transfer (XFER-5); it can be ticked off.</summary>
public sealed class FollowUpItem : AggregateRoot
{
    private FollowUpItem() => Description = string.Empty;

    /// <summary>The item's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The transfer it follows up.</summary>
    public TransferRequestId TransferId { get; private set; }

    /// <summary>Its place in the list.</summary>
    public int Position { get; private set; }

    /// <summary>What kind of thing it is.</summary>
    public FollowUpKind Kind { get; private set; }

    /// <summary>What to do, in words.</summary>
    public string Description { get; private set; }

    /// <summary>For a bank link: the bank.</summary>
    public string? Bank { get; private set; }

    /// <summary>For a bank link: the administration's number as shown.</summary>
    public string? AdministrationNumber { get; private set; }

    /// <summary>The item in a reader's language (TXT-1); <see cref="Description"/> is the English text.</summary>
    /// <param name="texts">The text catalogue.</param>
    /// <param name="culture">Dutch or English.</param>
    /// <returns>The text.</returns>
    public string Describe(Texts.CollabTexts texts, System.Globalization.CultureInfo culture) => Describe(texts, culture, Kind, Bank, AdministrationNumber, ManagedBy);

    internal static string Describe(Texts.CollabTexts texts, System.Globalization.CultureInfo culture, FollowUpKind kind, string? bank, string? number, BankLinkManager? managedBy)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var text = Text(kind, bank, number, managedBy);
        return texts.Render(text.Key, culture, text.Arguments ?? []);
    }

    private static Texts.TextRef Text(FollowUpKind kind, string? bank, string? number, BankLinkManager? managedBy) => kind switch
    {
        FollowUpKind.BankLink => new("followup.item.bank-link", bank, number, new Texts.TextRef($"manager.{managedBy}")),
        FollowUpKind.PortsAndCertificates => new("followup.item.ports"),
        FollowUpKind.VatAccessRights => new("followup.item.vat-rights"),
        _ => new("followup.item.report-structure"),
    };

    /// <summary>For a bank link: who managed it before.</summary>
    public BankLinkManager? ManagedBy { get; private set; }

    /// <summary>When it was ticked off.</summary>
    public Instant? DoneAt { get; private set; }

    /// <summary>Who ticked it off.</summary>
    public UserId? DoneBy { get; private set; }

    internal static IReadOnlyList<FollowUpItem> ChecklistFor(TransferRequest transfer, IReadOnlyDictionary<AdministrationId, AdministrationNumber> numbers)
    {
        var items = new List<FollowUpItem>();
        foreach (var link in transfer.BankLinks)
        {
            var number = numbers.TryGetValue(link.Administration, out var n) ? n.ToString() : link.Administration.ToString();
            items.Add(New(transfer.Id, items.Count, FollowUpKind.BankLink, link.ManagedBy, link.Bank, number));
        }

        items.Add(New(transfer.Id, items.Count, FollowUpKind.PortsAndCertificates, null));
        items.Add(New(transfer.Id, items.Count, FollowUpKind.VatAccessRights, null));
        items.Add(New(transfer.Id, items.Count, FollowUpKind.ReportStructure, null));
        return items;
    }

    internal void Tick(UserId user, Instant now)
    {
        if (DoneAt is not null)
        {
            throw CollabRefusals.FollowupAlreadyDone(Description, DoneAt);
        }

        (DoneAt, DoneBy) = (now, user);
        Raise(new TransferChanged(now, Actor.OfficeUser(user), AuditAction.FollowUpTicked, TransferId, $"item={Position};kind={Kind}"));
    }

    private static FollowUpItem New(TransferRequestId transfer, int position, FollowUpKind kind, BankLinkManager? managedBy, string? bank = null, string? number = null)
    {
        var text = Text(kind, bank, number, managedBy);
        return new()
        {
            Id = Guid.CreateVersion7(), TransferId = transfer, Position = position, Kind = kind, ManagedBy = managedBy, Bank = bank, AdministrationNumber = number,
            Description = Texts.CollabTexts.InEnglish(text.Key, text.Arguments ?? []),
        };
    }
}

/// <summary>
/// A user's access to an environment and some of its administrations: the moved client's user in the new
/// environment (XFER-4), with who pays for it (XFER-6).
/// </summary>
public sealed class EnvironmentAccess : AggregateRoot
{
    private readonly List<AdministrationId> _administrations = [];

    private EnvironmentAccess()
    {
    }

    /// <summary>The environment.</summary>
    public EnvironmentId EnvironmentId { get; private set; }

    /// <summary>The user (the client's existing identity).</summary>
    public UserId UserId { get; private set; }

    /// <summary>The administrations the user is linked to there.</summary>
    public IReadOnlyList<AdministrationId> Administrations => _administrations;

    /// <summary>Who pays for this user (XFER-6).</summary>
    public BillingParty BilledTo { get; private set; }

    /// <summary>When the user was invited.</summary>
    public Instant InvitedAt { get; private set; }

    internal static EnvironmentAccess Grant(EnvironmentId environment, UserId user, BillingParty billedTo, Instant now) =>
        new() { EnvironmentId = environment, UserId = user, BilledTo = billedTo, InvitedAt = now };

    internal void Link(IEnumerable<AdministrationId> administrations, BillingParty billedTo, TransferRequestId transfer, Actor actor, Instant now)
    {
        foreach (var id in administrations)
        {
            if (!_administrations.Contains(id))
            {
                _administrations.Add(id);
            }
        }

        BilledTo = billedTo;
        Raise(new TransferChanged(now, actor, AuditAction.EnvironmentAccessGranted, transfer,
            $"environment={EnvironmentId};user={UserId};administrations={string.Join(',', _administrations)};billedTo={billedTo}"));
    }
}
