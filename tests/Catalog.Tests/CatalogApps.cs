using Funeng.TestSupport;

namespace Funeng.Catalog.Tests;

/// <summary>
/// Catalog alone on SQLite: Platform under it and nothing else, since Catalog calls no other module. Classes whose
/// host needs other settings (a small search budget, the public page cache, low rate limits, export limits) or
/// whose subject crosses modules keep a whole-app fixture of their own.
/// </summary>
public sealed class CatalogSqliteApp() : ModuleApp(ModuleUnderTest.Catalog, new SqliteTestDatabase());

/// <summary>Catalog alone on PostgreSQL.</summary>
public sealed class CatalogPostgresApp() : ModuleApp(ModuleUnderTest.Catalog, new PostgresTestDatabase());
