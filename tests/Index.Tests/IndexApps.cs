using Funeng.TestSupport;

namespace Funeng.Index.Tests;

/// <summary>Index alone on SQLite: Platform under it, fakes for Policy's targets and the other modules' live figures.</summary>
public sealed class IndexSqliteApp() : ModuleApp(ModuleUnderTest.Index, new SqliteTestDatabase());

/// <summary>Index alone on PostgreSQL.</summary>
public sealed class IndexPostgresApp() : ModuleApp(ModuleUnderTest.Index, new PostgresTestDatabase());
