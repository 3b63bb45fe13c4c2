using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>
/// What a reader sees for a parameter or fact code of a program (max_voucher, eligible_investment): its label in the
/// reader's language, so that a formula reads "min(算力券单张上限, …)" on a Chinese page; a code that neither the strings
/// nor the facts know shows as itself (a pack may add figures).
/// </summary>
internal static class CodeLabels
{
    public static string ParameterKey(string code) => "incentives.parameter." + code;

    public static string Of(UiText text, FactCatalog facts, string code) =>
        text.Has(ParameterKey(code)) ? text[ParameterKey(code)] : facts.Find(code)?.Name.ToString() ?? code;
}
