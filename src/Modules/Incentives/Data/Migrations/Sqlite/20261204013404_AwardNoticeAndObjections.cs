using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Incentives.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AwardNoticeAndObjections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NoticeEndsAt",
                table: "incentives_awards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Awards made before notice periods existed were never in notice: theirs ends when they were decided.
            migrationBuilder.Sql("UPDATE incentives_awards SET \"NoticeEndsAt\" = \"DecidedAt\"");

            migrationBuilder.CreateTable(
                name: "incentives_award_objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AwardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiledByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Upheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incentives_award_objections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_incentives_award_objections_AwardId",
                table: "incentives_award_objections",
                column: "AwardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incentives_award_objections");

            migrationBuilder.DropColumn(
                name: "NoticeEndsAt",
                table: "incentives_awards");
        }
    }
}
