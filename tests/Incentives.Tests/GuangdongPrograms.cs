using System.Globalization;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.TestSupport;

namespace Funeng.Incentives.Tests;

/// <summary>The shipped packs' programs, read once for the logic tests.</summary>
internal static class GuangdongPrograms
{
    public static string PacksDirectory => Path.Combine(AppContext.BaseDirectory, "policies");

    public static string Directory => Path.Combine(PacksDirectory, "guangdong");

    public static ProgramPack Pack { get; } = ProgramPackReader.Read(Directory);

    /// <summary>The module's UI strings, to read a trace step as a person reads it.</summary>
    public static UiText Text { get; } = new([new UiStringSource(typeof(ProgramPack).Assembly)]);

    public static string English(TraceStep step) => step.Detail.In(Text, CultureInfo.GetCultureInfo(UiCultures.English));

    public static string Chinese(TraceStep step) => step.Detail.In(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese));

    public static IncentiveProgram Program(string id) => Pack.Find(id) ?? throw new InvalidOperationException($"no program {id}");

    /// <summary>A writable copy of the pack with one file's text changed.</summary>
    public static string CopyWith(string file, Func<string, string> edit) => PackFiles.CopyWith(Directory, file, edit);

    /// <summary>The 1-based line of the first occurrence of <paramref name="text"/> in a pack file.</summary>
    public static int LineOf(string packDirectory, string file, string text) => PackFiles.LineOf(packDirectory, file, text);
}
