using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Compute.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestSector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Sector",
                table: "compute_requests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sector",
                table: "compute_requests");
        }
    }
}
