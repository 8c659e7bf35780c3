using BenchmarkDotNet.Attributes;
using Collab.Tiers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Benchmarks;

/// <summary>
/// TIER-5: change the tier of 100 000 clients on SQLite. Every invocation flips all of them between Standard
/// and Collaborate, so each does the full work. Baseline: what a team would write by hand for the same visible
/// result — in one transaction, a prepared UPDATE per client and a prepared INSERT of its audit row — but with
/// no downgrade rules, no per-client outcome and no protection against a concurrent change. Collab also reads
/// each chunk, applies TIER-4 and checks every row's version.
/// </summary>
public class BulkTierChangeBenchmarks : LargeOfficeBenchmark
{
    protected override bool WithUsers => false;
    private ClientTier _next = ClientTier.Collaborate;

    private ClientTier Flip()
    {
        var tier = _next;
        _next = tier == ClientTier.Collaborate ? ClientTier.Standard : ClientTier.Collaborate;
        return tier;
    }

    private readonly BaselineChain _chain = new();

    [Benchmark(Baseline = true, Description = "ADO.NET UPDATE + audit INSERT per client, one transaction")]
    public int HandWrittenAdoNet()
    {
        var tier = Flip().ToString();
        using var connection = new SqliteConnection(Office.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE collab_collaborations SET Tier = $tier, Version = Version + 1 WHERE OfficeId = $office AND ClientId = $client";
        var updateTier = update.Parameters.Add("$tier", SqliteType.Text);
        update.Parameters.AddWithValue("$office", Office.Office.Value.ToString().ToUpperInvariant());
        var updateClient = update.Parameters.Add("$client", SqliteType.Text);
        using var audit = connection.CreateCommand();
        audit.CommandText = "INSERT INTO collab_audit (Id, At, ActorKind, ActorId, Action, SubjectType, SubjectId, Details, Chain, ChainPosition, PreviousHash, Hash) VALUES ($id, $at, 'System', 'bench', 'TierChanged', 'client', $subject, $details, $chain, $position, $previous, $hash)";
        var auditId = audit.Parameters.Add("$id", SqliteType.Text);
        var (auditChain, auditPosition, auditPrevious, auditHash) = (audit.Parameters.Add("$chain", SqliteType.Text), audit.Parameters.Add("$position", SqliteType.Integer), audit.Parameters.Add("$previous", SqliteType.Text), audit.Parameters.Add("$hash", SqliteType.Text));
        audit.Parameters.AddWithValue("$at", 0L);
        var auditSubject = audit.Parameters.Add("$subject", SqliteType.Text);
        var auditDetails = audit.Parameters.Add("$details", SqliteType.Text);
        update.Prepare();
        audit.Prepare();
        var changed = 0;
        foreach (var client in Office.Clients)
        {
            updateTier.Value = tier;
            updateClient.Value = client.Value.ToString().ToUpperInvariant();
            changed += update.ExecuteNonQuery();
            var id = Guid.CreateVersion7();
            auditId.Value = id.ToString().ToUpperInvariant();
            auditSubject.Value = client.Value.ToString();
            auditDetails.Value = $"office={Office.Office};to={tier}";
            (auditChain.Value, auditPosition.Value, auditPrevious.Value, auditHash.Value) = _chain.Link(id, default, ActorKind.System, "bench", AuditAction.TierChanged, "client", (string)auditSubject.Value, (string)auditDetails.Value); // AUD-2
            audit.ExecuteNonQuery();
        }

        transaction.Commit();
        return changed;
    }

    [Benchmark(Description = "Collab TierService.ChangeTiersAsync")]
    public async Task<int> Collab()
    {
        await using var scope = Office.Provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TierService>()
            .ChangeTiersAsync(Office.Desk, Office.Office, Office.Clients, Flip());
        return result.Count(TierChangeStatus.Changed);
    }
}
