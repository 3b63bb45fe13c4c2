using Funeng.TestSupport;

namespace Funeng.Policy.Tests;

/// <summary>Policy alone on SQLite: Platform under it, a fake for the modules that implement measures.</summary>
public sealed class PolicySqliteApp() : ModuleApp(ModuleUnderTest.Policy, new SqliteTestDatabase());

/// <summary>Policy alone on PostgreSQL.</summary>
public sealed class PolicyPostgresApp() : ModuleApp(ModuleUnderTest.Policy, new PostgresTestDatabase());
