using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Incentives.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AwardBasis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Basis",
                table: "incentives_awards",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Application");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Basis",
                table: "incentives_awards");
        }
    }
}
