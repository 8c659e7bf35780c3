using Collab.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Tests.Infrastructure;

/// <summary>
/// A small directory seeded through the public services: two offices, a client with two companies, an
/// administration per company, a third administration held by the office itself, and users on every side.
/// </summary>
public sealed record World(
    OfficeView Office,
    OfficeView OtherOffice,
    ClientView Client,
    CompanyView Company,
    CompanyView OtherCompany,
    AdministrationView Administration,
    AdministrationView OtherCompanyAdministration,
    AdministrationView HeldByOffice,
    UserView ClientUser,
    UserView ClientUserOfOtherCompany,
    UserView OfficeUser,
    UserView OtherClientUser,
    UserView OtherOfficeUser)
{
    /// <summary>The vendor's provisioning, as the seed uses it.</summary>
    public static readonly ActingParty Vendor = ActingParty.Platform("test-seed");

    /// <summary>The office user of <see cref="Office"/>, acting for the office.</summary>
    public ActingParty Desk => ActingParty.User(OfficeUser.Id);

    public static Task<World> SeedAsync(TestDatabase db) => db.InScopeAsync(async sp =>
    {
        var registry = sp.GetRequiredService<CollabRegistry>();
        var office = await registry.RegisterOfficeAsync(Vendor, "Kantoor De Vries");
        var otherOffice = await registry.RegisterOfficeAsync(Vendor, "Accountants Jansen", "Europe/Brussels");
        var client = await registry.RegisterClientAsync(Vendor, "Bakkerij Bakker");
        var company = await registry.AddCompanyAsync(Vendor, client.Id, "Bakkerij Bakker B.V.");
        var otherCompany = await registry.AddCompanyAsync(Vendor, client.Id, "Bakker Vastgoed B.V.");
        var administration = await registry.CreateAdministrationAsync(Vendor, company.Id, TestDatabase.NextNumber(), "Bakkerij 2026");
        var otherAdministration = await registry.CreateAdministrationAsync(Vendor, otherCompany.Id, TestDatabase.NextNumber(), "Vastgoed 2026");
        var held = await registry.CreateAdministrationAsync(Vendor, company.Id, TestDatabase.NextNumber(), "Bakkerij sjabloon", office.Id);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var clientUser = await registry.CreateClientUserAsync(Vendor, client.Id, $"piet.{tag}@bakker.nl", [company.Id], administrator: true);
        var limitedUser = await registry.CreateClientUserAsync(Vendor, client.Id, $"vastgoed.{tag}@bakker.nl", [otherCompany.Id]);
        var officeUser = await registry.CreateOfficeUserAsync(Vendor, office.Id, $"anna.{tag}@devries.nl");
        var otherClient = await registry.RegisterClientAsync(Vendor, "Slagerij Smit");
        var otherClientCompany = await registry.AddCompanyAsync(Vendor, otherClient.Id, "Slagerij Smit V.O.F.");
        var otherClientUser = await registry.CreateClientUserAsync(Vendor, otherClient.Id, $"jan.{tag}@smit.nl", [otherClientCompany.Id]);
        return new World(office, otherOffice, client, company, otherCompany, administration, otherAdministration, held,
            clientUser, limitedUser, officeUser, otherClientUser,
            await registry.CreateOfficeUserAsync(Vendor, otherOffice.Id, $"joris.{tag}@jansen.be"));
    });

    /// <summary>The invited person signs in and accepts (SEC-7), as a host's invitation page does.</summary>
    public static Task<UserView> AcceptAsync(TestDatabase db, UserInvitation invitation) =>
        db.InScopeAsync(sp => sp.GetRequiredService<InvitationService>().AcceptAsync(ActingParty.User(invitation.User), invitation.Token));

    public static Task<IReadOnlyList<AuditRecord>> AuditAsync(TestDatabase db, AuditSubject subject) =>
        db.InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().ForSubjectAsync(subject, CancellationToken.None));
}
