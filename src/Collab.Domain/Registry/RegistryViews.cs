using NodaTime;

namespace Collab.Registry;

/// <summary>An office as any reader sees it (SEC-6): its name, zone, language and modules. A copy taken at the read.</summary>
/// <param name="Id">The office's id.</param>
/// <param name="Name">The office's name.</param>
/// <param name="TimeZoneId">The IANA time zone its local dates and deadlines are computed in (RET-1).</param>
/// <param name="Language">The language of its users unless they chose their own; null for Dutch (TXT-1).</param>
/// <param name="Modules">The vendor's products it has (ONB-1, LIC-1).</param>
public sealed record OfficeView(OfficeId Id, string Name, string TimeZoneId, string? Language, OfficeModules Modules)
{
    /// <summary>Whether the office has every module in <paramref name="required"/>.</summary>
    /// <param name="required">The modules needed.</param>
    /// <returns>True when all are present.</returns>
    public bool Has(OfficeModules required) => (Modules & required) == required;

    internal static OfficeView Of(Office office) => new(office.Id, office.Name, office.TimeZoneId, office.Language, office.Modules);
}

/// <summary>A client as any reader that may reach it sees it (SEC-6). A copy taken at the read.</summary>
/// <param name="Id">The client's id.</param>
/// <param name="Name">The client's name.</param>
public sealed record ClientView(ClientId Id, string Name)
{
    internal static ClientView Of(Client client) => new(client.Id, client.Name);
}

/// <summary>A company of a client as any reader that may reach it sees it (SEC-1, SEC-6). A copy taken at the read.</summary>
/// <param name="Id">The company's id.</param>
/// <param name="ClientId">The client it belongs to.</param>
/// <param name="Name">The company's name.</param>
public sealed record CompanyView(CompanyId Id, ClientId ClientId, string Name)
{
    internal static CompanyView Of(Company company) => new(company.Id, company.ClientId, company.Name);
}

/// <summary>
/// An administration as its reader may see it (SEC-6): never the client's licence file itself (LIC-2), only whether one is
/// imported; the reason of a legal hold (RET-2) only for an office or the platform — a client user reads that a hold stands,
/// not the office's note. A copy taken at the read.
/// </summary>
/// <param name="Id">The administration's id.</param>
/// <param name="Number">The number people know it by; fixed for life (LIC-6).</param>
/// <param name="Name">Its readable name.</param>
/// <param name="ClientId">The client whose books these are.</param>
/// <param name="CompanyId">The company of that client the books belong to.</param>
/// <param name="HolderOfficeId">The office that holds it under its own licence, if any (SEC-1).</param>
/// <param name="EnvironmentId">The environment that holds it, if placed in one (XFER).</param>
/// <param name="State">Live, released, being restored, or deleted (ONB-5, ONB-6).</param>
/// <param name="Licence">Whose licence it runs under (LIC-1, LIC-4).</param>
/// <param name="HasClientLicence">Whether the client's own licence file is imported (LIC-2).</param>
/// <param name="UnderLegalHold">Whether a legal hold stands (RET-2).</param>
/// <param name="LegalHold">Why the hold stands, for an office or the platform; null for a client user and when no hold stands.</param>
/// <param name="DeletionStartedAt">When a retention pass started deleting it (RET-2).</param>
public sealed record AdministrationView(
    AdministrationId Id, AdministrationNumber Number, string Name, ClientId ClientId, CompanyId CompanyId, OfficeId? HolderOfficeId,
    EnvironmentId? EnvironmentId, AdministrationState State, LicenceSource Licence, bool HasClientLicence, bool UnderLegalHold, string? LegalHold,
    Instant? DeletionStartedAt)
{
    /// <summary>Whether people can work in it: only live administrations are accessible (SEC-1).</summary>
    public bool IsLive => State == AdministrationState.Live;

    /// <summary>The view of an administration for a reader.</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="clientReader">Whether a client user reads it: the office's legal-hold note is left out.</param>
    /// <returns>The view.</returns>
    internal static AdministrationView Of(Administration administration, bool clientReader = false) => new(
        administration.Id, administration.Number, administration.Name, administration.ClientId, administration.CompanyId, administration.HolderOfficeId,
        administration.EnvironmentId, administration.State, administration.Licence, administration.ClientLicenceFile is not null,
        administration.LegalHold is not null, clientReader ? null : administration.LegalHold, administration.DeletionStartedAt);
}

/// <summary>An environment as its readers (its office's users, the platform) see it (SEC-6). A copy taken at the read.</summary>
/// <param name="Id">The environment's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="OfficeId">The office it belongs to.</param>
/// <param name="Administrators">The office users who administer it (XFER-2).</param>
public sealed record EnvironmentView(EnvironmentId Id, string Name, OfficeId OfficeId, IReadOnlyList<UserId> Administrators)
{
    /// <summary>Whether a user administers this environment.</summary>
    /// <param name="user">The user.</param>
    /// <returns>True for an administrator.</returns>
    public bool IsAdministrator(UserId user) => Administrators.Contains(user);

    internal static EnvironmentView Of(CollabEnvironment environment) => new(environment.Id, environment.Name, environment.OfficeId, [.. environment.Administrators]);
}
