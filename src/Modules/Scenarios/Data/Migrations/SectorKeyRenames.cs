using Microsoft.EntityFrameworkCore.Migrations;

namespace Funeng.Scenarios.Data.Migrations;

/// <summary>
/// The four scenario sector keys that the platform's one taxonomy (Kernel <c>Sectors</c>) spells as the catalog
/// always did; both providers' migrations rename stored scenarios and list quotas with the same statements.
/// </summary>
internal static class SectorKeyRenames
{
    private static readonly (string Old, string New)[] Renames =
    [
        ("robot_plus", "robots"),
        ("judicial", "legal"),
        ("commerce", "retail"),
        ("science_and_new_sectors", "research"),
    ];

    public static void Apply(MigrationBuilder migrationBuilder, bool forward)
    {
        foreach (var (old, @new) in Renames)
        {
            var (from, to) = forward ? (old, @new) : (@new, old);
            migrationBuilder.Sql($"""UPDATE "scenarios_posts" SET "Sector" = '{to}' WHERE "Sector" = '{from}';""");
            migrationBuilder.Sql($"""UPDATE "scenarios_list_quotas" SET "Sector" = '{to}' WHERE "Sector" = '{from}';""");
        }
    }
}
