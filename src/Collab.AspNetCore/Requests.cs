using Collab.Deliverables;
using Collab.Portal;
using Collab.Rights;
using Collab.Tiers;
using Collab.Transfers;
using NodaTime;

namespace Collab.AspNetCore;

// Request bodies: small records of this package's own, so no route or body names who acts (SEC-3) and no aggregate
// type crosses the wire. Responses are the services' views, passed through.

internal sealed record DraftRequest(CompanyId Company, DeliverableKind Kind, int Year, PeriodLength Period = PeriodLength.Year, int Number = 0, string? Title = null)
{
    public ReportingPeriod ToPeriod() => Period switch
    {
        PeriodLength.Quarter => ReportingPeriod.Quarter(Year, Number),
        PeriodLength.Month => ReportingPeriod.Month(Year, Number),
        _ => ReportingPeriod.FinancialYear(Year),
    };
}

internal sealed record ShareRequest(LocalDate? Deadline = null);

internal sealed record ReasonRequest(string Reason);

internal sealed record TierRequest(ClientTier Tier);

internal sealed record BulkTierRequest(IReadOnlyCollection<ClientId> Clients, ClientTier Tier);

internal sealed record CollaborationRequest(ClientId Client, ClientTier Tier, LocalDate StartsOn);

internal sealed record EndCollaborationRequest(LocalDate EndsOn);

internal sealed record TransferCreateRequest(EnvironmentId From, EnvironmentId To, IReadOnlyCollection<AdministrationId> Administrations, string ClientEmail, IReadOnlyList<BankLink>? BankLinks = null);

internal sealed record TransferRoleRequest(TransferParty Role, string? Reason = null);

internal sealed record ExecuteTransferRequest(BillingParty BilledTo);

internal sealed record ConnectRequest(string App, string ExternalAdministration);

internal sealed record ChooseAdministrationRequest(AdministrationId Administration, Collab.Links.BookkeepingEdition Edition);

internal sealed record ResolveMatchRequest(Collab.Links.SyncEntityKind Kind, string AppId, string? BookkeepingId = null);

internal sealed record BatchRequest(CompanyId Company, string Title);

internal sealed record QuestionRequest(string Service, string Question);

internal sealed record AnswerRequest(string Answer);

internal sealed record TemplateRequest(string Name, IReadOnlyList<QuestionnaireSection> Sections);

internal sealed record SendQuestionnaireRequest(IReadOnlyCollection<CompanyId> Companies, LocalDate? Deadline = null);

internal sealed record GrantRequest(OfficeId Office, AdministrationId Administration, GrantChannel Channel);

internal sealed record LanguageRequest(string? Language);

internal sealed record NameRequest(string Name, string? TimeZone = null);

internal sealed record EmailRequest(string Email);

internal sealed record EnvironmentRequest(string Name, IReadOnlyCollection<UserId> Administrators);

internal sealed record ClientUserRequest(string Email, IReadOnlyCollection<CompanyId> Companies, bool Administrator = false);

internal sealed record AdministrationRequest(CompanyId Company, int Number, string Name, OfficeId? Holder = null, EnvironmentId? Environment = null);

/// <summary>A one-time link's token, in the body so it never lands in a URL log.</summary>
internal sealed record TokenRequest(string Token) : ITokenRequest;

/// <summary>A confirmed view's token, for one document.</summary>
internal sealed record ViewTokenRequest(string ViewToken) : ITokenRequest
{
    string ITokenRequest.Token => ViewToken;
}
