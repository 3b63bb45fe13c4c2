using System.Security.Cryptography;
using System.Text;

namespace Funeng.Platform.Tokens;

/// <summary>How token secrets are made and hashed.</summary>
internal static class ApiTokenSecrets
{
    public const string SecretPrefix = "fn_";

    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
