using System.Data.Common;
using System.Text.Json;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// The transfer-consent baseline: what a hand-written data layer must read and write for the old environment's
/// administrator to consent (XFER-2), in ADO.NET on one pooled connection. The same five reads Collab makes (the
/// request, the acting user, both environments, their administrators, the client user by e-mail) and, in one
/// transaction, the consent under the request's version, one audit row and one outbox row per person told. No state
/// machine, no texts in each recipient's language, no authorization beyond "is an administrator of the old environment".
/// </summary>
internal sealed class HandWrittenConsent(DbConnection connection, bool postgres) : HandWrittenData(connection, postgres)
{
    private static readonly BaselineChain Chain = new();

    public bool Consent(TransferRequestId request, UserId user)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        Guid from, to;
        string clientEmail;
        long version;
        using (var read = Command("SELECT \"FromEnvironment\", \"ToEnvironment\", \"ClientEmail\", \"Version\", \"State\", \"ExpiresAt\", \"OldAdministratorConsentAt\" FROM collab_transfers WHERE \"Id\" = @id", ("@id", Id(request.Value))))
        using (var row = read.ExecuteReader())
        {
            if (!row.Read() || row.GetString(4) != "AwaitingConsents" || !row.IsDBNull(6))
            {
                return false;
            }

            (from, to, clientEmail, version) = (Guid(row, 0), Guid(row, 1), row.GetString(2), row.GetInt64(3));
        }

        using (var read = Command("SELECT \"IsActive\", \"Kind\" FROM collab_users WHERE \"Id\" = @id", ("@id", Id(user.Value))))
        using (var row = read.ExecuteReader())
        {
            if (!row.Read() || !row.GetBoolean(0) || row.GetString(1) != "OfficeUser")
            {
                return false;
            }
        }

        var administrators = new List<Guid>();
        var oldAdministrator = false;
        using (var read = Command("SELECT \"Id\", \"AdministratorIds\" FROM collab_environments WHERE \"Id\" IN (@from, @to)", ("@from", Id(from)), ("@to", Id(to))))
        using (var row = read.ExecuteReader())
        {
            while (row.Read())
            {
                var ids = row.GetValue(1) is Guid[] array ? array : JsonSerializer.Deserialize<Guid[]>(row.GetString(1))!;
                administrators.AddRange(ids);
                oldAdministrator |= Guid(row, 0) == from && ids.Contains(user.Value);
            }
        }

        if (!oldAdministrator)
        {
            return false;
        }

        var recipients = new List<(string Email, string? Language)>();
        using (var read = Command("SELECT \"Email\", \"Language\" FROM collab_users WHERE \"IsActive\" AND \"Id\" IN (@a, @b)", ("@a", Id(administrators[0])), ("@b", Id(administrators[^1]))))
        using (var row = read.ExecuteReader())
        {
            while (row.Read())
            {
                recipients.Add((row.GetString(0), row.IsDBNull(1) ? null : row.GetString(1)));
            }
        }

        using (var read = Command("SELECT \"Language\" FROM collab_users WHERE \"Email\" = @email", ("@email", clientEmail)))
        using (var row = read.ExecuteReader())
        {
            recipients.Add((clientEmail, row.Read() && !row.IsDBNull(0) ? row.GetString(0) : null));
        }

        using var transaction = Connection.BeginTransaction();
        using (var update = Command(
                   "UPDATE collab_transfers SET \"OldAdministratorConsentAt\" = @now, \"OldAdministratorConsentBy\" = @user, \"Version\" = \"Version\" + 1 WHERE \"Id\" = @id AND \"Version\" = @version",
                   ("@now", At(now)), ("@user", Id(user.Value)), ("@id", Id(request.Value)), ("@version", version)))
        {
            update.Transaction = transaction;
            if (update.ExecuteNonQuery() != 1)
            {
                return false;
            }
        }

        var auditId = System.Guid.CreateVersion7();
        var chained = Chain.Link(auditId, now, ActorKind.OfficeUser, user.Value.ToString(), AuditAction.TransferConsented, "transfer", request.Value.ToString(), "party=OldEnvironmentAdministrator"); // AUD-2
        using (var audit = Command(
                   "INSERT INTO collab_audit (\"Chain\", \"ChainPosition\", \"PreviousHash\", \"Hash\", \"Action\", \"ActorId\", \"ActorKind\", \"At\", \"Details\", \"Id\", \"SubjectId\", \"SubjectType\") VALUES (@chain, @position, @previous, @hash, 'TransferConsented', @actor, 'OfficeUser', @now, 'party=OldEnvironmentAdministrator', @id, @subject, 'transfer')",
                   ("@actor", user.Value.ToString()), ("@now", At(now)), ("@id", Id(auditId)), ("@subject", request.Value.ToString()),
                   ("@chain", chained.Chain), ("@position", chained.Position), ("@previous", chained.Previous), ("@hash", chained.Hash)))
        {
            audit.Transaction = transaction;
            audit.ExecuteNonQuery();
        }

        foreach (var (email, language) in recipients)
        {
            using var outbox = Command(
                "INSERT INTO collab_outbox (\"Id\", \"Attempts\", \"CreatedAt\", \"Kind\", \"Recipient\", \"SubjectId\", \"SubjectType\", \"Text\", \"Title\", \"Language\") VALUES (@id, 0, @now, 'TransferConsentGiven', @to, @subject, 'transfer', 'Toestemming gegeven (1 van 3).', 'Verhuizing', @language)",
                ("@id", Id(System.Guid.CreateVersion7())), ("@now", At(now)), ("@to", email), ("@subject", request.Value.ToString()), ("@language", (object?)language ?? DBNull.Value));
            outbox.Transaction = transaction;
            outbox.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }
}
