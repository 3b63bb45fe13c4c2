using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Funeng.Architecture.Tests;

/// <summary>
/// Issue 11: pages show view records, not stored entities. A query class hands a page a plain record of what the page
/// shows, so a page (and its .cshtml) never reaches into a stored row, its navigations or columns it does not show,
/// and a change of the storage does not ripple into the pages.
/// </summary>
/// <remarks>
/// The entity types are read from each module's DbContext model, built by the module's design-time factory (no
/// database or host needed): that is the set EF Core actually maps, owned types included, whatever namespace or
/// <c>DbSet</c> they come from. Shared-type entities (join tables mapped as property bags) are left out: their CLR
/// type is a dictionary, not the module's. A page model's public properties are then followed through generic
/// arguments (lists, dictionaries, nullable values, tasks), array elements and the public properties of the modules'
/// own types (view records that carry a stored row inside them).
/// </remarks>
public sealed class PageViewTests
{
    /// <summary>
    /// When this rule arrived it found 14 paths in 13 properties (the audit trail, Incentives' review, awards, ledger and
    /// application pages, Catalog's review queue and profile, Compute's registry and operator pages, Index's draft
    /// tables); all now read view records, so any new one fails.
    /// </summary>
    [Fact]
    public void No_page_model_shows_a_stored_entity()
    {
        var offenders = Offenders();
        Assert.True(offenders.Count == 0, $"{offenders.Count} page-model properties show stored entities (have the query class return a sealed view record instead):{Environment.NewLine}{string.Join(Environment.NewLine, offenders)}");
    }

    /// <summary>
    /// The API answers the same way: what a handler returns (a typed result such as <c>Ok&lt;T&gt;</c> or
    /// <c>Results&lt;…&gt;</c>, found as any static method of a module returning an <c>IResult</c>) carries view records.
    /// </summary>
    [Fact]
    public void No_endpoint_answer_carries_a_stored_entity()
    {
        var entities = EntityTypes();
        var handlers = ModuleTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(method => typeof(Microsoft.AspNetCore.Http.IResult).IsAssignableFrom(Unwrapped(method.ReturnType)))
                .Select(method => (Name: $"{type.FullName}.{method.Name}", Answer: Unwrapped(method.ReturnType))))
            .ToList();
        Assert.True(handlers.Count >= 100, $"only {handlers.Count} endpoint handlers found");
        var offenders = handlers.SelectMany(h => PathsToEntities(h.Answer, entities, h.Name)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, $"{offenders.Count} endpoint answers carry stored entities (answer with a sealed view record instead):{Environment.NewLine}{string.Join(Environment.NewLine, offenders)}");
    }

    [Fact]
    public void The_rules_see_the_entity_types_and_follow_view_records()
    {
        // Guards the rules above against passing because no entity type was found or a record member was not followed.
        var entities = EntityTypes();
        Assert.True(entities.Count >= 40, $"only {entities.Count} entity types found");
        Assert.Contains(entities, t => t.FullName == "Funeng.Platform.Data.AuditEntry");
        Assert.NotEmpty(PathsToEntities(typeof(Probe), entities, "Probe"));
    }

    private static Type Unwrapped(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)) ? type.GetGenericArguments()[0] : type;

    internal static IReadOnlyList<string> Offenders()
    {
        var entities = EntityTypes();
        return [.. ModuleTypes()
            .Where(IsPageModel)
            .SelectMany(page => page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .SelectMany(property => PathsToEntities(property.PropertyType, entities, $"{page.FullName}.{property.Name}")))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Every CLR type mapped by a module's DbContext.</summary>
    internal static IReadOnlySet<Type> EntityTypes()
    {
        var types = new HashSet<Type>();
        foreach (var factory in ModuleTypes().Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>))))
        {
            var create = factory.GetMethod("CreateDbContext")!;
            using var context = (DbContext)create.Invoke(Activator.CreateInstance(factory, nonPublic: true), [Array.Empty<string>()])!;
            types.UnionWith(context.Model.GetEntityTypes().Where(e => !e.HasSharedClrType).Select(e => e.ClrType));
        }

        return types;
    }

    /// <summary>The paths from <paramref name="type"/> to a stored entity, each ending in the entity's name.</summary>
    internal static IEnumerable<string> PathsToEntities(Type type, IReadOnlySet<Type> entities, string path) =>
        PathsToEntities(type, entities, path, []);

    private static IEnumerable<string> PathsToEntities(Type type, IReadOnlySet<Type> entities, string path, HashSet<Type> seen)
    {
        if (entities.Contains(type))
        {
            yield return $"{path} : {type.Name}";
            yield break;
        }

        if (!seen.Add(type))
        {
            yield break;
        }

        IEnumerable<(Type Type, string Path)> inner = type switch
        {
            { IsArray: true } => [(type.GetElementType()!, path + "[]")],
            { IsGenericType: true } => type.GetGenericArguments().Select(a => (a, $"{path}<{a.Name}>")),
            _ => [],
        };
        if (type.Namespace?.StartsWith("Funeng.", StringComparison.Ordinal) == true && !type.IsEnum)
        {
            inner = inner.Concat(type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => (p.PropertyType, $"{path} → {type.Name}.{p.Name}")));
        }

        foreach (var (next, nextPath) in inner)
        {
            foreach (var found in PathsToEntities(next, entities, nextPath, seen))
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<Type> ModuleTypes() =>
        BuiltAssemblies.Modules.SelectMany(module => Assembly.Load(new AssemblyName($"Funeng.{module}")).GetTypes());

    private static bool IsPageModel(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.FullName == "Microsoft.AspNetCore.Mvc.RazorPages.PageModel")
            {
                return true;
            }
        }

        return false;
    }

    // A view record that carries a stored row inside a dictionary, as the rule must see it.
    private sealed record Probe(IReadOnlyDictionary<string, IReadOnlyList<Funeng.Platform.Data.AuditEntry?>> Rows);
}
