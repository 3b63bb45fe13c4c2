using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Scenarios.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddApproaches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scenarios_approaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierNameZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_approaches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_posts_Status_CitySlug_PublishedAt",
                table: "scenarios_posts",
                columns: new[] { "Status", "CitySlug", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_posts_Status_Sector_PublishedAt",
                table: "scenarios_posts",
                columns: new[] { "Status", "Sector", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_approaches_ScenarioId_SupplierOrganisationId_Kind",
                table: "scenarios_approaches",
                columns: new[] { "ScenarioId", "SupplierOrganisationId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_approaches_SupplierOrganisationId",
                table: "scenarios_approaches",
                column: "SupplierOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scenarios_approaches");

            migrationBuilder.DropIndex(
                name: "IX_scenarios_posts_Status_CitySlug_PublishedAt",
                table: "scenarios_posts");

            migrationBuilder.DropIndex(
                name: "IX_scenarios_posts_Status_Sector_PublishedAt",
                table: "scenarios_posts");
        }
    }
}
