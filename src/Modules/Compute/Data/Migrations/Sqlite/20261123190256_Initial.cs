using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Compute.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "compute_centres",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OperatorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CitySlug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Up = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compute_centres", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compute_latencies",
                columns: table => new
                {
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CitySlug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Milliseconds = table.Column<double>(type: "REAL", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compute_latencies", x => new { x.CentreId, x.CitySlug });
                });

            migrationBuilder.CreateTable(
                name: "compute_placements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PlannedStart = table.Column<long>(type: "INTEGER", nullable: false),
                    PlannedEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Cost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DeviceHours = table.Column<double>(type: "REAL", nullable: false),
                    Engine = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compute_placements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compute_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Accelerators = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MinTflops = table.Column<double>(type: "REAL", nullable: true),
                    MinMemoryGb = table.Column<double>(type: "REAL", nullable: true),
                    Devices = table.Column<int>(type: "INTEGER", nullable: false),
                    EstimatedHours = table.Column<double>(type: "REAL", nullable: false),
                    EarliestStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    DataCity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MaxLatencyMs = table.Column<double>(type: "REAL", nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    VoucherIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Command = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastExplanation = table.Column<string>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compute_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compute_settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compute_settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "compute_voucher_debits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoucherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compute_voucher_debits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compute_vouchers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compute_vouchers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compute_pools",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CentreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Accelerator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Devices = table.Column<int>(type: "INTEGER", nullable: false),
                    Fp16Tflops = table.Column<double>(type: "REAL", nullable: false),
                    Fp32Tflops = table.Column<double>(type: "REAL", nullable: false),
                    MemoryGb = table.Column<double>(type: "REAL", nullable: false),
                    Interconnect = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PricePerDeviceHour = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Engine = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compute_pools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_compute_pools_compute_centres_CentreId",
                        column: x => x.CentreId,
                        principalTable: "compute_centres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_compute_placements_CentreId_Active",
                table: "compute_placements",
                columns: new[] { "CentreId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_compute_placements_RequestId",
                table: "compute_placements",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_compute_pools_CentreId",
                table: "compute_pools",
                column: "CentreId");

            migrationBuilder.CreateIndex(
                name: "IX_compute_requests_OrganisationId_State",
                table: "compute_requests",
                columns: new[] { "OrganisationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_compute_requests_State",
                table: "compute_requests",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_compute_voucher_debits_RequestId",
                table: "compute_voucher_debits",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_compute_voucher_debits_VoucherId",
                table: "compute_voucher_debits",
                column: "VoucherId");

            migrationBuilder.CreateIndex(
                name: "IX_compute_vouchers_OrganisationId",
                table: "compute_vouchers",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "compute_latencies");

            migrationBuilder.DropTable(
                name: "compute_placements");

            migrationBuilder.DropTable(
                name: "compute_pools");

            migrationBuilder.DropTable(
                name: "compute_requests");

            migrationBuilder.DropTable(
                name: "compute_settings");

            migrationBuilder.DropTable(
                name: "compute_voucher_debits");

            migrationBuilder.DropTable(
                name: "compute_vouchers");

            migrationBuilder.DropTable(
                name: "compute_centres");
        }
    }
}
