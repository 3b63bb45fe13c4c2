using System.CommandLine;
using System.Globalization;
using Funeng.Catalog;
using Funeng.Compute;
using Funeng.Incentives;
using Funeng.Index;
using Funeng.Kernel;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform;
using Funeng.Policy;
using Funeng.Scenarios;

namespace Funeng.Cli;

/// <summary>
/// The command line's one language, decided once before the command tree is built (docs/decisions/0015): the
/// <c>--culture</c> of the arguments, else <c>FUNENG_CULTURE</c>, else English when <c>LANG</c> starts with
/// <c>en</c>, else zh-CN. Help texts, progress, tables and problems all read in it, from the CLI's own
/// <c>strings.json</c> (help texts, <c>cli.*</c>) and the modules' (what a command reports).
/// </summary>
internal sealed class CliText
{
    public const string OptionName = "--culture";

    private static readonly UiText Strings = new(
        [.. new[]
        {
            typeof(CliText), typeof(FunengKernel), typeof(PlatformModule), typeof(PolicyModule), typeof(ScenariosModule),
            typeof(CatalogModule), typeof(IncentivesModule), typeof(ComputeModule), typeof(IndexModule),
        }.Select(t => new UiStringSource(t.Assembly))]);

    private CliText(CultureInfo culture)
    {
        Culture = culture;
        Option = new Option<string>(OptionName)
        {
            Description = Get("cli.culture"),
            DefaultValueFactory = _ => culture.Name,
            Recursive = true,
        };
        Option.AcceptOnlyFromAmong([.. UiCultures.All]);
    }

    /// <summary>The language of every word the command line prints.</summary>
    public CultureInfo Culture { get; }

    /// <summary>
    /// <c>--culture</c>, defined once on the root and inherited by every command. Its value was read before parsing
    /// (<see cref="Decide"/>), so commands read <see cref="Culture"/>; the option is here to be parsed and listed.
    /// </summary>
    public Option<string> Option { get; }

    /// <summary>Every UI string: the CLI's and every module's.</summary>
    public static UiText All => Strings;

    /// <summary>The language for <paramref name="args"/> and the environment, made the process's UI culture.</summary>
    public static CliText For(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var culture = Decide(args, environment);
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return new CliText(culture);
    }

    /// <summary>
    /// <c>--culture zh-CN|en</c> (also <c>--culture=en</c>) anywhere in <paramref name="args"/>; else
    /// <c>FUNENG_CULTURE</c> (zh… or en…); else <c>en</c> when <c>LANG</c> starts with <c>en</c>; else zh-CN.
    /// A <c>--culture</c> value that is neither is left to the parser to refuse, in the environment's language.
    /// </summary>
    public static CultureInfo Decide(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        string? chosen = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            var value = arg == OptionName && i + 1 < args.Count ? args[i + 1]
                : arg.StartsWith(OptionName + "=", StringComparison.Ordinal) || arg.StartsWith(OptionName + ":", StringComparison.Ordinal) ? arg[(OptionName.Length + 1)..]
                : null;
            chosen = UiCultures.All.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) ?? chosen;
        }

        chosen ??= Language(environment("FUNENG_CULTURE"))
            ?? (environment("LANG")?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? UiCultures.English : null)
            ?? UiCultures.Chinese;
        return CultureInfo.GetCultureInfo(chosen);
    }

    /// <summary>A string of the CLI's or a module's <c>strings.json</c>, in the chosen language.</summary>
    public string Get(string key) => Strings.Get(key, Culture);

    /// <summary>A string with {0}-style arguments (codes, names, nested messages), in the chosen language.</summary>
    public string Format(string key, params object?[] arguments) => ProblemMessage.Of(key, arguments).In(Strings, Culture);

    /// <summary>A message a module made (a refusal, a located file problem), in the chosen language.</summary>
    public string Say(ProblemMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.In(Strings, Culture);
    }

    /// <summary>An input problem's messages, each with its field or location where it has one.</summary>
    public IEnumerable<string> Say(InvalidInputException problems) =>
        InvalidInputException.Describe(problems?.Problems ?? [], Strings, Culture).SelectMany(p => p.Value);

    private static string? Language(string? value) =>
        value is null ? null
        : value.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? UiCultures.English
        : value.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? UiCultures.Chinese
        : null;
}
