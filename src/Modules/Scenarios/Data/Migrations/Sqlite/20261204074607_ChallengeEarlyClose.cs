using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Scenarios.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChallengeEarlyClose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "scenarios_challenges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EarlyCloseReason",
                table: "scenarios_challenges",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "scenarios_challenges");

            migrationBuilder.DropColumn(
                name: "EarlyCloseReason",
                table: "scenarios_challenges");
        }
    }
}
