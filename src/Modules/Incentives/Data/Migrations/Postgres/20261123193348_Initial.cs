using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Funeng.Incentives.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "incentives_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgramId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CitySlug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FactsJson = table.Column<string>(type: "text", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MaximumFen = table.Column<long>(type: "bigint", nullable: true),
                    CompletenessNote = table.Column<string>(type: "text", nullable: true),
                    DecisionReasons = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incentives_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incentives_awards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgramId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CitySlug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TraceJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incentives_awards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incentives_eligibility_notices",
                columns: table => new
                {
                    ProgramId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incentives_eligibility_notices", x => new { x.ProgramId, x.OrganisationId });
                });

            migrationBuilder.CreateTable(
                name: "incentives_ledger",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TransactionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgramId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Account = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    AwardId = table.Column<Guid>(type: "uuid", nullable: true),
                    CitySlug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Memo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incentives_ledger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incentives_parameter_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgramId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(24,6)", precision: 24, scale: 6, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    SetBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incentives_parameter_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incentives_profiles",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CitySlug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FactsJson = table.Column<string>(type: "text", nullable: false),
                    Untrustworthy = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incentives_profiles", x => x.OrganisationId);
                });

            migrationBuilder.CreateTable(
                name: "incentives_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incentives_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incentives_attachments_incentives_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "incentives_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incentives_expert_scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpertUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incentives_expert_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incentives_expert_scores_incentives_applications_Applicatio~",
                        column: x => x.ApplicationId,
                        principalTable: "incentives_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_incentives_applications_OrganisationId",
                table: "incentives_applications",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_incentives_applications_ProgramId_Status",
                table: "incentives_applications",
                columns: new[] { "ProgramId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_incentives_attachments_ApplicationId",
                table: "incentives_attachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_incentives_awards_ApplicationId",
                table: "incentives_awards",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incentives_awards_OrganisationId",
                table: "incentives_awards",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_incentives_awards_ProgramId_Year",
                table: "incentives_awards",
                columns: new[] { "ProgramId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_incentives_expert_scores_ApplicationId_ExpertUserId",
                table: "incentives_expert_scores",
                columns: new[] { "ApplicationId", "ExpertUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incentives_ledger_ProgramId_Year_Account",
                table: "incentives_ledger",
                columns: new[] { "ProgramId", "Year", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_incentives_ledger_TransactionId",
                table: "incentives_ledger",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_incentives_parameter_settings_ProgramId",
                table: "incentives_parameter_settings",
                column: "ProgramId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incentives_attachments");

            migrationBuilder.DropTable(
                name: "incentives_awards");

            migrationBuilder.DropTable(
                name: "incentives_eligibility_notices");

            migrationBuilder.DropTable(
                name: "incentives_expert_scores");

            migrationBuilder.DropTable(
                name: "incentives_ledger");

            migrationBuilder.DropTable(
                name: "incentives_parameter_settings");

            migrationBuilder.DropTable(
                name: "incentives_profiles");

            migrationBuilder.DropTable(
                name: "incentives_applications");
        }
    }
}
