using System.Globalization;

namespace Funeng.Kernel.Localization;

/// <summary>The two UI cultures: zh-CN (default) and en.</summary>
public static class UiCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    public static bool IsEnglish(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "en";
    }

    public static bool IsEnglishNow => IsEnglish(CultureInfo.CurrentUICulture);
}
