using Funeng.Kernel.Database;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Architecture.Tests;

/// <summary>
/// SQLite has no schemas, so each module's tables carry its name as a prefix; the same model then works on both
/// providers and no two modules can collide.
/// </summary>
public sealed class TableOwnershipTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void Every_table_starts_with_its_modules_name()
    {
        using var scope = app.Services.CreateScope();
        foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var prefix = database.Module.ToLowerInvariant() + "_";
            foreach (var entity in context.Model.GetEntityTypes())
            {
                Assert.StartsWith(prefix, entity.GetTableName(), StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// A module's entities (and the owned and value types they map) live in its <c>Data</c> namespace, beside its
    /// DbContext: features use them, they use no feature, so persistence never pulls in a feature folder.
    /// Identity's and data protection's own entities belong to their libraries.
    /// </summary>
    [Fact]
    public void Every_entity_lives_in_its_modules_data_namespace()
    {
        using var scope = app.Services.CreateScope();
        foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var misplaced = context.Model.GetEntityTypes()
                .Select(e => e.ClrType)
                .Where(t => t.Namespace?.StartsWith("Funeng.", StringComparison.Ordinal) == true && t.Namespace != $"Funeng.{database.Module}.Data")
                .Select(t => t.FullName)
                .Distinct()
                .ToList();
            Assert.True(misplaced.Count == 0, $"{database.Module} maps entities outside Funeng.{database.Module}.Data: {string.Join(", ", misplaced)}");
        }
    }

    /// <summary>Both providers' migration sets, built from each module's design-time factories (no server needed).</summary>
    [Fact]
    public void No_model_change_is_missing_a_migration_for_either_provider()
    {
        var factories = new[] { "Platform", "Policy", "Scenarios", "Catalog", "Incentives", "Compute", "Index" }
            .SelectMany(m => System.Reflection.Assembly.Load($"Funeng.{m}").GetTypes())
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<>)))
            .ToList();
        Assert.NotEmpty(factories);
        foreach (var factory in factories)
        {
            var create = factory.GetMethod("CreateDbContext")!;
            using var context = (DbContext)create.Invoke(Activator.CreateInstance(factory, nonPublic: true), [Array.Empty<string>()])!;
            Assert.False(context.Database.HasPendingModelChanges(), $"{context.GetType().Name} has model changes without a migration: run scripts/add-migration MODULE NAME");
        }
    }
}
