namespace Funeng.Kernel.Security;

/// <summary>Files that hold a secret (a key, a certificate, one-time passwords): readable and writable by their owner only.</summary>
public static class SecretFiles
{
    /// <summary>Options that create a file with owner-only permissions (on Unix; Windows keeps its folder's ACL).</summary>
    public static FileStreamOptions OwnerOnly(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> unless the file exists, owner-only, whole or not at
    /// all (written aside, then moved in). Another process may create it meanwhile: theirs wins and ours is dropped, so
    /// every process reads the same secret.
    /// </summary>
    public static void CreateOnce(string path, Func<byte[]> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(content);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var file = new FileStream(temporary, OwnerOnly(FileMode.CreateNew)))
        {
            file.Write(content());
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
