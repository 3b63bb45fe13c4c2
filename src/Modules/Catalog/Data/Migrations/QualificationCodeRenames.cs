using Microsoft.EntityFrameworkCore.Migrations;

namespace Funeng.Catalog.Data.Migrations;

/// <summary>
/// The qualification codes the catalog used before the platform had one set (Kernel <c>QualificationKinds</c>, the
/// codes incentive programs read); both providers' migrations rename stored qualifications with the same statements.
/// </summary>
internal static class QualificationCodeRenames
{
    private static readonly (string Old, string New)[] Renames =
    [
        ("single_champion", "national_single_champion"),
        ("high_tech", "high_tech_enterprise"),
    ];

    public static void Apply(MigrationBuilder migrationBuilder, bool forward)
    {
        foreach (var (old, @new) in Renames)
        {
            var (from, to) = forward ? (old, @new) : (@new, old);
            migrationBuilder.Sql($"""UPDATE "catalog_qualifications" SET "Kind" = '{to}' WHERE "Kind" = '{from}';""");
        }
    }
}
