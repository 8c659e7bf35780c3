using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Collab.Samples.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Deliverables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "collab_users",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdministrationNumber",
                table: "collab_transfer_followups",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Bank",
                table: "collab_transfer_followups",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Html",
                table: "collab_outbox",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "collab_outbox",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "collab_outbox",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "collab_offices",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnglishReminderText",
                table: "collab_house_styles",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnglishWelcomeText",
                table: "collab_house_styles",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "collab_deliverables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Figures = table.Column<string>(type: "text", nullable: true),
                    ApprovedDocumentHashes = table.Column<string>(type: "character varying(1300)", maxLength: 1300, nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Deadline = table.Column<LocalDate>(type: "date", nullable: true),
                    DeadlinePassesAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ReminderDueAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ViewedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    KeptInHistory = table.Column<bool>(type: "boolean", nullable: false),
                    PeriodLength = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PeriodNumber = table.Column<int>(type: "integer", nullable: false),
                    PeriodYear = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_deliverables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_deliverables_collab_companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "collab_companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collab_deliverables_collab_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_deliverable_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BlobKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AddedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliverableId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_deliverable_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_deliverable_documents_collab_deliverables_Deliverabl~",
                        column: x => x.DeliverableId,
                        principalTable: "collab_deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "collab_deliverable_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliverableId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    FirstOpenedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    SpentAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ReplacedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    SecretHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    ViewEndsAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ViewSecretHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    HandedOut = table.Column<string>(type: "character varying(740)", maxLength: 740, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_deliverable_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_deliverable_links_collab_deliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "collab_deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.UpdateData(
                table: "collab_schema",
                keyColumn: "Id",
                keyValue: 1,
                column: "Version",
                value: 3);

            migrationBuilder.CreateIndex(
                name: "IX_collab_deliverable_documents_DeliverableId",
                table: "collab_deliverable_documents",
                column: "DeliverableId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_deliverable_links_DeliverableId",
                table: "collab_deliverable_links",
                column: "DeliverableId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_deliverables_ClientId_CompanyId",
                table: "collab_deliverables",
                columns: new[] { "ClientId", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_deliverables_CompanyId",
                table: "collab_deliverables",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_deliverables_OfficeId_Id",
                table: "collab_deliverables",
                columns: new[] { "OfficeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_deliverables_OfficeId_State_Id",
                table: "collab_deliverables",
                columns: new[] { "OfficeId", "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_deliverables_State_DeadlinePassesAt",
                table: "collab_deliverables",
                columns: new[] { "State", "DeadlinePassesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_deliverables_State_ReminderSentAt_ReminderDueAt",
                table: "collab_deliverables",
                columns: new[] { "State", "ReminderSentAt", "ReminderDueAt" });

            // Keep what 0.3 stored: every report becomes an annual-report deliverable (0.3 had no other kind and no
            // period; its reports are taken as financial year 2025), with its links; then the old tables go.
            migrationBuilder.Sql("""
                INSERT INTO "collab_deliverables" ("Id", "OfficeId", "ClientId", "CompanyId", "Title", "Kind", "Revision", "Figures", "ApprovedDocumentHashes",
                    "State", "Mode", "Deadline", "DeadlinePassesAt", "ReminderDueAt", "ReminderSentAt", "ViewedAt", "DecidedAt", "RejectionReason", "KeptInHistory",
                    "PeriodLength", "PeriodNumber", "PeriodYear", "Version")
                SELECT "Id", "OfficeId", "ClientId", "CompanyId", "Title", 'AnnualReport', 1, NULL, NULL,
                    "State", "Mode", "Deadline", "DeadlinePassesAt", "ReminderDueAt", "ReminderSentAt", "ViewedAt", "DecidedAt", "RejectionReason", "KeptInHistory",
                    'Year', 0, 2025, "Version"
                FROM "collab_reports";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "collab_deliverable_links" ("Id", "DeliverableId", "IssuedAt", "ExpiresAt", "FirstOpenedAt", "SpentAt", "ReplacedAt", "SecretHash",
                    "ViewEndsAt", "ViewSecretHash", "HandedOut", "Version")
                SELECT "Id", "ReportId", "IssuedAt", "ExpiresAt", "FirstOpenedAt", "SpentAt", "ReplacedAt", "SecretHash", NULL, NULL, '', "Version"
                FROM "collab_report_links";
                """);
            migrationBuilder.Sql("""UPDATE "collab_portal_items" SET "Kind" = 'Deliverable' WHERE "Kind" = 'AnnualReport';""");

            migrationBuilder.DropTable(
                name: "collab_report_links");

            migrationBuilder.DropTable(
                name: "collab_reports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collab_deliverable_documents");

            migrationBuilder.DropTable(
                name: "collab_deliverable_links");

            migrationBuilder.DropTable(
                name: "collab_deliverables");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "collab_users");

            migrationBuilder.DropColumn(
                name: "AdministrationNumber",
                table: "collab_transfer_followups");

            migrationBuilder.DropColumn(
                name: "Bank",
                table: "collab_transfer_followups");

            migrationBuilder.DropColumn(
                name: "Html",
                table: "collab_outbox");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "collab_outbox");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "collab_outbox");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "collab_offices");

            migrationBuilder.DropColumn(
                name: "EnglishReminderText",
                table: "collab_house_styles");

            migrationBuilder.DropColumn(
                name: "EnglishWelcomeText",
                table: "collab_house_styles");

            migrationBuilder.CreateTable(
                name: "collab_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Deadline = table.Column<LocalDate>(type: "date", nullable: true),
                    DeadlinePassesAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    KeptInHistory = table.Column<bool>(type: "boolean", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReminderDueAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ViewedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_reports_collab_companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "collab_companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collab_reports_collab_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_report_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpiresAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    FirstOpenedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    IssuedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ReplacedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    SpentAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_report_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_report_links_collab_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "collab_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.UpdateData(
                table: "collab_schema",
                keyColumn: "Id",
                keyValue: 1,
                column: "Version",
                value: 2);

            migrationBuilder.CreateIndex(
                name: "IX_collab_report_links_ReportId",
                table: "collab_report_links",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_reports_ClientId_CompanyId",
                table: "collab_reports",
                columns: new[] { "ClientId", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_reports_CompanyId",
                table: "collab_reports",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_reports_OfficeId",
                table: "collab_reports",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_reports_State_DeadlinePassesAt",
                table: "collab_reports",
                columns: new[] { "State", "DeadlinePassesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_reports_State_ReminderSentAt_ReminderDueAt",
                table: "collab_reports",
                columns: new[] { "State", "ReminderSentAt", "ReminderDueAt" });
        }
    }
}
