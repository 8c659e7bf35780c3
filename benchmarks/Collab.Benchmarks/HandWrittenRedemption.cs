using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// The link-redemption floor: what a hand-written data layer must read and write to redeem a one-time link
/// (SHARE-2) with what Collab returns and records, in ADO.NET on one pooled connection. The same three reads (the
/// link, the report with its documents, the office users to tell) and, in one transaction, the link spent under its
/// version with a view secret, two audit rows (opened, viewed) and one outbox row per office user. No state machine,
/// no texts in each recipient's language, no view token handed back.
/// </summary>
internal sealed class HandWrittenRedemption(DbConnection connection, bool postgres) : HandWrittenData(connection, postgres)
{
    private static readonly BaselineChain Chain = new();

    public bool Redeem(string token)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        Span<byte> bytes = stackalloc byte[48];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != bytes.Length)
        {
            return false;
        }

        var link = new Guid(bytes[..16]);
        Guid deliverable;
        long version;
        using (var read = Command("SELECT \"DeliverableId\", \"SecretHash\", \"Version\", \"SpentAt\", \"ReplacedAt\", \"ExpiresAt\" FROM collab_deliverable_links WHERE \"Id\" = @id", ("@id", Id(link))))
        using (var row = read.ExecuteReader())
        {
            if (!row.Read() || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(bytes[16..]), (byte[])row.GetValue(1)) || !row.IsDBNull(3) || !row.IsDBNull(4))
            {
                return false;
            }

            (deliverable, version) = (Guid(row, 0), row.GetInt64(2));
        }

        Guid office;
        string title;
        var documents = new List<(Guid Id, string FileName, string Sha256)>(); // read as Collab returns them with the view
        using (var read = Command(
                   "SELECT d.\"OfficeId\", d.\"Title\", d.\"State\", o.\"Id\", o.\"FileName\", o.\"Sha256\" FROM collab_deliverables d LEFT JOIN collab_deliverable_documents o ON o.\"DeliverableId\" = d.\"Id\" WHERE d.\"Id\" = @id",
                   ("@id", Id(deliverable))))
        using (var row = read.ExecuteReader())
        {
            if (!row.Read() || row.GetString(2) == "Draft")
            {
                return false;
            }

            (office, title) = (Guid(row, 0), row.GetString(1));
            do
            {
                if (!row.IsDBNull(3))
                {
                    documents.Add((Guid(row, 3), row.GetString(4), row.GetString(5)));
                }
            }
            while (row.Read());
        }

        var recipients = new List<(string Email, string? Language)>();
        using (var read = Command("SELECT \"Email\", \"Language\" FROM collab_users WHERE \"OfficeId\" = @office AND \"IsActive\" AND \"Kind\" = 'OfficeUser'", ("@office", Id(office))))
        using (var row = read.ExecuteReader())
        {
            while (row.Read())
            {
                recipients.Add((row.GetString(0), row.IsDBNull(1) ? null : row.GetString(1)));
            }
        }

        var viewSecret = RandomNumberGenerator.GetBytes(32);
        using var transaction = Connection.BeginTransaction();
        using (var update = Command(
                   "UPDATE collab_deliverable_links SET \"FirstOpenedAt\" = @now, \"SpentAt\" = @now, \"ViewEndsAt\" = @ends, \"ViewSecretHash\" = @hash, \"Version\" = \"Version\" + 1 WHERE \"Id\" = @id AND \"Version\" = @version",
                   ("@now", At(now)), ("@ends", At(now + Duration.FromMinutes(30))), ("@hash", SHA256.HashData(viewSecret)), ("@id", Id(link)), ("@version", version)))
        {
            update.Transaction = transaction;
            if (update.ExecuteNonQuery() != 1)
            {
                return false;
            }
        }

        foreach (var action in (string[])["LinkOpened", "LinkViewed"])
        {
            var auditId = System.Guid.CreateVersion7();
            var chained = Chain.Link(auditId, now, ActorKind.System, "link", Enum.Parse<AuditAction>(action), "report", deliverable.ToString(), $"link={link}"); // AUD-2
            using var audit = Command(
                "INSERT INTO collab_audit (\"Chain\", \"ChainPosition\", \"PreviousHash\", \"Hash\", \"Action\", \"ActorId\", \"ActorKind\", \"At\", \"Details\", \"Id\", \"SubjectId\", \"SubjectType\") VALUES (@chain, @position, @previous, @hash, @action, 'link', 'System', @now, @details, @id, @subject, 'report')",
                ("@action", action), ("@now", At(now)), ("@details", $"link={link}"), ("@id", Id(auditId)), ("@subject", deliverable.ToString()),
                ("@chain", chained.Chain), ("@position", chained.Position), ("@previous", chained.Previous), ("@hash", chained.Hash));
            audit.Transaction = transaction;
            audit.ExecuteNonQuery();
        }

        foreach (var (email, language) in recipients)
        {
            using var outbox = Command(
                "INSERT INTO collab_outbox (\"Id\", \"Attempts\", \"CreatedAt\", \"Kind\", \"Recipient\", \"SubjectId\", \"SubjectType\", \"Text\", \"Title\", \"Language\") VALUES (@id, 0, @now, 'LinkViewed', @to, @subject, 'report', @text, @title, @language)",
                ("@id", Id(System.Guid.CreateVersion7())), ("@now", At(now)), ("@to", email), ("@subject", deliverable.ToString()), ("@text", $"De klant heeft {title} bekeken."), ("@title", title), ("@language", (object?)language ?? DBNull.Value));
            outbox.Transaction = transaction;
            outbox.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }
}
