using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Scenarios.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scenarios_benchmark_tallies",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Designated = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_benchmark_tallies", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BenchmarkYear = table.Column<int>(type: "integer", nullable: true),
                    DesignatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Requirements = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Eligibility = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AwardDescription = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AwardAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Phases = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnnouncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NoticeEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WinnerEntryId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_challenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_conflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpertUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_conflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Label = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Solution = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    LeadOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    FinalScore = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    ExpertUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_evaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_follows",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EntityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_follows", x => new { x.UserId, x.EntityType, x.EntityId });
                });

            migrationBuilder.CreateTable(
                name: "scenarios_lists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TitleZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_lists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FiledByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FiledByOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Upheld = table.Column<bool>(type: "boolean", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_objections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_panel",
                columns: table => new
                {
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpertUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpertOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_panel", x => new { x.ChallengeId, x.ExpertUserId });
                });

            migrationBuilder.CreateTable(
                name: "scenarios_posts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Problem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExpectedOutcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CitySlug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DataAvailable = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    BudgetMin = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    BudgetMax = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    ContactName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContactDetail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_posts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_roster",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Fields = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_roster", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_case_outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(24,4)", precision: 24, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_case_outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_scenarios_case_outcomes_scenarios_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "scenarios_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_challenge_criteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_challenge_criteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_scenarios_challenge_criteria_scenarios_challenges_Challenge~",
                        column: x => x.ChallengeId,
                        principalTable: "scenarios_challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_challenge_scenarios",
                columns: table => new
                {
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_challenge_scenarios", x => new { x.ChallengeId, x.ScenarioId });
                    table.ForeignKey(
                        name: "FK_scenarios_challenge_scenarios_scenarios_challenges_Challeng~",
                        column: x => x.ChallengeId,
                        principalTable: "scenarios_challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_scenarios_attachments_scenarios_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "scenarios_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_entry_members",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_entry_members", x => new { x.EntryId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_scenarios_entry_members_scenarios_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "scenarios_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_criterion_scores",
                columns: table => new
                {
                    EvaluationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CriterionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_criterion_scores", x => new { x.EvaluationId, x.CriterionId });
                    table.ForeignKey(
                        name: "FK_scenarios_criterion_scores_scenarios_evaluations_Evaluation~",
                        column: x => x.EvaluationId,
                        principalTable: "scenarios_evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_list_entries",
                columns: table => new
                {
                    ListId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_list_entries", x => new { x.ListId, x.ScenarioId });
                    table.ForeignKey(
                        name: "FK_scenarios_list_entries_scenarios_lists_ListId",
                        column: x => x.ListId,
                        principalTable: "scenarios_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scenarios_list_quotas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    PolicyTargetId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scenarios_list_quotas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_scenarios_list_quotas_scenarios_lists_ListId",
                        column: x => x.ListId,
                        principalTable: "scenarios_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_attachments_EntryId",
                table: "scenarios_attachments",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_case_outcomes_CaseId",
                table: "scenarios_case_outcomes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_cases_BenchmarkYear",
                table: "scenarios_cases",
                column: "BenchmarkYear");

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_cases_ScenarioId",
                table: "scenarios_cases",
                column: "ScenarioId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_challenge_criteria_ChallengeId",
                table: "scenarios_challenge_criteria",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_conflicts_ChallengeId_ExpertUserId",
                table: "scenarios_conflicts",
                columns: new[] { "ChallengeId", "ExpertUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_entries_ChallengeId_Label",
                table: "scenarios_entries",
                columns: new[] { "ChallengeId", "Label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_evaluations_EntryId_Phase_ExpertUserId",
                table: "scenarios_evaluations",
                columns: new[] { "EntryId", "Phase", "ExpertUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_follows_EntityType_EntityId",
                table: "scenarios_follows",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_list_quotas_ListId",
                table: "scenarios_list_quotas",
                column: "ListId");

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_posts_OwnerOrganisationId",
                table: "scenarios_posts",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_scenarios_posts_Status_Sector_CitySlug",
                table: "scenarios_posts",
                columns: new[] { "Status", "Sector", "CitySlug" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scenarios_attachments");

            migrationBuilder.DropTable(
                name: "scenarios_benchmark_tallies");

            migrationBuilder.DropTable(
                name: "scenarios_case_outcomes");

            migrationBuilder.DropTable(
                name: "scenarios_challenge_criteria");

            migrationBuilder.DropTable(
                name: "scenarios_challenge_scenarios");

            migrationBuilder.DropTable(
                name: "scenarios_conflicts");

            migrationBuilder.DropTable(
                name: "scenarios_criterion_scores");

            migrationBuilder.DropTable(
                name: "scenarios_entry_members");

            migrationBuilder.DropTable(
                name: "scenarios_follows");

            migrationBuilder.DropTable(
                name: "scenarios_list_entries");

            migrationBuilder.DropTable(
                name: "scenarios_list_quotas");

            migrationBuilder.DropTable(
                name: "scenarios_objections");

            migrationBuilder.DropTable(
                name: "scenarios_panel");

            migrationBuilder.DropTable(
                name: "scenarios_posts");

            migrationBuilder.DropTable(
                name: "scenarios_roster");

            migrationBuilder.DropTable(
                name: "scenarios_cases");

            migrationBuilder.DropTable(
                name: "scenarios_challenges");

            migrationBuilder.DropTable(
                name: "scenarios_evaluations");

            migrationBuilder.DropTable(
                name: "scenarios_entries");

            migrationBuilder.DropTable(
                name: "scenarios_lists");
        }
    }
}
