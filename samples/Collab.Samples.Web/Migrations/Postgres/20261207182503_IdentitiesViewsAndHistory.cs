using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Collab.Samples.Web.Migrations.Postgres
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Instant>(
                name: "AcceptedAt",
                table: "collab_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HomeOfficeId",
                table: "collab_users",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "InvitationExpiresAt",
                table: "collab_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "InvitationHash",
                table: "collab_users",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InvitedBy",
                table: "collab_users",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsClientAdministrator",
                table: "collab_users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "MadeBy",
                table: "collab_links",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MadeByOffice",
                table: "collab_links",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Approvals",
                table: "collab_deliverables",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "EndsAt",
                table: "collab_collaborations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "StartsAt",
                table: "collab_collaborations",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: NodaTime.Instant.FromUnixTimeTicks(0L));

            migrationBuilder.CreateTable(
                name: "collab_client_user_history",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_client_user_history", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "collab_issued_statements",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    IssuedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Total = table.Column<decimal>(type: "numeric", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_tier_history", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "collab_issued_statement_lines",
                columns: table => new
                {
                    Position = table.Column<int>(type: "integer", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TierPrice = table.Column<decimal>(type: "numeric", nullable: false),
                    ExtraClientUsers = table.Column<int>(type: "integer", nullable: false),
                    ExtraClientUserPrice = table.Column<decimal>(type: "numeric", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_issued_statement_lines", x => new { x.OfficeId, x.Year, x.Month, x.Position });
                    table.ForeignKey(
                        name: "FK_collab_issued_statement_lines_collab_issued_statements_Offi~",
                        columns: x => new { x.OfficeId, x.Year, x.Month },
                        principalTable: "collab_issued_statements",
                        principalColumns: new[] { "OfficeId", "Year", "Month" },
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing data (CHANGELOG 0.5.0): homes and acceptance of existing users (SEC-5, SEC-7), makers of links (SEC-6),
            // kept approvals (SHARE-5) and the tier and client-user history (TIER-7), from the audit trail.
            migrationBuilder.Sql("""
                UPDATE collab_users SET "Acceptance" = 'Platform',
                    "AcceptedAt" = (SELECT MIN(a."At") FROM collab_audit a WHERE a."SubjectType" = 'user' AND a."SubjectId" = collab_users."Id"::text AND a."Action" = 'UserCreated');
                UPDATE collab_users SET "HomeOfficeId" = (
                        SELECT m."OfficeId" FROM collab_audit a JOIN collab_users m ON m."Id"::text = a."ActorId"
                        WHERE a."SubjectType" = 'user' AND a."SubjectId" = collab_users."Id"::text AND a."Action" = 'UserCreated' AND a."ActorKind" = 'OfficeUser'
                        ORDER BY a."Sequence" LIMIT 1)
                    WHERE "Kind" = 'ClientUser'
                      AND NOT EXISTS (SELECT 1 FROM collab_rights_grants g WHERE g."GrantedBy" = collab_users."Id" AND g."Channel" = 'Registration')
                      AND NOT EXISTS (SELECT 1 FROM collab_audit l WHERE l."Action" = 'LicenceImported' AND l."Details" LIKE '%user=' || collab_users."Id"::text || '%');
                UPDATE collab_users SET "IsClientAdministrator" = TRUE
                    WHERE "Kind" = 'ClientUser' AND "HomeOfficeId" IS NULL AND "Id" = (
                        SELECT f."Id" FROM collab_users f WHERE f."ClientId" = collab_users."ClientId" AND f."Kind" = 'ClientUser' AND f."HomeOfficeId" IS NULL ORDER BY f."Id" LIMIT 1);
                UPDATE collab_links SET "MadeBy" = (
                        SELECT u."Id" FROM collab_audit a JOIN collab_users u ON u."Id"::text = a."ActorId"
                        WHERE a."SubjectType" = 'link' AND a."SubjectId" = collab_links."Id"::text ORDER BY a."Sequence" LIMIT 1);
                UPDATE collab_links SET "MadeByOffice" = (SELECT u."OfficeId" FROM collab_users u WHERE u."Id" = collab_links."MadeBy");
                """);
            migrationBuilder.Sql("""
                UPDATE collab_deliverables d SET "Approvals" = COALESCE((
                    SELECT jsonb_agg(jsonb_build_object(
                               'ApprovedAt', (extract(epoch FROM x."At") * 10000000)::bigint,
                               'DocumentHashes', x.hashes,
                               'Figures', CASE WHEN d."State" = 'Approved' AND d."Revision" = x.revision THEN d."Figures" END,
                               'KeptInHistory', x.kept,
                               'Revision', x.revision) ORDER BY x.revision)
                    FROM (SELECT a."At", a."Details" LIKE 'keptInHistory=True;%' AS kept,
                                 substring(a."Details" FROM 'revision=([0-9]+)')::integer AS revision,
                                 substring(a."Details" FROM ';documents=(.*)$') AS hashes
                          FROM collab_audit a
                          WHERE a."SubjectType" = 'report' AND a."Action" = 'ReportApproved' AND a."SubjectId" = d."Id"::text) x), '[]'::jsonb);
                """);
            migrationBuilder.Sql("""
                UPDATE collab_collaborations c
                SET "StartsAt" = (c."StartsOn"::timestamp AT TIME ZONE o."TimeZoneId"),
                    "EndsAt"   = CASE WHEN c."EndsOn" IS NULL THEN NULL ELSE ((c."EndsOn" + 1)::timestamp AT TIME ZONE o."TimeZoneId") END
                FROM collab_offices o WHERE o."Id" = c."OfficeId";
                -- the tier each collaboration started with (its audit row), else its tier now
                INSERT INTO collab_tier_history ("OfficeId", "ClientId", "Tier", "From", "RecordedAt", "Version")
                SELECT c."OfficeId", c."ClientId",
                       CASE COALESCE((SELECT split_part(split_part(a."Details", ';to=', 2), ';', 1) FROM collab_audit a
                                      WHERE a."SubjectType" = 'client' AND a."SubjectId" = c."ClientId"::text AND a."Action" = 'CollaborationStarted'
                                        AND a."Details" LIKE 'office=' || c."OfficeId"::text || ';%' ORDER BY a."Sequence" LIMIT 1), c."Tier")
                            WHEN 'Standard' THEN 1 WHEN 'Collaborate' THEN 2 ELSE 3 END,
                       c."StartsAt", c."StartsAt", 0
                FROM collab_collaborations c;
                -- every tier change since, in the order it was made
                INSERT INTO collab_tier_history ("OfficeId", "ClientId", "Tier", "From", "RecordedAt", "Version")
                SELECT c."OfficeId", c."ClientId",
                       CASE split_part(split_part(a."Details", ';to=', 2), ';', 1) WHEN 'Standard' THEN 1 WHEN 'Collaborate' THEN 2 ELSE 3 END,
                       GREATEST(a."At", c."StartsAt"), a."At", 0
                FROM collab_audit a JOIN collab_collaborations c
                  ON a."SubjectType" = 'client' AND a."SubjectId" = c."ClientId"::text AND a."Details" LIKE 'office=' || c."OfficeId"::text || ';%'
                WHERE a."Action" = 'TierChanged' ORDER BY a."Sequence";
                -- client users: active from their creation (audit), inactive from their deactivation
                INSERT INTO collab_client_user_history ("UserId", "ClientId", "Active", "At", "Version")
                SELECT u."Id", u."ClientId", TRUE,
                       COALESCE((SELECT MIN(a."At") FROM collab_audit a WHERE a."SubjectType" = 'user' AND a."SubjectId" = u."Id"::text AND a."Action" = 'UserCreated'),
                                TIMESTAMPTZ '2000-01-01 00:00:00+00'), 0
                FROM collab_users u WHERE u."Kind" = 'ClientUser';
                INSERT INTO collab_client_user_history ("UserId", "ClientId", "Active", "At", "Version")
                SELECT u."Id", u."ClientId", FALSE,
                       COALESCE((SELECT MAX(a."At") FROM collab_audit a WHERE a."SubjectType" = 'user' AND a."SubjectId" = u."Id"::text AND a."Action" = 'UserDeactivated'), now()), 0
                FROM collab_users u WHERE u."Kind" = 'ClientUser' AND NOT u."IsActive";
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
