using System.Collections.Concurrent;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Tests.Transfers;

/// <summary>The vendor's notification channel in the tests: it records what it was asked to deliver.</summary>
public sealed class RecordingSender : INotificationSender
{
    public ConcurrentQueue<Notification> Sent { get; } = [];

    public int FailuresToSimulate { get; set; }

    /// <summary>When set, the next send hangs until cancelled: the dispatcher "dies" after claiming, before sending.</summary>
    public TaskCompletionSource? HangNextSend { get; set; }

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (HangNextSend is { } entered)
        {
            HangNextSend = null;
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (FailuresToSimulate > 0)
        {
            FailuresToSimulate--;
            throw new InvalidOperationException("mail server unavailable");
        }

        Sent.Enqueue(notification);
    }
}

/// <summary>Two offices with an environment each; a client whose administrations live in the old one.</summary>
public sealed record TransferWorld(
    OfficeView OldOffice,
    EnvironmentView Old,
    EnvironmentView New,
    UserView OldAdmin,
    UserView NewAdmin,
    UserView OtherOfficeUser,
    ClientView Client,
    CompanyView Company,
    UserView ClientUser,
    UserView OtherClientUser,
    AdministrationView A1,
    AdministrationView A2,
    AdministrationView OtherClientAdministration)
{
    private static readonly ActingParty Vendor = World.Vendor;

    public static Task<TransferWorld> SeedAsync(TestDatabase db) => db.InScopeAsync(async sp =>
    {
        var registry = sp.GetRequiredService<CollabRegistry>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var oldOffice = await registry.RegisterOfficeAsync(Vendor, "Kantoor Oud", "Europe/Amsterdam");
        var newOffice = await registry.RegisterOfficeAsync(Vendor, "Kantoor Nieuw", "Europe/Amsterdam");
        var oldAdmin = await registry.CreateOfficeUserAsync(Vendor, oldOffice.Id, $"beheer.{tag}@oud.nl");
        var newAdmin = await registry.CreateOfficeUserAsync(Vendor, newOffice.Id, $"beheer.{tag}@nieuw.nl");
        var otherOfficeUser = await registry.CreateOfficeUserAsync(Vendor, newOffice.Id, $"medewerker.{tag}@nieuw.nl");
        var old = await registry.CreateEnvironmentAsync(Vendor, oldOffice.Id, "Omgeving Oud", [oldAdmin.Id]);
        var @new = await registry.CreateEnvironmentAsync(Vendor, newOffice.Id, "Omgeving Nieuw", [newAdmin.Id]);
        var client = await registry.RegisterClientAsync(Vendor, "Bakkerij Bakker");
        var company = await registry.AddCompanyAsync(Vendor, client.Id, "Bakkerij Bakker B.V.");
        var a1 = await registry.CreateAdministrationAsync(Vendor, company.Id, TestDatabase.NextNumber(), "Bakkerij 2025", environment: old.Id);
        var a2 = await registry.CreateAdministrationAsync(Vendor, company.Id, TestDatabase.NextNumber(), "Bakkerij 2026", environment: old.Id);
        var clientUser = await registry.CreateClientUserAsync(Vendor, client.Id, $"piet.{tag}@bakker.nl", [company.Id]);
        var otherClient = await registry.RegisterClientAsync(Vendor, "Slagerij Smit");
        var otherCompany = await registry.AddCompanyAsync(Vendor, otherClient.Id, "Slagerij Smit V.O.F.");
        var otherAdministration = await registry.CreateAdministrationAsync(Vendor, otherCompany.Id, TestDatabase.NextNumber(), "Slagerij 2026", environment: old.Id);
        var otherClientUser = await registry.CreateClientUserAsync(Vendor, otherClient.Id, $"jan.{tag}@smit.nl", [otherCompany.Id]);
        return new TransferWorld(oldOffice, old, @new, oldAdmin, newAdmin, otherOfficeUser, client, company, clientUser, otherClientUser, a1, a2, otherAdministration);
    });

    public Task<AdministrationView> NewAdministrationAsync(TestDatabase db) =>
        db.InScopeAsync(sp => sp.GetRequiredService<CollabRegistry>().CreateAdministrationAsync(Vendor, Company.Id, TestDatabase.NextNumber(), "Extra", environment: Old.Id));
}
