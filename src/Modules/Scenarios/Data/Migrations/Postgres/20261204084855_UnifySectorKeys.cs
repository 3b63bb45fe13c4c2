using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Scenarios.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnifySectorKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            SectorKeyRenames.Apply(migrationBuilder, forward: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SectorKeyRenames.Apply(migrationBuilder, forward: false);
        }
    }
}
