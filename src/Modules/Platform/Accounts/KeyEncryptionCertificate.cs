using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Funeng.Kernel.Security;

namespace Funeng.Platform.Accounts;

/// <summary>
/// The certificate that encrypts the data-protection keys the database keeps (they sign sign-in cookies and
/// antiforgery tokens). Stored in the clear, anyone who could read the database or a backup of it could forge a
/// cookie for any account, the office's included. The certificate lives outside the database, as the audit key does:
/// in <c>Platform:DataProtectionCertificateFile</c>, by default <c>data/keys/data-protection.pfx</c> under FUNENG_HOME,
/// created on first use (self-signed, readable by the owner only). Every web instance and the CLI must read the same
/// file; a key written before the certificate existed stays readable until it expires.
/// </summary>
internal static class KeyEncryptionCertificate
{
    /// <summary>Reads the certificate file, or creates it when it does not exist yet.</summary>
    public static X509Certificate2 FromFile(string path)
    {
        SecretFiles.CreateOnce(path, SelfSigned);
        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static byte[] SelfSigned()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Funeng data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        // Keys it encrypted must stay readable as long as anything they signed may come back: no expiry to watch.
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        return certificate.Export(X509ContentType.Pfx);
    }
}
