using System.Security.Cryptography;
using Funeng.Kernel.Security;

namespace Funeng.Platform.Audit;

/// <summary>
/// The secret of the audit chain's MACs. It lives outside the database — in configuration
/// (<c>Platform:AuditKey</c>, base64 of at least 32 bytes) or in a key file (<c>Platform:AuditKeyFile</c>,
/// by default <c>data/keys/audit.key</c> under FUNENG_HOME), created on first use — so that someone who can
/// write the database cannot recompute a chain that verifies.
/// </summary>
internal sealed class AuditKey
{
    public const int MinimumBytes = 32;

    private AuditKey(byte[] secret, string source)
    {
        Secret = secret;
        Source = source;
    }

    public byte[] Secret { get; }

    /// <summary>Where the key came from, for messages (never the key itself).</summary>
    public string Source { get; }

    public static AuditKey FromOptions(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.AuditKey))
        {
            return new AuditKey(Decode(options.AuditKey, "Platform:AuditKey"), "Platform:AuditKey");
        }

        return FromFile(options.AuditKeyFile);
    }

    /// <summary>Reads the key file, or creates it (owner-only permissions) when it does not exist yet.</summary>
    public static AuditKey FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        SecretFiles.CreateOnce(path, () => System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes)) + Environment.NewLine));
        return new AuditKey(Decode(File.ReadAllText(path).Trim(), path), path);
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The audit key in {source} is not base64.");
        }

        return secret.Length >= MinimumBytes
            ? secret
            : throw new InvalidOperationException($"The audit key in {source} has {secret.Length} bytes; it needs at least {MinimumBytes}.");
    }
}
