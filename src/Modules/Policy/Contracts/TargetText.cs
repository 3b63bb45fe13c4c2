using System.Globalization;
using Funeng.Kernel.Localization;

namespace Funeng.Policy.Contracts;

/// <summary>How a target reads on a page: "&gt; 40 EFLOPS", "&gt; 3,000亿元" / "&gt; RMB 300 bn", "≤ 10 个/年".</summary>
public static class TargetText
{
    public static string Describe(PolicyTarget target, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(target);
        var english = UiCultures.IsEnglish(culture);
        var amount = Amount(target.Value, target.Unit, english);
        var text = target.Comparator switch
        {
            Comparator.MoreThan => $"> {amount}",
            Comparator.AtLeast => $"≥ {amount}",
            Comparator.AtMost => $"≤ {amount}",
            Comparator.Exactly => amount,
            Comparator.MultipleOfBaseline => english ? $"× {Number(target.Value)} of baseline" : $"基数的 {Number(target.Value)} 倍",
            _ => amount,
        };
        return target.Per is null ? text : text + Per(target.Per, english);
    }

    public static string Describe(PolicyTarget target) => Describe(target, CultureInfo.CurrentUICulture);

    /// <summary>A value in its unit, scaled the way each language writes large numbers.</summary>
    public static string Amount(decimal value, TargetUnit unit, bool english) => unit switch
    {
        TargetUnit.Cny => english ? EnglishMoney(value) : ChineseMoney(value),
        TargetUnit.Eflops => $"{Number(value)} EFLOPS",
        TargetUnit.Percent => $"{Number(value)}%",
        TargetUnit.Milliseconds => english ? $"{Number(value)} ms" : $"{Number(value)} 毫秒",
        TargetUnit.Ratio => english ? $"{Number(value)}×" : $"{Number(value)} 倍",
        TargetUnit.Vehicles => english ? $"{EnglishCount(value)} vehicles" : $"{ChineseCount(value)}辆",
        _ => english ? EnglishCount(value) : ChineseCount(value) + "个",
    };

    private static string Per(string per, bool english) => (per, english) switch
    {
        ("year", true) => " a year",
        ("year", false) => "/年",
        ("project", true) => " per project",
        ("project", false) => "/项目",
        ("case", true) => " per case",
        ("case", false) => "/案例",
        ("enterprise", true) => " per enterprise",
        ("enterprise", false) => "/企业",
        _ => $" / {per}",
    };

    private static string EnglishMoney(decimal yuan) => yuan switch
    {
        >= 1_000_000_000_000m => $"RMB {Number(yuan / 1_000_000_000_000m)} tn",
        >= 1_000_000_000m => $"RMB {Number(yuan / 1_000_000_000m)} bn",
        >= 1_000_000m => $"RMB {Number(yuan / 1_000_000m)} M",
        _ => $"RMB {Number(yuan)}",
    };

    private static string ChineseMoney(decimal yuan) => yuan switch
    {
        >= 1_000_000_000_000m => $"{Number(yuan / 1_000_000_000_000m)}万亿元",
        >= 100_000_000m => $"{Number(yuan / 100_000_000m)}亿元",
        >= 10_000m => $"{Number(yuan / 10_000m)}万元",
        _ => $"{Number(yuan)}元",
    };

    private static string EnglishCount(decimal value) => value >= 1_000_000m ? $"{Number(value / 1_000_000m)} M" : Number(value);

    private static string ChineseCount(decimal value) => value switch
    {
        >= 100_000_000m => $"{Number(value / 100_000_000m)}亿",
        >= 10_000m => $"{Number(value / 10_000m)}万",
        _ => Number(value),
    };

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
