using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collab.Samples.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCollab : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "collab_audit",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_audit", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "collab_clients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "collab_offices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Modules = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_offices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "collab_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<Guid>(type: "TEXT", nullable: true),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeadLetteredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "collab_schema",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_schema", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "collab_companies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_companies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_companies_collab_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "collab_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromEnvironment = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToEnvironment = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdministrationIds = table.Column<string>(type: "TEXT", nullable: false),
                    ClientEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OldAdministratorConsentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OldAdministratorConsentBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientConsentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClientConsentBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    NewAdministratorConsentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NewAdministratorConsentBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BilledTo = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    BankLinks = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_transfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_transfers_collab_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "collab_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_collaborations",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_collaborations", x => new { x.OfficeId, x.ClientId });
                    table.ForeignKey(
                        name: "FK_collab_collaborations_collab_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "collab_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collab_collaborations_collab_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_environments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdministratorIds = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_environments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_environments_collab_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_house_styles",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    LogoReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PrimaryColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    TextColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    BackgroundColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    WelcomeText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReminderText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_house_styles", x => x.OfficeId);
                    table.ForeignKey(
                        name: "FK_collab_house_styles_collab_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_questionnaire_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TemplateVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Sections = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_questionnaire_templates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_questionnaire_templates_collab_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_subscriptions",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BillingParty = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FreeThrough = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_subscriptions", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_collab_subscriptions_collab_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "collab_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collab_subscriptions_collab_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompanyIds = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_users_collab_clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "collab_clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collab_users_collab_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BlobKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_documents_collab_companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "collab_companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_portal_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SharedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenAction = table.Column<bool>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_portal_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_portal_items_collab_companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "collab_companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_question_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Questions = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_question_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_question_batches_collab_companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "collab_companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
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
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "collab_transfer_followups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ManagedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_transfer_followups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_transfer_followups_collab_transfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "collab_transfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_administrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderOfficeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnvironmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ClientLicenceFile = table.Column<string>(type: "TEXT", maxLength: 1048576, nullable: true),
                    LegalHold = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeletionStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_administrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_administrations_collab_companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "collab_companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collab_administrations_collab_environments_EnvironmentId",
                        column: x => x.EnvironmentId,
                        principalTable: "collab_environments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collab_administrations_collab_offices_HolderOfficeId",
                        column: x => x.HolderOfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_questionnaires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReminderDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: true),
                    Sections = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_questionnaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_questionnaires_collab_companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "collab_companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collab_questionnaires_collab_questionnaire_templates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "collab_questionnaire_templates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_environment_access",
                columns: table => new
                {
                    EnvironmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdministrationIds = table.Column<string>(type: "TEXT", nullable: false),
                    BilledTo = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_environment_access", x => new { x.EnvironmentId, x.UserId });
                    table.ForeignKey(
                        name: "FK_collab_environment_access_collab_environments_EnvironmentId",
                        column: x => x.EnvironmentId,
                        principalTable: "collab_environments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collab_environment_access_collab_users_UserId",
                        column: x => x.UserId,
                        principalTable: "collab_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_report_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstOpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SpentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
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

            migrationBuilder.CreateTable(
                name: "collab_backups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdministrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdministrationNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    AdministrationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    MadeAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MadeBy = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    BlobKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_backups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_backups_collab_administrations_AdministrationId",
                        column: x => x.AdministrationId,
                        principalTable: "collab_administrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_deletions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdministrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdministrationNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    AdministrationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeleteOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WarningDays = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WarningsPassed = table.Column<int>(type: "INTEGER", nullable: false),
                    NextActionAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BlockedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeletionStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_deletions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_deletions_collab_administrations_AdministrationId",
                        column: x => x.AdministrationId,
                        principalTable: "collab_administrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    App = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExternalAdministration = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AdministrationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AdministrationNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Edition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Step = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Cursor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextPollAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastPolledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_links_collab_administrations_AdministrationId",
                        column: x => x.AdministrationId,
                        principalTable: "collab_administrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_rights_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdministrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_rights_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_rights_grants_collab_administrations_AdministrationId",
                        column: x => x.AdministrationId,
                        principalTable: "collab_administrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_collab_rights_grants_collab_offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "collab_offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "collab_link_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BookkeepingId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AppliedVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    SentVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    Match = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Candidates = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collab_link_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_collab_link_records_collab_links_LinkId",
                        column: x => x.LinkId,
                        principalTable: "collab_links",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "collab_schema",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 2 });

            migrationBuilder.CreateIndex(
                name: "IX_collab_administrations_ClientId_CompanyId",
                table: "collab_administrations",
                columns: new[] { "ClientId", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_administrations_CompanyId",
                table: "collab_administrations",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_administrations_EnvironmentId",
                table: "collab_administrations",
                column: "EnvironmentId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_administrations_HolderOfficeId",
                table: "collab_administrations",
                column: "HolderOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_administrations_Number",
                table: "collab_administrations",
                column: "Number",
                unique: true,
                filter: "\"State\" IN ('Live', 'Restoring')");

            migrationBuilder.CreateIndex(
                name: "IX_collab_audit_Id",
                table: "collab_audit",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_collab_audit_SubjectType_SubjectId_Sequence",
                table: "collab_audit",
                columns: new[] { "SubjectType", "SubjectId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_backups_AdministrationId_MadeAt",
                table: "collab_backups",
                columns: new[] { "AdministrationId", "MadeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_collaborations_ClientId",
                table: "collab_collaborations",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_companies_ClientId",
                table: "collab_companies",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_deletions_AdministrationId",
                table: "collab_deletions",
                column: "AdministrationId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_deletions_ClientId_State",
                table: "collab_deletions",
                columns: new[] { "ClientId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_deletions_State_NextActionAt",
                table: "collab_deletions",
                columns: new[] { "State", "NextActionAt" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_documents_ClientId_CompanyId",
                table: "collab_documents",
                columns: new[] { "ClientId", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_documents_CompanyId",
                table: "collab_documents",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_environment_access_UserId",
                table: "collab_environment_access",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_environments_OfficeId",
                table: "collab_environments",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_house_styles_Slug",
                table: "collab_house_styles",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_collab_link_records_LinkId_Kind_BookkeepingId",
                table: "collab_link_records",
                columns: new[] { "LinkId", "Kind", "BookkeepingId" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_link_records_LinkId_Kind_ExternalId",
                table: "collab_link_records",
                columns: new[] { "LinkId", "Kind", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_collab_links_AdministrationId",
                table: "collab_links",
                column: "AdministrationId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_links_App_AdministrationId",
                table: "collab_links",
                columns: new[] { "App", "AdministrationId" },
                unique: true,
                filter: "\"Step\" <> 'Removed' AND \"AdministrationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_collab_links_App_ExternalAdministration",
                table: "collab_links",
                columns: new[] { "App", "ExternalAdministration" },
                unique: true,
                filter: "\"Step\" <> 'Removed'");

            migrationBuilder.CreateIndex(
                name: "IX_collab_links_Step_NextPollAt",
                table: "collab_links",
                columns: new[] { "Step", "NextPollAt" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_outbox_DispatchedAt_DeadLetteredAt_CreatedAt",
                table: "collab_outbox",
                columns: new[] { "DispatchedAt", "DeadLetteredAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_portal_items_ClientId_SharedAt_Id",
                table: "collab_portal_items",
                columns: new[] { "ClientId", "SharedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_portal_items_CompanyId",
                table: "collab_portal_items",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_question_batches_ClientId_CompanyId",
                table: "collab_question_batches",
                columns: new[] { "ClientId", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_question_batches_CompanyId",
                table: "collab_question_batches",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_questionnaire_templates_OfficeId",
                table: "collab_questionnaire_templates",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_questionnaires_CompanyId",
                table: "collab_questionnaires",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_questionnaires_State_ReminderSentAt_ReminderDueAt",
                table: "collab_questionnaires",
                columns: new[] { "State", "ReminderSentAt", "ReminderDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_questionnaires_TemplateId",
                table: "collab_questionnaires",
                column: "TemplateId");

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

            migrationBuilder.CreateIndex(
                name: "IX_collab_rights_grants_AdministrationId_IsActive",
                table: "collab_rights_grants",
                columns: new[] { "AdministrationId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_rights_grants_OfficeId_AdministrationId",
                table: "collab_rights_grants",
                columns: new[] { "OfficeId", "AdministrationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_collab_subscriptions_OfficeId",
                table: "collab_subscriptions",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_collab_transfer_followups_TransferId_Position",
                table: "collab_transfer_followups",
                columns: new[] { "TransferId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_collab_transfers_ClientId_State",
                table: "collab_transfers",
                columns: new[] { "ClientId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_transfers_State_ExpiresAt",
                table: "collab_transfers",
                columns: new[] { "State", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_users_ClientId_IsActive",
                table: "collab_users",
                columns: new[] { "ClientId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_collab_users_Email",
                table: "collab_users",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_collab_users_OfficeId",
                table: "collab_users",
                column: "OfficeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collab_audit");

            migrationBuilder.DropTable(
                name: "collab_backups");

            migrationBuilder.DropTable(
                name: "collab_collaborations");

            migrationBuilder.DropTable(
                name: "collab_deletions");

            migrationBuilder.DropTable(
                name: "collab_documents");

            migrationBuilder.DropTable(
                name: "collab_environment_access");

            migrationBuilder.DropTable(
                name: "collab_house_styles");

            migrationBuilder.DropTable(
                name: "collab_link_records");

            migrationBuilder.DropTable(
                name: "collab_outbox");

            migrationBuilder.DropTable(
                name: "collab_portal_items");

            migrationBuilder.DropTable(
                name: "collab_question_batches");

            migrationBuilder.DropTable(
                name: "collab_questionnaires");

            migrationBuilder.DropTable(
                name: "collab_report_links");

            migrationBuilder.DropTable(
                name: "collab_rights_grants");

            migrationBuilder.DropTable(
                name: "collab_schema");

            migrationBuilder.DropTable(
                name: "collab_subscriptions");

            migrationBuilder.DropTable(
                name: "collab_transfer_followups");

            migrationBuilder.DropTable(
                name: "collab_users");

            migrationBuilder.DropTable(
                name: "collab_links");

            migrationBuilder.DropTable(
                name: "collab_questionnaire_templates");

            migrationBuilder.DropTable(
                name: "collab_reports");

            migrationBuilder.DropTable(
                name: "collab_transfers");

            migrationBuilder.DropTable(
                name: "collab_administrations");

            migrationBuilder.DropTable(
                name: "collab_companies");

            migrationBuilder.DropTable(
                name: "collab_environments");

            migrationBuilder.DropTable(
                name: "collab_clients");

            migrationBuilder.DropTable(
                name: "collab_offices");
        }
    }
}
