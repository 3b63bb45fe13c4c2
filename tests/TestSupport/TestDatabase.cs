using Funeng.Kernel.Database;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Funeng.TestSupport;

/// <summary>
/// A database of a test host's own, which no other fixture shares: the host's migrations create it and
/// <see cref="DropAsync"/> removes it. The whole app (<see cref="FunengApp"/>) and a module alone
/// (<see cref="ModuleApp"/>) run on the same two.
/// </summary>
public abstract class TestDatabase
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract Task DropAsync();
}

/// <summary>A fresh SQLite file in the temp folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"funeng-test-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={_file};Default Timeout=30";

    public override Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A fresh database on the PostgreSQL server named by FUNENG_TEST_POSTGRES (scripts/test starts one). A missing
/// server fails the test run; it is never skipped.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "FUNENG_TEST_POSTGRES";

    private readonly string _database = $"funeng_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = _database }.ConnectionString;

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ServerVariable)
        ?? throw new InvalidOperationException(
            $"{ServerVariable} is not set. Run the tests with scripts/test, which starts a private PostgreSQL server, " +
            $"or set {ServerVariable}='Host=127.0.0.1;Port=5432;Username=postgres'.");

    public override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
