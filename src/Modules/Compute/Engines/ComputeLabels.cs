using Funeng.Kernel.Localization;

namespace Funeng.Compute.Engines;

/// <summary>
/// Display names of Compute's engines, in the UI language. Kept with the engines rather than in Pages because the
/// nodes API names them in its problems too (voucher units read through <c>Vouchers/VoucherHoldings</c>).
/// </summary>
internal static class ComputeLabels
{
    /// <summary>An engine's name; one the strings do not know (a newly registered engine) shows as registered.</summary>
    public static string Engine(UiText text, string engine) =>
        text.All.ContainsKey("compute.engine." + engine) ? text["compute.engine." + engine] : engine;
}
