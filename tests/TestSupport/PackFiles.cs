namespace Funeng.TestSupport;

/// <summary>Writable copies of a shipped policy pack, for tests that break a file on purpose.</summary>
public static class PackFiles
{
    /// <summary>Copies every YAML file of <paramref name="packDirectory"/> to a temp folder and changes one file's text.</summary>
    public static string CopyWith(string packDirectory, string file, Func<string, string> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var copy = Path.Combine(Path.GetTempPath(), $"funeng-pack-{Guid.NewGuid():N}");
        foreach (var path in Directory.GetFiles(packDirectory, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(packDirectory, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }

        var edited = Path.Combine(copy, file);
        var before = File.ReadAllText(edited);
        var after = edit(before);
        if (before == after)
        {
            throw new InvalidOperationException($"The edit did not change {file}: the text it looks for is not there.");
        }

        File.WriteAllText(edited, after);
        return copy;
    }

    /// <summary>The 1-based line of the first occurrence of <paramref name="text"/> in a pack file.</summary>
    public static int LineOf(string packDirectory, string file, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(packDirectory, file)), l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
