using System.Text;
using System.Text.Json;
using Funeng.Catalog.Search.Glossary;

namespace Funeng.Scenarios.Bench;

/// <summary>
/// Simplified Chinese spelt in traditional characters by CC-CEDICT's pairs, for the bench only (the platform converts
/// the other way): words of two to four characters longest first, then single characters; a simplified form with several
/// traditional ones takes the dictionary's first (发 → 發, not 髮).
/// </summary>
internal static class TraditionalSpelling
{
    public static Func<string, string> FromShippedDictionary()
    {
        var module = File.ReadAllBytes(GeneralDictionary.ShippedPath);
        var start = Array.IndexOf(module, (byte)'{');
        var end = Encoding.UTF8.GetString(module).TrimEnd("; \n\r\t".ToCharArray()).Length;
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(module)[start..end]);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.GetProperty("all").EnumerateArray())
        {
            var (traditional, simplified) = (entry[0].GetString() ?? "", entry[1].GetString() ?? "");
            if (traditional.Length == simplified.Length && traditional.Length <= 4 && traditional != simplified)
            {
                pairs.TryAdd(simplified, traditional);
            }
        }

        return text =>
        {
            var spelt = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length;)
            {
                var length = Enumerable.Range(1, 4).Reverse().FirstOrDefault(n => i + n <= text.Length && pairs.ContainsKey(text.Substring(i, n)));
                if (length == 0)
                {
                    spelt.Append(text[i++]);
                    continue;
                }

                spelt.Append(pairs[text.Substring(i, length)]);
                i += length;
            }

            return spelt.ToString();
        };
    }
}
