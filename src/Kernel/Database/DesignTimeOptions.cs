using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Funeng.Kernel.Database;

/// <summary>
/// Options for <c>dotnet ef migrations add</c>, which builds each provider's context without a host. The
/// connection string is never opened; migrations are generated from the model alone.
/// </summary>
public static class DesignTimeOptions
{
    public static DbContextOptions<TContext> For<TContext>(DatabaseProvider provider, string migrationsHistoryTable)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        var connectionString = provider == DatabaseProvider.Sqlite
            ? "Data Source=design-time.db"
            : "Host=localhost;Database=funeng_design;Username=funeng";
        new DatabaseSettings(provider, connectionString).Configure(builder, migrationsHistoryTable);
        return builder.Options;
    }
}

/// <summary>
/// The design-time factory every module context needs for <c>dotnet ef</c>; a module declares one line per
/// provider: <c>internal sealed class SqliteXDbFactory() : DesignTimeFactory&lt;SqliteXDb&gt;(DatabaseProvider.Sqlite, XDb.MigrationsHistoryTable, o =&gt; new(o));</c>
/// </summary>
public abstract class DesignTimeFactory<TContext>(DatabaseProvider provider, string migrationsHistoryTable, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) => create(DesignTimeOptions.For<TContext>(provider, migrationsHistoryTable));
}
