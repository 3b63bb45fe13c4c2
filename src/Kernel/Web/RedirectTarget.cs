using System.Text;

namespace Funeng.Kernel.Web;

/// <summary>
/// A local path as a Location header must carry it. A return address read from a query or a form is decoded, so a
/// page reached by a Chinese search (/catalog?q=注塑) comes back with Chinese in it, and Kestrel refuses a header with
/// characters outside ASCII: switching the page's language, or signing in from it, failed with 500.
/// </summary>
public static class RedirectTarget
{
    /// <summary>
    /// <paramref name="path"/> with each character outside printable ASCII (and each space) percent-encoded as UTF-8;
    /// what is ASCII, percent signs of what is already encoded included, stays as written.
    /// </summary>
    public static string Encoded(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.All(c => c is > ' ' and < '\u007f'))
        {
            return path;
        }

        var encoded = new StringBuilder(path.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f)
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
