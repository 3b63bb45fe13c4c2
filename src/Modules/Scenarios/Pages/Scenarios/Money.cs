using System.Globalization;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>Budgets as a page shows them: yuan with thousands separators.</summary>
internal static class Money
{
    public static string Yuan(decimal? value) =>
        value is { } v ? "¥" + v.ToString("#,0.##", CultureInfo.InvariantCulture) : "—";

    public static string Range(decimal? min, decimal? max) => (min, max) switch
    {
        (null, null) => "—",
        _ when min == max => Yuan(min),
        _ => $"{Yuan(min)} – {Yuan(max)}",
    };
}
