using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Database;

/// <summary>Applies every module's migrations, in registration order (Platform first, as hosts register it first).</summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases, DatabaseSettings settings)
{
    /// <summary>The modules whose schema this migrator applies.</summary>
    public IReadOnlyList<ModuleDatabase> Databases { get; } = databases.ToList();

    /// <summary>Migrates one module's database to its latest migration.</summary>
    public async Task MigrateAsync(ModuleDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var scope = scopes.CreateAsyncScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        await context.Database.MigrateAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer commits; the setting persists in the file.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Migrates every module.</summary>
    public async Task MigrateAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var database in Databases)
        {
            await MigrateAsync(database, cancellationToken);
        }
    }
}
