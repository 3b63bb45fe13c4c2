using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddOrganisationRegistration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsOrganisationAdmin",
                table: "platform_users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "platform_organisations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "platform_organisations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "platform_organisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreditCode",
                table: "platform_organisations",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "platform_organisations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.AddColumn<string>(
                name: "VerificationEvidence",
                table: "platform_organisations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "VerifiedAt",
                table: "platform_organisations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedByUserId",
                table: "platform_organisations",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_organisations_CreditCode",
                table: "platform_organisations",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_organisations_Status",
                table: "platform_organisations",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_organisations_CreditCode",
                table: "platform_organisations");

            migrationBuilder.DropIndex(
                name: "IX_platform_organisations_Status",
                table: "platform_organisations");

            migrationBuilder.DropColumn(
                name: "IsOrganisationAdmin",
                table: "platform_users");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "platform_organisations");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "platform_organisations");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "platform_organisations");

            migrationBuilder.DropColumn(
                name: "CreditCode",
                table: "platform_organisations");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "platform_organisations");

            migrationBuilder.DropColumn(
                name: "VerificationEvidence",
                table: "platform_organisations");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "platform_organisations");

            migrationBuilder.DropColumn(
                name: "VerifiedByUserId",
                table: "platform_organisations");
        }
    }
}
