using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Funeng.Compute.Engines;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.Extensions.Options;

namespace Funeng.Compute.Jobs;

/// <summary>A template as a client sees it (the form, the API).</summary>
internal sealed record JobTemplateView(string Name, string TitleZh, string TitleEn, IReadOnlyList<JobParameterView> Parameters);

internal sealed record JobParameterView(string Name, string Kind, bool Required, long? Min, long? Max, int MaxLength, IReadOnlyList<string> Choices);

/// <summary>
/// The registered job templates (<see cref="ComputeOptions.JobTemplates"/>) and the rules for a request's arguments.
/// A request names a template and gives arguments as data; they are checked here and reach the program as argv
/// elements, never through a shell. The built-in <c>reserve</c> template holds the devices for the planned time.
/// </summary>
internal sealed partial class JobTemplates(IOptions<ComputeOptions> options, UiText text)
{
    public const string Reserve = JobSpec.Reservation;

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    // A template's title is shown in either language, as the configured templates' are.
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo(UiCultures.Chinese);
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo(UiCultures.English);

    public IReadOnlyList<JobTemplateView> List() =>
    [
        new(Reserve, text.Get("compute.template.reserve", Zh), text.Get("compute.template.reserve", En), []),
        .. options.Value.JobTemplates.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new JobTemplateView(t.Key, t.Value.TitleZh, t.Value.TitleEn,
            [.. t.Value.Parameters.Select(p => new JobParameterView(p.Name, p.Kind, p.Required, p.Min, p.Max, p.MaxLength, p.Choices))])),
    ];

    /// <summary>The problems of a request's template and arguments, by field (<c>template</c>, <c>arguments.NAME</c>).</summary>
    public IEnumerable<FieldProblem> Validate(string? template, IReadOnlyDictionary<string, string> arguments)
    {
        var name = string.IsNullOrWhiteSpace(template) ? Reserve : template.Trim();
        if (name == Reserve)
        {
            foreach (var key in arguments.Keys)
            {
                yield return FieldProblem.Of("arguments." + key, "compute.problem.reserve-takes-no-arguments");
            }

            yield break;
        }

        if (!options.Value.JobTemplates.TryGetValue(name, out var registered))
        {
            yield return FieldProblem.Of("template", "compute.problem.template-unknown", name, string.Join(", ", List().Select(t => t.Name)));
            yield break;
        }

        foreach (var key in arguments.Keys.Where(k => registered.Parameters.All(p => p.Name != k)))
        {
            yield return FieldProblem.Of("arguments." + key, "compute.problem.argument-unknown", name, key);
        }

        foreach (var parameter in registered.Parameters)
        {
            if (!arguments.TryGetValue(parameter.Name, out var value))
            {
                if (parameter.Required)
                {
                    yield return FieldProblem.Of("arguments." + parameter.Name, "compute.problem.argument-required");
                }

                continue;
            }

            if (ValueProblem(parameter, value) is { } problem)
            {
                yield return new FieldProblem("arguments." + parameter.Name, problem);
            }
        }
    }

    /// <summary>The job a request's stored template and arguments run as; null for <c>reserve</c>.</summary>
    public JobSpec? Spec(string? template, string? argumentsJson)
    {
        if (string.IsNullOrEmpty(template) || template == Reserve)
        {
            return null;
        }

        if (!options.Value.JobTemplates.TryGetValue(template, out var registered))
        {
            throw new EngineException($"The job template '{template}' is no longer registered.");
        }

        var arguments = ParseStored(argumentsJson);
        List<string> argv = [.. registered.Arguments];
        foreach (var parameter in registered.Parameters)
        {
            if (arguments.TryGetValue(parameter.Name, out var value))
            {
                if (!string.IsNullOrEmpty(parameter.Flag))
                {
                    argv.Add(parameter.Flag);
                }

                argv.Add(value);
            }
        }

        return new JobSpec(template, registered.EntryPoint, argv);
    }

    public static Dictionary<string, string> ParseStored(string? argumentsJson) =>
        string.IsNullOrEmpty(argumentsJson) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(argumentsJson) ?? [];

    private static ProblemMessage? ValueProblem(JobParameterOptions parameter, string value)
    {
        if (value.Any(char.IsControl))
        {
            return ProblemMessage.Of("compute.problem.argument-control");
        }

        if (value.Length > parameter.MaxLength)
        {
            return ProblemMessage.Of("compute.problem.argument-length", parameter.MaxLength);
        }

        switch (parameter.Kind)
        {
            case "integer":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return ProblemMessage.Of("compute.problem.argument-integer");
                }

                return number < (parameter.Min ?? long.MinValue) || number > (parameter.Max ?? long.MaxValue)
                    ? ProblemMessage.Of("compute.problem.argument-range", parameter.Min, parameter.Max)
                    : null;
            case "choice":
                return parameter.Choices.Contains(value, StringComparer.Ordinal) ? null : ProblemMessage.Of("compute.problem.argument-choice", string.Join(", ", parameter.Choices));
            default:
                try
                {
                    return parameter.Pattern is null || Regex.IsMatch(value, $"^(?:{parameter.Pattern})$", RegexOptions.None, PatternTimeout)
                        ? null
                        : ProblemMessage.Of("compute.problem.argument-form");
                }
                catch (RegexMatchTimeoutException)
                {
                    return ProblemMessage.Of("compute.problem.argument-slow");
                }
        }
    }

    /// <summary>What is wrong with the configured templates; the host refuses to start on any.</summary>
    public static IReadOnlyList<string> Problems(ComputeOptions options)
    {
        List<string> problems = [];
        foreach (var (name, t) in options.JobTemplates)
        {
            if (!TemplateName().IsMatch(name) || name == Reserve)
            {
                problems.Add($"Compute:JobTemplates:{name}: a template name is 1-64 lower-case letters, digits or dashes (and not 'reserve').");
            }

            if (!Path.IsPathFullyQualified(t.EntryPoint) || t.EntryPoint.Any(char.IsControl))
            {
                problems.Add($"Compute:JobTemplates:{name}:EntryPoint must be an absolute path.");
            }

            foreach (var p in t.Parameters)
            {
                if (!ParameterName().IsMatch(p.Name) || p.Kind is not ("integer" or "text" or "choice") || p.MaxLength < 1
                    || (p.Kind == "choice" && p.Choices.Count == 0) || (p.Pattern is not null && !Compiles(p.Pattern)))
                {
                    problems.Add($"Compute:JobTemplates:{name}:Parameters:{p.Name}: a name of letters, digits, '_' or '-', a kind of integer, text or choice (with choices), a positive MaxLength and a valid Pattern.");
                }
            }

            if (t.Parameters.GroupBy(p => p.Name).Any(g => g.Count() > 1))
            {
                problems.Add($"Compute:JobTemplates:{name}: parameter names must be distinct.");
            }
        }

        return problems;
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, PatternTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex TemplateName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex ParameterName();
}

/// <summary>Refuses to start with a badly registered template, naming it.</summary>
internal sealed class JobTemplatesValidation : IValidateOptions<ComputeOptions>
{
    public ValidateOptionsResult Validate(string? name, ComputeOptions options)
    {
        var problems = JobTemplates.Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
