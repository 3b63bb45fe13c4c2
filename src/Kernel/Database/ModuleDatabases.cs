using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Funeng.Kernel.Database;

/// <summary>One module's DbContext, as registered; the migrator walks these in registration order.</summary>
/// <param name="ContextType">The module's provider-neutral context type.</param>
/// <param name="Module">The module's name, shown in progress output.</param>
public sealed record ModuleDatabase(Type ContextType, string Module);

/// <summary>Registers module DbContexts against the configured provider.</summary>
public static class ModuleDatabases
{
    private const string SettingsKey = "Funeng.DatabaseSettings";

    /// <summary>The database settings of this host, read once from configuration.</summary>
    public static DatabaseSettings GetDatabaseSettings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Properties.TryGetValue(SettingsKey, out var existing) && existing is DatabaseSettings settings)
        {
            return settings;
        }

        settings = DatabaseSettings.FromConfiguration(builder.Configuration);
        builder.Properties[SettingsKey] = settings;
        builder.Services.AddSingleton(settings);
        return settings;
    }

    /// <summary>
    /// Registers a module context. <typeparamref name="TSqlite"/> and <typeparamref name="TPostgres"/> are thin
    /// subclasses that exist only so each provider keeps its own migrations set; callers always ask for
    /// <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddModuleDatabase<TContext, TSqlite, TPostgres>(
        this IHostApplicationBuilder builder, string module, string migrationsHistoryTable)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.GetDatabaseSettings();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddDbContext<TSqlite>(o => settings.Configure(o, migrationsHistoryTable));
            builder.Services.AddScoped<TContext>(sp => sp.GetRequiredService<TSqlite>());
        }
        else
        {
            builder.Services.AddDbContext<TPostgres>(o => settings.Configure(o, migrationsHistoryTable));
            builder.Services.AddScoped<TContext>(sp => sp.GetRequiredService<TPostgres>());
        }

        builder.Services.AddSingleton(new ModuleDatabase(typeof(TContext), module));
        return builder;
    }
}
