using Collab.Authorization;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Collab.Persistence.EfCore;
using Collab.Portal;
using Collab.Registry;
using Collab.Tiers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// SHARE-6: the first history page (50 entries) of a client user who may reach 50 companies, over 100 000 portal
/// entries of that client (some of a 51st company the user may not reach, some of an office without the portal).
/// Baseline: the page query in raw SQL with the user's companies already known, pooled connection per call. Collab
/// also reads the user (its companies are the SEC-1 filter) and checks the tier per office inside the query.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class PortalHistoryBenchmarks
{
    private BenchmarkSqlite _database = null!;
    private UserId _user;
    private string _client = string.Empty;
    private string[] _companies = [];

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchmarkSqlite.Create();
        var actor = _database.Provider.GetRequiredService<CollabPlatform>().Operator("bench");
        OfficeId office, otherOffice;
        ClientId client;
        var companies = new List<CompanyId>();
        using (var scope = _database.Provider.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var registry = sp.GetRequiredService<CollabRegistry>();
            office = registry.RegisterOfficeAsync(actor, "Kantoor").GetAwaiter().GetResult().Id;
            otherOffice = registry.RegisterOfficeAsync(actor, "Ander kantoor").GetAwaiter().GetResult().Id;
            client = registry.RegisterClientAsync(actor, "Holding").GetAwaiter().GetResult().Id;
            for (var i = 0; i < 51; i++)
            {
                companies.Add(registry.AddCompanyAsync(actor, client, $"Werkmaatschappij {i} B.V.").GetAwaiter().GetResult().Id);
            }

            var tiers = sp.GetRequiredService<TierService>();
            tiers.StartCollaborationAsync(actor, office, client, ClientTier.CollaborateExtended, new LocalDate(2026, 1, 1)).GetAwaiter().GetResult();
            tiers.StartCollaborationAsync(actor, otherOffice, client, ClientTier.Collaborate, new LocalDate(2026, 1, 1)).GetAwaiter().GetResult();
            _user = registry.CreateClientUserAsync(actor, client, "holding@example.nl", companies.Take(50).ToList()).GetAwaiter().GetResult().Id;
        }

        _client = client.Value.ToString().ToUpperInvariant();
        _companies = companies.Take(50).Select(c => c.Value.ToString().ToUpperInvariant()).ToArray();
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText =
            "INSERT INTO collab_portal_items (Id, Kind, OfficeId, ClientId, CompanyId, Title, SharedAt, OpenAction, Deadline, Status, Hidden, Version) " +
            "VALUES ($id, 'Document', $office, $client, $company, 'Stuk', $at, 0, NULL, 'ToClient', 0, 1)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var officeParameter = insert.Parameters.Add("$office", SqliteType.Text);
        insert.Parameters.AddWithValue("$client", _client);
        var company = insert.Parameters.Add("$company", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        insert.Prepare();
        var start = Instant.FromUtc(2020, 1, 1, 0, 0);
        for (var i = 0; i < 100_000; i++)
        {
            id.Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
            officeParameter.Value = (i % 10 == 0 ? otherOffice : office).Value.ToString().ToUpperInvariant();
            company.Value = companies[i % 51].Value.ToString().ToUpperInvariant();
            at.Value = (start + Duration.FromMinutes(i)).ToUnixTimeTicks();
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        if (RawSql() != 50 || Collab().GetAwaiter().GetResult() != 50)
        {
            throw new InvalidOperationException("Both must return a full page.");
        }
    }

    [Benchmark(Baseline = true, Description = "raw SQL: first page, companies and portal office known")]
    public int RawSql() => Math.Min(50, _database.ReadRows(
        "SELECT Id, Kind, OfficeId, ClientId, CompanyId, Title, SharedAt, OpenAction, Deadline, Status, Hidden, Version FROM collab_portal_items i " +
        $"WHERE i.ClientId = $client AND i.Hidden = 0 AND i.CompanyId IN ({string.Join(", ", _companies.Select((_, i) => $"$c{i}"))}) " +
        "AND EXISTS (SELECT 1 FROM collab_collaborations c WHERE c.OfficeId = i.OfficeId AND c.ClientId = i.ClientId AND c.Tier = 'CollaborateExtended') " +
        "ORDER BY i.SharedAt DESC, i.Id DESC LIMIT 51",
        p =>
        {
            p.AddWithValue("$client", _client);
            for (var i = 0; i < _companies.Length; i++)
            {
                p.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"$c{i}"), _companies[i]);
            }
        }));

    [Benchmark(Description = "Collab PortalService.HistoryAsync (50 of 100 000)")]
    public async Task<int> Collab()
    {
        await using var scope = _database.Provider.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<PortalService>().HistoryAsync(ActingParty.User(_user), null, 50);
        return page.Items.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();
}
