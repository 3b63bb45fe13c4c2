using Funeng.Kernel.Database;
using Microsoft.EntityFrameworkCore.Design;

namespace Funeng.Platform.Data;

internal sealed class SqlitePlatformDbFactory : IDesignTimeDbContextFactory<SqlitePlatformDb>
{
    public SqlitePlatformDb CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<SqlitePlatformDb>(DatabaseProvider.Sqlite, PlatformDb.MigrationsHistoryTable));
}

internal sealed class PostgresPlatformDbFactory : IDesignTimeDbContextFactory<PostgresPlatformDb>
{
    public PostgresPlatformDb CreateDbContext(string[] args) =>
        new(DesignTimeOptions.For<PostgresPlatformDb>(DatabaseProvider.Postgres, PlatformDb.MigrationsHistoryTable));
}
