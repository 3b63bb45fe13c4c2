using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Incentives.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewCriteriaAndAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CriteriaJson",
                table: "incentives_expert_scores",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "incentives_review_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incentives_review_assignments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_incentives_review_assignments_ApplicationId_ReviewerOrganis~",
                table: "incentives_review_assignments",
                columns: new[] { "ApplicationId", "ReviewerOrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incentives_review_assignments_ReviewerOrganisationId",
                table: "incentives_review_assignments",
                column: "ReviewerOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incentives_review_assignments");

            migrationBuilder.DropColumn(
                name: "CriteriaJson",
                table: "incentives_expert_scores");
        }
    }
}
