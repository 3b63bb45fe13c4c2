using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Tests;

/// <summary>Compute's strings.json, to read a message the scheduler made as a person reads it in either language.</summary>
internal static class ComputeText
{
    public static UiText Text { get; } = new([new UiStringSource(typeof(ComputeModule).Assembly)]);

    public static string English(ProblemMessage message) => message.In(Text, CultureInfo.GetCultureInfo(UiCultures.English));

    public static string Chinese(ProblemMessage message) => message.In(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese));
}
