using Funeng.Incentives.Rules;

namespace Funeng.Incentives.Tests;

/// <summary>The shipped packs' programs, read once for the logic tests.</summary>
internal static class GuangdongPrograms
{
    public static string PacksDirectory => Path.Combine(AppContext.BaseDirectory, "policies");

    public static string Directory => Path.Combine(PacksDirectory, "guangdong");

    public static ProgramPack Pack { get; } = ProgramPackReader.Read(Directory);

    public static IncentiveProgram Program(string id) => Pack.Find(id) ?? throw new InvalidOperationException($"no program {id}");

    /// <summary>A writable copy of the pack with one file's text changed.</summary>
    public static string CopyWith(string file, Func<string, string> edit)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"funeng-programs-{Guid.NewGuid():N}");
        foreach (var path in System.IO.Directory.GetFiles(Directory, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Directory, path));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }

        var edited = Path.Combine(copy, file);
        var before = File.ReadAllText(edited);
        var after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(edited, after);
        return copy;
    }

    public static int LineOf(string directory, string file, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(directory, file)), l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
