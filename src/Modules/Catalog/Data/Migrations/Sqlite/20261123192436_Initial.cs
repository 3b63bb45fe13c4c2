using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_listings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedCitySlug = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_listings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_organisations",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LegalNameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalNameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    CitySlug = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    District = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Sectors = table.Column<string>(type: "TEXT", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DescriptionZh = table.Column<string>(type: "TEXT", nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_organisations", x => x.OrganisationId);
                });

            migrationBuilder.CreateTable(
                name: "catalog_listing_versions",
                columns: table => new
                {
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_listing_versions", x => new { x.ListingId, x.Number });
                    table.ForeignKey(
                        name: "FK_catalog_listing_versions_catalog_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "catalog_listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_qualifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_qualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_qualifications_catalog_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "catalog_organisations",
                        principalColumn: "OrganisationId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_listings_OwnerOrganisationId",
                table: "catalog_listings",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_listings_Source_SourceId",
                table: "catalog_listings",
                columns: new[] { "Source", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_listings_Status_Type",
                table: "catalog_listings",
                columns: new[] { "Status", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_organisations_CreditCode",
                table: "catalog_organisations",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_organisations_LegalNameZh",
                table: "catalog_organisations",
                column: "LegalNameZh");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_qualifications_OrganisationId",
                table: "catalog_qualifications",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_listing_versions");

            migrationBuilder.DropTable(
                name: "catalog_qualifications");

            migrationBuilder.DropTable(
                name: "catalog_listings");

            migrationBuilder.DropTable(
                name: "catalog_organisations");
        }
    }
}
