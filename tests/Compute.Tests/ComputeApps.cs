using Funeng.TestSupport;

namespace Funeng.Compute.Tests;

/// <summary>Compute alone on SQLite: Platform under it, a fake of Policy's queries for the targets it reads.</summary>
public sealed class ComputeSqliteApp() : ModuleApp(ModuleUnderTest.Compute, new SqliteTestDatabase());

/// <summary>Compute alone on PostgreSQL.</summary>
public sealed class ComputePostgresApp() : ModuleApp(ModuleUnderTest.Compute, new PostgresTestDatabase());
