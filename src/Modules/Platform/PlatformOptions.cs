namespace Funeng.Platform;

/// <summary>Settings of the Platform module (section <c>Platform</c>).</summary>
internal sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>The audit chain's MAC key as base64 (32 bytes or more). When empty, <see cref="AuditKeyFile"/> holds it.</summary>
    public string? AuditKey { get; set; }

    /// <summary>
    /// The file holding the audit key, created on first use. Keep it out of the database and its backups' reach;
    /// every web instance and the CLI must read the same key. Default: <c>data/keys/audit.key</c> under FUNENG_HOME
    /// (the working directory when unset).
    /// </summary>
    public string AuditKeyFile { get; set; } = "";
}
