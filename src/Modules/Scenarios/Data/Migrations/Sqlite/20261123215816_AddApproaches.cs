using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Scenarios.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierNameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
