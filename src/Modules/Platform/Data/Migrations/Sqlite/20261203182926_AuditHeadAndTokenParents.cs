using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditHeadAndTokenParents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ParentId",
                table: "platform_api_tokens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "platform_audit_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_head", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_api_tokens_ParentId",
                table: "platform_api_tokens",
                column: "ParentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_audit_head");

            migrationBuilder.DropIndex(
                name: "IX_platform_api_tokens_ParentId",
                table: "platform_api_tokens");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "platform_api_tokens");
        }
    }
}
