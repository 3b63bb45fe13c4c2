using Funeng.TestSupport;

namespace Funeng.Incentives.Tests;

/// <summary>Incentives alone on SQLite: Platform under it, fakes for Catalog's profiles, Policy's documents and Compute's vouchers.</summary>
public sealed class IncentivesSqliteApp() : ModuleApp(ModuleUnderTest.Incentives, new SqliteTestDatabase());

/// <summary>Incentives alone on PostgreSQL.</summary>
public sealed class IncentivesPostgresApp() : ModuleApp(ModuleUnderTest.Incentives, new PostgresTestDatabase());
