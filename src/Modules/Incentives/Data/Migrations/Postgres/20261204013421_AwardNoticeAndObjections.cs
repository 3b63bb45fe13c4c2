using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Incentives.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AwardNoticeAndObjections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NoticeEndsAt",
                table: "incentives_awards",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Awards made before notice periods existed were never in notice: theirs ends when they were decided.
            migrationBuilder.Sql("UPDATE incentives_awards SET \"NoticeEndsAt\" = \"DecidedAt\"");

            migrationBuilder.CreateTable(
                name: "incentives_award_objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AwardId = table.Column<Guid>(type: "uuid", nullable: false),
                    FiledByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FiledByOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Upheld = table.Column<bool>(type: "boolean", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
