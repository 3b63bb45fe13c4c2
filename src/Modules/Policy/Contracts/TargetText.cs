using System.Globalization;
using Funeng.Kernel.Localization;

namespace Funeng.Policy.Contracts;

/// <summary>
/// How a target reads on a page: "&gt; 40 EFLOPS", "&gt; 3,000亿元" / "&gt; RMB 300 bn", "≤ 10个/年". The words and
/// the scales come from Policy's strings.json (<c>policy.unit.*</c>, <c>policy.per.*</c>), since each language
/// groups large numbers differently (亿 is 10⁸, a billion 10⁹).
/// </summary>
public static class TargetText
{
    public static string Describe(PolicyTarget target, UiText text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(text);
        var amount = Amount(target.Value, target.Unit, text, culture);
        var described = target.Comparator switch
        {
            Comparator.MoreThan => $"> {amount}",
            Comparator.AtLeast => $"≥ {amount}",
            Comparator.AtMost => $"≤ {amount}",
            Comparator.MultipleOfBaseline => UiTemplate.Fill(culture, text.Get("policy.target.multiple-of-baseline", culture), Number(target.Value)),
            _ => amount,
        };
        return target.Per is null ? described : described + Per(target.Per, text, culture);
    }

    public static string Describe(PolicyTarget target, UiText text) => Describe(target, text, CultureInfo.CurrentUICulture);

    /// <summary>A value in its unit, scaled the way the reader's language writes large numbers.</summary>
    public static string Amount(decimal value, TargetUnit unit, UiText text, CultureInfo culture) =>
        Scaled(value, "policy.unit." + unit switch
        {
            TargetUnit.Cny => "cny",
            TargetUnit.Eflops => "eflops",
            TargetUnit.Percent => "percent",
            TargetUnit.Milliseconds => "milliseconds",
            TargetUnit.Ratio => "ratio",
            TargetUnit.Vehicles => "vehicles",
            _ => "count",
        }, text, culture);

    /// <summary>
    /// A value written with the string <paramref name="key"/>: "threshold:template|…", largest threshold first;
    /// the first threshold the value reaches divides it and its template ({0}) writes it.
    /// </summary>
    public static string Scaled(decimal value, string key, UiText text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var step in text.Get(key, culture).Split('|'))
        {
            var colon = step.IndexOf(':', StringComparison.Ordinal);
            var threshold = decimal.Parse(step[..colon], CultureInfo.InvariantCulture);
            if (Math.Abs(value) >= threshold)
            {
                return UiTemplate.Fill(culture, step[(colon + 1)..], Number(threshold == 0 ? value : value / threshold));
            }
        }

        return Number(value);
    }

    private static string Per(string per, UiText text, CultureInfo culture) =>
        per is "year" or "project" or "case" or "enterprise" ? text.Get("policy.per." + per, culture) : $" / {per}";

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
