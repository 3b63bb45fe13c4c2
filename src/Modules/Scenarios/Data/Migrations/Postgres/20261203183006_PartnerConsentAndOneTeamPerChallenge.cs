using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Scenarios.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartnerConsentAndOneTeamPerChallenge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChallengeId",
                table: "scenarios_entry_members",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Fill the new column from the entries, then keep each organisation on its earliest team only: before this
            // index, concurrent submissions could put one organisation on several teams (issue 15).
            migrationBuilder.Sql(
                """
                UPDATE scenarios_entry_members SET "ChallengeId" =
                    (SELECT e."ChallengeId" FROM scenarios_entries e WHERE e."Id" = scenarios_entry_members."EntryId");
                DELETE FROM scenarios_entry_members WHERE EXISTS (
                    SELECT 1 FROM scenarios_entry_members o
                    JOIN scenarios_entries eo ON eo."Id" = o."EntryId"
                    JOIN scenarios_entries em ON em."Id" = scenarios_entry_members."EntryId"
                    WHERE o."ChallengeId" = scenarios_entry_members."ChallengeId"
                      AND o."OrganisationId" = scenarios_entry_members."OrganisationId"
                      AND (eo."SubmittedAt" < em."SubmittedAt" OR (eo."SubmittedAt" = em."SubmittedAt" AND o."EntryId" < scenarios_entry_members."EntryId")));
                """);

            migrationBuilder.CreateTable(
                name: "scenarios_partner_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_partner_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_entry_members_ChallengeId_OrganisationId",
                table: "scenarios_entry_members",
                columns: new[] { "ChallengeId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_partner_requests_EntryId_OrganisationId",
                table: "scenarios_partner_requests",
                columns: new[] { "EntryId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_partner_requests_OrganisationId_Status",
                table: "scenarios_partner_requests",
                columns: new[] { "OrganisationId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scenarios_partner_requests");

            migrationBuilder.DropIndex(
                name: "IX_scenarios_entry_members_ChallengeId_OrganisationId",
                table: "scenarios_entry_members");

            migrationBuilder.DropColumn(
                name: "ChallengeId",
                table: "scenarios_entry_members");
        }
    }
}
