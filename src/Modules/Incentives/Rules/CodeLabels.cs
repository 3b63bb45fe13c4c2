using System.Globalization;
using Funeng.Kernel.Localization;

namespace Funeng.Incentives.Rules;

/// <summary>
/// What a reader sees for a parameter or fact code of a program (max_voucher, eligible_investment): its label in the
/// reader's language, so that a formula reads "min(算力券最高面额, …)" on a Chinese page; a code that neither the strings
/// nor the facts know shows as itself (a pack may add figures).
/// </summary>
internal static class CodeLabels
{
    private static string ParameterKey(string code) => "incentives.parameter." + code;

    public static string Of(UiText text, FactCatalog? facts, string code, CultureInfo culture) =>
        text.Has(ParameterKey(code)) ? text.Get(ParameterKey(code), culture) : facts?.Find(code)?.Name.In(culture) ?? code;

    /// <summary>The label in the current UI culture, for pages.</summary>
    public static string Of(UiText text, FactCatalog facts, string code) => Of(text, facts, code, CultureInfo.CurrentUICulture);
}
