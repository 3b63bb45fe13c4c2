using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneQualificationCodeSet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            QualificationCodeRenames.Apply(migrationBuilder, forward: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            QualificationCodeRenames.Apply(migrationBuilder, forward: false);
        }
    }
}
