using Collab.Authorization;
using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// An office with many clients in a SQLite file: one client of each kind made through the public services (on a clock the
/// seed moves, so a year of history is written as it would have been), the rest copied in bulk in SQL, history included.
/// </summary>
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
    /// Every client on <paramref name="tier"/>; when <paramref name="withUsers"/>, a year of history instead (TIER-7): tiers cycle and
    /// change twice in 2026, every tenth client is Extended with three client users of whom one leaves during the year.
    /// </summary>
    public static LargeOffice Create(int clients, ClientTier tier, bool withUsers)
    {
        var file = Path.Combine(Path.GetTempPath(), $"collab-bench-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        var clock = new SeedClock { Now = Instant.FromUtc(2025, 12, 1, 9, 0) };
        services.AddSingleton<TimeProvider>(clock); // registered first: AddCollab keeps it and makes its IClock from it
        services.AddDbContext<BenchmarkDbContext>(o => o.UseSqlite($"Data Source={file}"));
        services.AddCollab().AddEntityFrameworkStores<BenchmarkDbContext>();
        var provider = services.BuildServiceProvider();
        var platform = provider.GetRequiredService<CollabPlatform>().Operator("seed");

        // One client of each kind the office has is made through Collab's public services, as a vendor would; the rest
        // are copies of those rows in SQL (through the services, 100 000 clients would take many minutes).
        ClientTier TierOf(int i) => !withUsers ? tier : i % 10 == 0 ? ClientTier.CollaborateExtended : (ClientTier)(1 + (i % 3));
        var kinds = Enumerable.Range(0, Math.Min(clients, 10)).Select(i => (Tier: TierOf(i), Users: withUsers && i % 10 == 0)).Distinct().ToList();
        OfficeId office;
        UserId desk;
        var templates = new Dictionary<(ClientTier Tier, bool Users), (ClientId Client, UserId[] Users)>();
        using (var scope = provider.CreateScope())
        {
            var sp = scope.ServiceProvider;
            CollabDatabase.EnsureCreatedAsync(sp.GetRequiredService<BenchmarkDbContext>()).GetAwaiter().GetResult();
            var registry = sp.GetRequiredService<CollabRegistry>();
            office = registry.RegisterOfficeAsync(platform, "Groot Kantoor").GetAwaiter().GetResult().Id;
            desk = registry.CreateOfficeUserAsync(platform, office, "kantoor@groot-kantoor.nl").GetAwaiter().GetResult().Id;
            var tiers = sp.GetRequiredService<TierService>();
            foreach (var (kind, k) in kinds.Select((kind, k) => (kind, k)))
            {
                clock.Now = Instant.FromUtc(2025, 12, 1, 9, 0);
                var client = registry.RegisterClientAsync(platform, $"Sjabloon {kind.Tier}{(kind.Users ? " met gebruikers" : string.Empty)}").GetAwaiter().GetResult().Id;
                tiers.StartCollaborationAsync(platform, office, client, kind.Tier, withUsers ? new LocalDate(2025, 12, 1) : new LocalDate(2026, 1, 1)).GetAwaiter().GetResult();
                var users = kind.Users
                    ? Enumerable.Range(0, 3).Select(u => registry.CreateClientUserAsync(platform, client, $"sjabloon{u}.{kind.Tier}@example.nl", []).GetAwaiter().GetResult().Id).ToArray()
                    : [];
                if (withUsers && !kind.Users)
                {
                    // A year of history: two tier changes in 2026, in months that differ per kind.
                    clock.Now = Instant.FromUtc(2026, 1 + (k % 6), 15, 9, 0);
                    tiers.ChangeTierAsync(ActingParty.User(desk), office, client, (ClientTier)(1 + ((int)kind.Tier % 3))).GetAwaiter().GetResult();
                    clock.Now = Instant.FromUtc(2026, 7 + (k % 5), 15, 9, 0);
                    tiers.ChangeTierAsync(ActingParty.User(desk), office, client, (ClientTier)(1 + (((int)kind.Tier + 1) % 3))).GetAwaiter().GetResult();
                }
                else if (users.Length > 0)
                {
                    clock.Now = Instant.FromUtc(2026, 5, 20, 12, 0);
                    registry.DeactivateUserAsync(platform, users[0]).GetAwaiter().GetResult(); // one of the three leaves during the year
                }

                templates[kind] = (client, users);
            }

            clock.Now = Instant.FromUtc(2026, 12, 2, 9, 0); // what the benchmarks do happens after the history
        }

        var ids = new ClientId[clients];
        using (var scope = provider.CreateScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
            var connection = (SqliteConnection)context.Database.GetDbConnection();
            connection.Open();
            using var transaction = connection.BeginTransaction();
            var copies = new RowCopier(context, connection, transaction);
            for (var i = 0; i < clients; i++)
            {
                var kind = (TierOf(i), withUsers && i % 10 == 0);
                var (template, users) = templates[kind];
                if (i < 10 && kinds.IndexOf(kind) is var k && k >= 0 && !ids.Contains(template))
                {
                    ids[i] = template; // the service-made client itself is one of the office's clients
                    continue;
                }

                var client = new ClientId(Guid.CreateVersion7());
                ids[i] = client;
                copies.Copy<Client>(template.Value, client.Value, new() { ["Name"] = $"Klant {i:D6}" });
                copies.CopyWhere<ClientCollaboration>("ClientId", template.Value, new() { ["ClientId"] = client.Value });
                if (withUsers)
                {
                    copies.CopyWhere<TierHistoryEntry>("ClientId", template.Value, new() { ["ClientId"] = client.Value }, ("OfficeId", office.Value)); // the statement reads the history; by the history's index
                }

                for (var u = 0; u < users.Length; u++)
                {
                    var user = Guid.CreateVersion7();
                    copies.Copy<CollabUser>(users[u].Value, user, new() { ["ClientId"] = client.Value, ["Email"] = $"user{u}.{i}@example.nl" });
                    copies.CopyWhere<ClientUserHistoryEntry>("UserId", users[u].Value, new() { ["UserId"] = user, ["ClientId"] = client.Value });
                }
            }

            transaction.Commit();
        }

        return new LargeOffice(file, provider, office, ActingParty.User(desk), ids);
    }

    /// <summary>
    /// Copies a row Collab's services wrote, under a new key and with some values changed, column by column as EF Core's
    /// model maps the entity (its table and column names, the key, and how a value is stored), so nothing here knows the
    /// schema by heart.
    /// </summary>
    private sealed class RowCopier(DbContext context, SqliteConnection connection, SqliteTransaction transaction)
    {
        private readonly Dictionary<(Type, string), SqliteCommand> _commands = [];

        public void Copy<T>(Guid templateKey, Guid newKey, Dictionary<string, object> changes)
        {
            var key = context.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single().Name;
            changes[key] = newKey;
            CopyWhere<T>(key, templateKey, changes);
        }

        public void CopyWhere<T>(string property, Guid template, Dictionary<string, object> changes, (string Property, Guid Value)? also = null)
        {
            var entity = context.Model.FindEntityType(typeof(T))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            // A key the database numbers itself (a history row's sequence) is left to the database.
            var columns = entity.GetProperties()
                .Where(p => p.GetColumnName(table) is not null && !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && !changes.ContainsKey(p.Name)))
                .ToList();
            var changed = string.Join(",", changes.Keys.OrderBy(k => k, StringComparer.Ordinal));
            var cacheKey = property + "|" + also?.Property + "|" + changed;
            if (!_commands.TryGetValue((typeof(T), cacheKey), out var command))
            {
                string Column(IProperty p) => $"\"{p.GetColumnName(table)}\"";
                var select = string.Join(", ", columns.Select(p => changes.ContainsKey(p.Name) ? $"@{p.Name}" : Column(p)));
                command = connection.CreateCommand();
                command.Transaction = transaction;
                var also2 = also is { } a ? $" AND {Column(entity.FindProperty(a.Property)!)} = @also" : string.Empty;
                command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(Column))}) SELECT {select} FROM \"{table.Name}\" WHERE {Column(entity.FindProperty(property)!)} = @template{also2}";
                foreach (var name in changes.Keys.Append("template").Concat(also is null ? [] : ["also"]))
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = "@" + name });
                }

                command.Prepare();
                _commands[(typeof(T), cacheKey)] = command;
            }

            command.Parameters["@template"].Value = Stored(entity.FindProperty(property)!, template);
            if (also is { } and)
            {
                command.Parameters["@also"].Value = Stored(entity.FindProperty(and.Property)!, and.Value);
            }

            foreach (var (name, value) in changes)
            {
                command.Parameters["@" + name].Value = Stored(entity.FindProperty(name)!, value);
            }

            if (command.ExecuteNonQuery() == 0)
            {
                throw new InvalidOperationException($"No {typeof(T).Name} row to copy.");
            }
        }

        // The value as the provider stores it: through the property's converter (a strongly typed id to its GUID), then
        // the provider's own mapping (a GUID as upper-case text on SQLite).
        private static object Stored(IProperty property, object value)
        {
            var mapping = property.GetRelationalTypeMapping();
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            var converted = value is Guid guid && type != typeof(Guid) ? Activator.CreateInstance(type, guid)! : value;
            var model = mapping.Converter?.ConvertToProvider(converted) ?? converted;
            return model is Guid g ? g.ToString().ToUpperInvariant() : model;
        }
    }

    /// <summary>The seed's time (Collab's one source of time, issue 34): Collab writes the history at the instants the seed sets.</summary>
    private sealed class SeedClock : TimeProvider
    {
        public Instant Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now.ToDateTimeOffset();
    }

    public void Dispose()
    {
        Provider.Dispose();
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
    }
}
