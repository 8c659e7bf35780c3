using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collab.Samples.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentitiesViewsAndHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Acceptance",
                table: "collab_users",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "AcceptedAt",
                table: "collab_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HomeOfficeId",
                table: "collab_users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InvitationExpiresAt",
                table: "collab_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "InvitationHash",
                table: "collab_users",
                type: "BLOB",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InvitedBy",
                table: "collab_users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsClientAdministrator",
                table: "collab_users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "MadeBy",
                table: "collab_links",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MadeByOffice",
                table: "collab_links",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Approvals",
                table: "collab_deliverables",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EndsAt",
                table: "collab_collaborations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StartsAt",
                table: "collab_collaborations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "collab_client_user_history",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_client_user_history", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "collab_issued_statements",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_issued_statements", x => new { x.OfficeId, x.Year, x.Month });
                    table.ForeignKey(
                        name: "FK_collab_issued_statements_collab_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_tier_history",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_tier_history", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "collab_issued_statement_lines",
                columns: table => new
                {
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TierPrice = table.Column<decimal>(type: "TEXT", nullable: false),
                    ExtraClientUsers = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtraClientUserPrice = table.Column<decimal>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_issued_statement_lines", x => new { x.OfficeId, x.Year, x.Month, x.Position });
                    table.ForeignKey(
                        name: "FK_collab_issued_statement_lines_collab_issued_statements_OfficeId_Year_Month",
                        columns: x => new { x.OfficeId, x.Year, x.Month },
                        principalTable: "collab_issued_statements",
                        principalColumns: new[] { "OfficeId", "Year", "Month" },
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing data (CHANGELOG 0.5.0): homes and acceptance of existing users (SEC-5, SEC-7), makers of links (SEC-6),
            // kept approvals (SHARE-5) and the tier and client-user history (TIER-7), from the audit trail.
            migrationBuilder.Sql("""
                UPDATE "collab_users" SET "Acceptance" = 'Platform',
                    "AcceptedAt" = (SELECT MIN(a."At") FROM "collab_audit" a WHERE a."SubjectType" = 'user' AND a."SubjectId" = lower("collab_users"."Id") AND a."Action" = 'UserCreated');
                UPDATE "collab_users" SET "HomeOfficeId" = (
                        SELECT m."OfficeId" FROM "collab_audit" a JOIN "collab_users" m ON lower(m."Id") = a."ActorId"
                        WHERE a."SubjectType" = 'user' AND a."SubjectId" = lower("collab_users"."Id") AND a."Action" = 'UserCreated' AND a."ActorKind" = 'OfficeUser'
                        ORDER BY a."Sequence" LIMIT 1)
                    WHERE "Kind" = 'ClientUser'
                      AND NOT EXISTS (SELECT 1 FROM "collab_rights_grants" g WHERE g."GrantedBy" = "collab_users"."Id" AND g."Channel" = 'Registration')
                      AND NOT EXISTS (SELECT 1 FROM "collab_audit" l WHERE l."Action" = 'LicenceImported' AND l."Details" LIKE '%user=' || lower("collab_users"."Id") || '%');
                UPDATE "collab_users" SET "IsClientAdministrator" = 1
                    WHERE "Kind" = 'ClientUser' AND "HomeOfficeId" IS NULL AND "Id" = (
                        SELECT f."Id" FROM "collab_users" f WHERE f."ClientId" = "collab_users"."ClientId" AND f."Kind" = 'ClientUser' AND f."HomeOfficeId" IS NULL ORDER BY f."Id" LIMIT 1);
                UPDATE "collab_links" SET "MadeBy" = (
                        SELECT u."Id" FROM "collab_audit" a JOIN "collab_users" u ON lower(u."Id") = a."ActorId"
                        WHERE a."SubjectType" = 'link' AND a."SubjectId" = lower("collab_links"."Id") ORDER BY a."Sequence" LIMIT 1);
                UPDATE "collab_links" SET "MadeByOffice" = (SELECT u."OfficeId" FROM "collab_users" u WHERE u."Id" = "collab_links"."MadeBy");
                """);
            migrationBuilder.Sql("""
                UPDATE "collab_deliverables" SET "Approvals" = (
                    SELECT json_group_array(json_object(
                               'ApprovedAt', x."At",
                               'DocumentHashes', x.hashes,
                               'Figures', CASE WHEN "collab_deliverables"."State" = 'Approved' AND "collab_deliverables"."Revision" = x.revision THEN "collab_deliverables"."Figures" END,
                               'KeptInHistory', json(CASE WHEN x.kept THEN 'true' ELSE 'false' END),
                               'Revision', x.revision))
                    FROM (SELECT a."At", a."Details" LIKE 'keptInHistory=True;%' AS kept,
                                 CAST(substr(a."Details", instr(a."Details", 'revision=') + 9,
                                             instr(a."Details", ';documents=') - instr(a."Details", 'revision=') - 9) AS INTEGER) AS revision,
                                 substr(a."Details", instr(a."Details", ';documents=') + 11) AS hashes
                          FROM "collab_audit" a
                          WHERE a."SubjectType" = 'report' AND a."Action" = 'ReportApproved'
                            AND a."SubjectId" = lower("collab_deliverables"."Id")
                          ORDER BY revision) AS x);
                """);
            migrationBuilder.Sql("""
                UPDATE collab_collaborations SET
                  StartsAt = (unixepoch(StartsOn) - 3600 * (1 + (StartsOn >  date(strftime('%Y', StartsOn) || '-04-01', 'weekday 0', '-7 days')
                                                               AND StartsOn <= date(strftime('%Y', StartsOn) || '-11-01', 'weekday 0', '-7 days')))) * 10000000,
                  EndsAt = CASE WHEN EndsOn IS NULL THEN NULL ELSE
                           (unixepoch(date(EndsOn, '+1 day')) - 3600 * (1 + (date(EndsOn, '+1 day') >  date(strftime('%Y', date(EndsOn, '+1 day')) || '-04-01', 'weekday 0', '-7 days')
                                                                          AND date(EndsOn, '+1 day') <= date(strftime('%Y', date(EndsOn, '+1 day')) || '-11-01', 'weekday 0', '-7 days')))) * 10000000 END;
                INSERT INTO collab_tier_history (OfficeId, ClientId, Tier, "From", RecordedAt, Version)
                SELECT c.OfficeId, c.ClientId,
                       CASE COALESCE((SELECT substr(a.Details, instr(a.Details, ';to=') + 4,
                                                    CASE WHEN instr(substr(a.Details, instr(a.Details, ';to=') + 4), ';') = 0 THEN 64
                                                         ELSE instr(substr(a.Details, instr(a.Details, ';to=') + 4), ';') - 1 END)
                                      FROM collab_audit a WHERE a.SubjectType = 'client' AND a.SubjectId = lower(c.ClientId) AND a.Action = 'CollaborationStarted'
                                        AND a.Details LIKE 'office=' || lower(c.OfficeId) || ';%' ORDER BY a.Sequence LIMIT 1), c.Tier)
                            WHEN 'Standard' THEN 1 WHEN 'Collaborate' THEN 2 ELSE 3 END,
                       c.StartsAt, c.StartsAt, 0
                FROM collab_collaborations c;
                INSERT INTO collab_tier_history (OfficeId, ClientId, Tier, "From", RecordedAt, Version)
                SELECT c.OfficeId, c.ClientId,
                       CASE substr(a.Details, instr(a.Details, ';to=') + 4,
                                   CASE WHEN instr(substr(a.Details, instr(a.Details, ';to=') + 4), ';') = 0 THEN 64
                                        ELSE instr(substr(a.Details, instr(a.Details, ';to=') + 4), ';') - 1 END)
                            WHEN 'Standard' THEN 1 WHEN 'Collaborate' THEN 2 ELSE 3 END,
                       max(a.At, c.StartsAt), a.At, 0
                FROM collab_audit a JOIN collab_collaborations c
                  ON a.SubjectType = 'client' AND a.SubjectId = lower(c.ClientId) AND a.Details LIKE 'office=' || lower(c.OfficeId) || ';%'
                WHERE a.Action = 'TierChanged' ORDER BY a.Sequence;
                INSERT INTO collab_client_user_history (UserId, ClientId, Active, At, Version)
                SELECT u.Id, u.ClientId, 1,
                       COALESCE((SELECT MIN(a.At) FROM collab_audit a WHERE a.SubjectType = 'user' AND a.SubjectId = lower(u.Id) AND a.Action = 'UserCreated'), 9466848000000000), 0
                FROM collab_users u WHERE u.Kind = 'ClientUser';
                INSERT INTO collab_client_user_history (UserId, ClientId, Active, At, Version)
                SELECT u.Id, u.ClientId, 0,
                       COALESCE((SELECT MAX(a.At) FROM collab_audit a WHERE a.SubjectType = 'user' AND a.SubjectId = lower(u.Id) AND a.Action = 'UserDeactivated'),
                                (unixepoch('now') * 10000000)), 0
                FROM collab_users u WHERE u.Kind = 'ClientUser' AND NOT u.IsActive;
                """);

            migrationBuilder.UpdateData(
                table: "collab_schema",
                keyColumn: "Id",
                keyValue: 1,
                column: "Version",
                value: 4);

            migrationBuilder.CreateIndex(
                name: "IX_collab_users_HomeOfficeId",
                table: "collab_users",
                column: "HomeOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_links_MadeByOffice",
                table: "collab_links",
                column: "MadeByOffice");

            migrationBuilder.CreateIndex(
                name: "IX_collab_client_user_history_ClientId_Active_At",
                table: "collab_client_user_history",
                columns: new[] { "ClientId", "Active", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_client_user_history_UserId_Active_At",
                table: "collab_client_user_history",
                columns: new[] { "UserId", "Active", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_tier_history_OfficeId_ClientId_From_Sequence",
                table: "collab_tier_history",
                columns: new[] { "OfficeId", "ClientId", "From", "Sequence" });

            migrationBuilder.AddForeignKey(
                name: "FK_collab_links_collab_offices_MadeByOffice",
                table: "collab_links",
                column: "MadeByOffice",
                principalTable: "collab_offices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_collab_users_collab_offices_HomeOfficeId",
                table: "collab_users",
                column: "HomeOfficeId",
                principalTable: "collab_offices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_collab_links_collab_offices_MadeByOffice",
                table: "collab_links");

            migrationBuilder.DropForeignKey(
                name: "FK_collab_users_collab_offices_HomeOfficeId",
                table: "collab_users");

            migrationBuilder.DropTable(
                name: "collab_client_user_history");

            migrationBuilder.DropTable(
                name: "collab_issued_statement_lines");

            migrationBuilder.DropTable(
                name: "collab_tier_history");

            migrationBuilder.DropTable(
                name: "collab_issued_statements");

            migrationBuilder.DropIndex(
                name: "IX_collab_users_HomeOfficeId",
                table: "collab_users");

            migrationBuilder.DropIndex(
                name: "IX_collab_links_MadeByOffice",
                table: "collab_links");

            migrationBuilder.DropColumn(
                name: "Acceptance",
                table: "collab_users");

            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "collab_users");

            migrationBuilder.DropColumn(
                name: "HomeOfficeId",
                table: "collab_users");

            migrationBuilder.DropColumn(
                name: "InvitationExpiresAt",
                table: "collab_users");

            migrationBuilder.DropColumn(
                name: "InvitationHash",
                table: "collab_users");

            migrationBuilder.DropColumn(
                name: "InvitedBy",
                table: "collab_users");

            migrationBuilder.DropColumn(
                name: "IsClientAdministrator",
                table: "collab_users");

            migrationBuilder.DropColumn(
                name: "MadeBy",
                table: "collab_links");

            migrationBuilder.DropColumn(
                name: "MadeByOffice",
                table: "collab_links");

            migrationBuilder.DropColumn(
                name: "Approvals",
                table: "collab_deliverables");

            migrationBuilder.DropColumn(
                name: "EndsAt",
                table: "collab_collaborations");

            migrationBuilder.DropColumn(
                name: "StartsAt",
                table: "collab_collaborations");

            migrationBuilder.UpdateData(
                table: "collab_schema",
                keyColumn: "Id",
                keyValue: 1,
                column: "Version",
                value: 3);
        }
    }
}
