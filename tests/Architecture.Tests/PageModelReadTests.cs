using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Architecture.Tests;

/// <summary>
/// Issue 11's one house shape: a page handler is thin. It asks a module's query or use-case classes, which take the
/// actor, and never reads or writes a module's DbContext itself, so what a page may see is decided in one place for
/// the page, the API and the CLI.
/// </summary>
public sealed class PageModelReadTests
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

    [Fact]
    public void The_rule_sees_the_page_models()
    {
        // Guards the test above against finding nothing because page models were not recognised.
        var pages = BuiltAssemblies.Modules.SelectMany(module => Assembly.Load(new AssemblyName($"Funeng.{module}")).GetTypes()).Count(IsPageModel);
        Assert.True(pages >= 60, $"only {pages} page models found");
    }

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
