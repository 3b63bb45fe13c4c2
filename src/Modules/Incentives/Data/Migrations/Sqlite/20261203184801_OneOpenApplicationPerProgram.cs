using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Incentives.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneOpenApplicationPerProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_incentives_applications_one_open",
                table: "incentives_applications",
                columns: new[] { "ProgramId", "OrganisationId" },
                unique: true,
                filter: "\"Status\" IN ('Submitted', 'Incomplete', 'UnderReview')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_incentives_applications_one_open",
                table: "incentives_applications");
        }
    }
}
