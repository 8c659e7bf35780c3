using Collab.Authorization;
using Collab.Registry;
using Collab.Rights;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Lifecycle;

/// <summary>
/// What an office registers (ONB-1): a new client with either a new administration or one of the office's
/// existing administrations, moved to the client's account.
/// </summary>
public sealed record ClientRegistration
{
    private ClientRegistration() => ClientEmail = Plan = string.Empty;

    /// <summary>The client user's e-mail address: the client's identity.</summary>
    public string ClientEmail { get; private init; }

    /// <summary>The plan, from the plan catalogue.</summary>
    public string Plan { get; private init; }

    /// <summary>Who is billed.</summary>
    public BillingParty BillingParty { get; private init; }

    /// <summary>An administration the office holds for this client, moved to the client's account; null for a new one.</summary>
    public AdministrationId? ExistingAdministration { get; private init; }

    /// <summary>For a new client: its name.</summary>
    public string? ClientName { get; private init; }

    /// <summary>For a new client: its company's name.</summary>
    public string? CompanyName { get; private init; }

    /// <summary>For a new administration: its number.</summary>
    public AdministrationNumber? NewNumber { get; private init; }

    /// <summary>For a new administration: its name.</summary>
    public string? NewAdministrationName { get; private init; }

    /// <summary>Registers a new client with a new administration.</summary>
    /// <param name="clientName">The client's name.</param>
    /// <param name="companyName">Its company's name.</param>
    /// <param name="clientEmail">The client user's address.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="billing">Who is billed.</param>
    /// <param name="number">The new administration's number.</param>
    /// <param name="administrationName">Its name.</param>
    /// <returns>The registration.</returns>
    public static ClientRegistration WithNewAdministration(string clientName, string companyName, string clientEmail, string plan, BillingParty billing, AdministrationNumber number, string administrationName) =>
        new() { ClientName = clientName, CompanyName = companyName, ClientEmail = clientEmail, Plan = plan, BillingParty = billing, NewNumber = number, NewAdministrationName = administrationName };

    /// <summary>Registers the client of an administration the office holds, moving it to the client's account.</summary>
    /// <param name="administration">The administration.</param>
    /// <param name="clientEmail">The client user's address.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="billing">Who is billed.</param>
    /// <returns>The registration.</returns>
    public static ClientRegistration WithExistingAdministration(AdministrationId administration, string clientEmail, string plan, BillingParty billing) =>
        new() { ExistingAdministration = administration, ClientEmail = clientEmail, Plan = plan, BillingParty = billing };
}

/// <summary>The outcome of a registration.</summary>
/// <param name="Subscription">The client's subscription, with its free period.</param>
/// <param name="Administration">The client's administration, now on its own account.</param>
/// <param name="ClientUser">The client's first user: its own account's administrator (SEC-5), acting once it accepts its invitation.</param>
/// <param name="Invitation">The client user's invitation (SEC-7), also sent to it as a <see cref="NotificationKind.UserInvitation"/> message.</param>
public sealed record RegistrationResult(SubscriptionView Subscription, AdministrationView Administration, UserView ClientUser, UserInvitation Invitation);
