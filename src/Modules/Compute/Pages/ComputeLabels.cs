using Funeng.Kernel.Localization;

namespace Funeng.Compute.Pages;

/// <summary>Display names of Compute's codes (engines, voucher units), in the UI language.</summary>
internal static class ComputeLabels
{
    /// <summary>An engine's name; one the strings do not know (a newly registered engine) shows as registered.</summary>
    public static string Engine(UiText text, string engine) =>
        text.All.ContainsKey("compute.engine." + engine) ? text["compute.engine." + engine] : engine;
}
