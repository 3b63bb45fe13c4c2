using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Funeng.Kernel.Database;

/// <summary>
/// Which database the platform uses. This is the one place that reads <c>Database:Provider</c> and the
/// connection string; every module's DbContext is configured through it.
/// </summary>
public sealed class DatabaseSettings
{
    /// <summary>The default SQLite file, relative to the working directory (the repository root when run by <c>./funeng</c>).</summary>
    public const string DefaultSqliteFile = "data/funeng.db";

    public DatabaseSettings(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Reads <c>Database:Provider</c> (Sqlite | Postgres) and <c>ConnectionStrings:Funeng</c>.</summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}'; expected 'Sqlite' or 'Postgres'.");
        }

        var connectionString = configuration.GetConnectionString("Funeng");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Funeng is empty; set it, e.g. " +
                    "ConnectionStrings__Funeng='Host=localhost;Database=funeng;Username=funeng;Password=...'.");
            }

            // FUNENG_HOME (set by ./funeng to the repository root) anchors the default file; else the working directory.
            var home = configuration["FUNENG_HOME"] ?? Directory.GetCurrentDirectory();
            connectionString = $"Data Source={Path.Combine(home, DefaultSqliteFile)}";
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>Configures a module context for this provider, with the module's own migrations history table.</summary>
    public void Configure(DbContextOptionsBuilder options, string migrationsHistoryTable)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder();
                options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {Provider}.");
        }
    }

    /// <summary>
    /// Configures a context over an already-open connection, so that it can join another context's transaction
    /// (the audit log appends inside the transaction of the change it records).
    /// </summary>
    public void ConfigureOnConnection(DbContextOptionsBuilder options, System.Data.Common.DbConnection connection, string migrationsHistoryTable)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = Provider == DatabaseProvider.Sqlite
            ? options.UseSqlite(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable))
            : options.UseNpgsql(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable));
    }

    /// <summary>Creates the folder of the SQLite file so a first start needs no set-up.</summary>
    private void EnsureSqliteFolder()
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
