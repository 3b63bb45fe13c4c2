namespace Funeng.Kernel.Database;

/// <summary>The relational engines Funeng runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: one file, zero set-up.</summary>
    Sqlite,

    /// <summary>Production database.</summary>
    Postgres,
}
