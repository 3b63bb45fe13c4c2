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

    /// <summary>
    /// Data entered in both languages, either of which may be missing: a missing one reads in the other, so a
    /// listing entered only in Chinese shows its Chinese title on English pages too.
    /// </summary>
    public static LocalizedText Of(string? zh, string? en)
    {
        zh = string.IsNullOrWhiteSpace(zh) ? null : zh;
        en = string.IsNullOrWhiteSpace(en) ? null : en;
        return new LocalizedText(zh ?? en ?? "", en ?? zh ?? "");
    }

    /// <summary>The text in the language the reader is not reading, with its language tag (a bilingual subtitle).</summary>
    public (string Text, string Language) Alternate(CultureInfo culture) =>
        UiCultures.IsEnglish(culture) ? (Zh, "zh-CN") : (En, "en");

    /// <summary>Several texts as one list in each language ("甲、乙" and "A, B"), e.g. the names a refusal lists.</summary>
    public static LocalizedText Join(IEnumerable<LocalizedText> texts) => Join(texts, "、", ", ");

    /// <summary>Several texts as one list with each language's separator (reasons: "；" and "; ").</summary>
    public static LocalizedText Join(IEnumerable<LocalizedText> texts, string zhSeparator, string enSeparator)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var all = texts.ToList();
        return new LocalizedText(string.Join(zhSeparator, all.Select(t => t.Zh)), string.Join(enSeparator, all.Select(t => t.En)));
    }

    /// <summary>The text in the current UI culture.</summary>
    public override string ToString() => In(CultureInfo.CurrentUICulture);
}
