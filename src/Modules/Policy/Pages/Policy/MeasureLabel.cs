using Funeng.Kernel.Localization;

namespace Funeng.Policy.Pages.Policy;

/// <summary>
/// How a page names a measure. The 2024 and Guangzhou texts number theirs ("第3条"); the AI-and-robotics measures
/// are named, not numbered, so their pack key (e.g. key-technology-research) is no label and the title is used.
/// </summary>
internal static class MeasureLabel
{
    public static bool IsNumbered(string number) => number.Length > 0 && number.All(char.IsAsciiDigit);

    public static string For(UiText text, string number, LocalizedText title) =>
        number == "objectives" ? text["policy.objectives"]
        : IsNumbered(number) ? text.Format("policy.measure-number", number)
        : title.ToString();
}
