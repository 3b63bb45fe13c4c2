using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Funeng.Policy.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policy_documents",
                columns: table => new
                {
                    PackId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    TitleZh = table.Column<string>(type: "text", nullable: false),
                    TitleEn = table.Column<string>(type: "text", nullable: false),
                    IssuerZh = table.Column<string>(type: "text", nullable: false),
                    IssuerEn = table.Column<string>(type: "text", nullable: false),
                    Issued = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceFile = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NoteZh = table.Column<string>(type: "text", nullable: true),
                    NoteEn = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_documents", x => new { x.PackId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "policy_measures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PackId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TitleZh = table.Column<string>(type: "text", nullable: false),
                    TitleEn = table.Column<string>(type: "text", nullable: false),
                    SummaryZh = table.Column<string>(type: "text", nullable: false),
                    SummaryEn = table.Column<string>(type: "text", nullable: false),
                    SourceFile = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_measures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "policy_packs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_packs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "policy_targets",
                columns: table => new
                {
                    PackId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Indicator = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: false),
                    Comparator = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(24,4)", precision: 24, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Per = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MeasureNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Headline = table.Column<bool>(type: "boolean", nullable: false),
                    NoteZh = table.Column<string>(type: "text", nullable: true),
                    NoteEn = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_targets", x => new { x.PackId, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_policy_measures_PackId_DocumentId_Number",
                table: "policy_measures",
                columns: new[] { "PackId", "DocumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policy_targets_Indicator",
                table: "policy_targets",
                column: "Indicator");

            migrationBuilder.CreateIndex(
                name: "IX_policy_targets_Year",
                table: "policy_targets",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policy_documents");

            migrationBuilder.DropTable(
                name: "policy_measures");

            migrationBuilder.DropTable(
                name: "policy_packs");

            migrationBuilder.DropTable(
                name: "policy_targets");
        }
    }
}
