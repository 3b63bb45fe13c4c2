using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Funeng.Platform.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "platform_audit_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_head", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_api_tokens_ParentId",
                table: "platform_api_tokens",
                column: "ParentId");

            // The audit log is append-only in the database too: UPDATE, DELETE and TRUNCATE raise an error, whoever
            // asks (the MAC and the signed head catch what someone able to drop this trigger does).
            migrationBuilder.Sql("""
                CREATE FUNCTION platform_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'platform_audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER platform_audit_log_no_change BEFORE UPDATE OR DELETE ON platform_audit_log
                    FOR EACH ROW EXECUTE FUNCTION platform_audit_log_append_only();
                CREATE TRIGGER platform_audit_log_no_truncate BEFORE TRUNCATE ON platform_audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_log_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER platform_audit_log_no_truncate ON platform_audit_log;
                DROP TRIGGER platform_audit_log_no_change ON platform_audit_log;
                DROP FUNCTION platform_audit_log_append_only();
                """);

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
