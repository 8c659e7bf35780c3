using NodaTime;

namespace Collab.Lifecycle;

/// <summary>A client's subscription as its readers (the client and the office that registered it) see it (SEC-6). A copy taken at the read.</summary>
/// <param name="ClientId">The client (also the subscription's key).</param>
/// <param name="OfficeId">The office that registered the client; its time zone governs the dates (RET-1).</param>
/// <param name="Plan">The plan, spelled as in the plan catalogue.</param>
/// <param name="BillingParty">Who is billed.</param>
/// <param name="RegisteredOn">The local day of registration in the office's zone.</param>
/// <param name="FreeThrough">The free period's last local day (ONB-1).</param>
/// <param name="State">Running or cancelled.</param>
/// <param name="CancelledAt">When the client cancelled; null while running.</param>
/// <param name="DeletionDate">The local day its online administrations are deleted; null while running (ONB-6).</param>
public sealed record SubscriptionView(
    ClientId ClientId, OfficeId OfficeId, string Plan, BillingParty BillingParty, LocalDate RegisteredOn, LocalDate FreeThrough, SubscriptionState State,
    Instant? CancelledAt, LocalDate? DeletionDate)
{
    /// <summary>The first local day billed: the day after <see cref="FreeThrough"/>.</summary>
    public LocalDate FirstBilledDay => FreeThrough.PlusDays(1);

    internal static SubscriptionView Of(ClientSubscription s) =>
        new(s.ClientId, s.OfficeId, s.Plan, s.BillingParty, s.RegisteredOn, s.FreeThrough, s.State, s.CancelledAt, s.DeletionDate);
}

/// <summary>
/// A scheduled (or carried out) deletion of an administration as its reader may see it (SEC-6, RET-2). Why a due deletion is
/// blocked — a legal hold's reason is the office's note — is given to an office or the platform; a client user reads only
/// that it is blocked. A copy taken at the read.
/// </summary>
/// <param name="Id">The schedule's id.</param>
/// <param name="AdministrationId">The administration to delete.</param>
/// <param name="AdministrationNumber">Its number, kept for the record after deletion.</param>
/// <param name="AdministrationName">Its name, kept for the record after deletion.</param>
/// <param name="ClientId">The client that cancelled.</param>
/// <param name="OfficeId">The office whose time zone governs the dates.</param>
/// <param name="CancelledAt">When the client cancelled.</param>
/// <param name="DeleteOn">The local day of deletion.</param>
/// <param name="DueAt">When that day starts in the office's zone.</param>
/// <param name="WarningDays">The warning days-before, comma-separated, largest first, as planned.</param>
/// <param name="State">Scheduled, called off or deleted.</param>
/// <param name="IsBlocked">Whether the due deletion did not happen yet.</param>
/// <param name="BlockedReason">Why, for an office or the platform; null for a client user and when not blocked.</param>
/// <param name="DeletedAt">When it was deleted.</param>
/// <param name="Policy">The retention policy's decision that allowed the deletion.</param>
public sealed record DeletionView(
    Guid Id, AdministrationId AdministrationId, AdministrationNumber AdministrationNumber, string AdministrationName, ClientId ClientId, OfficeId OfficeId,
    Instant CancelledAt, LocalDate DeleteOn, Instant DueAt, string WarningDays, DeletionState State, bool IsBlocked, string? BlockedReason, Instant? DeletedAt, string? Policy)
{
    internal static DeletionView Of(DeletionSchedule d, bool clientReader = false) => new(
        d.Id, d.AdministrationId, d.AdministrationNumber, d.AdministrationName, d.ClientId, d.OfficeId, d.CancelledAt, d.DeleteOn, d.DueAt, d.WarningDays, d.State,
        d.BlockedReason is not null, clientReader ? null : d.BlockedReason, d.DeletedAt, d.Policy);
}
