using Funeng.Kernel.Database;

namespace Funeng.Platform.Data;

internal sealed class SqlitePlatformDbFactory() : DesignTimeFactory<SqlitePlatformDb>(DatabaseProvider.Sqlite, PlatformDb.MigrationsHistoryTable, o => new(o));

internal sealed class PostgresPlatformDbFactory() : DesignTimeFactory<PostgresPlatformDb>(DatabaseProvider.Postgres, PlatformDb.MigrationsHistoryTable, o => new(o));
