using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>An office with many clients in a SQLite file, seeded in bulk through EF (not through the services: that would take minutes).</summary>
public sealed class LargeOffice : IDisposable
{
    private LargeOffice(string file, ServiceProvider provider, OfficeId office, ActingParty desk, ClientId[] clients)
    {
        Desk = desk;
        File = file;
        Provider = provider;
        Office = office;
        Clients = clients;
    }

    public string File { get; }

    public string ConnectionString => $"Data Source={File}";

    public ServiceProvider Provider { get; }

    public OfficeId Office { get; }

    public ClientId[] Clients { get; }

    /// <summary>The office's user, who acts for it (SEC-3).</summary>
    public ActingParty Desk { get; }

    /// <summary>Every client on <paramref name="tier"/>; when <paramref name="withUsers"/>, tiers cycle and every tenth client has three active users.</summary>
    public static LargeOffice Create(int clients, ClientTier tier, bool withUsers)
    {
        var file = Path.Combine(Path.GetTempPath(), $"collab-bench-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddDbContext<BenchmarkDbContext>(o => o.UseSqlite($"Data Source={file}"));
        services.AddCollab().AddEntityFrameworkStores<BenchmarkDbContext>();
        var provider = services.BuildServiceProvider();
        var actor = Actor.System("seed");
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        var zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        var office = Collab.Registry.Office.Register("Groot Kantoor", zone, actor, now);
        var ids = new ClientId[clients];
        UserId deskId;
        using (var scope = provider.CreateScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
            CollabDatabase.EnsureCreatedAsync(context).GetAwaiter().GetResult();
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            context.Add(office);
            var desk = CollabUser.CreateOfficeUser(office.Id, "kantoor@groot-kantoor.nl", actor, now);
            context.Add(desk);
            deskId = desk.Id;
            for (var i = 0; i < clients; i++)
            {
                var client = Client.Register($"Klant {i:D6}", actor, now);
                ids[i] = client.Id;
                var clientTier = withUsers ? (ClientTier)(1 + (i % 3)) : tier;
                context.Add(client);
                context.Add(ClientCollaboration.Start(office.Id, client.Id, clientTier, new LocalDate(2026, 1, 1), actor, now));
                if (withUsers && i % 10 == 0)
                {
                    clientTier = ClientTier.CollaborateExtended;
                    context.Entry(context.ChangeTracker.Entries<ClientCollaboration>().Last().Entity).State = EntityState.Detached;
                    context.Add(ClientCollaboration.Start(office.Id, client.Id, clientTier, new LocalDate(2026, 1, 1), actor, now));
                    for (var u = 0; u < 3; u++)
                    {
                        context.Add(CollabUser.CreateClientUser(client.Id, $"user{u}.{i}@example.nl", [], null, false, actor, now));
                    }
                }

                if (i % 5000 == 4999)
                {
                    context.SaveChanges();
                    context.ChangeTracker.Clear();
                }
            }

            context.SaveChanges();
        }

        return new LargeOffice(file, provider, office.Id, ActingParty.User(deskId), ids);
    }

    public void Dispose()
    {
        Provider.Dispose();
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
    }
}
