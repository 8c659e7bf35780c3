// A guided tour of Collab on the embedded default, SQLite. It starts from an empty database file each run
// and prints what it does: office, client, grant of rights, access answers, revocation, the audit trail.
using Collab;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Rights;
using Collab.Samples.Console;
using Collab.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

var databaseFile = Path.Combine(AppContext.BaseDirectory, "collab-sample.db");
File.Delete(databaseFile);

var services = new ServiceCollection();
services.AddDbContext<SampleDbContext>(o => o.UseSqlite($"Data Source={databaseFile}"));
services.AddCollab(o => o.DefaultTimeZoneId = "Europe/Amsterdam")
        .AddEntityFrameworkStores<SampleDbContext>();
await using var provider = services.BuildServiceProvider(validateScopes: true);

await InScope(async sp => { await CollabDatabase.EnsureCreatedAsync(sp.GetRequiredService<SampleDbContext>()); return true; });
Console.WriteLine($"Collab sample — SQLite database {databaseFile}, schema version {CollabDatabase.SchemaVersion}");
Console.WriteLine();

var vendor = Actor.System("sample");
var (office, client, company, administration, piet, anna) = await InScope(async sp =>
{
    var registry = sp.GetRequiredService<CollabRegistry>();
    var office = await registry.RegisterOfficeAsync(vendor, "Administratiekantoor De Vries");
    var client = await registry.RegisterClientAsync(vendor, "Bakkerij Bakker");
    var company = await registry.AddCompanyAsync(vendor, client.Id, "Bakkerij Bakker B.V.");
    var administration = await registry.CreateAdministrationAsync(vendor, company.Id, AdministrationNumber.From(1001), "Bakkerij Bakker 2026");
    var piet = await registry.CreateClientUserAsync(vendor, client.Id, "piet@bakkerij-bakker.nl", [company.Id]);
    var anna = await registry.CreateOfficeUserAsync(vendor, office.Id, "anna@devries-administratie.nl");
    return (office, client, company, administration, piet, anna);
});

Row("Office", $"{office.Name} ({office.TimeZoneId})");
Row("Client", $"{client.Name}, company {company.Name}");
Row("Administration", $"{administration.Number} {administration.Name}");
Row("Client user", piet.Email);
Row("Office user", anna.Email);
Console.WriteLine();

await PrintAccess("Before any grant");

await InScope(sp => sp.GetRequiredService<RightsService>().GrantAsync(piet.Id, office.Id, administration.Id, GrantChannel.Web));
Console.WriteLine($"{piet.Email} grants {office.Name} rights to administration {administration.Number} (web, free of charge).");
await PrintAccess("After the grant");

try
{
    await InScope(sp => sp.GetRequiredService<RightsService>().GrantAsync(piet.Id, office.Id, administration.Id, GrantChannel.Desktop));
}
catch (CollabRefusalException refusal)
{
    Console.WriteLine($"Granting again is refused [{refusal.Code}, {refusal.Refusal.RuleId}]: {refusal.Message}");
    Console.WriteLine();
}

await InScope(sp => sp.GetRequiredService<RightsService>().RevokeAsync(piet.Id, office.Id, administration.Id));
Console.WriteLine($"{piet.Email} revokes the rights; access ends at once.");
await PrintAccess("After the revocation");

var trail = await InScope(sp => sp.GetRequiredService<IAuditTrail>().ForSubjectAsync(AuditSubject.Administration(administration.Id), CancellationToken.None));
Console.WriteLine($"Audit trail of administration {administration.Number}:");
Console.WriteLine($"  {"instant (UTC)",-22} {"action",-22} {"actor",-12} details");
foreach (var record in trail)
{
    Console.WriteLine($"  {record.At:yyyy-MM-dd HH:mm:ss}{"",3} {record.Action,-22} {record.Actor.Kind,-12} {record.Details}");
}

return 0;

async Task PrintAccess(string moment)
{
    var (officeMay, annaMay, pietMay, list) = await InScope(async sp =>
    {
        var access = sp.GetRequiredService<AccessService>();
        return (await access.OfficeMayAccessAsync(office.Id, administration.Id),
                await access.UserMayAccessAsync(anna.Id, administration.Id),
                await access.UserMayAccessAsync(piet.Id, administration.Id),
                await access.ListForOfficeAsync(office.Id));
    });
    Console.WriteLine($"{moment}:");
    Row("  office may access", Answer(officeMay));
    Row("  office user may access", Answer(annaMay));
    Row("  client user may access", Answer(pietMay));
    Row("  office's list", list.Count == 0 ? "(empty)" : string.Join(", ", list.Select(a => $"{a.Number} {a.Name}")));
    Console.WriteLine();
}

async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
{
    await using var scope = provider.CreateAsyncScope();
    return await work(scope.ServiceProvider);
}

static string Answer(bool yes) => yes ? "yes" : "no";

static void Row(string label, string value) => Console.WriteLine($"{label,-26} {value}");
