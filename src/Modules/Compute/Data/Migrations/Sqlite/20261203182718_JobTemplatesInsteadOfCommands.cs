using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Compute.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobTemplatesInsteadOfCommands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Command",
                table: "compute_requests");

            migrationBuilder.AddColumn<string>(
                name: "JobArguments",
                table: "compute_requests",
                type: "TEXT",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JobTemplate",
                table: "compute_requests",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "reserve"); // a stored command is never run: old requests hold their devices
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "JobArguments",
                table: "compute_requests");

            migrationBuilder.DropColumn(
                name: "JobTemplate",
                table: "compute_requests");

            migrationBuilder.AddColumn<string>(
                name: "Command",
                table: "compute_requests",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }
    }
}
