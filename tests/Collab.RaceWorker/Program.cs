using Collab;
using Collab.Authorization;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// One side of a race, in its own process: reads a command per line from stdin, runs it at once, answers one line
// ("committed" or "refused <code>"). Commands:
//   tier <officeUser> <office> <client> <tier>   change a client's tier as an office user
//   user <client> <company>                      create a client user as the platform
var services = new ServiceCollection();
services.AddDbContext<WorkerDbContext>(o => o.UseNpgsql(args[0], n => n.UseNodaTime()));
services.AddCollab().AddEntityFrameworkStores<WorkerDbContext>();
await using var provider = services.BuildServiceProvider();
var platform = provider.GetRequiredService<CollabPlatform>().Operator("race-worker");
Console.WriteLine("ready");
while (Console.ReadLine() is { } line)
{
    var part = line.Split(' ');
    await using var scope = provider.CreateAsyncScope();
    var sp = scope.ServiceProvider;
    try
    {
        switch (part[0])
        {
            case "tier":
                var outcome = await sp.GetRequiredService<TierService>().ChangeTierAsync(
                    ActingParty.User(new UserId(Guid.Parse(part[1]))), new OfficeId(Guid.Parse(part[2])), new ClientId(Guid.Parse(part[3])), Enum.Parse<ClientTier>(part[4]));
                Console.WriteLine(outcome.Status == TierChangeStatus.Changed ? "committed" : $"refused {outcome.Status}");
                break;
            case "user":
                await sp.GetRequiredService<CollabRegistry>().CreateClientUserAsync(platform, new ClientId(Guid.Parse(part[1])), $"proces.{Guid.NewGuid():N}@klant.nl", [new CompanyId(Guid.Parse(part[2]))]);
                Console.WriteLine("committed");
                break;
            default:
                Console.WriteLine($"refused unknown-command {part[0]}");
                break;
        }
    }
    catch (CollabRefusalException refusal)
    {
        Console.WriteLine($"refused {refusal.Code}");
    }
}

internal sealed class WorkerDbContext(DbContextOptions<WorkerDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyCollabModel();
}
