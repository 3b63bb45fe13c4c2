using Microsoft.Extensions.Configuration;

namespace Funeng.Platform;

/// <summary>Options of the Platform module (section <c>Platform</c>).</summary>
public sealed class PlatformOptions
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

    /// <summary>
    /// The certificate (PKCS #12, no password) that encrypts the data-protection keys kept in the database, created on
    /// first use (<c>KeyEncryptionCertificate</c>). Like the audit key: outside the database, the same file for every
    /// web instance and the CLI. Default: <c>data/keys/data-protection.pfx</c> under FUNENG_HOME.
    /// </summary>
    public string DataProtectionCertificateFile { get; set; } = "";

    /// <summary>
    /// The key file <c>Platform:</c><paramref name="setting"/> names, else <paramref name="fileName"/> in
    /// <c>data/keys</c> under FUNENG_HOME (the working directory when unset), beside the default SQLite file (Kernel's
    /// DatabaseSettings anchors it the same way).
    /// </summary>
    public static string KeyPath(IConfiguration configuration, string setting, string fileName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[$"{Section}:{setting}"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(configuration["FUNENG_HOME"] ?? Directory.GetCurrentDirectory(), "data", "keys", fileName);
    }

    /// <summary>How mail leaves the platform.</summary>
    public MailOptions Mail { get; set; } = new();

    /// <summary>
    /// The address people reach the site at, for links in mail (e.g. <c>https://funeng.gd.gov.cn</c>). Empty: the
    /// address of the request that caused the mail.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";
}

/// <summary>
/// Mail goes to <see cref="SmtpHost"/> when it is set; otherwise each message is written as an .eml file to
/// <see cref="PickupDirectory"/> (default <c>data/mail</c> under FUNENG_HOME), so a developer's machine needs no mail server.
/// </summary>
public sealed class MailOptions
{
    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 25;

    /// <summary>Use TLS from the start (port 465); otherwise STARTTLS is used when the server offers it.</summary>
    public bool UseSsl { get; set; }

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string FromAddress { get; set; } = "no-reply@funeng.local";

    public string FromName { get; set; } = "赋能平台 Funeng";

    public string PickupDirectory { get; set; } = "";
}
