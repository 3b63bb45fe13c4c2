using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Funeng.Kernel.Database;

/// <summary>
/// Model conventions every module's SQLite context applies. SQLite has no timestamp type, and EF Core cannot
/// order or compare DateTimeOffset stored as text there; stored as a binary long, it can.
/// </summary>
public static class SqliteConventions
{
    public static void Apply(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
