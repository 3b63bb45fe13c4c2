using System.Text;

namespace Funeng.Kernel.Web;

/// <summary>
/// A local path as a Location header must carry it. A return address read from a query or a form arrives decoded: the
/// platform's own links encode theirs twice, but one written by hand or by another site
/// (<c>/culture/en?returnUrl=/catalog?q=注塑</c>, a sign-in link with such a return address) comes back with Chinese in
/// it, and Kestrel refuses a header with characters outside ASCII: the request failed with 500.
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
