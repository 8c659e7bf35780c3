using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collab.Samples.Web.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdministrationNumber",
                table: "collab_transfer_followups",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Bank",
                table: "collab_transfer_followups",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Html",
                table: "collab_outbox",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "collab_outbox",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "collab_outbox",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "collab_offices",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnglishReminderText",
                table: "collab_house_styles",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnglishWelcomeText",
                table: "collab_house_styles",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "collab_deliverables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Figures = table.Column<string>(type: "TEXT", nullable: true),
                    ApprovedDocumentHashes = table.Column<string>(type: "TEXT", maxLength: 1300, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeadlinePassesAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ViewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    KeptInHistory = table.Column<bool>(type: "INTEGER", nullable: false),
                    PeriodLength = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PeriodNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BlobKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeliverableId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_deliverable_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_deliverable_documents_collab_deliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "collab_deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "collab_deliverable_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeliverableId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstOpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SpentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    ViewEndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ViewSecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    HandedOut = table.Column<string>(type: "TEXT", maxLength: 740, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeadlinePassesAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    KeptInHistory = table.Column<bool>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReminderDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ViewedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstOpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    SpentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
