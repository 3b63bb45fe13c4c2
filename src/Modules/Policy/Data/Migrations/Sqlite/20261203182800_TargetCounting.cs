using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Policy.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TargetCounting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Counting",
                table: "policy_targets",
                type: "TEXT",
                nullable: false,
                defaultValue: "Level");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Counting",
                table: "policy_targets");
        }
    }
}
