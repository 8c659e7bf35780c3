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

    /// <summary>
    /// Every client on <paramref name="tier"/>; when <paramref name="withUsers"/>, a year of history instead: tiers cycle and
    /// change twice in 2026, every tenth client is Extended with three client users of whom one leaves during the year.
    /// </summary>
    public static LargeOffice Create(int clients, ClientTier tier, bool withUsers)
    {
        var file = Path.Combine(Path.GetTempPath(), $"collab-bench-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddDbContext<BenchmarkDbContext>(o => o.UseSqlite($"Data Source={file}"));
        services.AddCollab().AddEntityFrameworkStores<BenchmarkDbContext>();
        var provider = services.BuildServiceProvider();
        var actor = Actor.System("seed");
        var now = Instant.FromUtc(2025, 11, 1, 0, 0);
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
                context.Add(client);
                if (!withUsers)
                {
                    context.Add(ClientCollaboration.Start(office.Id, client.Id, tier, new LocalDate(2026, 1, 1), zone, actor, now));
                    continue;
                }

                // A year of history (TIER-7): started before 2026 on a cycling tier, every client changes tier twice during
                // the year (on the 15th of two months that depend on it), every tenth client is Extended with three users,
                // one of whom leaves during the year.
                var start = i % 10 == 0 ? ClientTier.CollaborateExtended : (ClientTier)(1 + (i % 3));
                var collaboration = ClientCollaboration.Start(office.Id, client.Id, start, new LocalDate(2025, 12, 1), zone, actor, now);
                if (i % 10 != 0)
                {
                    var first = 1 + (i % 6);
                    collaboration.ChangeTier((ClientTier)(1 + ((i + 1) % 3)), actor, Instant.FromUtc(2026, first, 15, 9, 0));
                    collaboration.ChangeTier((ClientTier)(1 + ((i + 2) % 3)), actor, Instant.FromUtc(2026, first + 1 + (i % 5), 15, 9, 0));
                }

                Seed(context, collaboration);
                if (i % 10 == 0)
                {
                    for (var u = 0; u < 3; u++)
                    {
                        var user = CollabUser.CreateClientUser(client.Id, $"user{u}.{i}@example.nl", [], null, false, actor, now);
                        if (u == 0)
                        {
                            user.Deactivate(actor, Instant.FromUtc(2026, 1 + (i / 10 % 12), 20, 12, 0));
                        }

                        Seed(context, user);
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

    // What the unit of work does for a service call: the aggregate and the history entries its events ask for.
    private static void Seed(DbContext context, AggregateRoot aggregate)
    {
        context.Add(aggregate);
        foreach (var domainEvent in aggregate.DomainEvents)
        {
            switch (domainEvent)
            {
                case TierHeld held:
                    context.Add(TierHistoryEntry.FromEvent(held));
                    break;
                case RegistryChanged change when aggregate is CollabUser user && ClientUserHistoryEntry.FromEvent(user, change) is { } entry:
                    context.Add(entry);
                    break;
            }
        }
    }

    public void Dispose()
    {
        Provider.Dispose();
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
    }
}
