namespace Funeng.Architecture.Tests;

/// <summary>The repository's source code as text, for the rules a compiled assembly cannot show (keys, literal patterns).</summary>
internal static class SourceFiles
{
    /// <summary>The repository's root: the folder above the test's build output that holds Funeng.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every .cs and .cshtml file under src/ (migrations left out), by path relative to <see cref="Root"/>.</summary>
    public static IReadOnlyDictionary<string, string> Code { get; } = Directory
        .EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .ToDictionary(f => Path.GetRelativePath(Root, f), File.ReadAllText);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funeng.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No Funeng.slnx above " + AppContext.BaseDirectory);
    }
}
