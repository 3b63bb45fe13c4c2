using Funeng.Kernel.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Funeng.Kernel.Web;

/// <summary>Healthy when the configured database answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using System.Data.Common.DbConnection connection = settings.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnection(settings.ConnectionString)
                : new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{settings.Provider} answers");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{settings.Provider} does not answer: {e.Message}");
        }
    }
}
