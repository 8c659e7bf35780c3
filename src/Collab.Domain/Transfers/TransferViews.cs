using NodaTime;

namespace Collab.Transfers;

/// <summary>
/// A transfer request as its parties see it (SEC-6, XFER-2): the administrators of both environments, their colleagues, and
/// the client's own users that reach every company it moves. A copy taken at the read.
/// </summary>
/// <param name="Id">The request's id.</param>
/// <param name="ClientId">The client whose administrations move.</param>
/// <param name="FromEnvironment">The environment they leave.</param>
/// <param name="ToEnvironment">The environment they go to.</param>
/// <param name="Administrations">The administrations that move.</param>
/// <param name="ClientEmail">The client's address, invited to the new environment.</param>
/// <param name="RequestedBy">Who asked for it.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="ExpiresAt">When it expires unless all three consented.</param>
/// <param name="State">Where it stands.</param>
/// <param name="OldAdministratorConsentAt">When the old environment's administrator consented.</param>
/// <param name="OldAdministratorConsentBy">Who consented for the old environment.</param>
/// <param name="ClientConsentAt">When the client consented.</param>
/// <param name="ClientConsentBy">Who consented for the client.</param>
/// <param name="NewAdministratorConsentAt">When the new environment's administrator consented.</param>
/// <param name="NewAdministratorConsentBy">Who consented for the new environment.</param>
/// <param name="ClosedAt">When it was refused, cancelled, expired or executed.</param>
/// <param name="RefusalReason">Why a party refused, for the other parties.</param>
/// <param name="BilledTo">Who is billed after the move, once executed.</param>
/// <param name="BankLinks">The bank links that move along (XFER-5).</param>
public sealed record TransferView(
    TransferRequestId Id, ClientId ClientId, EnvironmentId FromEnvironment, EnvironmentId ToEnvironment, IReadOnlyList<AdministrationId> Administrations,
    string ClientEmail, UserId RequestedBy, Instant RequestedAt, Instant ExpiresAt, TransferState State, Instant? OldAdministratorConsentAt,
    UserId? OldAdministratorConsentBy, Instant? ClientConsentAt, UserId? ClientConsentBy, Instant? NewAdministratorConsentAt, UserId? NewAdministratorConsentBy,
    Instant? ClosedAt, string? RefusalReason, BillingParty? BilledTo, IReadOnlyList<BankLink> BankLinks)
{
    /// <summary>How many of the three parties consented.</summary>
    public int ConsentCount => TransferConsents.Count(OldAdministratorConsentAt, ClientConsentAt, NewAdministratorConsentAt);

    /// <summary>Whether a party consented.</summary>
    /// <param name="party">The party.</param>
    /// <returns>True once it consented.</returns>
    public bool HasConsented(TransferParty party) => TransferConsents.Given(party, OldAdministratorConsentAt, ClientConsentAt, NewAdministratorConsentAt);

    internal static TransferView Of(TransferRequest r) => new(
        r.Id, r.ClientId, r.FromEnvironment, r.ToEnvironment, [.. r.Administrations], r.ClientEmail, r.RequestedBy, r.RequestedAt, r.ExpiresAt, r.State,
        r.OldAdministratorConsentAt, r.OldAdministratorConsentBy, r.ClientConsentAt, r.ClientConsentBy, r.NewAdministratorConsentAt, r.NewAdministratorConsentBy,
        r.ClosedAt, r.RefusalReason, r.BilledTo, [.. r.BankLinks]);
}

/// <summary>One line of a transfer's follow-up checklist (XFER-5) as the transfer's parties see it (SEC-6). A copy taken at the read.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="TransferId">The transfer it follows up.</param>
/// <param name="Position">Its place in the list; tick it off with this.</param>
/// <param name="Kind">What kind of thing it is.</param>
/// <param name="Description">What to do, in English; <see cref="Describe"/> gives the reader's language.</param>
/// <param name="Bank">For a bank link: the bank.</param>
/// <param name="AdministrationNumber">For a bank link: the administration's number as shown.</param>
/// <param name="ManagedBy">For a bank link: who managed it before.</param>
/// <param name="DoneAt">When it was ticked off.</param>
/// <param name="DoneBy">Who ticked it off.</param>
public sealed record FollowUpItemView(
    Guid Id, TransferRequestId TransferId, int Position, FollowUpKind Kind, string Description, string? Bank, string? AdministrationNumber,
    BankLinkManager? ManagedBy, Instant? DoneAt, UserId? DoneBy)
{
    /// <summary>The item in a reader's language (TXT-1).</summary>
    /// <param name="texts">The text catalogue.</param>
    /// <param name="culture">Dutch or English.</param>
    /// <returns>The text.</returns>
    public string Describe(Texts.CollabTexts texts, System.Globalization.CultureInfo culture) => FollowUpItem.Describe(texts, culture, Kind, Bank, AdministrationNumber, ManagedBy);

    internal static FollowUpItemView Of(FollowUpItem i) => new(i.Id, i.TransferId, i.Position, i.Kind, i.Description, i.Bank, i.AdministrationNumber, i.ManagedBy, i.DoneAt, i.DoneBy);
}
