using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.TestSupport;

/// <summary>A message a person reads has a key with a Chinese and an English text, and the two differ.</summary>
public static class WordedInBoth
{
    /// <summary>What is wrong with <paramref name="message"/>'s wording, or null (tests assert it is null).</summary>
    public static string? Problem(UiText text, ProblemMessage message)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Key is null || !text.Has(message.Key))
        {
            return $"no strings.json key: {message.Key ?? message.Text}";
        }

        var zh = message.In(text, CultureInfo.GetCultureInfo(UiCultures.Chinese));
        var en = message.In(text, CultureInfo.GetCultureInfo(UiCultures.English));
        return (zh + en).Contains(UiText.MissingMarker, StringComparison.Ordinal) ? $"{message.Key}: a text is missing"
            : zh == en ? $"{message.Key}: the Chinese and English texts are the same ({zh})"
            : null;
    }
}
