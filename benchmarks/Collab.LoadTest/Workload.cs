using System.Collections.Concurrent;
using Collab.Authorization;
using Collab.Deliverables;
using Collab.Registry;
using Collab.Samples.Web;
using Collab.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.LoadTest;

/// <summary>One consent to give: which transfer, for which party, signed in as whom, posted where.</summary>
internal sealed record ConsentWork(TransferRequestId Transfer, TransferParty Party, string Email, string Path);

/// <summary>
/// The work the load test hands out, made through the SDK's public services on the host's own database before the clients start: one-time
/// links of the Standard client (Slagerij Smit), and transfer requests that each wait for all three consents, queued
/// so that the three parties of one transfer come one after another and race each other.
/// </summary>
internal sealed class Workload
{
    public const string OfficeUser = "anna@devries.nl";
    public const string OldAdministrator = "beheer@kantoor-oud.nl";
    public const string ClientUser = DemoData.ExtendedClientEmail;

    public ConcurrentQueue<string> Links { get; } = new();

    /// <summary>Links confirmed twice at once by one client: exactly one confirmation may win (SHARE-2).</summary>
    public ConcurrentQueue<string> RacedLinks { get; } = new();

    public ConcurrentQueue<ConsentWork> Consents { get; } = new();

    public List<TransferRequestId> Transfers { get; } = [];

    public static async Task<Workload> SeedAsync(IServiceProvider provider, int links, int transfers)
    {
        var work = new Workload();
        await using var scope = provider.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<WebDbContext>();
        var anna = await db.Set<CollabUser>().AsNoTracking().SingleAsync(u => u.Email == OfficeUser);
        var piet = await db.Set<CollabUser>().AsNoTracking().SingleAsync(u => u.Email == ClientUser);
        var slagerij = await db.Set<Company>().AsNoTracking().SingleAsync(c => c.Name == "Slagerij Smit V.O.F.");
        var bakkerij = await db.Set<Company>().AsNoTracking().SingleAsync(c => c.Name == "Bakkerij Bakker B.V.");
        var environments = await db.Set<CollabEnvironment>().AsNoTracking().ToListAsync();
        var from = environments.Single(e => e.Name == "Omgeving Kantoor Oud");
        var to = environments.Single(e => e.Name == "Omgeving De Vries");

        // Everything through the SDK's public services, as a vendor's host makes it (the seeding is not measured).
        var desk = ActingParty.User(anna.Id);
        for (var i = 0; i < links; i++)
        {
            await using var linkScope = provider.CreateAsyncScope();
            var deliverable = await linkScope.ServiceProvider.GetRequiredService<DeliverableAuthoring>().DraftAsync(desk, anna.OfficeId!.Value, slagerij.Id, DeliverableKind.AnnualReport, ReportingPeriod.FinancialYear(2025), $"Jaarrekening 2025 ({i})");
            var token = (await linkScope.ServiceProvider.GetRequiredService<DeliverableSharing>().ShareAsync(desk, deliverable.Id)).LinkToken!;
            (i % 10 == 0 ? work.RacedLinks : work.Links).Enqueue(token);
        }

        // Transfers through TransferService: one administration each, requested by the new environment's administrator.
        var platform = sp.GetRequiredService<CollabPlatform>().Operator("load-test");
        for (var i = 0; i < transfers; i++)
        {
            await using var transferScope = provider.CreateAsyncScope();
            var administration = await transferScope.ServiceProvider.GetRequiredService<CollabRegistry>()
                .CreateAdministrationAsync(platform, bakkerij.Id, AdministrationNumber.From(50_000 + i), $"Bakkerij Bakker verhuizing {i}", environment: from.Id);
            var request = await transferScope.ServiceProvider.GetRequiredService<TransferService>()
                .RequestAsync(desk, from.Id, to.Id, [administration.Id], piet.Email);
            work.Transfers.Add(request.Id);
            // The three parties one after another: different clients pick them up at nearly the same moment.
            foreach (var consent in new[]
                     {
                         new ConsentWork(request.Id, TransferParty.OldEnvironmentAdministrator, OldAdministrator, $"/office/transfers/{request.Id.Value}/consent"),
                         new ConsentWork(request.Id, TransferParty.Client, ClientUser, $"/client/transfers/{request.Id.Value}/consent"),
                         new ConsentWork(request.Id, TransferParty.NewEnvironmentAdministrator, OfficeUser, $"/office/transfers/{request.Id.Value}/consent"),
                     }.OrderBy(_ => Random.Shared.Next()))
            {
                work.Consents.Enqueue(consent);
            }
        }

        return work;
    }
}
