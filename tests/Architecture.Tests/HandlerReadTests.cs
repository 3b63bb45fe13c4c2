using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Architecture.Tests;

/// <summary>
/// Issue 11's one house shape: a page or endpoint handler is thin. It asks a module's query or use-case classes, which
/// take the actor, and never reads or writes a module's DbContext itself, so what a reader may see is decided in one
/// place for the page, the API and the CLI.
/// </summary>
public sealed class HandlerReadTests
{
    [Fact]
    public void No_page_model_takes_a_database_context()
    {
        var offenders = BuiltAssemblies.Modules
            .SelectMany(module => Assembly.Load(new AssemblyName($"Funeng.{module}")).GetTypes())
            .Where(IsPageModel)
            .Where(page => page.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .SelectMany(c => c.GetParameters())
                .Any(p => typeof(DbContext).IsAssignableFrom(p.ParameterType)))
            .Select(page => page.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, $"Page models that take a DbContext (read through the module's query classes instead): {string.Join(", ", offenders)}");
    }

    /// <summary>The API's handlers (static methods of the modules' <c>…Endpoints</c> classes) ask the same query and use-case classes.</summary>
    [Fact]
    public void No_endpoint_handler_takes_a_database_context()
    {
        var offenders = BuiltAssemblies.Modules
            .SelectMany(module => Assembly.Load(new AssemblyName($"Funeng.{module}")).GetTypes())
            .Where(type => type.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(method => method.GetParameters().Any(p => typeof(DbContext).IsAssignableFrom(p.ParameterType)))
                .Select(method => $"{type.FullName}.{method.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, $"Endpoint handlers that take a DbContext (read through the module's query classes instead): {string.Join(", ", offenders)}");
    }

    /// <summary>Every method that answers a minimal-API request (returns an <see cref="IResult"/>), wherever it is declared: a use case's own <c>HandleAsync</c>, a lambda in the module file.</summary>
    [Fact]
    public void No_handler_outside_an_endpoints_class_takes_a_database_context()
    {
        var offenders = Handlers()
            .Where(method => method.GetParameters().Any(p => typeof(DbContext).IsAssignableFrom(p.ParameterType)))
            .Select(method => $"{method.DeclaringType!.FullName}.{method.Name}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, $"Handlers that take a DbContext (read through the module's query classes instead): {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_rules_see_the_page_models_and_endpoint_classes()
    {
        // Guards the tests above against finding nothing because page models or endpoint classes were not recognised.
        var types = BuiltAssemblies.Modules.SelectMany(module => Assembly.Load(new AssemblyName($"Funeng.{module}")).GetTypes()).ToList();
        var pages = types.Count(IsPageModel);
        Assert.True(pages >= 60, $"only {pages} page models found");
        var endpoints = types.Count(t => t.Name.EndsWith("Endpoints", StringComparison.Ordinal));
        Assert.True(endpoints >= 12, $"only {endpoints} endpoint classes found");
        var handlers = Handlers().Count();
        Assert.True(handlers >= 150, $"only {handlers} handlers found");
    }

    private static IEnumerable<MethodInfo> Handlers() =>
        BuiltAssemblies.Modules
            .SelectMany(module => Assembly.Load(new AssemblyName($"Funeng.{module}")).GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(method => AnswersARequest(method.ReturnType));

    private static bool AnswersARequest(Type type) =>
        typeof(IResult).IsAssignableFrom(type)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var open && (open == typeof(Task<>) || open == typeof(ValueTask<>)) && AnswersARequest(type.GetGenericArguments()[0]));

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
}
