using System.Globalization;
using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Web;

/// <summary>
/// Input that cannot be accepted as given, with the problems by field. The API answers 400 problem details that
/// name each field (<see cref="ProblemMapping"/>); pages show the problems next to the fields and in a summary
/// (<see cref="ProblemsPageFilter"/>); the CLI prints them. Nothing has been written when it is thrown.
/// A request that is well-formed but refused by a business rule is a <see cref="DomainRuleException"/> instead.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(IEnumerable<FieldProblem> problems)
        : this(problems?.ToList() ?? throw new ArgumentNullException(nameof(problems)))
    {
    }

    /// <summary>Problems whose texts have no key yet, by field (the shape of ASP.NET Core's validation problems).</summary>
    public InvalidInputException(Dictionary<string, string[]> errors)
        : this(FromDictionary(errors))
    {
    }

    public InvalidInputException()
        : this(new List<FieldProblem>())
    {
    }

    public InvalidInputException(string message)
        : this([FieldProblem.Fixed(string.Empty, message)])
    {
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [FieldProblem.Fixed(string.Empty, message)];
    }

    private InvalidInputException(List<FieldProblem> problems)
        : base(Summarise(problems))
    {
        Problems = problems;
    }

    /// <summary>The problems, in the order found.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; }

    /// <summary>One problem with one field, from <c>strings.json</c>.</summary>
    public static InvalidInputException For(string field, string key, params object?[] arguments) =>
        new([FieldProblem.Of(field, key, arguments)]);

    /// <summary>Throws when <paramref name="problems"/> holds any problem.</summary>
    public static void ThrowIfAny(IEnumerable<FieldProblem> problems)
    {
        var list = problems?.ToList() ?? throw new ArgumentNullException(nameof(problems));
        if (list.Count > 0)
        {
            throw new InvalidInputException(list);
        }
    }

    /// <summary>Throws when <paramref name="errors"/> (texts by field) holds any problem.</summary>
    public static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
    }

    /// <summary>
    /// The messages by field (or location) without the UI text: fixed texts as they are, keyed messages as key and
    /// arguments. For logs and for callers that show only fixed texts; pages and the API use <see cref="Describe(UiText, CultureInfo?)"/>.
    /// </summary>
    public Dictionary<string, string[]> Errors => Problems
        .GroupBy(p => p.Location, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Description.ToString()).ToArray(), StringComparer.Ordinal);

    /// <summary>The messages by field (or location) in <paramref name="culture"/> (the current UI culture if null).</summary>
    public Dictionary<string, string[]> Describe(UiText text, CultureInfo? culture = null) => Describe(Problems, text, culture);

    /// <summary>
    /// <paramref name="problems"/> by field (or location) in <paramref name="culture"/> (the current UI culture if
    /// null): for pages that show a use case's problems next to their own fields without throwing.
    /// </summary>
    public static Dictionary<string, string[]> Describe(IEnumerable<FieldProblem> problems, UiText text, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(text);
        culture ??= CultureInfo.CurrentUICulture;
        return problems
            .GroupBy(p => p.Location, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Description.In(text, culture)).ToArray(), StringComparer.Ordinal);
    }

    private static List<FieldProblem> FromDictionary(Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.SelectMany(e => e.Value.Select(m => FieldProblem.Fixed(e.Key, m))).ToList();
    }

    private static string Summarise(List<FieldProblem> problems) =>
        $"{problems.Count} problem(s): " + string.Join("; ", problems.Take(5).Select(p => $"{p.Location}: {p.Description}"));
}
