using Funeng.TestSupport;

namespace Funeng.Platform.Tests;

/// <summary>Platform alone on SQLite: no other module, a fake for the modules that put lines on the workbench.</summary>
public sealed class PlatformSqliteApp() : ModuleApp(ModuleUnderTest.Platform, new SqliteTestDatabase());

/// <summary>Platform alone on PostgreSQL.</summary>
public sealed class PlatformPostgresApp() : ModuleApp(ModuleUnderTest.Platform, new PostgresTestDatabase());
