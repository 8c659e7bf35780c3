using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Collab.Samples.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EvidenceChainsAndReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Chain",
                table: "collab_audit",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "ChainPosition",
                table: "collab_audit",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "collab_audit",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "collab_audit",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // AUD-2: the rows that exist go, in their order, into the chain "legacy" at positions 1, 2, …;
            // CollabDatabase.ChainExistingAuditRowsAsync then hashes them (SQLite has no SHA-256 in SQL).
            migrationBuilder.Sql(
                """
                UPDATE "collab_audit" SET "Chain" = 'legacy', "ChainPosition" = ordered.position
                FROM (SELECT "Sequence", row_number() OVER (ORDER BY "Sequence") AS position FROM "collab_audit") AS ordered
                WHERE "collab_audit"."Sequence" = ordered."Sequence";
                """);

            migrationBuilder.CreateTable(
                name: "collab_audit_chain",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_audit_chain", x => x.Chain);
                });

            migrationBuilder.CreateTable(
                name: "collab_audit_checkpoint",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Chain = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    DeletedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Signature = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_audit_checkpoint", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "collab_receipt",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliverableId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Json = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_receipt", x => x.Id);
                });

            migrationBuilder.UpdateData(
                table: "collab_schema",
                keyColumn: "Id",
                keyValue: 1,
                column: "Version",
                value: 5);

            migrationBuilder.CreateIndex(
                name: "IX_collab_audit_Chain_ChainPosition",
                table: "collab_audit",
                columns: new[] { "Chain", "ChainPosition" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_collab_audit_checkpoint_Chain_Position",
                table: "collab_audit_checkpoint",
                columns: new[] { "Chain", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_collab_receipt_DeliverableId_Revision",
                table: "collab_receipt",
                columns: new[] { "DeliverableId", "Revision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collab_audit_chain");

            migrationBuilder.DropTable(
                name: "collab_audit_checkpoint");

            migrationBuilder.DropTable(
                name: "collab_receipt");

            migrationBuilder.DropIndex(
                name: "IX_collab_audit_Chain_ChainPosition",
                table: "collab_audit");

            migrationBuilder.DropColumn(
                name: "Chain",
                table: "collab_audit");

            migrationBuilder.DropColumn(
                name: "ChainPosition",
                table: "collab_audit");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "collab_audit");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "collab_audit");

            migrationBuilder.UpdateData(
                table: "collab_schema",
                keyColumn: "Id",
                keyValue: 1,
                column: "Version",
                value: 4);
        }
    }
}
