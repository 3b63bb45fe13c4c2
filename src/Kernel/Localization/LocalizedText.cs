using System.Globalization;

namespace Funeng.Kernel.Localization;

/// <summary>A text in both UI languages. Chinese (zh-CN) is the default; English is the alternative.</summary>
/// <param name="Zh">Simplified Chinese.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Zh, string En)
{
    /// <summary>The text for a culture: English for any <c>en</c> culture, Chinese otherwise.</summary>
    public string In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return UiCultures.IsEnglish(culture) ? En : Zh;
    }

    /// <summary>The text in the current UI culture.</summary>
    public override string ToString() => In(CultureInfo.CurrentUICulture);
}
