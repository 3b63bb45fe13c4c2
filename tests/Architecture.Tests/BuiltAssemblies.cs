using Mono.Cecil;

namespace Funeng.Architecture.Tests;

/// <summary>
/// The compiled assemblies the rules read, found beside this test's own build output (artifacts/bin/PROJECT/PIVOT):
/// the modules, the hosts, the benches and the tests' support code, so that each is checked as it was built.
/// </summary>
internal static class BuiltAssemblies
{
    public static IReadOnlyList<string> Modules { get; } = ["Platform", "Policy", "Scenarios", "Catalog", "Incentives", "Compute", "Index"];

    /// <summary>Projects that compose or exercise the modules, with the module each belongs to (its own internals are its own).</summary>
    public static IReadOnlyDictionary<string, string?> Consumers { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Web"] = null,
        ["Cli"] = null,
        ["TestSupport"] = null,
        ["Catalog.Bench"] = "Catalog",
        ["Incentives.Bench"] = "Incentives",
        ["Index.Bench"] = "Index",
        ["Scenarios.Bench"] = "Scenarios",
        ["Bench.Compute"] = "Compute",
    };

    /// <summary>Reads the built assembly of <paramref name="project"/> (named <c>Funeng.PROJECT</c> by Directory.Build.props).</summary>
    public static ModuleDefinition Read(string project)
    {
        var path = PathOf(project);
        Assert.True(File.Exists(path), $"{path} is not built; Architecture.Tests.csproj must reference {project} so it is.");
        return ModuleDefinition.ReadModule(path);
    }

    private static string PathOf(string project)
    {
        // AppContext.BaseDirectory is artifacts/bin/Architecture.Tests/<pivot>/; every project builds to its sibling.
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var bin = own.Parent!.Parent!.FullName;
        return Path.Combine(bin, project, own.Name, $"Funeng.{project}.dll");
    }
}
